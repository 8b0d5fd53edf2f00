"""The FOIA s.10(2) fees-notice pause, the EISR regime and the 15 June 2026 Scottish holiday.

Sources: FOIA 2000 s.10(2) and s.10(6); FOISA 2002 s.10(2) and s.73; Environmental Information
(Scotland) Regulations 2004 reg. 2(1), 5(2)(a) and 7; domain.md "Corrections and additions
(2026-12-05)", whose worked examples these are.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sar_desk.core.calendar import HolidayCalendar, divisions_for
from sar_desk.core.deadlines import ClockEventError, compute_deadline
from sar_desk.core.model import Case, Extension, Jurisdiction, Regime

BUNDLED = Path(__file__).resolve().parents[3] / "resources" / "calendars" / "uk-bank-holidays.json"
D = date


@pytest.fixture(scope="module")
def cal() -> HolidayCalendar:
    return HolidayCalendar.from_govuk(json.loads(BUNDLED.read_text(encoding="utf-8")))


def case(regime: Regime, received: date, **kw: object) -> Case:
    return Case("REF-1", regime, received, **kw)  # type: ignore[arg-type]


def test_foia_s10_2_fee_notice_days_are_disregarded(cal: HolidayCalendar) -> None:
    """FOIA s.10(2): received Mon 1 Jun 2026, notice Wed 3 Jun, fee Wed 10 Jun -> Wed 8 Jul.

    The six working days 3-10 June (both included) are left out, and 15 June (a Scotland-only
    bank holiday) is not a working day under s.10(6).
    """
    result = compute_deadline(
        case(Regime.FOI, D(2026, 6, 1), fee_notice=D(2026, 6, 3), fee_received=D(2026, 6, 10)),
        cal,
    )
    assert result.due == D(2026, 7, 8)
    assert result.paused_days == 6
    text = "\n".join(result.derivation)
    assert "the 6 working day(s) from the notice to the fee's receipt" in text
    assert "(s.10(2) FOIA)" in text
    assert "Mon 15 Jun 2026 (Bank holiday for Scotland’s opening FIFA World Cup match" in text
    assert "s.10(2) FOIA" in result.rule


def test_foia_without_the_fee_notice_is_four_weeks_earlier(cal: HolidayCalendar) -> None:
    """FOIA s.10(1) alone: the same request without a fees notice is due Tue 30 Jun 2026."""
    assert compute_deadline(case(Regime.FOI, D(2026, 6, 1)), cal).due == D(2026, 6, 30)


def test_foisa_s10_2_disregards_the_fee_period_on_scottish_days(cal: HolidayCalendar) -> None:
    """FOISA s.10(2) with s.73 working days: 15 June is skipped, so the same dates give 8 Jul."""
    result = compute_deadline(
        case(Regime.FOISA, D(2026, 6, 1), fee_notice=D(2026, 6, 3), fee_received=D(2026, 6, 10)),
        cal,
    )
    assert result.due == D(2026, 7, 8)
    assert "(s.10(2) FOISA)" in "\n".join(result.derivation)


def test_unpaid_fee_notice_stops_the_clock_up_to_today(cal: HolidayCalendar) -> None:
    """FOIA s.10(2): while the fee is unpaid every working day from the notice is disregarded."""
    result = compute_deadline(
        case(Regime.FOI, D(2026, 6, 1), fee_notice=D(2026, 6, 3)), cal, today=D(2026, 6, 10)
    )
    assert result.clock_stopped
    assert result.due == D(2026, 7, 8)
    assert "the fee is not yet received" in "\n".join(result.derivation)


def test_eir_fee_notice_moves_nothing_and_says_so(cal: HolidayCalendar) -> None:
    """EIR reg. 8 has no encoded disregard: the earlier, safe reg. 5(2) date stands."""
    result = compute_deadline(
        case(Regime.EIR, D(2026, 6, 1), fee_notice=D(2026, 6, 3), fee_received=D(2026, 6, 10)),
        cal,
    )
    assert result.due == D(2026, 6, 30)
    assert "no days are disregarded" in "\n".join(result.derivation)


@pytest.mark.parametrize(
    ("notice", "paid", "message"),
    [
        (D(2026, 5, 29), D(2026, 6, 10), "before the request was received"),
        (D(2026, 6, 10), D(2026, 6, 3), "before the fees notice was given"),
    ],
)
def test_impossible_fee_dates_are_refused(
    cal: HolidayCalendar, notice: date, paid: date, message: str
) -> None:
    with pytest.raises(ClockEventError, match=message):
        compute_deadline(case(Regime.FOI, D(2026, 6, 1), fee_notice=notice, fee_received=paid), cal)


def test_a_sar_has_no_fee_notice_pause(cal: HolidayCalendar) -> None:
    """UK GDPR Art. 12A: a SAR clock starts when the fee arrives; a notice does not pause it."""
    with pytest.raises(ClockEventError, match="starts when the fee is received"):
        compute_deadline(case(Regime.SAR, D(2026, 6, 1), fee_notice=D(2026, 6, 3)), cal)


def test_eisr_reg_5_2_a_counts_scottish_working_days(cal: HolidayCalendar) -> None:
    """EISR reg. 5(2)(a) with reg. 2(1)/FOISA s.73 days: received Thu 26 Mar 2026 -> Fri 24 Apr.

    Easter Monday (6 April) is not a Scottish bank holiday, so it counts as a working day.
    """
    result = compute_deadline(case(Regime.EISR, D(2026, 3, 26)), cal)
    assert result.due == D(2026, 4, 24)
    assert result.rule.startswith("EISR reg. 5(2)(a)")
    assert "reg. 2(1) EISR" in result.derivation[-1]


def test_eisr_reg_7_extends_to_40_working_days_only_if_complex_and_voluminous(
    cal: HolidayCalendar,
) -> None:
    """EISR reg. 7: 40 working days for volume and complexity, notified within the 20 days.

    From Thu 26 Mar 2026, skipping the early May (4 May) and spring (25 May) bank holidays in
    Scotland, working day 40 is Tue 26 May.
    """
    base = case(Regime.EISR, D(2026, 3, 26))
    assert compute_deadline(base, cal).extended_due == D(2026, 5, 26)
    both = Extension(D(2026, 4, 10), "volume and complexity", True, True)
    assert compute_deadline(case(Regime.EISR, D(2026, 3, 26), extension=both), cal).due == D(
        2026, 5, 26
    )
    one = Extension(D(2026, 4, 10), "complex", True, False)
    with pytest.raises(ClockEventError, match=r"reg\. 7 EISR"):
        compute_deadline(case(Regime.EISR, D(2026, 3, 26), extension=one), cal)


def test_eisr_uses_scottish_days_whatever_the_jurisdiction() -> None:
    """EISR reg. 2(1): working days as in FOISA s.73, Scottish bank holidays only."""
    divisions = divisions_for(Regime.EISR, Jurisdiction.ENGLAND_AND_WALES)
    assert divisions.names == frozenset({"scotland"})
    assert divisions.christmas_day


def test_15_june_2026_is_scotlands_opening_world_cup_match_not_the_final(
    cal: HolidayCalendar,
) -> None:
    """Royal proclamation: 15 June 2026 is a Scottish bank holiday for the opening match only.

    It is not a holiday in England and Wales, so a SAR controller there keeps it as a workday.
    """
    scotland = divisions_for(Regime.SAR, Jurisdiction.SCOTLAND)
    name = cal.holiday_name(D(2026, 6, 15), scotland)
    assert name is not None
    assert "opening FIFA World Cup match" in name
    assert "final" not in name
    england = divisions_for(Regime.SAR, Jurisdiction.ENGLAND_AND_WALES)
    assert cal.is_working_day(D(2026, 6, 15), england)
