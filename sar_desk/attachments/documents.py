"""Text layers of PDFs and Office documents, read without rendering anything.

PDF: PDFium's text layer, page by page, with a box per word from its glyph boxes, in points
of the page as it is shown (`pdf_pages`). Office (docx, xlsx, pptx, odt, ods, odp): the words
of the document's XML parts, read with defusedxml (no entity expansion, no external entities);
their boxes come from the fresh pages they are laid out on (`office_pages`).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Final

from defusedxml import ElementTree

from sar_desk.attachments.checks import MAX_OFFICE_UNCOMPRESSED
from sar_desk.core.attachments import WordBox

# Paragraphs (Word, OpenDocument), headings, shared and inline strings (Excel).
_PARAGRAPH_TAGS: Final = frozenset({"p", "h", "si", "is"})
_SLIDE: Final = re.compile(r"ppt/slides/slide\d+\.xml$")
_SHEET: Final = re.compile(r"xl/worksheets/sheet\d+\.xml$")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _paragraphs(xml: bytes) -> list[str]:
    """The text of each paragraph (or string cell) of an Office XML part, in order."""
    root = ElementTree.fromstring(xml)
    out: list[str] = []
    for element in root.iter():
        if _local(element.tag) in _PARAGRAPH_TAGS:
            words = "".join(element.itertext())
            if words.strip():
                out.append(" ".join(words.split()))
    return out


def office_text(data: bytes) -> str:
    """The words of an Office or OpenDocument file, one paragraph a line."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        parts = [
            n
            for n in names
            if n in ("word/document.xml", "content.xml", "xl/sharedStrings.xml")
            or _SLIDE.search(n)
            or _SHEET.search(n)
        ]
        lines: list[str] = []
        budget = MAX_OFFICE_UNCOMPRESSED
        for name in sorted(parts):
            budget -= archive.getinfo(name).file_size
            if budget < 0:
                break
            lines += _paragraphs(archive.read(name))
    return "\n".join(lines)


def pdf_text(data: bytes, use_ocr: bool = True) -> tuple[str, tuple[WordBox, ...], int, bool]:
    """(text, word boxes, pages, whether any page was OCR'd) of a PDF (see `pdf_pages`)."""
    from sar_desk.attachments.pdf_pages import read_pdf

    return read_pdf(data, use_ocr)
