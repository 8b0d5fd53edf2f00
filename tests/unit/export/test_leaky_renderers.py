"""The checks must stop a renderer that leaks, whichever way it leaks (test doubles)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from export_data import GENERATED_AT, RESOURCES, inputs_for, synthetic
from fpdf import FPDF

from sar_desk.core.errors import SafetyCheckError
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.export.bundle import build_bundle
from sar_desk.export.letter import Letter
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.export.pdf_post import clean_pdf
from sar_desk.export.render_model import RenderBundle
from sar_desk.export.writers import WriteContext, write_html, write_pdf

_, ORIGINALS, _ = synthetic()
PDF = "SAR-TEST-7-bundle.pdf"


def _plain_pdf(path: Path, lines: list[str]) -> None:
    pdf = FPDF()
    pdf.set_creation_date(GENERATED_AT)
    pdf.add_font("noto", "", str(RESOURCES / "fonts" / "NotoSans-Regular.ttf"))
    pdf.add_page()
    pdf.set_font("noto", "", 10)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    for font in pdf.fonts.values():
        font.ttfont.close()


def original_text(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
    raw = ctx.work / "raw.pdf"
    _plain_pdf(raw, [m.text for m in ORIGINALS])
    clean_pdf(raw, ctx.pack / PDF, title=bundle.reference, version=ctx.version)


def split_across_lines(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
    raw = ctx.work / "raw.pdf"
    _plain_pdf(raw, ["Morning Alex, Jor-", "dan", "BLAKE called."])
    clean_pdf(raw, ctx.pack / PDF, title=bundle.reference, version=ctx.version)


def _after_real(change):
    def writer(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
        write_pdf(bundle, letter, ctx)
        path = ctx.pack / PDF
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            change(pdf)
            pdf.save(path)

    return writer


def _bookmark(pdf: pikepdf.Pdf) -> None:
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem("Chat with Jordan Blake", 0))


def _metadata(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo["/Author"] = "Jordan Blake"


def _xmp(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Priya Shah"]


def _annotation(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pdf.make_indirect(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.Annot,
                        Subtype=pikepdf.Name.Text,
                        Rect=[0, 0, 10, 10],
                        Contents=pikepdf.String("07911 654321"),
                    )
                )
            ]
        )
    )


def _embedded(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["notes.txt"] = pikepdf.AttachedFileSpec(pdf, b"call 07911654321")


def _black_box(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].contents_add(pikepdf.Stream(pdf, b"0 0 0 rg 50 700 200 20 re f"), prepend=False)


def leaky_file_name(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
    write_pdf(bundle, letter, ctx)
    (ctx.pack / "SAR-TEST-7-letter-to-Jordan-Blake.pdf").write_bytes((ctx.pack / PDF).read_bytes())


def leaky_html(bundle: RenderBundle, letter: Letter, ctx: WriteContext) -> None:
    write_pdf(bundle, letter, ctx)
    write_html(bundle, letter, ctx)
    path = ctx.pack / "SAR-TEST-7-bundle.html"
    path.write_text(
        path.read_text().replace(
            "</main>", '<p title="Priya&#32;Shah">ok</p><p>سارة<br>خليل</p></main>'
        )
    )


CASES = [
    (original_text, PDF, "text-leak"),
    (split_across_lines, PDF, "text-leak"),
    (_after_real(_bookmark), PDF, "text-leak"),
    (_after_real(_metadata), PDF, "pdf-structure"),
    (_after_real(_xmp), PDF, "pdf-structure"),
    (_after_real(_annotation), PDF, "pdf-structure"),
    (_after_real(_embedded), PDF, "pdf-structure"),
    (_after_real(_black_box), PDF, "pdf-structure"),
    (leaky_file_name, "SAR-TEST-7-letter-to-Jordan-Blake.pdf", "file-name"),
    (leaky_html, "SAR-TEST-7-bundle.html", "text-leak"),
]


@pytest.mark.parametrize(
    ("writer", "file", "check"),
    CASES,
    ids=[c[0].__name__ if hasattr(c[0], "__name__") else str(i) for i, c in enumerate(CASES)],
)
def test_leaky_writer_is_blocked_naming_file_and_check(tmp_path, writer, file, check):
    dest = tmp_path / "out"
    job = build_bundle(
        inputs_for(*synthetic()),
        BundleOptions(generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False),
        dest,
        cancel=CancelToken(),
        writers=[writer],
    )
    with pytest.raises(SafetyCheckError) as caught:
        run_job(job)
    message = str(caught.value)
    assert f"pack/{file}" in message
    assert f"check '{check}'" in message
    if check != "file-name":  # naming a leaky file name necessarily repeats it
        assert "Jordan" not in message
        assert "07911" not in message
    assert not dest.exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no partial bundle left behind
