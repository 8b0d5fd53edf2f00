"""``sar-desk delivery``: how, to whom and when an encrypted pack went (R64), never its password."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_export_cli import reviewed_case  # noqa: F401 - the fixture is used by name

from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli

PASSWORD = "Plum-Kettle-Orbit-4471"


def _invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def exported(reviewed_case: Path, tmp_path: Path) -> tuple[Path, str]:  # noqa: F811
    """The reviewed case exported as an encrypted pack; returns the case and the export id."""
    dpo = CaseSession.open(reviewed_case, user="dpo")
    try:
        dpo.export.waive_detection("Every message was read in full by the reviewer")
    finally:
        dpo.close()
    out = tmp_path / "bundle"
    done = _invoke(
        "export", str(reviewed_case), str(out), "--encrypt", "--as", "officer",
        env={"SAR_DESK_PACK_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    session = CaseSession.open(reviewed_case)
    try:
        (made,) = session.delivery.exports_made()
    finally:
        session.close()
    assert made.encrypted
    return reviewed_case, made.export_id


def test_a_delivery_is_recorded_listed_audited_and_sealed(exported: tuple[Path, str]) -> None:
    case, export_id = exported
    listed = _invoke("delivery", str(case))
    assert listed.exit_code == 0, listed.output
    assert f"No delivery is recorded yet for export {export_id}" in listed.output

    # An encrypted pack: the password's separate channel is required, and is all that is kept.
    missing = _invoke(
        "delivery", str(case), "--method", "secure-email", "--recipient", "alex@example.org",
        "--as", "officer",
    )  # fmt: skip
    assert missing.exit_code == 1
    assert "say how the password was sent separately" in missing.output
    assert "Traceback" not in missing.output

    done = _invoke(
        "delivery", str(case), "--method", "secure-email", "--recipient", "alex@example.org",
        "--password-by", "phone", "--note", "Read receipt kept", "--as", "officer",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert f"Delivery recorded for export {export_id}: Secure e-mail to alex@example.org" in (
        done.output
    )
    assert "password sent separately by phone call" in done.output

    as_json = _invoke("delivery", str(case), "--json")
    (record,) = [json.loads(line) for line in as_json.output.splitlines()]
    assert record["export_id"] == export_id
    assert record["recipient"] == "alex@example.org"
    assert record["password_sent_separately_by"] == "phone"
    assert record["recorded_by"] == "officer"
    assert "No delivery is recorded yet" not in _invoke("delivery", str(case)).output

    session = CaseSession.open(case)
    try:
        entry = session.review.audit_entries("delivery-recorded")[-1]
        shown = session.summary_sections()
    finally:
        session.close()
    assert entry.user == "officer"
    assert entry.details["export_id"] == export_id
    assert entry.details["pack_password"] == "sent separately by phone"
    assert "deliveries" in entry.details["sealed"]  # the row is sealed into the chain
    assert "alex@example.org" not in json.dumps(entry.details)  # the log keeps ids only
    (delivery,) = [s for s in shown if s.title == "Delivery"]
    assert any("Secure e-mail to alex@example.org" in line for line in delivery.lines)
    assert "Delivery" in _invoke("case", "show", str(case)).output
    verified = _invoke("audit", str(case), "verify")
    assert verified.exit_code == 0, verified.output

    # The password is in no byte of the case.
    everything = b"".join(p.read_bytes() for p in case.rglob("*") if p.is_file())
    assert PASSWORD.encode() not in everything


def test_a_changed_delivery_row_breaks_the_audit_check(exported: tuple[Path, str]) -> None:
    case, _ = exported
    done = _invoke(
        "delivery", str(case), "--method", "tracked-post", "--recipient", "1 High St",
        "--password-by", "text-message", "--as", "officer",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    with sqlite3.connect(case / "case.db") as db:
        db.execute("UPDATE deliveries SET recipient = 'somebody else'")
    verified = _invoke("audit", str(case), "verify")
    assert verified.exit_code == 1
    assert "delivery records" in verified.output


def test_refusals_are_one_line_and_leave_nothing(exported: tuple[Path, str]) -> None:
    case, _ = exported
    for args, said in (
        (("--password-by", "phone", "--sent-at", "2001-01-01 10:00"), "it was exported at"),
        (("--password-by", "phone", "--export", "nope"), "has no export 'nope'"),
        (("--sent-at", "yesterday"), "is not a date and time"),
    ):
        result = _invoke(
            "delivery", str(case), "--method", "post", "--recipient", "1 High St", *args,
            "--as", "officer",
        )  # fmt: skip
        assert result.exit_code in (1, 2), result.output
        assert said in result.output
    assert _invoke("delivery", str(case), "--note", "x").exit_code == 2
    session = CaseSession.open(case)
    try:
        assert session.delivery.deliveries() == []
        assert session.review.audit_entries("delivery-recorded") == []
    finally:
        session.close()


def test_a_case_with_no_export_says_so(tmp_path: Path) -> None:
    case = tmp_path / "case"
    made = _invoke(
        "case", "new", str(case), "--regime", "sar", "--reference", "SAR-D-1",
        "--received", "2026-05-05", "--requester", "Alex Morgan",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "Nothing has been exported" in _invoke("delivery", str(case)).output
    refused = _invoke("delivery", str(case), "--method", "post", "--recipient", "1 High St")
    assert refused.exit_code == 1
    assert re.search(r"Nothing has been exported from this case yet", refused.output)
