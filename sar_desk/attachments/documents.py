"""Text layers of PDFs and Office documents, read without rendering anything.

PDF: pypdf's text layer, page by page, with a box per word from the text matrix (in points,
origin top-left, widths estimated from the font size). A page with no text layer is a scan:
its largest embedded image is OCR'd and the word boxes are scaled from image pixels to the
page. Office (docx, xlsx, pptx, odt, ods, odp): the words of the document's XML parts, read
with defusedxml (no entity expansion, no external entities); they have no boxes.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Final

from defusedxml import ElementTree

from sar_desk.attachments import ocr
from sar_desk.attachments.checks import MAX_OFFICE_UNCOMPRESSED
from sar_desk.core.attachments import WordBox

# Paragraphs (Word, OpenDocument), headings, shared and inline strings (Excel).
_PARAGRAPH_TAGS: Final = frozenset({"p", "h", "si", "is"})
_SLIDE: Final = re.compile(r"ppt/slides/slide\d+\.xml$")
_SHEET: Final = re.compile(r"xl/worksheets/sheet\d+\.xml$")
_CHAR_WIDTH: Final = 0.5  # of the font size: an average Latin glyph, for estimated boxes


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


class _PageWords:
    """Collects pypdf's text pieces with their positions (pypdf's visitor API)."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.pieces: list[tuple[str, float, float, float]] = []

    def visit(self, text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text.strip():
            return
        scale = abs(float(tm[0]) * float(cm[0])) or 1.0
        x = float(cm[0]) * float(tm[4]) + float(cm[2]) * float(tm[5]) + float(cm[4])
        y = float(cm[1]) * float(tm[4]) + float(cm[3]) * float(tm[5]) + float(cm[5])
        self.pieces.append((text, x, self.height - y, max(float(size) * scale, 1.0)))


def _page_text(page: Any, number: int, offset: int) -> tuple[str, list[WordBox]]:
    height = float(page.mediabox.height)
    words = _PageWords(height)
    page.extract_text(visitor_text=words.visit)
    lines: list[str] = []
    boxes: list[WordBox] = []
    cursor = offset
    for text, x, baseline, size in words.pieces:
        for raw_line in text.splitlines():
            line = " ".join(raw_line.split())
            if not line:
                continue
            at = x
            for word in line.split(" "):
                width = len(word) * size * _CHAR_WIDTH
                top = baseline - size
                bottom = baseline + size * 0.25  # descenders
                end = cursor + len(word)
                boxes.append(WordBox(word, number, at, top, at + width, bottom, cursor, end))
                cursor += len(word) + 1
                at += width + size * _CHAR_WIDTH
            lines.append(line)
    return "\n".join(lines), boxes


def _page_scan(page: Any, number: int, offset: int) -> tuple[str, list[WordBox]]:
    """OCR the largest image on a page with no text layer, boxes scaled to page points."""
    import numpy as np

    images = list(page.images)
    if not images:
        return "", []
    largest = max(images, key=lambda i: i.image.width * i.image.height)
    picture = largest.image.convert("RGB")
    scale = float(page.mediabox.width) / max(picture.width, 1)
    lines = ocr.read_lines(picture)
    text, boxes = ocr.word_boxes(np.asarray(picture.convert("L")), lines, number, scale)
    shifted = [
        WordBox(b.text, b.page, b.x0, b.y0, b.x1, b.y1, b.start + offset, b.end + offset)
        for b in boxes
    ]
    return text, shifted


def pdf_text(data: bytes, use_ocr: bool = True) -> tuple[str, tuple[WordBox, ...], int, bool]:
    """(text, word boxes, pages, whether any page was OCR'd) of a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    texts: list[str] = []
    boxes: list[WordBox] = []
    scanned = False
    offset = 0
    for number, page in enumerate(reader.pages):
        text, found = _page_text(page, number, offset)
        if not text.strip() and use_ocr:
            text, found = _page_scan(page, number, offset)
            scanned = scanned or bool(text)
        texts.append(text)
        boxes += found
        offset += len(text) + 1
    return "\n".join(texts), tuple(boxes), len(reader.pages), scanned
