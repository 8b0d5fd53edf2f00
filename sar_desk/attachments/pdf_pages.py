"""A PDF's words and where they are, in points of each page as it is shown (PDFium).

The one coordinate system for PDF attachments, shared by the word boxes read here, the boxes a
reviewer draws and the page images the export renders (`export.pages`): points (1/72 inch) of
the page as a viewer shows it, origin top-left, after its crop box and rotation are applied, so
a page rendered at scale s has a box's pixels at s times its points. PDFium maps every glyph
from the page's user space with `FPDF_PageToDevice`, which knows about crop boxes, odd origins
and /Rotate; a word's box is the union of its glyph boxes (exact, not estimated).
A page with no text layer is a scan: it is rendered and read by OCR, and the boxes are scaled
back to points. pypdfium2 (PDFium) is Apache-2.0 / BSD-3-Clause; PyMuPDF is never used (AGPL).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any, Final

from sar_desk.core.attachments import WordBox

_PRECISION: Final = 8
"""Device units per point when mapping glyphs (PDFium returns whole device units)."""
OCR_SCALE: Final = 2.0
"""A scanned page is rendered at 144 dpi for OCR (enough for printed text of 8 points)."""
MAX_OCR_PIXELS: Final = 40_000_000

Mapper = Callable[[float, float], tuple[float, float]]


def engine() -> str:
    """The reader's name and version, for the record."""
    import pypdfium2

    return f"pypdfium2 {pypdfium2.PYPDFIUM_INFO}"


def shown_size(page: Any) -> tuple[float, float]:
    """(width, height) in points of the page as shown (crop box and rotation applied)."""
    width, height = page.get_size()
    return float(width), float(height)


def _mapper(page: Any) -> Mapper:
    """User space (points, origin bottom-left) -> points of the page as shown."""
    import pypdfium2.raw as pdfium_c

    width, height = shown_size(page)
    size_x, size_y = round(width * _PRECISION), round(height * _PRECISION)
    dx, dy = ctypes.c_int(), ctypes.c_int()

    def to_shown(x: float, y: float) -> tuple[float, float]:
        pdfium_c.FPDF_PageToDevice(
            page.raw, 0, 0, size_x, size_y, 0, x, y, ctypes.byref(dx), ctypes.byref(dy)
        )
        return dx.value / _PRECISION, dy.value / _PRECISION

    return to_shown


def _glyph_box(textpage: Any, index: int, to_shown: Mapper) -> tuple[float, ...] | None:
    left, bottom, right, top = textpage.get_charbox(index)
    if right <= left or top <= bottom:
        return None  # a space or line break PDFium made up: it has no ink
    xs, ys = zip(*(to_shown(x, y) for x in (left, right) for y in (bottom, top)), strict=True)
    return (min(xs), min(ys), max(xs), max(ys))


def page_words(page: Any, number: int, offset: int) -> tuple[str, list[WordBox]]:
    """The text layer of one page: words joined by spaces, lines by newlines, each with a box."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        chars = textpage.get_text_range(0, count) if count else ""
        if len(chars) != count:  # a character outside the BMP: read them one by one
            chars = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
        to_shown = _mapper(page)
        lines: list[str] = []
        words: list[str] = []
        boxes: list[WordBox] = []
        word, word_box = "", [0.0, 0.0, 0.0, 0.0]
        cursor = offset

        def end_word() -> None:
            nonlocal word, cursor
            if word:
                at = cursor + sum(len(w) + 1 for w in words)
                x0, y0, x1, y1 = word_box
                boxes.append(WordBox(word, number, x0, y0, x1, y1, at, at + len(word)))
                words.append(word)
                word = ""

        def end_line() -> None:
            nonlocal cursor
            end_word()
            if words:
                line = " ".join(words)
                lines.append(line)
                cursor += len(line) + 1
                words.clear()

        for index, char in enumerate(chars):
            if char in "\r\n":
                end_line()
                continue
            if char.isspace():
                end_word()
                continue
            glyph = _glyph_box(textpage, index, to_shown)
            if not word:
                word_box = list(glyph) if glyph else [0.0, 0.0, 0.0, 0.0]
            elif glyph:
                if word_box[2] <= word_box[0]:
                    word_box = list(glyph)
                word_box = [
                    min(word_box[0], glyph[0]),
                    min(word_box[1], glyph[1]),
                    max(word_box[2], glyph[2]),
                    max(word_box[3], glyph[3]),
                ]
            word += char
        end_line()
        return "\n".join(lines), boxes
    finally:
        textpage.close()


def _page_scan(page: Any, number: int, offset: int) -> tuple[str, list[WordBox]]:
    """OCR a page with no text layer, rendered, with the boxes scaled back to points."""
    import numpy as np

    from sar_desk.attachments import ocr

    width, height = shown_size(page)
    scale = min(OCR_SCALE, (MAX_OCR_PIXELS / max(width * height, 1.0)) ** 0.5)
    picture = page.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")
    lines = ocr.read_lines(picture)
    text, boxes = ocr.word_boxes(np.asarray(picture.convert("L")), lines, number, 1 / scale)
    shifted = [
        WordBox(b.text, b.page, b.x0, b.y0, b.x1, b.y1, b.start + offset, b.end + offset)
        for b in boxes
    ]
    return text, shifted


def read_pdf(data: bytes, use_ocr: bool = True) -> tuple[str, tuple[WordBox, ...], int, bool]:
    """(text, word boxes, pages, whether any page was OCR'd) of a PDF."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        texts: list[str] = []
        boxes: list[WordBox] = []
        scanned = False
        offset = 0
        for number in range(len(document)):
            page = document[number]
            try:
                text, found = page_words(page, number, offset)
                if not text.strip() and use_ocr:
                    text, found = _page_scan(page, number, offset)
                    scanned = scanned or bool(text)
            finally:
                page.close()
            texts.append(text)
            boxes += found
            offset += len(text) + 1
        return "\n".join(texts), tuple(boxes), len(document), scanned
    finally:
        document.close()
