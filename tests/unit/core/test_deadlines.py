"""Tests for statutory deadlines: every worked example in domain.md §1 and R1-R12."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sar_desk.core.calendar import CalendarRangeError, HolidayCalendar
from sar_desk.core.deadlines import (
    ClockEventError,
    Deadline,
    compute_deadline,
    days_left,
    working_days_left,
)
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Case, Clarification, Extension, Jurisdiction, Regime

BUNDLED = Path(__file__).resolve().parents[3] / "resources" / "calendars" / "uk-bank-holidays.json"
D = date


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cal(data: dict[str, Any]) -> HolidayCalendar:
    return HolidayCalendar.from_govuk(data)


def sar(received: date, **kw: Any) -> Case:
    return Case("SAR-1", Regime.SAR, received, **kw)


def foi(regime: Regime, received: date, **kw: Any) -> Case:
    return Case("FOI-1", regime, received, **kw)


def text(deadline: Deadline) -> str:
    return "\n".join(deadline.derivation)


# --- SAR worked examples (domain.md §1.1, R1, R3) -----------------------------------------------

SAR_EXAMPLES = [
    # received, clarifications, base_due, paused, due, extended_due
    (D(2026, 1, 31), (), D(2026, 2, 28), 0, D(2026, 3, 2), D(2026, 4, 30)),
    (D(2026, 9, 3), (), D(2026, 10, 3), 0, D(2026, 10, 5), D(2026, 12, 3)),
    (
        D(2026, 1, 15),
        (Clarification(D(2026, 1, 20), D(2026, 1, 26)),),
        D(2026, 2, 15),
        7,
        D(2026, 2, 23),
        D(2026, 4, 22),
    ),
    (D(2026, 3, 31), (), D(2026, 4, 30), 0, D(2026, 4, 30), D(2026, 6, 30)),
]


@pytest.mark.parametrize(
    ("received", "clarifications", "base_due", "paused", "due", "extended_due"), SAR_EXAMPLES
)
def test_sar_worked_examples(
    cal: HolidayCalendar,
    received: date,
    clarifications: tuple[Clarification, ...],
    base_due: date,
    paused: int,
    due: date,
    extended_due: date,
) -> None:
    result = compute_deadline(sar(received, clarifications=clarifications), cal)
    assert result.start == received
    assert result.base_due == base_due
    assert result.paused_days == paused
    assert result.due == due
    assert result.extended_due == extended_due
    assert not result.extended
    assert not result.clock_stopped


def test_sar_short_month_and_weekend_roll_are_explained(cal: HolidayCalendar) -> None:
    result = compute_deadline(sar(D(2026, 1, 31)), cal)
    assert "no day 31" in text(result)
    assert "Sat 28 Feb 2026 (weekend); Sun 1 Mar 2026 (weekend)" in text(result)
    assert "Moved forward to Mon 2 Mar 2026" in text(result)


@pytest.mark.parametrize(
    ("jurisdiction", "due", "named"),
    [
        # Base due Mon 31 Aug 2026: a bank holiday in England and Wales but not in Scotland.
        (Jurisdiction.ENGLAND_AND_WALES, D(2026, 9, 1), "Summer bank holiday"),
        (Jurisdiction.NORTHERN_IRELAND, D(2026, 9, 1), "Summer bank holiday"),
        (Jurisdiction.SCOTLAND, D(2026, 8, 31), None),
    ],
)
def test_sar_uses_the_controllers_jurisdiction(
    cal: HolidayCalendar, jurisdiction: Jurisdiction, due: date, named: str | None
) -> None:
    result = compute_deadline(sar(D(2026, 7, 31), jurisdiction=jurisdiction), cal)
    assert result.due == due
    if named:
        assert named in text(result)  # R12: the holiday skipped, by name
    else:
        assert "Summer bank holiday" not in text(result)


def test_sar_roll_past_christmas_names_each_day(cal: HolidayCalendar) -> None:
    result = compute_deadline(sar(D(2026, 11, 25)), cal)
    assert result.due == D(2026, 12, 29)
    for name in ("Christmas Day", "Boxing Day"):
        assert name in text(result)


# --- R2: start is the latest of request, ID and fee ---------------------------------------------


@pytest.mark.parametrize(
    ("id_received", "fee_received", "start", "due", "why"),
    [
        (None, None, D(2026, 3, 2), D(2026, 4, 2), "request received"),
        (D(2026, 3, 10), None, D(2026, 3, 10), D(2026, 4, 10), "identity"),
        (None, D(2026, 3, 12), D(2026, 3, 12), D(2026, 4, 13), "fee received"),
        (D(2026, 3, 20), D(2026, 3, 12), D(2026, 3, 20), D(2026, 4, 20), "identity"),
        (D(2026, 3, 5), D(2026, 3, 31), D(2026, 3, 31), D(2026, 4, 30), "fee received"),
        (D(2026, 3, 1), None, D(2026, 3, 2), D(2026, 4, 2), "request received"),
    ],
)
def test_sar_clock_starts_at_the_latest_event(
    cal: HolidayCalendar,
    id_received: date | None,
    fee_received: date | None,
    start: date,
    due: date,
    why: str,
) -> None:
    case = sar(D(2026, 3, 2), id_received=id_received, fee_received=fee_received)
    result = compute_deadline(case, cal)
    assert result.start == start
    assert result.due == due
    assert result.derivation[0].startswith("Clock starts on ")
    assert f"({why}" in result.derivation[0]


# --- R3: clarification pauses -------------------------------------------------------------------


def test_each_pause_is_shown_with_its_inclusive_day_count(cal: HolidayCalendar) -> None:
    case = sar(
        D(2026, 1, 15),
        clarifications=(
            Clarification(D(2026, 1, 20), D(2026, 1, 26)),
            Clarification(D(2026, 2, 2), D(2026, 2, 2)),
        ),
    )
    result = compute_deadline(case, cal)
    assert result.paused_days == 8
    assert result.base_due == D(2026, 2, 15)
    assert result.due == D(2026, 2, 23)
    assert result.extension_notice_by == D(2026, 2, 23)  # pause extends the notice window too
    assert result.extended_due == D(2026, 4, 23)
    assert "Tue 20 Jan 2026, answered Mon 26 Jan 2026: clock paused for 7 day(s)" in text(result)
    assert "Mon 2 Feb 2026, answered Mon 2 Feb 2026: clock paused for 1 day(s)" in text(result)


def test_overlapping_pauses_count_each_day_once(cal: HolidayCalendar) -> None:
    case = sar(
        D(2026, 1, 15),
        clarifications=(
            Clarification(D(2026, 1, 20), D(2026, 1, 26)),
            Clarification(D(2026, 1, 25), D(2026, 1, 27)),
        ),
    )
    result = compute_deadline(case, cal)
    assert result.paused_days == 8
    assert "2 of those day(s) overlap" in text(result)


def test_pause_before_the_clock_starts_is_not_counted(cal: HolidayCalendar) -> None:
    case = sar(
        D(2026, 1, 5),
        id_received=D(2026, 1, 15),
        clarifications=(Clarification(D(2026, 1, 10), D(2026, 1, 16)),),
    )
    result = compute_deadline(case, cal)
    assert result.paused_days == 2


def test_open_clarification_stops_the_clock_up_to_today(cal: HolidayCalendar) -> None:
    case = sar(D(2026, 1, 15), clarifications=(Clarification(D(2026, 1, 20)),))
    result = compute_deadline(case, cal, today=D(2026, 1, 22))
    assert result.clock_stopped
    assert result.paused_days == 3
    assert result.due == D(2026, 2, 18)
    assert "Clock stopped" in text(result)
    later = compute_deadline(case, cal, today=D(2026, 1, 23))
    assert later.due == D(2026, 2, 19)


def test_open_clarification_needs_today(cal: HolidayCalendar) -> None:
    case = sar(D(2026, 1, 15), clarifications=(Clarification(D(2026, 1, 20)),))
    with pytest.raises(ValueError, match="today"):
        compute_deadline(case, cal)


@pytest.mark.parametrize("regime", list(Regime))
@pytest.mark.parametrize(
    ("clarification", "today", "message"),
    [
        (Clarification(D(2026, 1, 20), D(2026, 1, 19)), None, "before it was asked"),
        (Clarification(D(2026, 1, 10), D(2026, 1, 19)), None, "before the request was received"),
        (Clarification(D(2026, 1, 25)), D(2026, 1, 21), "after today"),
    ],
)
def test_impossible_clarifications_are_refused(
    cal: HolidayCalendar,
    regime: Regime,
    clarification: Clarification,
    today: date | None,
    message: str,
) -> None:
    case = Case("X", regime, D(2026, 1, 15), clarifications=(clarification,))
    with pytest.raises(ClockEventError, match=message):
        compute_deadline(case, cal, today=today)


# --- R4: SAR extension --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "notified", "due"),
    [
        (D(2026, 1, 31), D(2026, 2, 28), D(2026, 4, 30)),  # on the last day of the first month
        (D(2026, 9, 3), D(2026, 9, 20), D(2026, 12, 3)),
    ],
)
def test_sar_extension_in_time_moves_the_due_date(
    cal: HolidayCalendar, received: date, notified: date, due: date
) -> None:
    case = sar(received, extension=Extension(notified, "complex: 14 chat exports"))
    result = compute_deadline(case, cal)
    assert result.extended
    assert result.due == due
    assert "extended by two further months" in result.rule
    assert "complex: 14 chat exports" in text(result)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (sar(D(2026, 1, 31), extension=Extension(D(2026, 3, 1), "complex")), "Sat 28 Feb 2026"),
        (
            sar(
                D(2026, 1, 15),
                clarifications=(Clarification(D(2026, 1, 20), D(2026, 1, 26)),),
                extension=Extension(D(2026, 2, 23), "complex"),
            ),
            "Sun 22 Feb 2026",
        ),
        (sar(D(2026, 1, 15), extension=Extension(D(2026, 1, 10), "complex")), "before the request"),
        (sar(D(2026, 1, 15), extension=Extension(D(2026, 1, 20), "  ")), "needs a reason"),
    ],
)
def test_sar_extension_refused(cal: HolidayCalendar, case: Case, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        compute_deadline(case, cal)


def test_paused_days_let_a_later_extension_notice_through(cal: HolidayCalendar) -> None:
    case = sar(
        D(2026, 1, 15),
        clarifications=(Clarification(D(2026, 1, 20), D(2026, 1, 26)),),
        extension=Extension(D(2026, 2, 22), "number of requests"),
    )
    assert compute_deadline(case, cal).due == D(2026, 4, 22)


# --- FOIA / EIR / FOISA worked example (domain.md §1.5, R6) -------------------------------------


@pytest.mark.parametrize(
    ("regime", "due"),
    [(Regime.FOI, D(2026, 4, 27)), (Regime.EIR, D(2026, 4, 27)), (Regime.FOISA, D(2026, 4, 24))],
)
def test_foi_worked_example(cal: HolidayCalendar, regime: Regime, due: date) -> None:
    result = compute_deadline(foi(regime, D(2026, 3, 26)), cal)
    assert result.start == D(2026, 3, 26)
    assert result.due == result.base_due == due
    assert result.paused_days == 0
    assert "Day 1 is Fri 27 Mar 2026" in text(result)
    assert "Good Friday" in text(result)
    assert ("Easter Monday" in text(result)) is (regime is not Regime.FOISA)


@pytest.mark.parametrize(
    ("regime", "extension"),
    [
        (Regime.EIR, Extension(D(2026, 4, 27), "complex and voluminous", True, True)),
        (Regime.FOI, Extension(D(2026, 4, 27), "s.36 public interest test")),
    ],
)
def test_foi_extension_worked_example(
    cal: HolidayCalendar, regime: Regime, extension: Extension
) -> None:
    result = compute_deadline(foi(regime, D(2026, 3, 26), extension=extension), cal)
    assert result.extended
    assert result.due == result.extended_due == D(2026, 5, 27)
    assert result.base_due == D(2026, 4, 27)
    assert "working day 40 is wed 27 may 2026" in text(result).lower()
    assert "Mon 25 May 2026 (Spring bank holiday" in text(result)
    assert "ALERT" not in text(result)


def test_eir_shows_its_40_day_date_before_any_extension(cal: HolidayCalendar) -> None:
    result = compute_deadline(foi(Regime.EIR, D(2026, 3, 26)), cal)
    assert result.due == D(2026, 4, 27)
    assert result.extended_due == D(2026, 5, 27)
    assert result.extension_notice_by == D(2026, 4, 27)


# --- R6 / R7: working days and receipt on a non-working day -------------------------------------


@pytest.mark.parametrize(
    ("regime", "received", "due"),
    [
        # Receipt on Sat 7 / Sun 8 Mar 2026: day 1 is Mon 9 Mar (R7).
        # FOIA also skips St Patrick's Day (17 Mar), Good Friday and Easter Monday.
        (Regime.FOI, D(2026, 3, 7), D(2026, 4, 8)),
        (Regime.FOI, D(2026, 3, 8), D(2026, 4, 8)),
        (Regime.FOISA, D(2026, 3, 7), D(2026, 4, 6)),
        (Regime.EIR, D(2026, 3, 6), D(2026, 4, 8)),
        # Receipt on a bank holiday (New Year's Day); 2 Jan is Scottish but counts for FOIA.
        (Regime.FOI, D(2026, 1, 1), D(2026, 1, 30)),
        (Regime.FOISA, D(2026, 1, 1), D(2026, 1, 30)),
        # St Andrew's Day (Mon 30 Nov 2026) is a non-working day for FOIA in England (R6).
        (Regime.FOI, D(2026, 11, 20), D(2026, 12, 21)),
        (Regime.FOISA, D(2026, 11, 20), D(2026, 12, 21)),
        # St Patrick's Day (Tue 17 Mar 2026) counts for FOIA everywhere, not for FOISA.
        (Regime.FOI, D(2026, 3, 13), D(2026, 4, 15)),
        (Regime.FOISA, D(2026, 3, 13), D(2026, 4, 13)),
    ],
)
@pytest.mark.parametrize("jurisdiction", list(Jurisdiction))
def test_foi_working_days(
    cal: HolidayCalendar, regime: Regime, received: date, due: date, jurisdiction: Jurisdiction
) -> None:
    result = compute_deadline(foi(regime, received, jurisdiction=jurisdiction), cal)
    assert result.due == due


def test_scotland_only_holiday_is_named_in_a_foia_derivation(cal: HolidayCalendar) -> None:
    result = compute_deadline(foi(Regime.FOI, D(2026, 11, 20)), cal)
    assert "Mon 30 Nov 2026 (St Andrew’s Day, bank holiday in Scotland)" in text(result)


# --- R8: clarification restarts the FOI clock; fees ---------------------------------------------


@pytest.mark.parametrize("regime", [Regime.FOI, Regime.EIR, Regime.FOISA])
def test_foi_clarification_restarts_the_count(cal: HolidayCalendar, regime: Regime) -> None:
    case = foi(
        regime,
        D(2026, 3, 26),
        clarifications=(
            Clarification(D(2026, 3, 26), D(2026, 3, 27)),
            Clarification(D(2026, 3, 30), D(2026, 4, 1)),
        ),
    )
    result = compute_deadline(case, cal)
    assert result.start == D(2026, 4, 1)
    expected = D(2026, 4, 30) if regime is Regime.FOISA else D(2026, 5, 1)
    assert result.due == expected
    assert "run afresh" in text(result)


def test_foi_open_clarification_stops_the_clock(cal: HolidayCalendar) -> None:
    case = foi(Regime.FOI, D(2026, 3, 26), clarifications=(Clarification(D(2026, 3, 30)),))
    result = compute_deadline(case, cal, today=D(2026, 4, 1))
    assert result.clock_stopped
    assert result.start == D(2026, 4, 1)
    assert result.due == D(2026, 5, 1)
    assert "Clock stopped" in text(result)


def test_foi_fee_is_noted_honestly(cal: HolidayCalendar) -> None:
    result = compute_deadline(foi(Regime.FOI, D(2026, 3, 26), fee_received=D(2026, 4, 2)), cal)
    assert result.due == D(2026, 4, 27)
    assert "no fees-notice date is recorded" in text(result)


# --- R9 / R10: FOI extensions -------------------------------------------------------------------


def test_pit_extension_over_20_days_raises_an_alert(cal: HolidayCalendar) -> None:
    ext = Extension(D(2026, 4, 20), "s.43 commercial interests", extra_working_days=25)
    result = compute_deadline(foi(Regime.FOI, D(2026, 3, 26), extension=ext), cal)
    assert result.due == D(2026, 6, 3)
    assert "ALERT: 25 extra working days" in text(result)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (
            foi(Regime.FOISA, D(2026, 3, 26), extension=Extension(D(2026, 4, 1), "s.30")),
            "FOISA has no public-interest extension",
        ),
        (
            foi(Regime.FOI, D(2026, 3, 26), extension=Extension(D(2026, 4, 28), "s.36")),
            "after the deadline for telling the requester, Mon 27 Apr 2026",
        ),
        (
            foi(
                Regime.FOI,
                D(2026, 3, 26),
                extension=Extension(D(2026, 4, 1), "s.36", False, False, 0),
            ),
            "positive number of extra working days",
        ),
        (
            foi(Regime.FOI, D(2026, 3, 26), extension=Extension(D(2026, 4, 1), "")),
            "exemption cited",
        ),
        (
            foi(Regime.EIR, D(2026, 3, 26), extension=Extension(D(2026, 4, 28), "x", True, True)),
            "after the deadline",
        ),
        (
            foi(Regime.EIR, D(2026, 3, 26), extension=Extension(D(2026, 3, 20), "x", True, True)),
            "before the request",
        ),
    ],
)
def test_foi_extension_refused(cal: HolidayCalendar, case: Case, message: str) -> None:
    with pytest.raises(ClockEventError, match=message):
        compute_deadline(case, cal)


@pytest.mark.parametrize(
    ("complex_request", "voluminous"), [(True, False), (False, True), (False, False)]
)
def test_eir_extension_needs_complex_and_voluminous(
    cal: HolidayCalendar, complex_request: bool, voluminous: bool
) -> None:
    ext = Extension(D(2026, 4, 1), "big", complex_request=complex_request, voluminous=voluminous)
    with pytest.raises(ClockEventError, match="both complex and voluminous"):
        compute_deadline(foi(Regime.EIR, D(2026, 3, 26), extension=ext), cal)


# --- R11: calendar version and replaceable data -------------------------------------------------


@pytest.mark.parametrize("regime", list(Regime))
def test_calendar_version_is_stamped(cal: HolidayCalendar, regime: Regime) -> None:
    result = compute_deadline(Case("X", regime, D(2026, 3, 26)), cal)
    assert result.calendar_version == cal.version
    assert cal.version in text(result)


def test_a_modified_calendar_changes_the_result(data: dict[str, Any]) -> None:
    changed = copy.deepcopy(data)
    changed["version"] = "local edit 1"
    changed["england-and-wales"]["events"].append({"title": "Proclaimed day", "date": "2026-03-02"})
    for division in ("england-and-wales", "northern-ireland"):
        events = changed[division]["events"]
        changed[division]["events"] = [e for e in events if e["date"] != "2026-04-06"]
    edited = HolidayCalendar.from_govuk(changed)
    sar_result = compute_deadline(sar(D(2026, 1, 31)), edited)
    assert sar_result.due == D(2026, 3, 3)
    assert "Proclaimed day" in text(sar_result)
    assert sar_result.calendar_version == "local edit 1"
    assert compute_deadline(foi(Regime.FOI, D(2026, 3, 26)), edited).due == D(2026, 4, 24)


def test_deadline_outside_the_calendar_is_refused(cal: HolidayCalendar) -> None:
    with pytest.raises(CalendarRangeError):
        compute_deadline(sar(D(2030, 12, 20)), cal)


# --- R12: derivation reads as a story -----------------------------------------------------------


def test_sar_derivation_covers_start_rule_pause_roll_and_calendar(cal: HolidayCalendar) -> None:
    case = sar(D(2026, 1, 15), clarifications=(Clarification(D(2026, 1, 20), D(2026, 1, 26)),))
    lines = compute_deadline(case, cal).derivation
    assert lines[0].startswith("Clock starts on Thu 15 Jan 2026 (request received)")
    assert any("corresponding date, Sun 15 Feb 2026" in line for line in lines)
    assert any("paused for 7 day(s), counted inclusively" in line for line in lines)
    assert any("Adding 7 paused day(s) gives Sun 22 Feb 2026" in line for line in lines)
    assert any("Moved forward to Mon 23 Feb 2026" in line for line in lines)
    assert any(line.startswith("Response due Mon 23 Feb 2026 under UK GDPR") for line in lines)
    assert lines[-1].startswith("Holiday calendar:")


# --- days left ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "calendar_days", "working_days"),
    [
        (D(2026, 4, 2), 25, 15),
        (D(2026, 4, 24), 3, 1),
        (D(2026, 4, 25), 2, 1),
        (D(2026, 4, 27), 0, 0),
        (D(2026, 4, 28), -1, -1),
        (D(2026, 5, 5), -8, -5),
    ],
)
def test_days_left(
    cal: HolidayCalendar, today: date, calendar_days: int, working_days: int
) -> None:
    result = compute_deadline(foi(Regime.FOI, D(2026, 3, 26)), cal)
    assert days_left(result, today) == calendar_days
    assert working_days_left(result, today, cal) == working_days
