"""Issue 13: the safety net lists places for a decision and never redacts by itself."""

from __future__ import annotations

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ItemKind, ReviewStatus
from sar_desk.core.errors import BadInputError
from sar_desk.core.findings import ProposalField
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery


def as_user(session: CaseSession, user: str) -> CaseSession:
    return CaseSession.open(session.folder, user)


def _first_name_only(session: CaseSession, approve: bool = True) -> None:
    """Redact "Sam Carter" in message 2's text only, approved by a second person."""
    session.scope.mark_scope(
        session.scope.search_ids(SearchQuery()), Relevance.ABOUT_REQUESTER, "test"
    )
    items = session.review.review_items()
    first = next(v for v in items if v.item.message_id == 2 and v.item.entity_type == "PERSON")
    session.review.decide([first.item.id], Action.ACCEPT, code="SAR-3P", rationale="Third party")
    phone = next(v for v in items if v.item.entity_type == "PHONE_NUMBER")
    session.review.decide([phone.item.id], Action.REJECT, note="Council switchboard")
    if not approve:
        return
    rita = as_user(session, "rita")
    try:
        # Confirming the rejection too: it discloses a third party's data (issue 17).
        rita.review.approve([first.item.id, phone.item.id])
    finally:
        rita.close()


def test_places_are_listed_before_the_second_person_approves(reviewed: CaseSession) -> None:
    # Accepted redactions count, so the places are decided in the same round of approval.
    _first_name_only(reviewed, approve=False)
    assert {int(p.message_id) for p in reviewed.places.safety_net_places()} == {3}


def test_places_are_listed_with_ids_and_kinds(reviewed: CaseSession) -> None:
    _first_name_only(reviewed)
    places = reviewed.places.safety_net_places()
    assert {(int(p.message_id), p.field) for p in places} == {
        (3, ProposalField.SENDER),
        (3, ProposalField.TEXT),
    }
    assert {p.kind for p in places} == {"PERSON"}
    assert {p.code for p in places} == {"SAR-3P"}


def test_same_redaction_at_the_places_is_accepted_then_needs_a_second_person(
    reviewed: CaseSession,
) -> None:
    _first_name_only(reviewed)
    before = reviewed.review.audit_entries("review-accept")
    result = reviewed.places.decide_safety_net_places(redact=True)
    assert len(result.items) == 2
    assert not result.unlocated
    created = [v for v in reviewed.review.review_items() if v.item.id in result.items]
    assert {v.status for v in created} == {ReviewStatus.ACCEPTED}
    assert {v.state.code for v in created} == {"SAR-3P"}
    # The proposal already at the spot in message 3's text is the one decided.
    assert any(v.item.kind is ItemKind.FINDING for v in created)
    # Recorded through the normal path: one audit entry, ids and counts only (no text).
    entry = reviewed.review.audit_entries("review-accept")[len(before)]
    assert entry.details["safety_net_places"] == 2
    assert "Sam" not in str(entry.details)
    # Decided, but a second person must still approve them: export refuses meanwhile.
    assert reviewed.places.safety_net_places() == []
    assert reviewed.review.disclosure_decisions(reviewed.scope.disclosure_set()).undecided == 2
    rita = as_user(reviewed, "rita")
    try:
        rita.review.approve(list(result.items))
    finally:
        rita.close()
    assert reviewed.places.safety_net_places() == []


def test_keep_needs_a_reason_and_then_the_text_stays(reviewed: CaseSession, tmp_path) -> None:
    _first_name_only(reviewed)
    with pytest.raises(BadInputError, match="Say why"):
        reviewed.places.decide_safety_net_places(redact=False)
    result = reviewed.places.decide_safety_net_places(
        redact=False, reason="Staff member, own message"
    )
    rejected = [v for v in reviewed.review.review_items() if v.item.id in result.items]
    assert {v.status for v in rejected} == {ReviewStatus.REJECTED}
    assert reviewed.places.safety_net_places() == []
    rita = as_user(reviewed, "rita")  # keeping a third party's name needs a second person
    try:
        rita.review.approve(list(result.items))
    finally:
        rita.close()
    reviewed.search.search_logged(SearchQuery(), limit=1, origin="test")
    from sar_desk.core.jobs import run_job

    run_job(reviewed.export.export_bundle(tmp_path / "out"))
    html = next((tmp_path / "out" / "pack").glob("*.html")).read_text()
    assert "I spoke to Sam Carter" in html  # kept by decision, verbatim
