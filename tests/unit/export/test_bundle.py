"""End-to-end bundle tests on synthetic data with planted third-party strings."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pikepdf
import pytest
from export_data import GENERATED_AT, PLANTED, REPO, inputs_for, synthetic
from pypdf import PdfReader
from test_rsmf_roundtrip import manifest_of

from sar_desk.core.errors import BadInputError
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.export.bundle import build_bundle
from sar_desk.export.extract import eml_pieces, file_pieces
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.export.verify import verify_bundle

EXPECTED = REPO / "tests" / "data" / "expected" / "export"
OPTIONS = BundleOptions(
    generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False, rsmf=True
)


def _build(dest: Path, options: BundleOptions = OPTIONS, master: Path | None = None):
    return run_job(
        build_bundle(
            inputs_for(*synthetic()), options, dest, cancel=CancelToken(), master_dir=master
        )
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("bundle")
    result = _build(root / "out", master=root / "case" / "masters")
    return root, result


def _all_text(folder: Path) -> str:
    pieces = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        pieces.append(path.name)
        pieces += [text for _where, text in file_pieces(path)]
    return "\n".join(pieces)


def test_real_renderer_passes_every_check_and_nothing_planted_is_extractable(built):
    root, _result = built
    out = root / "out"
    assert verify_bundle(out).ok
    text = _all_text(out / "pack").casefold()
    for planted in PLANTED:
        assert planted.casefold() not in text
    assert "[redacted · sch 2 pt 3 para 16]" in text
    assert "سارة" not in text  # the Arabic name is gone, not merely reordered
    report = json.loads((out / "internal" / "safety-report.json").read_text())
    assert report["passed"]
    assert report["automatic_catches"]["total"] == 0  # the net never redacts by itself
    assert {r["check"] for r in report["results"]} >= {
        "file-name",
        "text-leak",
        "pdf-structure",
        "html-safety",
    }


def test_pdf_has_bookmarks_page_numbers_metadata_allow_list_and_rtl_emoji(built):
    root, _result = built
    reader = PdfReader(str(root / "out" / "pack" / "SAR-TEST-7-bundle.pdf"))
    assert dict(reader.metadata) == {"/Producer": "SAR Desk 0.1.0", "/Title": "SAR-TEST-7"}
    titles = [o.title for o in reader.outline]
    assert titles == [
        "Cover letter",
        "Index",
        "C001 · whatsapp · Repairs team",
        "C002 · whatsapp · Chat with [REDACTED · Sch 2 Pt 3 para 16]",
        "Glossary",
    ]
    pages = [p.extract_text() for p in reader.pages]
    for number, page in enumerate(pages, start=1):
        assert f"SAR-TEST-7 · Page {number} of {len(pages)}" in page
        assert "Case SAR-TEST-7" in page
    raw = (root / "out" / "pack" / "SAR-TEST-7-bundle.pdf").read_bytes()
    assert raw.count(b"%%EOF") == 1
    transcript = "\n".join(pages)
    assert "22:00 BST" in transcript
    assert "09:00 GMT" in transcript
    assert "🎉" in transcript
    assert "👍" in transcript


def test_internal_records_stay_out_of_the_pack_and_master_stays_in_the_case(built):
    root, result = built
    out = root / "out"
    pack_names = {p.name for p in (out / "pack").rglob("*")}
    assert not any(n.endswith((".csv", ".xlsx", ".json", ".txt")) for n in pack_names)
    header = (out / "internal" / "redaction-log.csv").read_text().splitlines()[0]
    assert header.startswith("item,message id,date,conversation,field")
    assert (out / "internal" / "redaction-log.xlsx").stat().st_size > 0
    assert "Jordan Blake" in (out / "internal" / "search-log.csv").read_text()
    master = result.master / "master.jsonl"
    assert master.is_relative_to(root / "case")
    assert "Jordan Blake" in master.read_text()
    assert not any("master" in p.name for p in out.rglob("*"))


def test_same_inputs_give_byte_identical_bundles(built, tmp_path):
    root, _result = built
    _build(tmp_path / "again")
    first = {
        p.relative_to(root / "out"): p.read_bytes()
        for p in (root / "out").rglob("*")
        if p.is_file()
    }
    second = {
        p.relative_to(tmp_path / "again"): p.read_bytes()
        for p in (tmp_path / "again").rglob("*")
        if p.is_file()
    }
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_verify_detects_a_tampered_file_and_an_extra_file(built, tmp_path):
    root, _result = built
    copy = tmp_path / "copy"
    shutil.copytree(root / "out", copy)
    html = copy / "pack" / "SAR-TEST-7-bundle.html"
    html.write_text(html.read_text().replace("Repairs team", "Repairs teen"))
    (copy / "pack" / "notes.txt").write_text("x")
    report = verify_bundle(copy)
    failed = {(r.file, r.check) for r in report.results if not r.passed}
    assert ("pack/SAR-TEST-7-bundle.html", "manifest") in failed
    assert ("pack/notes.txt", "manifest") in failed
    assert ("pack/notes.txt", "file-name") in failed


def test_annotation_added_afterwards_is_caught(built, tmp_path):
    root, _result = built
    copy = tmp_path / "copy"
    shutil.copytree(root / "out", copy)
    pdf_path = copy / "pack" / "SAR-TEST-7-bundle.pdf"
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        annot = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Square,
                Rect=[0, 0, 100, 100],
                Contents=pikepdf.String("Jordan Blake"),
            )
        )
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annot]))
        pdf.save(pdf_path)
    failed = {
        (r.check, r.detail.split(";")[0])
        for r in verify_bundle(copy).results
        if not r.passed and r.file.endswith(".pdf")
    }
    checks = {c for c, _d in failed}
    assert {"manifest", "pdf-structure", "text-leak"} <= checks
    assert any("annotation" in d for _c, d in failed)


def test_rsmf_is_redacted_everywhere_and_counts_are_recomputed(built):
    root, _result = built
    eml = root / "out" / "pack" / "rsmf" / "SAR-TEST-7-C001.eml"
    pieces = eml_pieces(eml.read_bytes(), "e-mail")
    text = "\n".join(t for _w, t in pieces)
    for planted in PLANTED:
        assert planted.casefold() not in text.casefold()
    manifest = manifest_of(eml)
    assert manifest["version"] == "2.0.0"
    assert len(manifest["events"]) == 7
    assert "X-RSMF-EventCount: 7" in pieces[0][1]
    assert {p["display"] for p in manifest["participants"]} == {
        "Sam Officer",
        "[REDACTED · Sch 2 Pt 3 para 16]",
        "Alex Morgan",
        "SAR-TEST-7",  # the custodian (issue 14)
    }
    assert "[REDACTED · Sch 2 Pt 3 para 16]" in pieces[0][1]  # X-RSMF-Participants / From / To


def test_large_print_and_pseudonyms(tmp_path):
    options = BundleOptions(
        generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, large_print=True, pseudonyms=True
    )
    _build(tmp_path / "lp", options)
    pack = tmp_path / "lp" / "pack"
    assert {p.name for p in pack.iterdir()} == {
        "SAR-TEST-7-bundle-large-print.pdf",
        "SAR-TEST-7-bundle-large-print.html",
    }
    html = (pack / "SAR-TEST-7-bundle-large-print.html").read_text()
    assert "font-size: 150%" in html
    assert "Person A" in html
    assert verify_bundle(tmp_path / "lp").ok


def test_refuses_a_non_empty_destination(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").write_text("x")
    with pytest.raises(BadInputError, match="not empty"):
        _build(tmp_path / "busy")


def _masked_manifest(path: Path) -> dict:
    data = json.loads(path.read_text())
    for entry in data["files"]:
        entry["sha256"] = "<sha256>"
        entry["size"] = "<size>"
    return data


def test_manifest_and_pdf_text_match_the_expected_files(built):
    root, _result = built
    manifest = _masked_manifest(root / "out" / "manifest.json")
    reader = PdfReader(str(root / "out" / "pack" / "SAR-TEST-7-bundle.pdf"))
    text = "\n".join(p.extract_text() for p in reader.pages) + "\n"
    if os.environ.get("SAR_DESK_REGEN_EXPECTED"):
        EXPECTED.mkdir(parents=True, exist_ok=True)
        (EXPECTED / "manifest.json").write_text(
            json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        )
        (EXPECTED / "bundle-text.txt").write_text(text)
    assert manifest == json.loads((EXPECTED / "manifest.json").read_text())
    assert text == (EXPECTED / "bundle-text.txt").read_text()
