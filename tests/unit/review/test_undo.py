"""Undo of the latest review decision: a new recorded decision, never an erasure (issue 19)."""

from __future__ import annotations

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import InvalidTransitionError, NotFoundError
from sar_desk.store import decisions as store_decisions


def _item(session: CaseSession, text: str) -> int:
    return next(int(v.item.id) for v in session.review.review_items() if v.item.text == text)


def _state(session: CaseSession, item_id: int):  # type: ignore[no-untyped-def]
    return next(v.state for v in session.review.review_items() if int(v.item.id) == item_id)


def test_undo_accept_restores_proposed_and_keeps_both_in_history(reviewed: CaseSession) -> None:
    phone = _item(reviewed, "07700 900123")
    reviewed.review.decide(
        [phone], Action.ACCEPT, code="SAR-3P", rationale="A third party's number"
    )
    audit_before = len(reviewed.review.audit_entries())

    result = reviewed.review.undo_last_decision()

    assert result.action is Action.ACCEPT
    state = _state(reviewed, phone)
    assert (state.status, state.code, state.rationale) == (ReviewStatus.PROPOSED, None, "")
    history = reviewed.review.item_history(phone)
    assert [e.action for e in history] == [Action.ACCEPT, Action.UNDO]
    entries = reviewed.review.audit_entries()
    assert len(entries) == audit_before + 1
    assert entries[-1].action == "review-undo"
    assert [e.action for e in entries].count("review-accept") >= 1
    assert reviewed.review.verify_audit() == []


def test_undo_approval_restores_the_accepted_state_with_its_proposer(
    reviewed: CaseSession,
) -> None:
    phone = _item(reviewed, "07700 900123")
    reviewed.review.decide(
        [phone], Action.ACCEPT, code="SAR-3P", rationale="A third party's number"
    )
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        rita.review.approve([phone])
        rita.review.undo_last_decision()
        state = _state(rita, phone)
    finally:
        rita.close()
    assert state.status is ReviewStatus.ACCEPTED
    assert (state.proposer, state.approver, state.code) == ("officer", None, "SAR-3P")


def test_undo_twice_steps_back_through_own_decisions(reviewed: CaseSession) -> None:
    phone = _item(reviewed, "07700 900123")
    reviewed.review.decide(
        [phone], Action.ACCEPT, code="SAR-3P", rationale="A third party's number"
    )
    reviewed.review.decide([phone], Action.REJECT, note="Actually the office line")
    reviewed.review.undo_last_decision()
    assert _state(reviewed, phone).status is ReviewStatus.ACCEPTED
    reviewed.review.undo_last_decision()
    assert _state(reviewed, phone).status is ReviewStatus.PROPOSED
    with pytest.raises(NotFoundError, match="no review decision left"):
        reviewed.review.undo_last_decision()


def test_undo_refuses_when_someone_decided_the_item_since(reviewed: CaseSession) -> None:
    phone = _item(reviewed, "07700 900123")
    reviewed.review.decide(
        [phone], Action.ACCEPT, code="SAR-3P", rationale="A third party's number"
    )
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        rita.review.approve([phone])
    finally:
        rita.close()
    events = len(reviewed.review.item_history(phone))
    with pytest.raises(InvalidTransitionError, match="decided again by rita"):
        reviewed.review.undo_last_decision()
    assert len(reviewed.review.item_history(phone)) == events  # nothing half-recorded


def test_undo_of_a_multi_item_decision_reverses_all_of_it(reviewed: CaseSession) -> None:
    ids = [int(v.item.id) for v in reviewed.review.review_items(ReviewStatus.PROPOSED)][:2]
    reviewed.review.decide(ids, Action.REJECT, note="Public business contact")
    result = reviewed.review.undo_last_decision()
    assert sorted(int(v.item.id) for v in result.items) == sorted(ids)
    with reviewed.store.read() as conn:
        assert all(store_decisions.events_for(conn, i)[-1].action is Action.UNDO for i in ids)
    assert all(_state(reviewed, i).status is ReviewStatus.PROPOSED for i in ids)


def test_export_undecided_counts_only_the_disclosure_set_as_export_does(
    reviewed: CaseSession,
) -> None:
    from sar_desk.core.errors import ExportBlockedError
    from sar_desk.core.jobs import run_job

    assert len(reviewed.review.review_items(ReviewStatus.PROPOSED)) == 4
    reviewed.scope.add_to_disclosure([2], "About the requester's repair")
    assert reviewed.review.export_undecided() == 2  # message 2's two proposals, not message 3's
    assert {int(v.item.message_id) for v in reviewed.review.disclosed_review_items()} == {2}
    with pytest.raises(ExportBlockedError, match=r"^2 redaction proposals"):
        run_job(reviewed.export.export_bundle(reviewed.folder.parent / "out"), lambda _p: None)
