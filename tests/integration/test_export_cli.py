"""Export end to end through the command line: import, scope, review, export, verify."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.export.extract import file_pieces

SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "importers"
    / "whatsapp"
    / ("WhatsApp Chat with Repairs Group.txt")
)
THIRD = "Priya Shah"


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def reviewed_case(tmp_path: Path) -> Path:
    if not SAMPLE.exists():
        pytest.skip("WhatsApp sample not present")
    case = tmp_path / "case"
    run(
        "case",
        "new",
        str(case),
        "--regime",
        "sar",
        "--reference",
        "SAR-INT-1",
        "--received",
        "2026-05-05",
        "--requester",
        "Alex Morgan",
        "--as",
        "officer",
    )
    run("users", str(case), "add", "reviewer", "--role", "reviewer", "--as", "officer")
    run("users", str(case), "add", "dpo", "--role", "dpo", "--as", "officer")
    run("import", str(case), str(SAMPLE), "--as", "officer")
    run(
        "scope",
        "mark",
        str(case),
        "--search",
        "--from",
        "2020-01-01",
        "--as",
        "about-requester",
        "--user",
        "officer",
    )
    run("search", str(case), "--from", "2026-03-01", "--to", "2026-04-30")
    hits = [
        json.loads(line)
        for line in run("search", str(case), "--json", "--limit", "500").splitlines()
        if line.strip()
    ]
    redacted = 0
    for hit in hits:
        start = (hit["text"] or "").find(THIRD)
        if start >= 0:
            run(
                "review",
                str(case),
                "redact",
                "--message",
                str(hit["id"]),
                "--start",
                str(start),
                "--end",
                str(start + len(THIRD)),
                "--code",
                "SAR-3P",
                "--reason",
                "Third party, no consent",
                "--as",
                "officer",
            )
            redacted += 1
    assert redacted >= 2
    # The name is also a sender: the safety net lists those places and never redacts them by
    # itself; the officer applies the same redaction there (issue 13).
    run("review", str(case), "approve", "--all-accepted", "--yes", "--as", "reviewer")
    assert "sender" in run("review", str(case), "places", "--as", "officer")
    run("review", str(case), "places", "--redact", "--as", "officer")
    run("review", str(case), "approve", "--all-accepted", "--yes", "--as", "reviewer")
    assert "0 places need a decision" in run("review", str(case), "places", "--as", "officer")
    return case


def test_export_and_verify_end_to_end(reviewed_case: Path, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    text = run("export", str(reviewed_case), str(out), "--as", "officer", "--rsmf", ok=False)
    assert "detection has not been run" in text  # export needs detection or a DPO decision
    text = run(
        "export", str(reviewed_case), str(out), "--as", "dpo", "--rsmf",
        "--without-detection", "Every message was read in full by the reviewer",
    )  # fmt: skip
    record = json.loads((out / "internal" / "detection-coverage.json").read_text("utf-8"))
    assert record["complete"] is False
    assert record["exported_without_complete_detection"]["by"] == "dpo"
    assert "Bundle written to" in text
    assert "never send" in text
    assert "FAIL" not in run("verify", str(out))
    report = json.loads(run("verify", str(out), "--json"))
    assert report["ok"] is True
    for path in (out / "pack").rglob("*"):
        if path.is_file():
            assert THIRD.casefold() not in "\n".join(t for _w, t in file_pieces(path)).casefold()
    session = CaseSession.open(reviewed_case, user="officer")
    try:
        entries = session.review.audit_entries("export")
        masters = list((reviewed_case / "masters").iterdir())
    finally:
        session.close()
    manifest_hash = json.loads(
        run("export", str(reviewed_case), str(tmp_path / "b2"), "--json", "--as", "officer")
    )["manifest_sha256"]
    assert entries[-1].details["manifest_sha256"]
    assert len(manifest_hash) == 64
    assert len(masters) >= 1
    assert THIRD in (masters[0] / "master.jsonl").read_text()

    tampered = tmp_path / "tampered"
    shutil.copytree(out, tampered)
    pdf = next((tampered / "pack").glob("*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"\n%%EOF\n")
    result = CliRunner().invoke(cli, ["verify", str(tampered)])
    assert result.exit_code == 1
    assert "manifest" in result.output
    assert pdf.name in result.output


def test_export_refuses_while_proposals_wait_for_approval(
    reviewed_case: Path, tmp_path: Path
) -> None:
    hits = [
        json.loads(line)
        for line in run("search", str(reviewed_case), "--json", "--limit", "500").splitlines()
    ]
    target = next(h for h in hits if h["text"] and len(h["text"]) > 10 and THIRD not in h["text"])
    run(
        "review",
        str(reviewed_case),
        "redact",
        "--message",
        str(target["id"]),
        "--start",
        "0",
        "--end",
        "4",
        "--code",
        "SAR-3P",
        "--reason",
        "Third party",
        "--as",
        "officer",
    )
    result = CliRunner().invoke(
        cli, ["export", str(reviewed_case), str(tmp_path / "b"), "--as", "officer"]
    )
    assert result.exit_code == 1
    assert "undecided or waiting" in result.output
    assert not (tmp_path / "b").exists()
