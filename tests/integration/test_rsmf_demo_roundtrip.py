"""The demo case's RSMF export passes the leak check and reads back through our importer."""

from __future__ import annotations

import email
import io
import json
import zipfile
from email import policy
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sar_desk.app.demo import DEMO_PASSPHRASE, run_demo
from sar_desk.cli.main import cli
from sar_desk.core.imports import ImportReport
from sar_desk.core.jobs import run_job
from sar_desk.core.model import MessageKind
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.rsmf import RsmfImporter


def manifest_of(eml: Path) -> dict[str, Any]:
    """The rsmf_manifest.json inside an RSMF e-mail's rsmf.zip."""
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    for part in msg.walk():
        if part.get_filename() == "rsmf.zip":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            with zipfile.ZipFile(io.BytesIO(payload)) as archive:
                return dict(json.loads(archive.read("rsmf_manifest.json")))
    raise AssertionError(f"{eml.name} has no rsmf.zip")


def test_demo_rsmf_export_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAR_DESK_AS_PASSPHRASE", DEMO_PASSPHRASE)  # acting as a demo user
    case = tmp_path / "demo"
    run_job(run_demo(case))
    out = tmp_path / "bundle"
    args = ["export", str(case), str(out), "--rsmf", "--as", "demo-officer"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output  # the leak check passed
    emls = sorted((out / "pack" / "rsmf").glob("*.eml"))
    assert emls
    kinds: set[MessageKind] = set()
    for eml in emls:
        manifest = manifest_of(eml)
        report = ImportReport()
        records = list(RsmfImporter().read(eml, report, ImportOptions(strict=True)))
        assert report.issues == [], eml.name
        assert [r.text for r in records] == [e["body"] for e in manifest["events"]]
        (conversation,) = manifest["conversations"]
        assert conversation["custodian"] in {p["id"] for p in manifest["participants"]}
        kinds.update(r.kind for r in records)
    assert {MessageKind.MESSAGE, MessageKind.SYSTEM, MessageKind.DELETED} <= kinds
