"""PDF pages rendered for the bundle: hostile documents are refused or bounded, never trusted."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from sar_desk.export import pages
from sar_desk.export.images import ImageRefusedError, metadata_problems
from tests.unit.attachments import files


def _pdf(width_mm: float, height_mm: float, count: int = 1) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format=(width_mm, height_mm))
    for _ in range(count):
        pdf.add_page()
    return bytes(pdf.output())


def test_a_giant_page_is_rendered_within_the_pixel_limit() -> None:
    # 5 x 5 metres: at 150 dpi it would be 870 million pixels.
    (page,) = pages.render_pages(_pdf(5000, 5000), [], max_pixels=4_000_000)
    assert page.width * page.height <= 4_000_000
    assert metadata_problems(page.png) == []


def test_garbage_and_a_missing_page_are_refused_with_a_sentence() -> None:
    with pytest.raises(ImageRefusedError, match="could not be opened"):
        pages.render_pages(b"%PDF-1.7\n" + bytes(300), [])
    with pytest.raises(ImageRefusedError, match="no page 3"):
        pages.render_pages(files.pdf_with_text(), [], pages=[2])


def test_too_many_pages_are_refused_not_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "MAX_PAGES", 3)
    with pytest.raises(ImageRefusedError, match="4 pages"):
        pages.render_pages(_pdf(100, 100, 4), [])


def test_a_rotated_page_is_shown_upright_with_its_box_where_the_reviewer_drew_it() -> None:
    from pypdf import PdfReader, PdfWriter

    from sar_desk.attachments.pdf_pages import read_pdf

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(files.pdf_with_text())))
    writer.pages[0].rotate(90)
    out = io.BytesIO()
    writer.write(out)
    turned = out.getvalue()
    text, words, _, _ = read_pdf(turned, use_ocr=False)
    name = next(w for w in words if w.text == "Morgana")
    box = (0, name.x0, name.y0, name.x1, name.y1)
    (page,) = pages.render_pages(turned, [box], dpi=72)
    image = Image.open(io.BytesIO(page.png)).convert("RGB")
    assert image.width > image.height  # the portrait page turned on its side, as viewers show it
    inside = image.crop((int(name.x0) + 1, int(name.y0) + 1, int(name.x1) - 1, int(name.y1) - 1))
    assert inside.getextrema() == ((0, 0), (0, 0), (0, 0))  # solid black, not just ink
    assert "Morgana" in text


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (files.docx, "Ravindra Oyelaran"),
        (files.xlsx, "Ottoline Braithwaite"),
        (files.odt, "Cassius Pemberton"),
    ],
)
def test_each_office_kind_is_laid_out_on_pages_that_box_its_words(make, name: str) -> None:
    from sar_desk.attachments.office_pages import office_pdf
    from sar_desk.attachments.pdf_pages import read_pdf
    from sar_desk.core.attachments import boxes_for_span, merge_boxes

    laid_out = office_pdf(make(), files.FONT)
    text, words, _, _ = read_pdf(laid_out, use_ocr=False)
    start = text.index(name)
    (box,) = merge_boxes(boxes_for_span(words, start, start + len(name)))
    (page,) = pages.render_pages(laid_out, [box], dpi=72)
    image = Image.open(io.BytesIO(page.png)).convert("RGB")
    _, x0, y0, x1, y1 = box
    inside = image.crop((int(x0) + 1, int(y0) + 1, int(x1) - 1, int(y1) - 1))
    assert inside.getextrema() == ((0, 0), (0, 0), (0, 0))
    assert metadata_problems(page.png) == []
