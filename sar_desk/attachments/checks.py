"""Hostile or damaged attachments, refused one by one before anything else reads them.

Each check returns a sentence saying why a file is refused (None when it is fine). A refused
file is not kept; its message stays, and the import report says which file and why. What is
checked: size, decompression bombs in images (pixel counts far beyond any phone camera) and in
Office documents (zip entries that inflate absurdly), malformed images, encrypted or unreadable
PDFs, and archive entries that point outside the document.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import zipfile
from pathlib import PurePosixPath
from typing import Final

from sar_desk.core.attachments import UNDECODED_IMAGES, MediaKind, media_kind

logger = logging.getLogger(__name__)

__all__ = ["UNDECODED_IMAGES", "check_declared", "check_size", "check_zip_document", "vet"]

MAX_ATTACHMENT_BYTES: Final = 200 * 1024**2
"""Files larger than this are not kept (a chat's photos and documents are far smaller)."""
MAX_IMAGE_PIXELS: Final = 80_000_000
"""About four times a 20-megapixel phone photo; beyond it an image is treated as a bomb."""
MAX_PDF_PAGES: Final = 2_000
MAX_OFFICE_UNCOMPRESSED: Final = 512 * 1024**2
MAX_OFFICE_RATIO: Final = 200
MAX_OFFICE_ENTRIES: Final = 10_000
_PROLOG_BYTES: Final = 64 * 1024
"""How much of an XML part is read for a DOCTYPE before its root element."""
_ROOT_ELEMENT: Final = re.compile(rb"<[A-Za-z_]")


def check_size(size: int) -> str | None:
    """Refuse a file over the size limit."""
    if size > MAX_ATTACHMENT_BYTES:
        return (
            f"it is {size / 1024**2:,.0f} MB, more than the "
            f"{MAX_ATTACHMENT_BYTES // 1024**2:,} MB kept for one attachment"
        )
    return None


def _check_image(data: bytes) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its limit raises) for huge images: we decide.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return (
                        f"it claims {width:,} x {height:,} pixels, far beyond any camera "
                        "(a 'decompression bomb')"
                    )
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # verify() does not decode pixels; a cut-off photo fails here
    except Image.DecompressionBombError:
        return "it claims far more pixels than any camera makes (a 'decompression bomb')"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        logger.info("image refused: %s", type(exc).__name__)
        return "it is a damaged or malformed image that cannot be decoded"
    return None


def _check_pdf(data: bytes) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return "it is an encrypted (password-protected) PDF, so its content cannot be checked"
        pages = len(reader.pages)
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        logger.info("pdf refused: %s", type(exc).__name__)
        return "it is a damaged PDF that cannot be read"
    if pages > MAX_PDF_PAGES:
        return f"it has {pages:,} pages, more than the {MAX_PDF_PAGES:,} read from one PDF"
    return None


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part has a DOCTYPE (Office XML never does; entities are an attack)."""
    with archive.open(info) as handle:
        head = handle.read(_PROLOG_BYTES)
    root = _ROOT_ELEMENT.search(head)
    prolog = head[: root.start()] if root else head
    return b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog


def check_zip_document(data: bytes, what: str = "document") -> str | None:
    """Refuse an Office or OpenDocument file (or a zip) that is a bomb, damaged or escapes.

    Its XML parts must not declare entities ('billion laughs', external entities reading
    local files): the text readers refuse them too, but the file is refused at import so a
    crafted document never sits in the case looking like an ordinary one.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_OFFICE_ENTRIES:
                return f"the {what} lists {len(entries):,} parts (a crafted file)"
            total = 0
            for info in entries:
                pure = PurePosixPath(info.filename.replace("\\", "/"))
                if pure.is_absolute() or ".." in pure.parts:
                    return f"the {what} holds a part that points outside it (a crafted file)"
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 1024**2 and ratio > MAX_OFFICE_RATIO:
                    return f"the {what} would inflate absurdly when opened (a 'zip bomb')"
            if total > MAX_OFFICE_UNCOMPRESSED:
                return f"the {what} would unpack to more than any real {what} (a 'zip bomb')"
            if archive.testzip() is not None:
                return f"the {what} is a damaged zip file"
            if what == "document" and any(
                _declares_entities(archive, info)
                for info in entries
                if info.filename.endswith((".xml", ".rels"))
            ):
                return "the document's XML declares entities (a crafted file)"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        logger.info("%s refused: %s", what, type(exc).__name__)
        return f"it is a damaged {what} that cannot be opened"
    return None


_FAMILIES: Final = {"image": "image", "audio": "media", "video": "media"}
"""Declared and real types must agree this far (a voice note in a video container is fine)."""


def check_declared(declared: str, media_type: str) -> str | None:
    """Refuse a file whose content is not the kind of file its export said it is.

    A part an MMS declares as a photo, voice note or video but whose bytes are something else
    (a PDF, a program, unknown bytes) is disguised or damaged; it is not kept.
    """
    family = _FAMILIES.get(declared.split("/", 1)[0])
    if family is None or _FAMILIES.get(media_type.split("/", 1)[0]) == family:
        return None
    return f"the backup calls it {declared}, but its content is {media_type} (a disguised file)"


def vet(data: bytes, media_type: str) -> str | None:
    """Why a file must not be kept, or None when it passes every check for its type."""
    reason = check_size(len(data))
    if reason:
        return reason
    if not data:
        return "the file is empty"
    kind = media_kind(media_type)
    if media_type in UNDECODED_IMAGES:
        return None  # kept for a person to look at; Pillow has no decoder for them
    if kind is MediaKind.IMAGE:
        return _check_image(data)
    if kind is MediaKind.PDF:
        return _check_pdf(data)
    if kind is MediaKind.OFFICE:
        return check_zip_document(data)
    if media_type == "application/zip" or data[:4] == b"PK\x03\x04":
        # Never opened by the case, but a bomb, an escaping entry or a cut-off zip (a
        # damaged Office document sniffs as unknown bytes) is refused all the same.
        return check_zip_document(data, "zip file")
    if media_type == "text/plain" and _declares_xml_entities(data):
        return "it is XML that declares entities (a crafted file)"
    return None


def _declares_xml_entities(data: bytes) -> bool:
    """Whether a text file is XML with a DOCTYPE declaring entities (billion laughs, XXE).

    The case never parses it (it is kept and shown as text), but no real chat attachment
    needs entity declarations, and a crafted file is refused rather than kept looking benign.
    """
    head = data[:_PROLOG_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<!DOCTYPE")) and b"<!ENTITY" in head
