"""Our RSMF export reads back through our own RSMF importer and its strict checks (issue 14)."""

from __future__ import annotations

import email
import io
import json
import zipfile
from email import policy
from pathlib import Path
from typing import Any

import pytest
from export_data import GENERATED_AT, inputs_for, synthetic

from sar_desk.core.imports import ImportReport
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.core.model import MessageKind
from sar_desk.export.bundle import build_bundle
from sar_desk.export.options import DEMO_ORGANISATION, BundleOptions
from sar_desk.importers import importer_for
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


@pytest.fixture(scope="module")
def emls(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("rsmf-roundtrip")
    options = BundleOptions(
        generated_at=GENERATED_AT, organisation=DEMO_ORGANISATION, pseudonyms=False, rsmf=True
    )
    run_job(build_bundle(inputs_for(*synthetic()), options, root, cancel=CancelToken()))
    found = sorted((root / "pack" / "rsmf").glob("*.eml"))
    assert found
    return found


def test_every_rsmf_we_write_imports_strictly_and_record_for_record(emls: list[Path]) -> None:
    for eml in emls:
        assert isinstance(importer_for(eml), RsmfImporter)
        manifest = manifest_of(eml)
        report = ImportReport()
        options = ImportOptions(timezone="Europe/London", strict=True)  # no lenient repairs
        records = list(RsmfImporter().read(eml, report, options))
        assert report.issues == [], eml.name
        assert len(records) == len(manifest["events"])
        people = {p["id"]: p.get("display") for p in manifest["participants"]}
        for record, event in zip(records, manifest["events"], strict=True):
            assert record.text == event.get("body", ""), eml.name
            assert record.sender == people.get(event.get("participant"))
        (conversation,) = manifest["conversations"]
        assert conversation["custodian"] in people  # the custodian is a participant


def test_system_lines_are_typed_as_rsmf_system_events(emls: list[Path]) -> None:
    """The synthetic chat's "... added Alex Morgan" line is a join event, read back as system."""
    typed: dict[str, str] = {}
    for eml in emls:
        manifest = manifest_of(eml)
        typed.update({e["body"]: e["type"] for e in manifest["events"]})
    (join,) = [body for body in typed if body.endswith(" added Alex Morgan")]
    assert typed[join] == "join"
    assert {t for body, t in typed.items() if body != join} == {"message"}
    records = [
        r
        for eml in emls
        for r in RsmfImporter().read(eml, ImportReport(), ImportOptions(strict=True))
    ]
    assert [r.kind for r in records if r.text == join] == [MessageKind.SYSTEM]


def test_a_senderless_unknown_event_reads_back_as_a_system_event(tmp_path: Path) -> None:
    """Hand-written manifest: RSMF "unknown" without a participant is not anyone's message."""
    manifest = {
        "version": "2.0.0",
        "participants": [{"id": "P1", "display": "Sam Officer"}],
        "conversations": [{"id": "C1", "platform": "whatsapp", "participants": ["P1"]}],
        "events": [
            {"type": "unknown", "conversation": "C1", "body": "You created group Repairs",
             "timestamp": "2026-01-12T09:00:00+00:00"},
            {"type": "message", "conversation": "C1", "participant": "P1", "body": "hello",
             "timestamp": "2026-01-12T09:01:00+00:00"},
        ],
    }  # fmt: skip
    path = tmp_path / "rsmf_manifest.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    records = list(RsmfImporter().read(path, ImportReport(), ImportOptions(strict=True)))
    assert [(r.kind, r.sender) for r in records] == [
        (MessageKind.SYSTEM, None),
        (MessageKind.MESSAGE, "Sam Officer"),
    ]
