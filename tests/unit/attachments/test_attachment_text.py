"""Text out of attachments: OCR with word boxes, PDF text layers and scans, Office documents."""

from __future__ import annotations

import pytest

from sar_desk.attachments.normalise import normalise_ocr
from sar_desk.attachments.sniff import sniff
from sar_desk.attachments.text import read_text
from sar_desk.core.attachments import TextKind, boxes_for_span, merge_boxes
from tests.unit.attachments import files


def _read(data: bytes) -> object:
    return read_text(data, sniff(data), "0" * 64)


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("9 Oak R0ad", "9 Oak Road"),
        ("Tel O7700 9OO461", "Tel 07700 900461"),
        ("Leeds LS7 3QP", "Leeds LS7 3QP"),
        ("London SW1A 1AA", "London SW1A 1AA"),
        ("Ref HX-20394", "Ref HX-20394"),
        ("Whitfie1d", "Whitfield"),
    ],
)
def test_ocr_confusions_are_undone_without_moving_offsets(ocr: str, fixed: str) -> None:
    assert normalise_ocr(ocr) == fixed
    assert len(normalise_ocr(ocr)) == len(ocr)


def test_a_photo_is_read_with_a_box_for_each_word() -> None:
    found = read_text(files.photo(), "image/jpeg", "a" * 64)
    assert found.kind is TextKind.OCR
    assert "Jordan Whitfield" in found.text
    assert "LS7 3QP" in found.text
    start = found.text.index("Jordan Whitfield")
    boxes = boxes_for_span(found.boxes, start, start + len("Jordan Whitfield"))
    assert [b.text for b in boxes] == ["Jordan", "Whitfield"]
    (region,) = merge_boxes(boxes)
    page, x0, y0, x1, y1 = region
    # The notice is drawn from x=100+60 on a 1200 x 800 photo, the name on the second line.
    assert page == 0
    assert 300 < x0 < 400
    assert 650 < x1 < 800
    assert 200 < y0 < y1 < 330
    for box in found.boxes:
        assert found.text[box.start : box.end] == box.text


def test_a_pdf_text_layer_is_read_with_boxes() -> None:
    found = _read(files.pdf_with_text())
    assert found.kind is TextKind.PDF_TEXT  # type: ignore[attr-defined]
    assert "Morgana Fairweather" in found.text  # type: ignore[attr-defined]
    assert found.boxes  # type: ignore[attr-defined]


def test_a_scanned_pdf_page_is_read_by_ocr_in_page_points() -> None:
    found = read_text(files.scanned_pdf(), "application/pdf", "b" * 64)
    assert found.kind is TextKind.OCR
    assert "Jordan Whitfield" in found.text
    assert all(b.x1 <= 600 for b in found.boxes)  # an A4 page is 595 points wide


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (files.docx, "Ravindra Oyelaran"),
        (files.xlsx, "Ottoline Braithwaite"),
        (files.odt, "Cassius Pemberton"),
        (files.pptx, "Philippa Okonkwo-Hart"),
        (files.ods, "Bartholomew Ashdown-Clarke"),
        (files.odp, "Genevieve Strathmore"),
    ],
)
def test_office_documents_give_their_words(make: object, words: str) -> None:
    assert callable(make)
    found = read_text(make(), sniff(make()), "c" * 64)
    assert found.kind is TextKind.OFFICE_TEXT
    assert words in found.text


@pytest.mark.parametrize(
    ("make", "words"),
    [(files.pptx, "Philippa Okonkwo-Hart"), (files.ods, "Bartholomew"), (files.odp, "Strathmore")],
)
def test_every_office_kind_is_laid_out_with_word_boxes(make: object, words: str) -> None:
    assert callable(make)
    found = read_text(make(), sniff(make()), "c" * 64, str(files.FONT))
    assert found.kind is TextKind.OFFICE_TEXT
    start = found.text.index(words)
    assert boxes_for_span(found.boxes, start, start + len(words))


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"Keys with Ottilie Marchbanks\n", "text/plain"),
        (b"BEGIN:VCARD\nVERSION:3.0\nFN:Ottilie Marchbanks\nEND:VCARD\n", "text/vcard"),
    ],
)
def test_text_files_and_contact_cards_are_read_on_their_pages(data: bytes, media_type: str) -> None:
    assert sniff(data) == media_type
    found = read_text(data, media_type, "f" * 64, str(files.FONT))
    assert found.kind is TextKind.PLAIN_TEXT
    start = found.text.index("Marchbanks")
    (box,) = boxes_for_span(found.boxes, start, start + len("Marchbanks"))
    assert box.page == 0
    assert box.x1 > box.x0


def test_voice_notes_are_left_for_a_person() -> None:
    found = read_text(files.voice_note(), "audio/ogg", "d" * 64)
    assert (found.kind, found.text) == (TextKind.VOICE, "")


def test_a_document_with_entity_tricks_gives_no_text_and_no_crash() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:p><w:t>&b;</w:t></w:p></w:document>'
    )
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", laughs)
    found = read_text(out.getvalue(), sniff(out.getvalue()), "e" * 64)
    assert (found.kind, found.text) == (TextKind.NONE, "")


def test_boxes_fit_the_photo_as_shown_when_exif_says_it_is_rotated() -> None:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(files.photo())) as upright:
        stored = upright.rotate(90, expand=True)  # pixels on their side, 800 x 1200
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to show"
    out = io.BytesIO()
    stored.save(out, format="JPEG", exif=exif.tobytes())
    found = read_text(out.getvalue(), "image/jpeg", "f" * 64)
    upright = read_text(files.photo(), "image/jpeg", "a" * 64)
    assert found.text == upright.text
    for turned, straight in zip(found.boxes, upright.boxes, strict=True):
        assert abs(turned.x0 - straight.x0) < 4
        assert abs(turned.y1 - straight.y1) < 4


def test_an_office_document_is_read_on_the_pages_it_is_shown_as() -> None:
    from sar_desk.attachments.office_pages import office_pdf
    from sar_desk.attachments.pdf_pages import read_pdf

    font = files.FONT
    found = read_text(files.docx(), sniff(files.docx()), "c" * 64, str(font))
    assert found.kind is TextKind.OFFICE_TEXT
    assert "Ravindra Oyelaran" in found.text
    # The boxes are those of the fresh pages the export renders: the same words, same places.
    assert found.boxes == read_pdf(office_pdf(files.docx(), font), use_ocr=False)[1]
    for box in found.boxes:
        assert found.text[box.start : box.end] == box.text


def test_pdf_word_boxes_are_the_glyphs_in_points_of_the_page_as_shown() -> None:
    found = _read(files.pdf_with_text())
    for box in found.boxes:  # type: ignore[attr-defined]
        assert found.text[box.start : box.end] == box.text  # type: ignore[attr-defined]
    name = next(b for b in found.boxes if b.text == "Morgana")  # type: ignore[attr-defined]
    # fpdf wrote the line at x=20 mm, baseline y=30 mm (85 points) from the top of an A4 page.
    assert 110 < name.x0 < name.x1 < 180
    assert 70 < name.y0 < 85 < name.y1 < 92
