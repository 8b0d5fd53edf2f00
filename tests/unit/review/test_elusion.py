"""Issue 15 item 5b: the elusion test draws a recorded sample, estimates misses, gates sign-off."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action
from sar_desk.core.errors import (
    BadInputError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
)
from sar_desk.core.scope import Relevance
from sar_desk.review import elusion
from sar_desk.review.roles import Role
from sar_desk.store.uow import unit_of_work


@contextmanager
def acting(session: CaseSession, user: str) -> Iterator[CaseSession]:
    other = CaseSession.open(session.folder, user)
    try:
        yield other
    finally:
        other.close()


@pytest.fixture
def scoped(reviewed: CaseSession) -> CaseSession:
    """Messages 1-3 in the disclosure set; message 2's phone number accepted, the rest rejected."""
    reviewed.scope.mark_scope([1, 2, 3], Relevance.ABOUT_REQUESTER, "Hits of the requester search")
    views = reviewed.review.review_items()
    phone = [v.item.id for v in views if v.item.entity_type == "PHONE_NUMBER"]
    reviewed.review.decide(phone, Action.ACCEPT, code="default", rationale="Third party's number")
    others = [v.item.id for v in views if v.item.id not in phone]
    reviewed.review.decide(others, Action.REJECT, note="Not needed for this test")
    reviewed.review.add_user("dana", Role.DPO)
    return reviewed


def null_set(session: CaseSession) -> list[int]:
    with unit_of_work(session.store) as uow:
        return elusion.null_set(uow)


def test_the_null_set_is_disclosed_messages_without_an_accepted_redaction(
    scoped: CaseSession,
) -> None:
    # Message 2 carries an accepted redaction; 3 only rejected proposals; 1 none.
    assert null_set(scoped) == [1, 3]
    scoped.scope.remove_from_disclosure([1], "Duplicate of the SMS copy")
    assert null_set(scoped) == [3]


def test_a_seeded_draw_is_recorded_repeatable_and_audited(scoped: CaseSession) -> None:
    first = scoped.elusion.draw_elusion_sample(1, seed=11)
    assert first.test.seed == 11
    assert first.test.population == (1, 3)
    assert len(first.test.sample) == 1
    assert set(first.test.sample) <= {1, 3}
    again = scoped.elusion.draw_elusion_sample(
        1, seed=11
    )  # nothing marked yet: a redraw is allowed
    assert again.test.id != first.test.id
    assert again.test.sample == first.test.sample
    # A larger size than the null set takes all of it.
    assert sorted(scoped.elusion.draw_elusion_sample(50, seed=3).test.sample) == [1, 3]
    entry = scoped.review.audit_entries("elusion-drawn")[-1]
    assert entry.details["seed"] == 3
    assert entry.details["population"] == 2
    assert sorted(entry.details["messages"]) == [1, 3]
    # Without a seed a fresh one is picked and recorded.
    assert scoped.elusion.draw_elusion_sample(2).test.seed >= 0


@pytest.mark.parametrize(("size", "seed"), [(0, None), (elusion.MAX_SAMPLE + 1, None), (2, -1)])
def test_bad_sizes_and_seeds_are_refused(scoped: CaseSession, size: int, seed: int | None) -> None:
    with pytest.raises(BadInputError):
        scoped.elusion.draw_elusion_sample(size, seed)
    assert scoped.elusion.elusion_result() is None  # nothing half-written


def test_an_empty_null_set_cannot_be_sampled(scoped: CaseSession) -> None:
    scoped.scope.remove_from_disclosure([1, 3], "Not relevant")
    with pytest.raises(BadInputError, match="nothing to sample"):
        scoped.elusion.draw_elusion_sample(5, seed=1)


