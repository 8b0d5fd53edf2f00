from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import BadInputError, InvalidTransitionError, PermissionDeniedError
from sar_desk.review.bulk import BulkConfirmationRequiredError, BulkSelection
from sar_desk.review.decide import ReviewSettings, WithholdBasis
from sar_desk.review.roles import Role
from sar_desk.review.thirdparty import ConsentResponse, ThirdPartyDecision, ThirdPartyRecord


@contextmanager
def acting(session: CaseSession, user: str) -> Iterator[CaseSession]:
    other = CaseSession.open(session.folder, user)
    try:
        yield other
    finally:
        other.close()


def statuses(session: CaseSession) -> dict[int, str]:
    return {v.item.id: str(v.status) for v in session.review.review_items()}


def test_findings_become_proposed_items(reviewed: CaseSession) -> None:
    assert statuses(reviewed) == {1: "proposed", 2: "proposed", 3: "proposed", 4: "proposed"}


def test_accept_then_approve_by_another_user(reviewed: CaseSession) -> None:
    reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="Third party; no consent")
    with acting(reviewed, "rita") as rita:
        [view] = rita.review.approve([1])
    assert view.status is ReviewStatus.APPROVED
    assert (view.state.proposer, view.state.approver) == ("officer", "rita")
    entries = reviewed.review.audit_entries("review-approve")
    assert entries[-1].user == "rita"
    assert entries[-1].details["items"] == [1]


def test_approving_your_own_proposal_is_refused(reviewed: CaseSession) -> None:
    reviewed.review.add_user("dana", Role.DPO)
    with acting(reviewed, "dana") as dana:
        dana.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="Third party")
        with pytest.raises(PermissionDeniedError, match="proposed by dana, so dana cannot"):
            dana.review.approve([1])
    assert statuses(reviewed)[1] == "accepted"


def test_case_handler_cannot_approve(reviewed: CaseSession) -> None:
    with acting(reviewed, "rita") as rita:
        rita.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="Third party")
    with pytest.raises(PermissionDeniedError, match="case handler on this case and cannot approve"):
        reviewed.review.approve([1])


def test_unknown_user_is_refused_with_how_to_add_them(reviewed: CaseSession) -> None:
    with (
        acting(reviewed, "mallory") as m,
        pytest.raises(
            PermissionDeniedError, match="mallory is not a user of this case; add them as a user"
        ),
    ):
        m.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="x")


def test_auditor_cannot_decide(reviewed: CaseSession) -> None:
    reviewed.review.add_user("audrey", Role.AUDITOR)
    with acting(reviewed, "audrey") as a, pytest.raises(PermissionDeniedError, match="auditor"):
        a.review.decide([1], Action.REJECT, note="x")


def test_code_from_another_regime_and_empty_rationale_are_refused(reviewed: CaseSession) -> None:
    with pytest.raises(BadInputError, match="codes are scoped to the case's regime"):
        reviewed.review.decide([1], Action.ACCEPT, code="FOI-40-2", rationale="x")
    with pytest.raises(BadInputError, match="needs a rationale"):
        reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale=" ")
    with pytest.raises(BadInputError, match="say why it is rejected"):
        reviewed.review.decide([1], Action.REJECT, note="")
    assert statuses(reviewed)[1] == "proposed"
    assert not reviewed.review.audit_entries("review-accept")


def test_a_refused_item_leaves_the_others_undecided(reviewed: CaseSession) -> None:
    reviewed.review.decide([1], Action.REJECT, note="staff acting in role")
    with pytest.raises(InvalidTransitionError):
        reviewed.review.decide([2, 1], Action.REJECT, note="x")
    assert statuses(reviewed)[2] == "proposed"


def test_bulk_by_value_follows_the_name_and_skips_individual_decisions(
    reviewed: CaseSession,
) -> None:
    reviewed.review.decide([4], Action.REJECT, note="Quoting a manager in role")
    result = reviewed.review.bulk_decide(
        BulkSelection(value="sam carter"),
        Action.ACCEPT,
        code="default",
        rationale="Third-party personal data; no consent",
    )
    assert sorted(v.item.id for v in result.decided) == [1, 3]  # text and sender header
    assert result.plan.individually_decided == 1
    assert (
        "1 items already decided individually were left as they were."
        in result.plan.skipped_lines()
    )
    assert statuses(reviewed)[4] == "rejected"
    assert {v.state.code for v in result.decided} == {"SAR-3P"}


