"""Decisions sealed into the audit chain and the head kept outside case.db (issue 17, items 4-5)."""

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.decisions import Action
from sar_desk.store.audit_marks import HEAD_FILE
from sar_desk.store.migrations import MIGRATIONS

PASS = "a passphrase of rita's"


@pytest.fixture
def decided(reviewed: CaseSession) -> Path:
    """Item 1 accepted by the officer and approved by rita, item 2 rejected; session closed."""
    reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="Third party; no consent")
    reviewed.review.decide([2], Action.REJECT, note="The requester's own name")
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        rita.review.approve([1])
    finally:
        rita.close()
    folder = reviewed.folder
    reviewed.close()
    return folder


def sql(folder: Path, *statements: str) -> None:
    db = sqlite3.connect(folder / "case.db")
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def problems(folder: Path, bundles: tuple[Path, ...] = ()) -> list[str]:
    session = CaseSession.open(folder, "officer")
    try:
        return [str(p) for p in session.review.verify_audit(bundles)]
    finally:
        session.close()


def test_a_decided_case_verifies_and_its_head_file_names_the_last_entry(decided: Path) -> None:
    assert problems(decided) == []
    head = json.loads((decided / HEAD_FILE).read_text(encoding="utf-8"))
    db = sqlite3.connect(decided / "case.db")
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    db.close()
    assert (head["entry"], head["hash"]) == tuple(last)


def test_changing_who_approved_is_detected(decided: Path) -> None:
    sql(decided, "UPDATE decision_events SET user = 'officer' WHERE action = 'approve'")
    found = problems(decided)
    assert any(
        "review decisions recorded by entry" in p and "review-approve by rita" in p for p in found
    )
    result = CliRunner().invoke(cli, ["audit", str(decided), "verify"])
    assert result.exit_code == 1


def test_deleting_an_approved_items_events_is_detected(decided: Path) -> None:
    sql(
        decided,
        "PRAGMA foreign_keys = OFF",
        "DELETE FROM decision_events WHERE item_id = 1",
        "DELETE FROM review_items WHERE id = 1",
    )
    found = problems(decided)
    assert any("review-accept by officer" in p and "changed or deleted" in p for p in found)
    assert any("review-approve by rita" in p for p in found)


def test_moving_an_approved_span_is_detected(decided: Path) -> None:
    sql(decided, "UPDATE review_items SET start = start + 1 WHERE id = 1")
    assert any("changed or deleted" in p for p in problems(decided))


def test_a_decision_row_added_behind_the_log_is_detected(decided: Path) -> None:
    sql(
        decided,
        "INSERT INTO decision_events (item_id, action, user, at, before, after, code, rationale,"
        " note, bulk, table_version) SELECT item_id, 'reopen', 'officer', at, 'rejected',"
        " 'proposed', NULL, '', '', 0, table_version FROM decision_events WHERE item_id = 2",
    )
    assert any("are in no audit entry" in p for p in problems(decided))


def test_a_rejection_reason_edited_afterwards_is_detected(decided: Path) -> None:
    sql(decided, "UPDATE decision_events SET note = 'Not personal data' WHERE item_id = 2")
    assert any("review-reject by officer" in p for p in problems(decided))


def test_a_role_changed_in_the_database_is_detected(decided: Path) -> None:
    sql(decided, "UPDATE review_users SET role = 'dpo' WHERE name = 'rita'")
    assert "The role of rita was changed outside SAR Desk (to dpo)." in problems(decided)


def test_a_swapped_passphrase_hash_is_detected(reviewed: CaseSession) -> None:
    from sar_desk.review.roles import Role

    reviewed.review.add_user("vera", Role.REVIEWER, "vera's passphrase")
    folder = reviewed.folder
    reviewed.close()
    sql(folder, "UPDATE review_users SET passphrase_hash = 'x' || passphrase_hash")
    assert "The passphrase of vera was changed outside SAR Desk." in problems(folder)


def test_a_tampered_decision_blocks_the_export_gate(decided: Path) -> None:
    sql(decided, "UPDATE decision_events SET user = 'officer' WHERE action = 'approve'")
    session = CaseSession.open(decided, "officer")
    try:
        with pytest.raises(Exception, match="changed outside SAR Desk"):
            session.export._bundle_inputs()
    finally:
        session.close()


def test_deleting_the_whole_log_and_its_head_is_detected(decided: Path) -> None:
    sql(decided, "DELETE FROM audit_log", "DELETE FROM case_meta WHERE key = 'audit_head'")
    (decided / HEAD_FILE).unlink()
    found = problems(decided)
    assert any("the whole log was deleted" in p for p in found)
    result = CliRunner().invoke(cli, ["audit", str(decided), "verify"])
    assert result.exit_code == 1
    assert "0 entries" not in result.output


def test_deleting_only_the_head_file_is_detected(decided: Path) -> None:
    (decided / HEAD_FILE).unlink()
    assert any("head file" in p and "missing" in p for p in problems(decided))


def _rehash(folder: Path, upto: int | None = None, rename: tuple[str, str] | None = None) -> None:
    """What a careful forger does: rewrite the chain so that every link and the head agree."""
    db = sqlite3.connect(folder / "case.db")
    with db:
        if upto is not None:
            db.execute("DELETE FROM audit_log WHERE id > ?", (upto,))
        if rename is not None:
            db.execute("UPDATE audit_log SET user = ? WHERE user = ?", (rename[1], rename[0]))
            db.execute("UPDATE decision_events SET user = ? WHERE user = ?", (rename[1], rename[0]))
        prev = "0" * 64
        rows = db.execute("SELECT id, at, user, action, details FROM audit_log ORDER BY id")
        for seq, at, user, action, details in rows.fetchall():
            payload = json.dumps([seq, at, user, action, details, prev], ensure_ascii=False)
            digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
            db.execute(
                "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, seq)
            )
            prev = digest
        db.execute("UPDATE case_meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{prev}",))
    db.close()


