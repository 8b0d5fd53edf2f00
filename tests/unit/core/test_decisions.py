from datetime import UTC, datetime

import pytest

from sar_desk.core.decisions import (
    TRANSITIONS,
    Action,
    DecisionEvent,
    ItemState,
    ReviewStatus,
    fold,
    transition,
)
from sar_desk.core.errors import BadInputError, InvalidTransitionError, PermissionDeniedError

T = datetime(2026, 5, 10, 9, 0, tzinfo=UTC)


def ev(action: Action, user: str = "officer", **kw: object) -> DecisionEvent:
    return DecisionEvent(item_id=7, action=action, user=user, at=T, **kw)  # type: ignore[arg-type]


def test_fold_of_no_events_is_proposed() -> None:
    assert fold([]).status is ReviewStatus.PROPOSED


def test_fold_accept_then_approve_records_both_people() -> None:
    state = fold(
        [
            ev(Action.ACCEPT, code="SAR-3P", rationale="Third party"),
            ev(Action.APPROVE, user="reviewer"),
        ]
    )
    assert state.status is ReviewStatus.APPROVED
    assert (state.proposer, state.approver, state.code) == ("officer", "reviewer", "SAR-3P")
    assert state.events == 2
    assert state.individual


def test_approving_own_proposal_is_refused_naming_both() -> None:
    accepted = fold([ev(Action.ACCEPT, code="SAR-3P", rationale="x")])
    with pytest.raises(PermissionDeniedError, match="proposed by officer, so OFFICER cannot"):
        transition(accepted, ev(Action.APPROVE, user="OFFICER"))


def test_accept_without_code_or_rationale_is_refused() -> None:
    with pytest.raises(BadInputError, match="reason code"):
        transition(ItemState(), ev(Action.ACCEPT, rationale="x"))
    with pytest.raises(BadInputError, match="rationale"):
        transition(ItemState(), ev(Action.ACCEPT, code="SAR-3P", rationale="   "))


def test_reject_needs_a_reason() -> None:
    with pytest.raises(BadInputError, match="say why"):
        transition(ItemState(), ev(Action.REJECT))
    assert (
        transition(ItemState(), ev(Action.REJECT, note="own data")).status is ReviewStatus.REJECTED
    )


def test_approving_a_proposal_nobody_accepted_is_an_invalid_transition() -> None:
    with pytest.raises(InvalidTransitionError, match="cannot be approved"):
        transition(ItemState(), ev(Action.APPROVE, user="reviewer"))


def test_modify_after_acceptance_makes_the_modifier_the_proposer() -> None:
    state = fold(
        [
            ev(Action.ACCEPT, code="SAR-3P", rationale="x"),
            ev(Action.MODIFY, user="reviewer", start=2, end=5, text="abc"),
        ]
    )
    assert state.status is ReviewStatus.ACCEPTED
    assert (state.start, state.end, state.text, state.proposer) == (2, 5, "abc", "reviewer")
    with pytest.raises(PermissionDeniedError):
        transition(state, ev(Action.APPROVE, user="reviewer"))


def test_reopen_forgets_code_and_approval() -> None:
    state = fold(
        [
            ev(Action.ACCEPT, code="SAR-3P", rationale="x"),
            ev(Action.APPROVE, user="reviewer"),
            ev(Action.REOPEN, user="reviewer"),
        ]
    )
    assert state.status is ReviewStatus.PROPOSED
    assert state.code is None
    assert state.approver is None


def test_fold_refuses_an_inconsistent_history() -> None:
    bad = ev(Action.APPROVE, user="r", before=ReviewStatus.ACCEPTED, after=ReviewStatus.APPROVED)
    with pytest.raises(InvalidTransitionError):
        fold([bad])


def test_bulk_only_history_is_not_individual() -> None:
    state = fold([ev(Action.ACCEPT, code="SAR-3P", rationale="x", bulk=True)])
    assert not state.individual


def test_markers_are_reachable_only_from_proposed() -> None:
    assert (
        TRANSITIONS[(ReviewStatus.PROPOSED, Action.MARK_NOT_IN_SCOPE)] is ReviewStatus.NOT_IN_SCOPE
    )
    assert (ReviewStatus.APPROVED, Action.MARK_DUPLICATE) not in TRANSITIONS
