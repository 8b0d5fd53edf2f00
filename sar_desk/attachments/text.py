"""Reading the text out of one kept file, by its sniffed type.

`read_text` is a plain function of (bytes, media type, hash) so the detection job can run it in
worker processes; the result is stored once per content hash. Audio and video are never read
(kind VOICE: a person decides about them); a file that cannot be read gets kind NONE with no
text rather than failing the run.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sar_desk.attachments import documents, ocr, office_pages, pdf_pages
from sar_desk.attachments.checks import UNDECODED_IMAGES
from sar_desk.core.attachments import AttachmentText, MediaKind, TextKind, media_kind

logger = logging.getLogger(__name__)

MAX_PLAIN_TEXT = office_pages.MAX_PLAIN_TEXT


def read_text(data: bytes, media_type: str, sha256: str, font: str = "") -> AttachmentText:
    """The text of a file and where each word is, by its (sniffed) media type.

    `font` is the TrueType font Office documents are laid out in (`office_pages`); without it
    their words are read without boxes.
    """
    kind = media_kind(media_type)
    try:
        if kind is MediaKind.IMAGE and media_type not in UNDECODED_IMAGES:
            text, boxes = ocr.ocr_image_bytes(data)
            return AttachmentText(sha256, TextKind.OCR, text, boxes, 1, ocr.ENGINE)
        if kind is MediaKind.PDF:
            text, boxes, pages, scanned = documents.pdf_text(data)
            how = TextKind.OCR if scanned else TextKind.PDF_TEXT
            engine = pdf_pages.engine() + (f" + {ocr.ENGINE}" if scanned else "")
            return AttachmentText(sha256, how, text, boxes, pages, engine)
        if kind is MediaKind.OFFICE and font:
            # The words as laid out on the fresh pages the document is reviewed and shown as.
            pages_pdf = office_pages.office_pdf(data, Path(font))
            text, boxes, pages, _ = pdf_pages.read_pdf(pages_pdf, use_ocr=False)
            return AttachmentText(
                sha256, TextKind.OFFICE_TEXT, text, boxes, pages, office_pages.ENGINE
            )
        if kind is MediaKind.OFFICE:
            return AttachmentText(
                sha256, TextKind.OFFICE_TEXT, documents.office_text(data), (), 1, "defusedxml"
            )
        if kind is MediaKind.TEXT and font:
            # Laid out as the plain pages it is reviewed and disclosed as, like Office files.
            pages_pdf = office_pages.laid_out_pdf(data, kind, Path(font))
            text, boxes, pages, _ = pdf_pages.read_pdf(pages_pdf, use_ocr=False)
            return AttachmentText(sha256, TextKind.PLAIN_TEXT, text, boxes, pages, "fpdf2 pages")
        if kind is MediaKind.TEXT:
            text = office_pages.plain_text(data)
            return AttachmentText(sha256, TextKind.PLAIN_TEXT, text, (), 1, "utf-8")
        if kind in (MediaKind.AUDIO, MediaKind.VIDEO):
            return AttachmentText(sha256, TextKind.VOICE, "", (), 0, "")
    except ImportError:
        raise  # a broken installation, not a bad file: never cache it as "no text"
    except Exception as exc:  # one unreadable file must not stop the run; it is recorded
        logger.warning("text could not be read from a %s attachment: %s", kind, type(exc).__name__)
        return AttachmentText(sha256, TextKind.NONE, "", (), 0, f"failed: {type(exc).__name__}")
    return AttachmentText(sha256, TextKind.NONE, "", (), 0, "")


def read_file(path: str, media_type: str, sha256: str, font: str = "") -> AttachmentText:
    """`read_text` of a kept file on disk (what worker processes are given)."""
    return read_text(Path(path).read_bytes(), media_type, sha256, font)
