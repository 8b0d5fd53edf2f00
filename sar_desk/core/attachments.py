"""Attachments kept with their message: what was stored, the text read out of it, and where.

An export's photo, PDF, document or voice note is kept (a read-only, content-addressed copy in
the case folder), refused (hostile or over a limit: the message stays, the file does not) or
missing (the export named it but did not include it). Its text, when it has any, comes from OCR
(images, image-only PDF pages), a PDF's text layer or an Office document's XML, and every word
of it carries its box in pixels of the original image or page, so a finding's character span
maps to the regions to black out (`boxes_for_span`).

Pure data and pure functions: no I/O here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sar_desk.core.model import MessageId, PersonId, SourceId

AttachmentId = int


class AttachmentStatus(enum.StrEnum):
    """What happened to a file an export referred to."""

    KEPT = "kept"
    """Copied into the case, hashed and typed."""
    REFUSED = "refused"
    """In the export but not kept (hostile, damaged or over a limit); `reason` says why."""
    MISSING = "missing"
    """Named by the export but not included in it."""


class TextKind(enum.StrEnum):
    """Where an attachment's text came from."""

    OCR = "ocr"
    PDF_TEXT = "pdf-text"
    OFFICE_TEXT = "office-text"
    PLAIN_TEXT = "plain-text"
    VOICE = "voice"
    """Audio or video: no text is read (transcription is a later step); a human decides."""
    NONE = "none"
    """No text could be read (a photo without words, an unknown file type)."""


class MediaKind(enum.StrEnum):
    """The broad kind of a sniffed media type, which decides how text is read."""

    IMAGE = "image"
    PDF = "pdf"
    OFFICE = "office"
    TEXT = "text"
    AUDIO = "audio"
    VIDEO = "video"
    OTHER = "other"


_OFFICE_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    }
)

UNKNOWN_MEDIA_TYPE = "application/octet-stream"
UNDECODED_IMAGES = frozenset({"image/heic", "image/heif"})
"""iPhone photo formats Pillow cannot decode without a plug-in: kept, never read automatically,
and disclosed only as a line saying a copy can be asked for (no box can be burned in)."""


def media_kind(media_type: str) -> MediaKind:
    """The broad kind of a media type (``image/png`` -> IMAGE)."""
    major = media_type.split("/", 1)[0]
    if media_type == "application/pdf":
        return MediaKind.PDF
    if media_type in _OFFICE_TYPES:
        return MediaKind.OFFICE
    if major in ("image", "audio", "video", "text"):
        return MediaKind(major)
    return MediaKind.OTHER


LAID_OUT_KINDS = frozenset({MediaKind.OFFICE, MediaKind.TEXT})
"""Kinds reviewed and disclosed as their text laid out afresh on plain pages (never the file)."""
PAGED_KINDS = LAID_OUT_KINDS | {MediaKind.PDF}
"""Kinds reviewed and disclosed page by page, as page images with the boxes burned in."""


@dataclass(frozen=True, slots=True)
class WordBox:
    """One word of an attachment's text and where it is on the original image or page.

    Attributes:
        text: The word as it appears in the extracted text.
        page: 0-based page (always 0 for an image).
        x0, y0, x1, y1: The box in pixels of the original image as it is shown, i.e. after
            its EXIF orientation is applied (for PDF pages, in points of the page at 72 dpi,
            origin top-left), x0 < x1 and y0 < y1.
        start, end: The word's character offsets in the extracted text (end exclusive).
    """

    text: str
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AttachmentText:
    """The text read out of one file (cached by the file's content hash).

    Attributes:
        sha256: The content hash of the file it was read from.
        kind: How it was read.
        text: The text, words separated by spaces and lines by newlines; OCR text is
            normalised (O/0, I/1) without changing any offset.
        boxes: Every word's position; empty for text without positions (Office documents).
        pages: How many pages (1 for an image).
        engine: Which reader produced it ("rapidocr 1.3", "pypdf 5.1", ...), for the record.
    """

    sha256: str
    kind: TextKind
    text: str
    boxes: tuple[WordBox, ...] = ()
    pages: int = 1
    engine: str = ""