def test_marks_count_and_a_started_test_cannot_be_redrawn(scoped: CaseSession) -> None:
    scoped.elusion.draw_elusion_sample(2, seed=5)
    with pytest.raises(NotFoundError, match="not in the sample"):
        scoped.elusion.mark_elusion(2, missed=False)
    result = scoped.elusion.mark_elusion(1, missed=True, note="The neighbour's first name")
    assert (result.marked, result.missed, result.complete) == (1, 1, False)
    with pytest.raises(InvalidTransitionError, match="under way"):
        scoped.elusion.draw_elusion_sample(2, seed=6)
    # Marking again replaces the verdict; both stay in the audit log.
    result = scoped.elusion.mark_elusion(1, missed=False)
    assert (result.marked, result.missed) == (1, 0)
    result = scoped.elusion.mark_elusion(3, missed=False)
    assert result.complete
    assert result.rate == 0.0
    assert result.interval == pytest.approx((0.0, 1 - 0.025**0.5))
    marks = scoped.review.audit_entries("elusion-marked")
    assert [(e.details["message"], e.details["missed"]) for e in marks] == [
        (1, True),
        (1, False),
        (3, False),
    ]
    # The audit log holds ids and counts: the note (which may name someone) is not in it.
    assert "neighbour" not in str([e.details for e in marks])
    assert marks[0].details["noted"] is True
    # A finished test may be followed by a new one.
    assert scoped.elusion.draw_elusion_sample(2, seed=6).test.id > result.test.id


def test_marking_needs_a_drawn_test_and_a_review_role(scoped: CaseSession) -> None:
    with pytest.raises(NotFoundError, match="No elusion test"):
        scoped.elusion.mark_elusion(1, missed=False)
    with acting(scoped, "stranger") as stranger, pytest.raises(PermissionDeniedError):
        stranger.elusion.draw_elusion_sample(2, seed=1)


def test_the_threshold_is_a_validated_audited_case_setting(scoped: CaseSession) -> None:
    assert scoped.elusion.elusion_threshold() is None
    for bad in (0.0, 100.0, -3.0):
        with pytest.raises(BadInputError, match="above 0 and below 100"):
            scoped.elusion.set_elusion_threshold(bad)
    with acting(scoped, "rita") as rita, pytest.raises(PermissionDeniedError):
        rita.elusion.set_elusion_threshold(5.0)  # a reviewer cannot change case settings
    scoped.elusion.set_elusion_threshold(elusion.DEFAULT_THRESHOLD_PERCENT)
    assert scoped.elusion.elusion_threshold() == 5.0
    scoped.elusion.set_elusion_threshold(None)
    assert scoped.elusion.elusion_threshold() is None
    assert [e.details["percent"] for e in scoped.review.audit_entries("elusion-threshold")] == [
        5.0,
        None,
    ]


def test_without_a_threshold_the_test_never_blocks_sign_off(scoped: CaseSession) -> None:
    assert not any("lusion" in r for r in scoped.review.signoff_outstanding())
    with acting(scoped, "dana") as dana:
        dana.review.sign_off("Checked")


def test_a_threshold_blocks_sign_off_until_a_finished_test_is_within_it(
    scoped: CaseSession,
) -> None:
    scoped.elusion.set_elusion_threshold(70.0)
    # No test yet.
    assert any("none has been drawn" in r for r in scoped.review.signoff_outstanding())
    with acting(scoped, "dana") as dana, pytest.raises(InvalidTransitionError, match="elusion"):
        dana.review.sign_off("Checked")
    # Unfinished.
    scoped.elusion.draw_elusion_sample(2, seed=5)
    scoped.elusion.mark_elusion(1, missed=False)
    assert any("not finished (1 of 2" in r for r in scoped.review.signoff_outstanding())
    # Finished with a miss: 1 of 2 gives an upper bound of 98.7%, above 70%.
    result = scoped.elusion.mark_elusion(3, missed=True)
    assert result.complete
    assert not result.passes
    assert any("above this case's 70%" in r for r in scoped.review.signoff_outstanding())
    with acting(scoped, "dana") as dana, pytest.raises(InvalidTransitionError):
        dana.review.sign_off("Checked")
    # Both clean: the upper bound 1 - 0.025^(1/2) = 84.2% is still above 70% ...
    scoped.elusion.mark_elusion(3, missed=False)
    assert any("84.2%" in r for r in scoped.review.signoff_outstanding())
    # ... and within 85%, so sign-off may go ahead and nothing is outstanding after it.
    scoped.elusion.set_elusion_threshold(85.0)
    assert not any("lusion" in r for r in scoped.review.signoff_outstanding())
    with acting(scoped, "dana") as dana:
        dana.review.sign_off("Checked, with the elusion test")
    assert scoped.review.signoff_outstanding() == []
    # A lower threshold afterwards blocks export again (no sign-off can cover a failed test).
    scoped.elusion.set_elusion_threshold(80.0)
    assert any("above this case's 80%" in r for r in scoped.review.signoff_outstanding())


