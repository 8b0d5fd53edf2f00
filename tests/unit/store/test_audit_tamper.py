import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.errors import AuditTamperedError
from sar_desk.store import audit


@pytest.fixture
def logged(session: CaseSession) -> Path:
    """A case with six audit entries; the session is closed so sqlite3 can edit the file."""
    with session.store.transaction() as conn:
        for n in range(5):
            audit.append(conn, "officer", "test-event", {"n": n})
    folder = session.folder
    session.close()
    return folder


def tamper(folder: Path, *sql: str) -> None:
    db = sqlite3.connect(folder / "case.db")
    with db:
        for statement in sql:
            db.execute(statement)
    db.close()


def problems(folder: Path) -> list[str]:
    s = CaseSession.open(folder, "officer")
    try:
        return [str(p) for p in s.review.verify_audit()]
    finally:
        s.close()


def test_intact_log_verifies(logged: Path) -> None:
    assert problems(logged) == []
    result = CliRunner().invoke(cli, ["audit", str(logged), "verify"])
    assert result.exit_code == 0
    assert "6 entries" in result.output


def test_edited_detail_is_caught(logged: Path) -> None:
    tamper(logged, "UPDATE audit_log SET details = '{\"n\": 99}' WHERE id = 3")
    assert any("Entry 3 (test-event by officer" in p and "changed" in p for p in problems(logged))
    result = CliRunner().invoke(cli, ["audit", str(logged), "verify"])
    assert result.exit_code == 1
    assert "entry 3" in result.output.lower()


def test_deleted_middle_row_is_caught(logged: Path) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE id = 3")
    found = problems(logged)
    assert any("Entry 3 is missing" in p for p in found)
    assert any("Entry 4" in p and "does not follow" in p for p in found)


def test_deleted_last_row_is_caught(logged: Path) -> None:
    tamper(logged, "DELETE FROM audit_log WHERE id = 6")
    assert any("should end at entry 6 but ends at 5" in p for p in problems(logged))


def test_swapped_ids_are_caught(logged: Path) -> None:
    tamper(
        logged,
        "UPDATE audit_log SET id = -1 WHERE id = 2",
        "UPDATE audit_log SET id = 2 WHERE id = 4",
        "UPDATE audit_log SET id = 4 WHERE id = -1",
    )
    found = problems(logged)
    assert any(p.startswith("Entry 2") for p in found)
    assert any(p.startswith("Entry 4") for p in found)


def test_export_gate_raises_on_tampering(logged: Path) -> None:
    tamper(logged, "UPDATE audit_log SET user = 'someone' WHERE id = 2")
    s = CaseSession.open(logged, "officer")
    try:
        with pytest.raises(AuditTamperedError, match="altered outside SAR Desk"):
            s.review.require_intact_audit()
        assert s.review.audit_entries()[1].user == "someone"  # listing still works to show it
    finally:
        s.close()


def test_unreadable_details_still_list(logged: Path) -> None:
    tamper(logged, "UPDATE audit_log SET details = 'not json' WHERE id = 2")
    result = CliRunner().invoke(cli, ["audit", str(logged), "list", "--json"])
    assert result.exit_code == 0
    assert "unreadable" in result.output