@dataclass(frozen=True, slots=True)
class StoredAttachment:
    """A file a message referred to, as the case holds it.

    Attributes:
        id: Attachment id (set once stored; 0 before).
        message_id: The message it belongs to.
        source_id: The import it came from.
        position: Its place in the message's attachment list (0-based).
        name: The file name as the export gave it.
        declared_type: What the importer called it ("image", "voice", "file", ...).
        media_type: The type sniffed from the content (never from the extension), or
            ``application/octet-stream`` when unknown, missing or refused unread.
        size: Size in bytes (0 when missing).
        sha256: SHA-256 of the content; None when missing or refused before it was read.
        status: Kept, refused or missing.
        reason: Why it was refused, or what is notable (one sentence); "" when kept normally.
        stored_path: Where the kept copy is, relative to the case folder; None unless kept.
        text_kind: How its text was read (NONE until extraction has run).
        text: The extracted text ("" when none).
    """

    id: AttachmentId
    message_id: MessageId
    source_id: SourceId
    position: int
    name: str
    declared_type: str
    media_type: str
    size: int
    sha256: str | None
    status: AttachmentStatus
    reason: str = ""
    stored_path: str | None = None
    text_kind: TextKind = TextKind.NONE
    text: str = ""

    @property
    def kind(self) -> MediaKind:
        """The broad kind of its sniffed type."""
        return media_kind(self.media_type)

    @property
    def needs_decision(self) -> bool:
        """Whether a human must look at it: audio and video are never read automatically."""
        return self.status is AttachmentStatus.KEPT and self.kind in (
            MediaKind.AUDIO,
            MediaKind.VIDEO,
        )


@dataclass(frozen=True, slots=True)
class AttachmentFinding:
    """A proposal that a span of an attachment's text is personal data.

    Attributes:
        attachment_id: The attachment whose text it is in.
        message_id: The attachment's message.
        start, end: Character offsets into the attachment's extracted text (end exclusive).
        text: The span's text.
        entity_type, score, recognizer, explanation, person_id: As for `core.findings.Finding`.
        id: Set once stored.
    """

    attachment_id: AttachmentId
    message_id: MessageId
    start: int
    end: int
    text: str
    entity_type: str
    score: float
    recognizer: str
    explanation: str = ""
    person_id: PersonId | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AttachmentPlan:
    """One attachment an import read, before it is stored (made by `sar_desk.attachments`).

    The importer's record says which message; the plan says what became of the file.
    """

    position: int
    name: str
    declared_type: str
    media_type: str
    size: int
    sha256: str | None
    status: AttachmentStatus
    reason: str = ""
    stored_path: str | None = None


def boxes_for_span(boxes: Iterable[WordBox], start: int, end: int) -> list[WordBox]:
    """The word boxes a character span touches (a finding inside one word gets that word)."""
    return [box for box in boxes if box.start < end and start < box.end]


def merge_boxes(boxes: Sequence[WordBox]) -> list[tuple[int, float, float, float, float]]:
    """(page, x0, y0, x1, y1) regions covering the boxes, one per page and line of words.

    Words of one line (vertically overlapping boxes on one page) are joined into one region so
    a blacked-out name leaves no gap between its words.
    """
    regions: list[list[float]] = []
    pages: list[int] = []
    for box in sorted(boxes, key=lambda b: (b.page, b.y0, b.x0)):
        for n, region in enumerate(regions):
            same_line = box.y0 < region[3] and region[1] < box.y1
            if pages[n] == box.page and same_line:
                region[0], region[1] = min(region[0], box.x0), min(region[1], box.y0)
                region[2], region[3] = max(region[2], box.x1), max(region[3], box.y1)
                break
        else:
            regions.append([box.x0, box.y0, box.x1, box.y1])
            pages.append(box.page)
    return [(page, r[0], r[1], r[2], r[3]) for page, r in zip(pages, regions, strict=True)]
