"""`verify --case` binds a bundle to its case (issue 20 item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app.bundling import SIGNING_KEY
from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.digests import sha256_file
from sar_desk.core.jobs import run_job
from sar_desk.detect.detector import InProcessDetector
from sar_desk.export.manifest import (
    MANIFEST_NAME,
    key_fingerprint,
    new_signing_key,
    public_key_of,
    sign_manifest,
)
from sar_desk.export.verify import verify_bundle
from tests.integration.test_detection import fake_detector as fake_detector
from tests.integration.test_export_gate import _decide_everything
from tests.integration.test_export_gate import case as case


def _export(case: CaseSession, fake_detector: InProcessDetector, out: Path) -> Path:
    run_job(case.detection.run_detection(scope="in-scope", detector=fake_detector))
    _decide_everything(case)
    return run_job(case.export.export_bundle(out)).folder


def _rehash(bundle: Path, changed: Path) -> None:
    manifest = json.loads((bundle / MANIFEST_NAME).read_text("utf-8"))
    rel = changed.relative_to(bundle).as_posix()
    for entry in manifest["files"]:
        if entry["path"] == rel:
            entry["sha256"] = sha256_file(changed)
            entry["size"] = changed.stat().st_size
    (bundle / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def test_a_rehashed_tampered_bundle_fails_verify_against_the_case(
    case: CaseSession, fake_detector: InProcessDetector, tmp_path: Path
) -> None:
    bundle = _export(case, fake_detector, tmp_path / "out")
    key = (case.folder / SIGNING_KEY).stat()
    assert key.st_mode & 0o777 == 0o600
    fingerprint = key_fingerprint(public_key_of(_case_key(case)))
    html = next((bundle / "pack").glob("*.html"))
    assert fingerprint in html.read_text("utf-8")  # printed on the cover letter
    good = verify_bundle(bundle)
    assert good.ok
    assert case.export.verify_bundle(bundle).ok
    with case.store.read() as conn:
        entry = conn.exec_driver_sql(
            "SELECT details FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1"
        ).scalar_one()
    assert json.loads(entry)["manifest_sha256"] == sha256_file(bundle / MANIFEST_NAME)

    # The attack: put a redacted name back, drop it from the bundle's term list, re-hash the
    # manifest and re-sign it with a key of one's own.
    term = json.loads((bundle / "internal" / "protected-terms.json").read_text("utf-8"))["terms"][0]
    html.write_text(html.read_text("utf-8").replace("</body>", f"<p>{term}</p></body>"), "utf-8")
    terms_file = bundle / "internal" / "protected-terms.json"
    terms_file.chmod(0o600)
    terms_file.write_text(json.dumps({"terms": []}), "utf-8")
    _rehash(bundle, html)
    _rehash(bundle, terms_file)
    sign_manifest(bundle, new_signing_key())

    alone = verify_bundle(bundle)
    assert alone.ok  # what verify alone cannot prove, and says so
    assert "cannot show" in alone.notes[0]
    against = case.export.verify_bundle(bundle)
    failed = {r.check for r in against.results if not r.passed}
    assert {"case-key", "case-record", "text-leak"} <= failed

    result = CliRunner().invoke(cli, ["verify", str(bundle), "--case", str(case.folder)])
    assert result.exit_code == 1
    assert "not this case's" in result.output


def _case_key(case: CaseSession) -> bytes:
    from sar_desk.export.manifest import load_or_create_key

    return load_or_create_key(case.folder / SIGNING_KEY)


def test_verify_alone_says_what_it_cannot_prove(
    case: CaseSession, fake_detector: InProcessDetector, tmp_path: Path
) -> None:
    bundle = _export(case, fake_detector, tmp_path / "out")
    result = CliRunner().invoke(cli, ["verify", str(bundle)])
    assert result.exit_code == 0
    assert "cannot show" in result.output
    result = CliRunner().invoke(cli, ["verify", str(bundle), "--case", str(case.folder)])
    assert result.exit_code == 0, result.output
    assert "Checked against the case" in result.output


@pytest.mark.parametrize("edit", ["manifest", "signature"])
def test_a_changed_manifest_or_signature_fails_even_alone(
    case: CaseSession, fake_detector: InProcessDetector, tmp_path: Path, edit: str
) -> None:
    bundle = _export(case, fake_detector, tmp_path / "out")
    if edit == "manifest":
        path = bundle / MANIFEST_NAME
        path.write_text(path.read_text("utf-8").replace('"pages"', '"pages" ', 1), "utf-8")
    else:
        sig = json.loads((bundle / "manifest.sig").read_text("utf-8"))
        sig["signature"] = sig["signature"][::-1]
        (bundle / "manifest.sig").write_text(json.dumps(sig), "utf-8")
    failed = {r.check for r in verify_bundle(bundle).results if not r.passed}
    assert "signature" in failed
