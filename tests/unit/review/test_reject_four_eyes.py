"""Rejecting a third party's data discloses it, so it needs a second person (issue 17, item 4)."""

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import PermissionDeniedError
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId
from sar_desk.review.bulk import BulkSelection
from sar_desk.review.roles import Role
from sar_desk.store.findings import save_findings

ALL_MESSAGES = (1, 2, 3, 4, 5)


def undecided(session: CaseSession) -> int:
    return session.review.disclosure_decisions(ALL_MESSAGES).undecided


def accept_the_rest(session: CaseSession) -> list[int]:
    ids = [v.item.id for v in session.review.review_items(ReviewStatus.PROPOSED)]
    session.subjects.link_items(ids, other_individual=True, reason="About another individual")
    session.review.decide(ids, Action.ACCEPT, code="SAR-3P", rationale="Third party")
    return ids


def decide_the_rest(session: CaseSession) -> None:
    accept_the_rest(session)
    rita = CaseSession.open(session.folder, "rita")
    try:
        rita.review.bulk_decide(BulkSelection(everything=True), Action.APPROVE, confirmed=True)
    finally:
        rita.close()


def test_a_rejected_third_party_proposal_waits_for_a_second_person(
    reviewed: CaseSession,
) -> None:
    reviewed.review.add_user("dana", Role.DPO)
    dana = CaseSession.open(reviewed.folder, "dana")
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        dana.review.decide([1], Action.REJECT, note="Not personal data in context")
        rita.review.approve(accept_the_rest(reviewed))
        assert undecided(reviewed) == 1  # the export gate counts the unconfirmed rejection
        with pytest.raises(PermissionDeniedError, match="rejected by dana, so dana cannot"):
            dana.review.approve([1])
        [view] = rita.review.approve([1])
    finally:
        dana.close()
        rita.close()
    assert view.status is ReviewStatus.REJECTED
    assert (view.state.rejected_by, view.state.approver) == ("dana", "rita")
    assert undecided(reviewed) == 0


def test_bulk_approval_confirms_others_rejections_but_not_ones_own(reviewed: CaseSession) -> None:
    reviewed.review.decide([1], Action.REJECT, note="Not personal data in context")
    decide_the_rest(reviewed)
    assert undecided(reviewed) == 0
    view = next(v for v in reviewed.review.review_items() if v.item.id == 1)
    assert view.state.approver == "rita"
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        rita.review.decide([1], Action.REOPEN, note="Look again")
        rita.review.decide([1], Action.REJECT, note="Business contact details")
        plan = rita.review.plan_bulk(BulkSelection(everything=True), Action.APPROVE)
    finally:
        rita.close()
    assert 1 not in plan.targets
    assert undecided(reviewed) == 1


def test_rejecting_the_requesters_own_data_needs_no_second_person(
    reviewed: CaseSession,
) -> None:
    with reviewed.store.transaction() as conn:
        save_findings(
            conn,
            [Finding(MessageId(1), ProposalField.TEXT, 0, 11, "Alex Morgan", "PERSON", 0.9, "t")],
        )
    own = next(v for v in reviewed.review.review_items() if v.item.text == "Alex Morgan")
    reviewed.review.decide([own.item.id], Action.REJECT, note="The requester's own name")
    accept_the_rest(reviewed)
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        rita.review.approve([v.item.id for v in rita.review.review_items(ReviewStatus.ACCEPTED)])
    finally:
        rita.close()
    view = next(v for v in reviewed.review.review_items() if v.item.id == own.item.id)
    assert view.state.approver is None
    assert undecided(reviewed) == 0


def test_the_review_list_says_who_rejected_and_who_confirmed(reviewed: CaseSession) -> None:
    from click.testing import CliRunner

    from sar_desk.cli.main import cli

    reviewed.review.decide([1], Action.REJECT, note="Not personal data in context")
    rita = CaseSession.open(reviewed.folder, "rita")
    try:
        rita.review.approve([1])
    finally:
        rita.close()
    folder = reviewed.folder
    reviewed.close()
    out = CliRunner().invoke(cli, ["review", str(folder), "list", "--status", "rejected"])
    assert "rejected by officer, confirmed by rita" in out.output
