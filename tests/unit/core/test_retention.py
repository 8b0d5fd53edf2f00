"""Retention periods per regime, disposal states and when a purge is allowed (R67, R69)."""

from __future__ import annotations

from datetime import date

import pytest

from sar_desk.core.errors import BadInputError, Hint, PermissionDeniedError
from sar_desk.core.model import Regime
from sar_desk.core.retention import (
    DEFAULT_RETENTION,
    DisposalState,
    Hold,
    Lifecycle,
    Period,
    PurgeRefusedError,
    check_purge,
    disposal,
    effective_retention,
    format_retention,
    parse_period,
    parse_retention,
)

CLOSED = date(2026, 3, 31)
ONE_YEAR = Period(1, "y")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1y", date(2026, 3, 31), date(2027, 3, 31)),
        ("1y", date(2028, 2, 29), date(2029, 2, 28)),  # leap day: kept to the month's end
        ("1m", date(2026, 1, 31), date(2026, 2, 28)),
        ("18m", date(2026, 9, 30), date(2028, 3, 30)),
        ("90d", date(2026, 1, 1), date(2026, 4, 1)),
        ("3Y", date(2026, 6, 15), date(2029, 6, 15)),
    ],
)
def test_a_period_runs_from_its_start(text: str, start: date, end: date) -> None:
    assert parse_period(text).after(start) == end


@pytest.mark.parametrize("text", ["", "0y", "1w", "y", "one year", "-1y", "1.5y"])
def test_a_bad_period_is_refused_with_examples(text: str) -> None:
    with pytest.raises(BadInputError, match="1y, 18m or 90d"):
        parse_period(text)


def test_profile_retention_text_names_periods_per_regime() -> None:
    periods = parse_retention("sar=2y; foi = 5y,")
    assert periods == {Regime.SAR: Period(2, "y"), Regime.FOI: Period(5, "y")}
    assert format_retention(periods) == "sar=2y,foi=5y"
    assert parse_retention("") == {}


@pytest.mark.parametrize("text", ["tax=1y", "sar", "sar=soon"])
def test_unknown_regimes_and_bad_items_are_refused(text: str) -> None:
    with pytest.raises(BadInputError):
        parse_retention(text)


def test_defaults_fill_the_regimes_the_profile_does_not_name() -> None:
    assert DEFAULT_RETENTION[Regime.SAR] == ONE_YEAR
    assert all(DEFAULT_RETENTION[r] == Period(3, "y") for r in Regime if r is not Regime.SAR)
    periods = effective_retention("foi=6y")
    assert periods[Regime.FOI] == Period(6, "y")
    assert periods[Regime.SAR] == ONE_YEAR
    assert set(periods) == set(Regime)


def test_disposal_states() -> None:
    hold = Hold("Internal review open", "officer", date(2026, 4, 1))
    assert disposal(Lifecycle(), ONE_YEAR, date(2030, 1, 1)).state is DisposalState.OPEN
    retained = disposal(Lifecycle(closed_on=CLOSED), ONE_YEAR, date(2027, 3, 30))
    assert retained.state is DisposalState.RETAINED
    assert retained.retain_until == date(2027, 3, 31)
    due = disposal(Lifecycle(closed_on=CLOSED), ONE_YEAR, date(2027, 3, 31))
    assert due.state is DisposalState.DUE
    held = disposal(Lifecycle(closed_on=CLOSED, hold=hold), ONE_YEAR, date(2030, 1, 1))
    assert held.state is DisposalState.ON_HOLD


def test_the_lifecycle_record_round_trips() -> None:
    record = Lifecycle(closed_on=CLOSED, hold=Hold("Appeal", "dpo.lead", date(2026, 5, 1)))
    assert Lifecycle.from_json(record.to_json()) == record
    assert Lifecycle.from_json(Lifecycle().to_json()) == Lifecycle()


def test_a_hold_refuses_a_purge_even_by_the_dpo_early() -> None:
    held = disposal(
        Lifecycle(closed_on=CLOSED, hold=Hold("ICO case", "officer", CLOSED)),
        ONE_YEAR,
        date(2030, 1, 1),
    )
    with pytest.raises(PurgeRefusedError, match="legal hold") as caught:
        check_purge(held, early=True, is_dpo=True, reason="Requested by the data subject")
    assert caught.value.hint is Hint.RELEASE_HOLD


def test_an_open_case_cannot_be_purged() -> None:
    position = disposal(Lifecycle(), ONE_YEAR, date(2030, 1, 1))
    with pytest.raises(PurgeRefusedError, match="still open") as caught:
        check_purge(position, early=True, is_dpo=True, reason="x")
    assert caught.value.hint is Hint.CLOSE_CASE


def test_before_the_retention_date_only_the_dpo_with_a_reason_may_purge() -> None:
    kept = disposal(Lifecycle(closed_on=CLOSED), ONE_YEAR, date(2026, 6, 1))
    with pytest.raises(PurgeRefusedError, match="kept until 31 Mar 2027") as caught:
        check_purge(kept, early=False, is_dpo=True, reason="")
    assert caught.value.hint is Hint.PURGE_EARLY
    with pytest.raises(PermissionDeniedError, match="Only the DPO"):
        check_purge(kept, early=True, is_dpo=False, reason="Erasure request upheld")
    with pytest.raises(BadInputError, match="Say why"):
        check_purge(kept, early=True, is_dpo=True, reason="  ")
    check_purge(kept, early=True, is_dpo=True, reason="Erasure request upheld")


def test_a_due_case_may_be_purged_by_anyone_allowed() -> None:
    due = disposal(Lifecycle(closed_on=CLOSED), ONE_YEAR, date(2027, 4, 1))
    check_purge(due, early=False, is_dpo=False, reason="")
