"""Issue 13 item 8: excluding messages needs a second person; a later change voids sign-off.

domain.md section 5 (step 8: inclusion/exclusion decision per item with reason; step 10: an
independent second-person check; step 11: sign-off with timestamp) and the ICO's expectation
that a senior person reviews and authorises what is withheld.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import ExportBlockedError, PermissionDeniedError
from sar_desk.core.jobs import run_job
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.review.roles import Role


@contextmanager
def acting(session: CaseSession, user: str) -> Iterator[CaseSession]:
    other = CaseSession.open(session.folder, user)
    try:
        yield other
    finally:
        other.close()


@pytest.fixture
def scoped(reviewed: CaseSession) -> CaseSession:
    """Messages 1-3 about the requester; the proposals rejected so only scope matters."""
    reviewed.scope.mark_scope([1, 2, 3], Relevance.ABOUT_REQUESTER, "Hits of the requester search")
    ids = [v.item.id for v in reviewed.review.review_items()]
    reviewed.review.decide(ids, Action.REJECT, note="Not needed for this test")
    with acting(reviewed, "rita") as rita:
        rita.review.approve(
            ids
        )  # rejections of third parties' data need a second person (issue 17)
    reviewed.search.search_logged(SearchQuery(), limit=1, origin="test")
    reviewed.review.add_user("dana", Role.DPO)
    return reviewed


def test_an_exclusion_waits_for_a_second_person_and_blocks_export(
    scoped: CaseSession, tmp_path: Path
) -> None:
    scoped.scope.mark_scope([3], Relevance.NOT_RELEVANT, "Lunch order")
    [excluded] = scoped.scope.scope_exclusions()
    assert (int(excluded.message_id), excluded.kind, excluded.pending) == (3, "not-relevant", True)
    assert any("second person" in r for r in scoped.review.signoff_outstanding())
    with pytest.raises(ExportBlockedError, match="wait for a second person"):
        run_job(scoped.export.export_bundle(tmp_path / "out"))
    with acting(scoped, "officer") as same, pytest.raises(PermissionDeniedError):
        same.scope.approve_exclusions(None, "I checked my own")
    with acting(scoped, "rita") as rita:
        assert rita.scope.approve_exclusions(None, "Checked: a lunch order") == 1
    [approved] = scoped.scope.scope_exclusions()
    assert approved.approved_by == "rita"
    assert scoped.review.audit_entries("scope-approve")[-1].details["count"] == 1
    run_job(scoped.export.export_bundle(tmp_path / "out"))
    record = (tmp_path / "out" / "internal" / "scope-exclusions.csv").read_text()
    assert "3,not-relevant,Lunch order,officer," in record
    assert ",rita," in record


def test_a_review_not_in_scope_marker_is_an_exclusion_too(scoped: CaseSession) -> None:
    scoped.review.mark(2, ReviewStatus.NOT_IN_SCOPE, "About another tenant")
    assert [(int(e.message_id), e.kind) for e in scoped.scope.scope_exclusions()] == [
        (2, "not-in-scope")
    ]


def test_dpo_sign_off_approves_pending_exclusions(scoped: CaseSession) -> None:
    scoped.scope.remove_from_disclosure([1], "Duplicate of the SMS copy")
    with acting(scoped, "dana") as dana:
        dana.review.sign_off("Checked the exclusion")
    [excluded] = scoped.scope.scope_exclusions()
    assert excluded.approved_by == "dana"
    assert excluded.note.startswith("DPO sign-off")
    assert scoped.review.signoff_outstanding() == []


def test_any_decision_change_after_sign_off_voids_it(scoped: CaseSession, tmp_path: Path) -> None:
    with acting(scoped, "dana") as dana:
        first = dana.review.sign_off("All checked")
    item = scoped.review.review_items()[0].item.id
    scoped.review.decide([item], Action.REOPEN, note="Second look")
    scoped.review.decide([item], Action.REJECT, note="Still not needed")
    with acting(scoped, "rita") as rita:
        rita.review.approve([item])
    voided = scoped.review.audit_entries("sign-off-voided")
    details = [{k: v for k, v in e.details.items() if k != "sealed"} for e in voided]
    assert details == [{"signoff": first.id, "cause": "review-reopen"}]
    outstanding = scoped.review.signoff_outstanding()
    assert "voided" in outstanding[0]
    with pytest.raises(ExportBlockedError, match="voided"):
        run_job(scoped.export.export_bundle(tmp_path / "out"))
    with acting(scoped, "dana") as dana:
        dana.review.sign_off("Checked again after the change")
    assert scoped.review.signoff_outstanding() == []
    scoped.scope.mark_scope([2], Relevance.ABOUT_REQUESTER, "Scope changes void it too")
    assert scoped.review.audit_entries("sign-off-voided")[-1].details["cause"] == "scope-relevance"


def test_a_balancing_record_or_a_link_after_sign_off_voids_it_too(scoped: CaseSession) -> None:
    from sar_desk.review.thirdparty import ThirdPartyDecision, ThirdPartyRecord

    with acting(scoped, "dana") as dana:
        dana.review.sign_off("All checked")
    scoped.review.record_third_party(
        ThirdPartyRecord(party="Sam Carter", decision=ThirdPartyDecision.REDACT, reasons="No")
    )
    assert (
        scoped.review.audit_entries("sign-off-voided")[-1].details["cause"] == "third-party-record"
    )
    with acting(scoped, "dana") as dana:
        dana.review.sign_off("Checked the balancing record")
    item = scoped.review.review_items()[0].item.id
    scoped.subjects.link_items([item], other_individual=True, reason="The caller")
    assert scoped.review.audit_entries("sign-off-voided")[-1].details["cause"] == "review-link"
