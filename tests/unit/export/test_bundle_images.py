"""Approved attachment decisions in a built bundle: pixels burned, no metadata, OCR leak check."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from export_data import GENERATED_AT, RESOURCES, SAR_3P, inputs_for, synthetic
from PIL import Image
from pypdf import PdfReader

from sar_desk.attachments.sample_photo import notice_photo
from sar_desk.core.attachment_review import AttachmentAction
from sar_desk.core.errors import SafetyCheckError
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.core.model import MessageId
from sar_desk.export.attachment_render import AttachmentOutcome
from sar_desk.export.bundle import build_bundle
from sar_desk.export.image_checks import pdf_pictures
from sar_desk.export.images import metadata_problems
from sar_desk.export.options import DEMO_ORGANISATION, BundleInputs, BundleOptions
from sar_desk.export.verify import verify_bundle

OPTIONS = BundleOptions(
    generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False, html=True
)
PDF = "SAR-TEST-7-bundle.pdf"
HTML = "SAR-TEST-7-bundle.html"
BOX = (60.0, 100.0, 420.0, 160.0)  # where the name line of the photo is (see _photo)


def _photo() -> bytes:
    # Wall-coloured photo with the second line (the name) drawn between y=100 and y=160.
    return notice_photo(
        ("NOTICE", "Tenant: Jordan Blake"),
        RESOURCES / "fonts" / "NotoSans-Regular.ttf",
        size=(600, 400),
    )


def _inputs(action: AttachmentAction = AttachmentAction.REDACT, ocr=None) -> BundleInputs:
    outcome = AttachmentOutcome(
        MessageId(10),
        0,
        action,
        SAR_3P if action is not AttachmentAction.DISCLOSE else None,
        (BOX,) if action is AttachmentAction.REDACT else (),
        _photo() if action is not AttachmentAction.WITHHOLD else None,
    )
    return replace(inputs_for(*synthetic()), attachments=(outcome,), ocr=ocr)


def _build(dest: Path, inputs: BundleInputs):
    return run_job(build_bundle(inputs, OPTIONS, dest, cancel=CancelToken()))


def _photos(pdf: Path) -> list[tuple[str, bytes, list[str]]]:
    """The disclosed photos among the PDF's images (the colour emoji font adds its own)."""
    return [p for p in pdf_pictures(pdf) if Image.open(io.BytesIO(p[1])).size == (600, 400)]


def _stub_ocr(black: tuple[float, float, float, float]):
    """A stand-in for OCR: reports the name unless its line is black in the pixels."""

    def read(data: bytes) -> str:
        image = Image.open(io.BytesIO(data)).convert("L")
        if image.size != (600, 400):
            return ""  # emoji glyphs the PDF draws as images
        x, y = black[0] + 40, black[1] + 25
        return "NOTICE" if image.getpixel((int(x), int(y))) == 0 else "NOTICE Tenant: Jordan Blake"

    return read


def test_redacted_photo_is_in_the_pdf_black_in_the_pixels_without_metadata(tmp_path: Path) -> None:
    _build(tmp_path / "out", _inputs(ocr=_stub_ocr(BOX)))
    pdf = tmp_path / "out" / "pack" / PDF
    assert all(problems == [] for _, _, problems in pdf_pictures(pdf))
    pictures = _photos(pdf)
    assert len(pictures) == 1
    _, png, problems = pictures[0]
    assert problems == []
    assert metadata_problems(png) == []
    image = Image.open(io.BytesIO(png)).convert("RGB")
    for x in range(80, 400, 40):
        assert image.getpixel((x, 130)) == (0, 0, 0)
    assert sum(image.getpixel((5, 5))) > 300  # the rest of the photo is there
    raw = pdf.read_bytes()
    assert b"Exif" not in raw
    assert b"SynthPhone" not in raw  # the camera model from the original EXIF
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Image 1 · 1 area redacted · Sch 2 Pt 3 para 16" in text
    with pikepdf.open(pdf) as opened:
        filters = [
            str(raw_image.get("/Filter"))
            for page in opened.pages
            for raw_image in page.get_images().values()
        ]
    assert "/DCTDecode" not in filters  # never the original JPEG stream
    assert filters