def test_truncating_and_re_anchoring_is_caught_by_the_head_file(decided: Path) -> None:
    _rehash(decided, upto=3)
    found = problems(decided)
    assert any("recorded in the head file" in p and "no longer in the log" in p for p in found)


def test_a_consistent_rewrite_of_the_chain_is_caught_by_the_head_file(decided: Path) -> None:
    _rehash(decided, rename=("rita", "ruth"))
    found = problems(decided)
    assert any("differs from the copy recorded in the head file" in p for p in found)


def test_a_case_from_before_step_15_is_sealed_on_opening_and_then_guarded(
    reviewed: CaseSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sar_desk.store import audit_marks, audit_seal

    # Decide as an earlier release did: no seals, no head file.
    with monkeypatch.context() as old_release:
        old_release.setattr(audit_seal, "seal_pending", lambda _conn: {})
        old_release.setattr(audit_marks, "write_head", lambda _folder, _head: None)
        reviewed.review.decide(
            [1], Action.ACCEPT, code="SAR-3P", rationale="Third party; no consent"
        )
    folder = reviewed.folder
    reviewed.close()
    (folder / HEAD_FILE).unlink()
    sql(
        folder,
        "ALTER TABLE review_users DROP COLUMN passphrase_hash",
        "DELETE FROM case_meta WHERE key IN ('audit_upgrade', 'audit_sealed')",
        "DROP TABLE elusion_marks",  # step 16 runs again too
        "DROP TABLE elusion_tests",
        "DROP TABLE attachment_review_events",  # and step 18
        "DROP TABLE scanned_attachments",  # and step 17
        "DROP TABLE attachment_findings",
        "DROP TABLE attachments_fts",
        "DROP TABLE attachment_texts",
        "DROP TABLE attachments",
        f"PRAGMA user_version = {max(v for v, _ in MIGRATIONS if v < 15)}",
    )
    assert problems(folder) == []  # opening migrated it and sealed the old decisions
    assert (folder / HEAD_FILE).exists()
    session = CaseSession.open(folder, "officer")
    try:
        anchored = session.review.audit_entries("audit-anchored")
    finally:
        session.close()
    assert len(anchored) == 1
    assert "decision_events" in anchored[0].details["sealed"]
    sql(folder, "UPDATE decision_events SET user = 'rita' WHERE item_id = 1")
    assert any("audit-anchored by officer" in p for p in problems(folder))


def test_a_change_the_head_file_cannot_follow_is_not_made(
    reviewed: CaseSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sar_desk.core.errors import CaseDamagedError
    from sar_desk.store import audit_marks

    def refuse(_folder: Path, _head: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(audit_marks, "write_head", refuse)
    with pytest.raises(CaseDamagedError, match="audit head file"):
        reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="Third party")
    monkeypatch.undo()
    assert (
        next(v for v in reviewed.review.review_items() if v.item.id == 1).status.value == "proposed"
    )
    folder = reviewed.folder
    reviewed.close()
    assert problems(folder) == []


def test_a_public_interest_test_rewritten_afterwards_is_detected(tmp_path: Path) -> None:
    from datetime import date

    from sar_desk.core.model import Case, Regime

    case = Case(reference="FOI-SEAL-1", regime=Regime.FOI, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "foi", case, user="officer")
    try:
        session.review.record_public_interest_test(
            "FOI-43",
            "Openness about how contracts are let.",
            "Harm to a bidder in a live tender.",
            "The public interest favours withholding until the tender closes.",
        )
    finally:
        session.close()
    assert problems(tmp_path / "foi") == []
    sql(tmp_path / "foi", "UPDATE public_interest_tests SET conclusion = 'Disclose it all.'")
    found = problems(tmp_path / "foi")
    assert any("public interest tests recorded by entry" in p for p in found)


def test_scope_decisions_and_approvals_of_exclusions_are_sealed(reviewed: CaseSession) -> None:
    from sar_desk.core.scope import Relevance

    reviewed.scope.mark_scope([1, 2, 3], Relevance.ABOUT_REQUESTER, "Hits of the requester search")
    reviewed.scope.mark_scope([3], Relevance.NOT_RELEVANT, "Lunch order")
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        assert rita.scope.approve_exclusions(None, "Checked: a lunch order") == 1
    finally:
        rita.close()
    folder = reviewed.folder
    reviewed.close()
    assert problems(folder) == []
    sql(folder, "UPDATE scope_approvals SET approved_by = 'officer'")
    assert any("approvals of exclusions recorded by entry" in p for p in problems(folder))
    sql(folder, "UPDATE scope_approvals SET approved_by = 'rita'")
    assert problems(folder) == []
    sql(folder, "UPDATE message_scope SET relevance = 'about-requester' WHERE message_id = 3")
    assert any("The scope of 1 message (3) was changed" in p for p in problems(folder))
    sql(folder, "DELETE FROM scope_events WHERE message_id = 3 AND value = 'not-relevant'")
    assert any("scope decisions recorded by entry" in p for p in problems(folder))
