"""R31 public interest tests, R32 s.36 qualified person's opinion, R53 QA sampling."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import BadInputError, Hint, InvalidTransitionError
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, MessageId, Regime
from sar_desk.review.bulk import BulkSelection
from sar_desk.review.qa import QaMode, QaSettings, draw, sample_size
from sar_desk.review.roles import Role
from sar_desk.store.findings import save_findings
from sar_desk.store.pit import FAILED, PASSED


@contextmanager
def acting(session: CaseSession, user: str) -> Iterator[CaseSession]:
    other = CaseSession.open(session.folder, user)
    try:
        yield other
    finally:
        other.close()


@pytest.fixture
def foi(tmp_path: Path, chat_file: Path) -> Iterator[CaseSession]:
    """An FOI case with the three-message chat, two findings and a reviewer 'rita'."""
    case = Case(reference="FOI-TEST-1", regime=Regime.FOI, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "foi", case, user="officer")
    run_job(session.ingest.import_files([chat_file], day_first=True), lambda _p: None)
    with session.store.transaction() as conn:
        save_findings(
            conn,
            [
                Finding(MessageId(2), ProposalField.TEXT, 0, 10, "Sam Carter", "PERSON", 0.85, "x"),
                Finding(MessageId(3), ProposalField.TEXT, 15, 25, "Sam Carter", "PERSON", 0.8, "x"),
            ],
        )
    session.review.add_user("rita", Role.REVIEWER)
    yield session
    session.close()


def _pit(session: CaseSession, code: str = "FOI-43") -> None:
    session.review.record_public_interest_test(
        code,
        "Transparency about how repair contracts are let.",
        "Disclosure would harm the contractor's position in a live tender.",
        "The public interest favours maintaining the exemption until the tender closes.",
    )


# --- R31: public interest test ------------------------------------------------------------


def test_qualified_code_cannot_be_approved_without_a_public_interest_test(
    foi: CaseSession,
) -> None:
    foi.review.decide(
        [1], Action.ACCEPT, code="FOI-43", rationale="Commercially sensitive tender detail"
    )
    with acting(foi, "rita") as rita, pytest.raises(BadInputError) as refused:
        rita.review.approve([1])
    message = str(refused.value)
    assert message.startswith("s.43 is a qualified exemption: record the public interest test")
    assert "(FOI-43)" in message
    assert refused.value.hint is Hint.RECORD_PIT
    assert {v.item.id: v.status for v in foi.review.review_items()}[1] is ReviewStatus.ACCEPTED
    assert not foi.review.audit_entries("review-approve")


def test_approval_goes_through_once_the_test_is_recorded_and_is_audited(foi: CaseSession) -> None:
    foi.review.decide(
        [1], Action.ACCEPT, code="FOI-43", rationale="Commercially sensitive tender detail"
    )
    _pit(foi)
    [entry] = foi.review.audit_entries("public-interest-test")
    assert entry.user == "officer"
    assert entry.details["code"] == "FOI-43"
    assert "tender" not in str(entry.details)  # ids and codes only, never the reasoning text
    with acting(foi, "rita") as rita:
        [view] = rita.review.approve([1])
    assert view.status is ReviewStatus.APPROVED
    test = foi.review.public_interest_tests()["FOI-43"]
    assert test.factors_against.startswith("Disclosure would harm")
    assert test.recorded_by == "officer"


def test_absolute_code_needs_no_test_and_refuses_one(foi: CaseSession) -> None:
    foi.review.decide([1], Action.ACCEPT, code="FOI-40-2", rationale="Junior officer's name")
    with acting(foi, "rita") as rita:
        rita.review.approve([1])
    with pytest.raises(BadInputError, match="not a qualified exemption"):
        _pit(foi, "FOI-40-2")


def test_test_needs_every_part_and_the_case_regime(foi: CaseSession) -> None:
    with pytest.raises(BadInputError, match="conclusion") as missing:
        foi.review.record_public_interest_test("FOI-43", "for", "against", "  ")
    assert missing.value.hint is Hint.PIT_CONCLUSION
    with pytest.raises(BadInputError, match="scoped to the case's regime"):
        _pit(foi, "EIR-12-5-E")
    assert not foi.review.public_interest_tests()


def test_disclosure_hands_the_test_to_export_only_for_codes_relied_on(foi: CaseSession) -> None:
    _pit(foi)
    _pit(foi, "FOI-42")
    foi.review.decide([1], Action.ACCEPT, code="FOI-43", rationale="Tender detail")
    with acting(foi, "rita") as rita:
        rita.review.approve([1])
    decisions = foi.review.disclosure_decisions([1, 2, 3])
    assert set(decisions.public_interest_tests) == {"FOI-43"}


# --- R32: s.36 qualified person ----------------------------------------------------------


def test_s36_needs_the_qualified_persons_opinion_before_approval(foi: CaseSession) -> None:
    foi.review.decide([1], Action.ACCEPT, code="FOI-36", rationale="Free and frank advice")
    _pit(foi, "FOI-36")
    refusal = "qualified person's reasonable opinion"
    with acting(foi, "rita") as rita, pytest.raises(BadInputError, match=refusal) as refused:
        rita.review.approve([1])
    assert refused.value.hint is Hint.RECORD_OPINION
    opinion = foi.review.record_qualified_person(
        "Chief Executive (qualified person)",
        date(2026, 5, 12),
        "Disclosure would be likely to inhibit the free and frank exchange of views.",
    )
    assert opinion.code == "FOI-36"
    [entry] = foi.review.audit_entries("qualified-person-opinion")
    sealed = entry.details.pop("sealed")  # the opinion row itself, hashed (issue 17)
    assert sealed["qualified_person_opinions"]["ids"] == [[1, 1]]
    assert entry.details == {"record": 1, "code": "FOI-36", "opinion_date": "2026-05-12"}
    with acting(foi, "rita") as rita:
        [view] = rita.review.approve([1])
    assert view.status is ReviewStatus.APPROVED
    assert (
        foi.review.disclosure_decisions([1, 2, 3])
        .qualified_person_opinions["FOI-36"]
        .name.startswith("Chief Executive")
    )


def test_qualified_person_refusals(foi: CaseSession, reviewed: CaseSession) -> None:
    future = date.today() + timedelta(days=3)
    with pytest.raises(BadInputError, match="in the future"):
        foi.review.record_qualified_person("Chief Executive", future, "Engaged.")
    with pytest.raises(BadInputError, match="does not need a qualified person"):
        foi.review.record_qualified_person("Chief Executive", date(2026, 5, 1), "x", code="FOI-43")
    with pytest.raises(BadInputError, match="no code that needs a qualified person"):
        reviewed.review.record_qualified_person("DPO", date(2026, 5, 1), "Engaged.")


# --- R53: QA sampling -----------------------------------------------------------------------


def _accept_all(session: CaseSession) -> None:
    session.review.decide([1, 2, 3, 4], Action.ACCEPT, code="SAR-3P", rationale="Third party")


def _sample_mode(session: CaseSession, percent: int = 50, seed: int | None = 7) -> None:
    session.review.set_qa_settings(QaSettings(QaMode.SAMPLE, percent, seed))


def test_sample_size_and_seeded_draw_are_reproducible() -> None:
    assert [sample_size(n, 10) for n in (0, 1, 9, 10, 11, 100)] == [0, 1, 1, 1, 2, 10]
    assert sample_size(4, 100) == 4
    population = list(range(1, 41))
    drawn = draw(population, 25, 1234)
    assert len(drawn) == 10
    assert drawn == sorted(random.Random(1234).sample(population, 10))
    assert drawn == draw(list(reversed(population)), 25, 1234)


def test_full_mode_is_default_and_refuses_sampling(reviewed: CaseSession) -> None:
    assert reviewed.review.qa_settings().mode is QaMode.FULL
    _accept_all(reviewed)
    with acting(reviewed, "rita") as rita, pytest.raises(InvalidTransitionError, match="full"):
        rita.review.draw_sample("officer")


def test_sample_is_drawn_with_recorded_seed_and_not_redrawn(reviewed: CaseSession) -> None:
    _accept_all(reviewed)
    _sample_mode(reviewed)
    assert reviewed.review.audit_entries("qa-settings")[-1].details["percent"] == 50
    with acting(reviewed, "rita") as rita:
        row = rita.review.draw_sample("officer")
        again = rita.review.draw_sample("officer")
    assert row.seed == 7
    assert row.percent == 50
    assert row.population == (1, 2, 3, 4)
    assert list(row.sample) == draw([1, 2, 3, 4], 50, 7)
    assert len(row.sample) == 2
    assert again == row
    [entry] = reviewed.review.audit_entries("qa-sample-drawn")
    assert entry.details["seed"] == 7
    assert entry.details["items"] == list(row.sample)


def test_fresh_seed_is_recorded_when_none_is_configured(reviewed: CaseSession) -> None:
    _accept_all(reviewed)
    _sample_mode(reviewed, 25, None)
    with acting(reviewed, "rita") as rita:
        row = rita.review.draw_sample("officer")
    assert list(row.sample) == draw([1, 2, 3, 4], 25, row.seed)


def test_all_approved_sample_approves_the_rest_with_the_basis(reviewed: CaseSession) -> None:
    _accept_all(reviewed)
    _sample_mode(reviewed)
    with acting(reviewed, "rita") as rita:
        row = rita.review.draw_sample("officer")
        with pytest.raises(InvalidTransitionError, match="not checked yet"):
            rita.review.approve_on_sample("officer")
        rita.review.approve(list(row.sample))
        result = rita.review.approve_on_sample("officer")
    rest = sorted(set(row.population) - set(row.sample))
    assert sorted(v.item.id for v in result.approved) == rest
    assert result.sample.outcome == PASSED
    views = {v.item.id: v for v in reviewed.review.review_items()}
    assert all(v.status is ReviewStatus.APPROVED for v in views.values())
    for item_id in rest:
        note = views[item_id].state.note
        assert f"QA sample {row.id}" in note
        assert "seed 7" in note
        assert "50%" in note
        assert views[item_id].state.approver == "rita"
    approve_entry = reviewed.review.audit_entries("review-approve")[-1]
    assert approve_entry.details["sample"] == row.id
    assert approve_entry.details["seed"] == 7
    assert "seed 7" in approve_entry.details["basis"]
    assert reviewed.review.audit_entries("qa-sample-passed")[-1].details["approved"] == len(rest)


def test_rejected_sample_item_forces_full_review(reviewed: CaseSession) -> None:
    _accept_all(reviewed)
    _sample_mode(reviewed)
    with acting(reviewed, "rita") as rita:
        row = rita.review.draw_sample("officer")
        first, *others = row.sample
        rita.review.decide([first], Action.REJECT, note="Requester's own data")
        rita.review.approve(others)
        with pytest.raises(BadInputError, match="must now be approved or rejected individually"):
            rita.review.approve_on_sample("officer")
        [failed] = rita.review.qa_samples()
        assert failed.outcome == FAILED
        # Bulk approval skips the batch; only item-by-item approval is left.
        result = rita.review.bulk_decide(BulkSelection(everything=True), Action.APPROVE)
        assert result.decided == ()
        assert result.plan.forced_review == 4 - len(row.sample)
        rest = sorted(set(row.population) - set(row.sample))
        rita.review.approve(rest)
    views = {v.item.id: v.status for v in reviewed.review.review_items()}
    assert all(views[i] is ReviewStatus.APPROVED for i in rest)
    assert reviewed.review.audit_entries("qa-sample-failed")[-1].details["rejected"] == [first]


def test_policy_off_lets_a_sample_with_a_rejection_approve_the_rest(
    reviewed: CaseSession,
) -> None:
    _accept_all(reviewed)
    reviewed.review.set_qa_settings(QaSettings(QaMode.SAMPLE, 50, 7, full_review_on_reject=False))
    with acting(reviewed, "rita") as rita:
        row = rita.review.draw_sample("officer")
        first, *others = row.sample
        rita.review.decide([first], Action.REJECT, note="Requester's own data")
        rita.review.approve(others)
        result = rita.review.approve_on_sample("officer")
    assert result.sample.outcome == PASSED
    assert len(result.approved) == 4 - len(row.sample)


def test_proposer_cannot_sample_their_own_batch(reviewed: CaseSession) -> None:
    # A DPO may approve, so only the second-person rule stops her sampling her own batch
    # (the case owner can no longer make himself a reviewer: nobody changes their own role).
    reviewed.review.add_user("dana", Role.DPO)
    _sample_mode(reviewed)
    with acting(reviewed, "dana") as dana:
        _accept_all(dana)
        with pytest.raises(BadInputError, match="second person"):
            dana.review.draw_sample("dana")
