"""Disclosed PDF documents as page images: rendered by PDFium, boxes burned into the pixels.

Nothing of the original PDF reaches the pack but the look of its pages: each page is rendered
to pixels as a viewer shows it (crop box and rotation applied), every approved box on that page
is filled solid black in those pixels, and a fresh picture is made from those pixels alone and
saved as a PNG (as `images.redact_image` does for photos), so no text layer, font, link, form,
annotation object, attachment or metadata of the original survives. Boxes are in points of the
page as shown, origin top-left (the coordinates of the word boxes `attachments.pdf_pages`
reads), so at scale s a box covers s times its points. pypdfium2 (PDFium) is Apache-2.0 /
BSD-3-Clause; PyMuPDF (AGPL) is not used.

Pure: bytes in, bytes out.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, Final

from PIL import Image, ImageDraw

from sar_desk.export.images import (
    BLACK,
    MAX_EXPORT_PIXELS,
    PAD,
    CleanImage,
    ImageRefusedError,
)

DPI: Final = 150
"""Resolution of a disclosed page: sharp on screen and on paper, about 2 MP for A4."""
MAX_PAGES: Final = 500
"""A document with more pages is not rendered into a bundle (withhold it, or send it apart)."""

PageBox = tuple[int, float, float, float, float]
"""(page, x0, y0, x1, y1): a region in points of the page as shown, page 0-based."""


def page_count(data: bytes) -> int:
    """How many pages a PDF has.

    Raises:
        ImageRefusedError: It cannot be opened.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ImageRefusedError(
            "A PDF document could not be opened and was not disclosed."
        ) from exc
    try:
        return len(document)
    finally:
        document.close()


def render_pages(
    data: bytes,
    boxes: Sequence[PageBox],
    *,
    dpi: float = DPI,
    pages: Sequence[int] | None = None,
    max_pixels: int = MAX_EXPORT_PIXELS,
) -> list[CleanImage]:
    """Each page (or the chosen ones) as a clean PNG with its boxes burned in.

    Args:
        data: The PDF's bytes.
        boxes: Regions to black out, in points of the page as shown.
        dpi: Pixels per inch of the pages (72 gives one pixel per point: the reviewer's view).
        pages: 0-based pages to render (all when None).
        max_pixels: A page is rendered smaller rather than over this many pixels.

    Raises:
        ImageRefusedError: The PDF cannot be opened or rendered, or has too many pages.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ImageRefusedError(
            "A PDF document could not be opened and was not disclosed."
        ) from exc
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise ImageRefusedError(
                f"A PDF document of {count:,} pages is more than the {MAX_PAGES:,} a bundle "
                "shows; withhold it or send it separately."
            )
        out: list[CleanImage] = []
        for number in range(count) if pages is None else pages:
            if not 0 <= number < count:
                raise ImageRefusedError(f"The document has no page {number + 1}.")
            mine = [b[1:] for b in boxes if b[0] == number]
            out.append(_render_page(document[number], mine, dpi, max_pixels))
        return out
    except pdfium.PdfiumError as exc:
        raise ImageRefusedError("A PDF page could not be rendered and was not disclosed.") from exc
    finally:
        document.close()


def _render_page(
    page: Any, boxes: Sequence[tuple[float, float, float, float]], dpi: float, max_pixels: int
) -> CleanImage:
    width, height = page.get_size()
    scale = min(dpi / 72, (max_pixels / max(float(width) * float(height), 1.0)) ** 0.5)
    try:
        bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
        picture = bitmap.to_pil().convert("RGB")
    finally:
        page.close()
    draw = ImageDraw.Draw(picture)
    for x0, y0, x1, y1 in boxes:
        if x1 <= x0 or y1 <= y0:
            continue
        left, top = max(0, int(x0 * scale) - PAD), max(0, int(y0 * scale) - PAD)
        right = min(picture.width - 1, int(x1 * scale + 0.999) + PAD)
        bottom = min(picture.height - 1, int(y1 * scale + 0.999) + PAD)
        if right >= left and bottom >= top:
            draw.rectangle((left, top, right, bottom), fill=BLACK)
    # A fresh image from the raw pixels, as every disclosed image is (`images.redact_image`):
    # nothing of PDFium's bitmap or the document can come along, only pixels. Saved without
    # `optimize`: a page is mostly white and the extra pass costs four times the encode.
    fresh = Image.frombytes("RGB", picture.size, picture.tobytes())
    out = io.BytesIO()
    fresh.save(out, format="PNG")
    return CleanImage(out.getvalue(), fresh.width, fresh.height, len(boxes))