def test_bulk_above_threshold_needs_confirmation(reviewed: CaseSession) -> None:
    reviewed.review.set_review_settings(ReviewSettings(bulk_warning_threshold=2))
    selection = BulkSelection(everything=True)
    with pytest.raises(BulkConfirmationRequiredError, match="case by case"):
        reviewed.review.bulk_decide(
            selection, Action.ACCEPT, code="default", rationale="Third party"
        )
    assert set(statuses(reviewed).values()) == {"proposed"}
    result = reviewed.review.bulk_decide(
        selection, Action.ACCEPT, code="default", rationale="Third party", confirmed=True
    )
    assert len(result.decided) == 4
    assert reviewed.review.audit_entries("review-accept")[-1].details["confirmed"] is True


def test_bulk_entity_filter_and_earlier_bulk_not_overwritten(reviewed: CaseSession) -> None:
    reviewed.review.bulk_decide(
        BulkSelection(entity_type="PHONE_NUMBER"), Action.REJECT, note="Council switchboard"
    )
    again = reviewed.review.bulk_decide(
        BulkSelection(everything=True), Action.ACCEPT, code="SAR-3P", rationale="Third party"
    )
    assert again.plan.already_decided == 1
    assert statuses(reviewed)[2] == "rejected"


def test_bulk_approve_skips_own_proposals(reviewed: CaseSession) -> None:
    reviewed.review.add_user("dana", Role.DPO)
    reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="x")
    with acting(reviewed, "dana") as dana:
        dana.review.decide([3], Action.ACCEPT, code="SAR-3P", rationale="x")
        result = dana.review.bulk_decide(BulkSelection(everything=True), Action.APPROVE)
    assert [v.item.id for v in result.decided] == [1]
    assert result.plan.own_proposals == 1


def test_manual_redaction_withhold_and_markers(reviewed: CaseSession) -> None:
    manual = reviewed.review.manual_redaction(1, 0, 2, "SAR-3P", "Nickname of a neighbour")
    assert (manual.item.text, manual.status) == ("Hi", ReviewStatus.ACCEPTED)
    with pytest.raises(BadInputError, match="outside message 1"):
        reviewed.review.manual_redaction(1, 0, 999, "SAR-3P", "x")
    held = reviewed.review.withhold(
        3, "SAR-3P", "All about a third party", WithholdBasis.MEANINGLESS
    )
    assert "meaningless" in held.state.note
    nis = reviewed.review.mark(1, ReviewStatus.NOT_IN_SCOPE, "Not about the requester")
    dup = reviewed.review.mark(
        2, ReviewStatus.DUPLICATE, "Same as in the other export", duplicate_of=1
    )
    assert nis.state.code is None
    assert dup.item.duplicate_of == 1
    with pytest.raises(InvalidTransitionError, match="marker"):
        reviewed.review.decide([nis.item.id], Action.ACCEPT, code="SAR-3P", rationale="x")
    with acting(reviewed, "rita") as rita:
        rita.review.approve([manual.item.id, held.item.id])
        decisions = rita.review.disclosure_decisions([1, 2, 3])
    assert decisions.not_in_scope == frozenset({1})
    assert decisions.duplicates == frozenset({2})
    assert set(decisions.withheld) == {3}
    assert decisions.withheld[3].code.code == "SAR-3P"


def test_modify_span_uses_message_text(reviewed: CaseSession) -> None:
    [view] = reviewed.review.decide([1], Action.MODIFY, start=0, end=3)
    assert view.text == "Sam"
    assert (view.state.start, view.state.end) == (0, 3)
    with pytest.raises(BadInputError, match="whole sender"):
        reviewed.review.decide([3], Action.MODIFY, start=0, end=3)


