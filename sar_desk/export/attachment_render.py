"""Approved attachment decisions into the render records: images under their message.

`app` hands over one `AttachmentOutcome` per attachment with an approved decision (the export
uses approved decisions only). A disclosed image is rebuilt from its pixels with every box
burned in (`images.redact_image`) and placed under its message; a disclosed PDF or Office
document is placed as page images with its boxes burned in (`pages.render_pages`: no text
layer or metadata of the original); a withheld attachment gets one line saying so and under
which code; a voice note or video disclosed in full gets a line saying it is not shown.
The message's status and codes follow, and the codes join the glossary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sar_desk.core.attachment_review import AttachmentAction
from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.model import MessageId
from sar_desk.export.images import MAX_EXPORT_PIXELS, Box, redact_image
from sar_desk.export.pages import PageBox, render_pages
from sar_desk.export.render_model import ItemStatus, RenderBundle, RenderImage, RenderMessage


@dataclass(frozen=True, slots=True)
class AttachmentOutcome:
    """One attachment's approved decision, with what the export needs to carry it out.

    Attributes:
        message_id: Its message.
        position: Its place in the message's attachment list (0-based).
        action: Disclose, disclose with boxes, or withhold.
        code: The reason code (redact and withhold), as a full record for the glossary.
        boxes: Regions to burn in (pixels of the upright image).
        data: The kept file's bytes, for images to disclose; None for anything else.
        document: A PDF to disclose as page images: the kept PDF, or the fresh pages an
            Office document was reviewed as (`attachments.office_pages`); None otherwise.
        page_boxes: Regions to burn into the document's pages, (page, x0, y0, x1, y1) in
            points of the page as shown.
        laid_out: The document's pages were laid out afresh from its text (an Office file),
            which the caption says.
        unreadable: The file was refused at import (damaged or unsafe): a line says it is
            not shown.
        terms: What the boxes cover that detection named (a name, an address): protected
            terms for the leak checks, so OCR of the output finds them if a box misses.
    """

    message_id: MessageId
    position: int
    action: AttachmentAction
    code: ReasonCode | None = None
    boxes: tuple[Box, ...] = ()
    data: bytes | None = None
    terms: tuple[str, ...] = ()
    document: bytes | None = None
    page_boxes: tuple[PageBox, ...] = ()
    laid_out: bool = False
    unreadable: bool = False


NOT_SHOWN = (
    "[Attachment {number}: a voice note, video or file this bundle cannot show; ask us for a copy]"
)
"""The line for an attachment disclosed in full that is neither an image nor a document (a
voice note, a video); it is not withheld, so it carries no code."""
NOT_READABLE = (
    "[Attachment {number} could not be opened safely (the file was damaged or unsafe), so it "
    "is not shown; ask us for a copy]"
)
"""The line for a file refused at import: it is in the export but nothing of it is shown."""


def _redacted(label: str, count: int, code: ReasonCode | None) -> str:
    if not count or code is None:
        return label
    return f"{label} · {count} area{'s' if count != 1 else ''} redacted · {code.marker}"


def _pages(outcome: AttachmentOutcome, number: int, max_pixels: int) -> list[RenderImage]:
    """A document's pages as images, each with the boxes on it burned in."""
    assert outcome.document is not None
    boxes = outcome.page_boxes if outcome.action is AttachmentAction.REDACT else ()
    pages = render_pages(outcome.document, boxes, max_pixels=max_pixels)
    out = []
    for page, clean in enumerate(pages):
        what = f"Attachment {number}" + (" (its text, laid out afresh)" if outcome.laid_out else "")
        label = f"{what}, page {page + 1} of {len(pages)}"
        count = sum(1 for b in boxes if b[0] == page)
        out.append(
            RenderImage(clean.png, clean.width, clean.height, _redacted(label, count, outcome.code))
        )
    return out


def _place(
    msg: RenderMessage, outcomes: Sequence[AttachmentOutcome], max_pixels: int
) -> tuple[RenderMessage, list[ReasonCode]]:
    images = list(msg.images)
    lines = list(msg.attachments)
    codes = set(msg.codes)
    used: list[ReasonCode] = []
    for outcome in sorted(outcomes, key=lambda o: o.position):
        number = outcome.position + 1
        if outcome.action is AttachmentAction.WITHHOLD and outcome.code is not None:
            lines.append(f"[Attachment {number} withheld · {outcome.code.marker}]")
            codes.add(outcome.code.code)
            used.append(outcome.code)
            continue
        if outcome.unreadable:
            lines.append(NOT_READABLE.format(number=number))
            continue
        redacting = outcome.action is AttachmentAction.REDACT and outcome.code is not None
        if outcome.document is not None:
            images += _pages(outcome, number, max_pixels)
            burned = bool(outcome.page_boxes)
        elif outcome.data is not None:
            boxes = outcome.boxes if outcome.action is AttachmentAction.REDACT else ()
            clean = redact_image(outcome.data, boxes, max_pixels=max_pixels)
            label = _redacted(f"Image {number}", len(boxes), outcome.code)
            images.append(RenderImage(clean.png, clean.width, clean.height, label))
            burned = bool(boxes)
        else:
            lines.append(NOT_SHOWN.format(number=number))
            continue
        if redacting and burned and outcome.code is not None:
            codes.add(outcome.code.code)
            used.append(outcome.code)
    status = msg.status
    if codes and status is ItemStatus.FULL:
        status = ItemStatus.PART
    placed = replace(
        msg,
        images=tuple(images),
        attachments=tuple(lines),
        codes=tuple(sorted(codes)),
        status=status,
    )
    return placed, used


def attachment_terms(outcomes: Sequence[AttachmentOutcome]) -> tuple[str, ...]:
    """The protected terms the attachments' boxes cover, each once, in order."""
    return tuple(dict.fromkeys(term for outcome in outcomes for term in outcome.terms))


def place_attachments(
    bundle: RenderBundle,
    outcomes: Sequence[AttachmentOutcome],
    *,
    max_pixels: int = MAX_EXPORT_PIXELS,
) -> RenderBundle:
    """The bundle with every approved attachment decision carried out.

    Raises:
        ImageRefusedError: An image to disclose is over the pixel limit or unreadable.
    """
    if not outcomes:
        return bundle
    by_message: dict[MessageId, list[AttachmentOutcome]] = {}
    for outcome in outcomes:
        by_message.setdefault(outcome.message_id, []).append(outcome)
    glossary = {code.code: code for code in bundle.codes}
    conversations = []
    for conv in bundle.conversations:
        messages = []
        for msg in conv.messages:
            mine = by_message.get(msg.message_id)
            if mine and msg.kind != "withheld":
                msg, used = _place(msg, mine, max_pixels)
                glossary.update((code.code, code) for code in used)
            messages.append(msg)
        conversations.append(replace(conv, messages=tuple(messages)))
    codes = tuple(sorted(glossary.values(), key=lambda c: c.code))
    return replace(bundle, conversations=tuple(conversations), codes=codes)