def test_html_embeds_the_clean_png_and_passes_its_safety_check(tmp_path: Path) -> None:
    _build(tmp_path / "out", _inputs(ocr=_stub_ocr(BOX)))
    html = (tmp_path / "out" / "pack" / HTML).read_text(encoding="utf-8")
    assert '<img src="data:image/png;base64,' in html
    report = verify_bundle(tmp_path / "out", ocr=_stub_ocr(BOX))
    assert report.ok, [r.sentence() for r in report.results if not r.passed]
    checks = {(r.file, r.check) for r in report.results}
    assert (f"pack/{HTML}", "image-text-leak") in checks
    assert (f"pack/{PDF}", "image-metadata") in checks


def test_a_name_legible_in_a_disclosed_photo_blocks_the_export(tmp_path: Path) -> None:
    with pytest.raises(SafetyCheckError, match="image-text-leak"):
        _build(tmp_path / "out", _inputs(AttachmentAction.DISCLOSE, ocr=_stub_ocr(BOX)))
    assert not (tmp_path / "out").exists()


def test_withheld_photo_is_a_line_with_its_code_and_no_image(tmp_path: Path) -> None:
    _build(tmp_path / "out", _inputs(AttachmentAction.WITHHOLD))
    pdf = tmp_path / "out" / "pack" / PDF
    assert _photos(pdf) == []
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "[Attachment 1 withheld · Sch 2 Pt 3 para 16]" in text


@pytest.mark.parametrize(
    ("tag", "ok"),
    [
        ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">', True),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', False),
        ('<img src="https://example.invalid/a.png" alt="x">', False),
        ('<img src="a.png" alt="x">', False),
        ('<img src="data:image/png;base64,AA==" onerror="x()">', False),
    ],
)
def test_html_may_hold_only_embedded_pngs(tmp_path: Path, tag: str, ok: bool) -> None:
    from sar_desk.export.checks import html_results

    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{tag}</body></html>", encoding="utf-8")
    (result,) = html_results(page, "page.html")
    assert result.passed is ok, result.detail


def test_an_html_image_with_exif_fails_the_metadata_check(tmp_path: Path) -> None:
    import base64

    from sar_desk.export.checks import image_results
    from sar_desk.export.terms import TermMatcher

    jpeg_in_png_clothing = base64.b64encode(_photo()).decode()  # the original, EXIF and all
    page = tmp_path / "page.html"
    page.write_text(f'<img src="data:image/png;base64,{jpeg_in_png_clothing}">', encoding="utf-8")
    results = image_results(page, "page.html", TermMatcher(["Jordan Blake"]), _stub_ocr(BOX))
    failed = {r.check for r in results if not r.passed}
    assert failed == {"image-metadata", "image-text-leak"}


def test_voice_notes_are_listed_not_shown_and_statuses_follow_the_codes() -> None:
    from sar_desk.export.attachment_render import place_attachments
    from sar_desk.export.redact import build_render_bundle
    from sar_desk.export.render_model import ItemStatus

    case, messages, decisions = synthetic()
    bundle = build_render_bundle(case, messages, decisions, False)
    outcomes = (
        AttachmentOutcome(MessageId(10), 0, AttachmentAction.DISCLOSE),  # a voice note, say
        AttachmentOutcome(MessageId(10), 1, AttachmentAction.WITHHOLD, SAR_3P),
    )
    placed = place_attachments(bundle, outcomes)
    (msg,) = [m for c in placed.conversations for m in c.messages if m.message_id == 10]
    assert msg.images == ()
    assert msg.attachments[-2].startswith("[Attachment 1: a voice note")
    assert msg.attachments[-1] == "[Attachment 2 withheld · Sch 2 Pt 3 para 16]"
    assert msg.status is ItemStatus.PART
    assert "SAR-3P" in msg.codes
    assert any(code.code == "SAR-3P" for code in placed.codes)