def test_the_record_holds_every_test_with_its_sample_verdicts_and_notes(
    scoped: CaseSession,
) -> None:
    with unit_of_work(scoped.store) as uow:
        assert elusion.elusion_record(uow) == {}
    scoped.elusion.draw_elusion_sample(2, seed=5)
    scoped.elusion.mark_elusion(1, missed=True, note="A first name in the sign-off")
    scoped.elusion.mark_elusion(3, missed=False)
    with unit_of_work(scoped.store) as uow:
        record = elusion.elusion_record(uow)
    assert record["method"].startswith("Clopper-Pearson")
    [test] = record["tests"]
    assert (test["seed"], test["population"], test["size"], test["missed"]) == (5, 2, 2, 1)
    assert test["miss_rate"] == 0.5
    assert test["interval_high"] == pytest.approx(0.98742088, abs=1e-6)  # binom.test(1, 2)
    verdicts = {s["message_id"]: (s["verdict"], s["note"]) for s in test["sample"]}
    assert verdicts == {1: ("missed", "A first name in the sign-off"), 3: ("clean", "")}


def test_a_test_goes_stale_when_messages_join_the_unredacted_set_after_the_draw(
    scoped: CaseSession,
) -> None:
    scoped.scope.remove_from_disclosure([1], "Duplicate of the SMS copy")
    scoped.elusion.set_elusion_threshold(90.0)
    scoped.elusion.draw_elusion_sample(1, seed=5)
    result = scoped.elusion.mark_elusion(3, missed=False)  # 1 clean of 1: upper bound 97.5%
    scoped.elusion.set_elusion_threshold(98.0)
    assert result.complete
    assert not result.stale
    assert not any("lusion" in r for r in scoped.review.signoff_outstanding())
    # Message 1 comes back into the disclosure set with no redaction: the sample never saw it.
    scoped.scope.add_to_disclosure([1], "Not a duplicate after all")
    current = scoped.elusion.elusion_result()
    assert current is not None
    assert current.joined == (1,)
    assert current.stale
    assert any(
        "no longer covers" in r and "1 joined" in r for r in scoped.review.signoff_outstanding()
    )
    with acting(scoped, "dana") as dana, pytest.raises(InvalidTransitionError, match="elusion"):
        dana.review.sign_off("Checked")
    with unit_of_work(scoped.store) as uow:
        [test] = elusion.elusion_record(uow)["tests"]
    assert test["messages_unredacted_since_draw"] == 1
    assert test["covers_current_set"] is False
    # A new draw covers the set again.
    fresh = scoped.elusion.draw_elusion_sample(2, seed=5)
    assert fresh.test.population == (1, 3)
    assert not fresh.stale


def test_a_half_marked_stale_test_may_be_replaced(scoped: CaseSession) -> None:
    started = scoped.elusion.draw_elusion_sample(2, seed=5)
    assert started.test.population == (1, 3)
    scoped.elusion.mark_elusion(1, missed=False)
    with pytest.raises(InvalidTransitionError, match="under way"):
        scoped.elusion.draw_elusion_sample(2, seed=6)
    # The accepted phone-number redaction is rejected after all: message 2 is now unredacted.
    views = scoped.review.review_items()
    phone = [v.item.id for v in views if v.item.entity_type == "PHONE_NUMBER"]
    scoped.review.decide(phone, Action.REJECT, note="The requester's own number")
    current = scoped.elusion.elusion_result()
    assert current is not None
    assert current.joined == (2,)
    replaced = scoped.elusion.draw_elusion_sample(2, seed=6)
    assert replaced.test.population == (1, 2, 3)
    assert not replaced.stale