def test_disclosure_decisions_only_approved_with_protected_terms(reviewed: CaseSession) -> None:
    reviewed.review.decide([1, 3], Action.ACCEPT, code="SAR-3P", rationale="Third party")
    reviewed.review.decide([2], Action.ACCEPT, code="SAR-3P", rationale="Third party")
    with acting(reviewed, "rita") as rita:
        rita.review.approve([1, 3])
    d = reviewed.review.disclosure_decisions([1, 2, 3])
    assert sorted(d.redactions) == [2, 3]
    [red] = d.redactions[2]
    assert (red.start, red.end, red.text, red.code.marker) == (
        0,
        10,
        "Sam Carter",
        "Sch 2 Pt 3 para 16",
    )
    assert (red.proposer, red.approver) == ("officer", "rita")
    assert d.undecided == 2  # item 2 awaits approval, item 4 undecided
    assert "Sam Carter" in d.protected_terms
    log = reviewed.review.review_log()
    assert list(log["item"]) == [1, 2, 3]
    assert "text" not in log.columns


def test_signoff_required_for_withholding_and_recorded(reviewed: CaseSession) -> None:
    assert reviewed.review.signoff_required() == []
    reviewed.review.withhold(3, "SAR-3P", "Third party", WithholdBasis.EXEMPT)
    assert any("withheld" in r for r in reviewed.review.signoff_outstanding())
    with acting(reviewed, "rita") as rita, pytest.raises(PermissionDeniedError, match="DPO"):
        rita.review.sign_off("checked")
    reviewed.review.add_user("dana", Role.DPO)
    with acting(reviewed, "dana") as dana:
        row = dana.review.sign_off("Checked the withholding")
    assert row.user == "dana"
    assert reviewed.review.signoff_outstanding() == []
    assert reviewed.review.audit_entries("sign-off")[-1].details["reasons"] == ["refusal"]


def test_signoff_for_many_third_parties_and_child_data(reviewed: CaseSession) -> None:
    reviewed.review.set_review_settings(
        ReviewSettings(third_party_signoff_threshold=0, child_data=True)
    )
    reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="Third party")
    reasons = " ".join(reviewed.review.signoff_required())
    assert "child" in reasons
    assert "1 third parties" in reasons


def test_third_party_records(reviewed: CaseSession) -> None:
    rec = ThirdPartyRecord(
        party="Sam Carter",
        consent_sought=True,
        consent_date=__import__("datetime").date(2026, 5, 10),
        response=ConsentResponse.REFUSED,
        capable_of_consenting=True,
        duty_of_confidence=False,
        information_type="work contact",
        decision=ThirdPartyDecision.REDACT,
        reasons="Express refusal; junior staff",
    )
    saved = reviewed.review.record_third_party(rec)
    assert saved.recorded_by == "officer"
    assert saved.response is ConsentResponse.REFUSED
    with pytest.raises(BadInputError, match="not sought"):
        reviewed.review.record_third_party(
            ThirdPartyRecord(party="Jo", response=ConsentResponse.GIVEN)
        )
    with pytest.raises(BadInputError, match="Say why"):
        reviewed.review.record_third_party(
            ThirdPartyRecord(party="Jo", decision=ThirdPartyDecision.DISCLOSE)
        )
    reviewed.review.record_third_party(
        ThirdPartyRecord(
            party="sam carter", decision=ThirdPartyDecision.DISCLOSE, reasons="Consent later given"
        )
    )
    [current] = reviewed.review.third_parties()
    assert current.decision is ThirdPartyDecision.DISCLOSE
    details = reviewed.review.audit_entries("third-party-record")[0].details
    assert "Sam" not in str(details)


def test_progress_per_entity_and_reviewer(reviewed: CaseSession) -> None:
    reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="x")
    reviewed.review.decide([2], Action.REJECT, note="switchboard")
    with acting(reviewed, "rita") as rita:
        rita.review.approve([1])
    report = reviewed.review.review_progress()
    assert report.totals["approved"] == 1
    assert report.totals["rejected"] == 1
    assert int(report.by_entity.loc["PERSON", "approved"]) == 1
    assert int(report.by_reviewer.loc["rita", "approved"]) == 1
    [section] = [s for s in reviewed.summary_sections() if s.title == "Review"]
    assert any("rita: 0 accepted, 1 approved" in line for line in section.lines)
