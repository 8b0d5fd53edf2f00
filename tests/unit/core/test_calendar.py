"""Tests for bank-holiday calendars and working-day counting (domain.md §1.2-1.5, R6, R7, R11)."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sar_desk.core.calendar import (
    CalendarFormatError,
    CalendarRangeError,
    Divisions,
    HolidayCalendar,
    add_months,
    divisions_for,
)
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Jurisdiction, Regime

BUNDLED = Path(__file__).resolve().parents[3] / "resources" / "calendars" / "uk-bank-holidays.json"
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")

E_W = Jurisdiction.ENGLAND_AND_WALES
SCOT = Jurisdiction.SCOTLAND
NI = Jurisdiction.NORTHERN_IRELAND


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cal(data: dict[str, Any]) -> HolidayCalendar:
    return HolidayCalendar.from_govuk(data)


def _tiny(events: dict[str, list[str]], version: str | None = "test") -> dict[str, Any]:
    doc: dict[str, Any] = {
        name: {
            "division": name,
            "events": [{"title": "Test day", "date": d, "notes": "", "bunting": True} for d in ds],
        }
        for name, ds in events.items()
    }
    if version is not None:
        doc["version"] = version
    return doc


# --- the bundled file ---------------------------------------------------------------------------


def test_bundled_file_has_govuk_shape_and_a_version(data: dict[str, Any]) -> None:
    assert "holidays" in data["version"]
    for name in DIVISIONS:
        assert data[name]["division"] == name
        for event in data[name]["events"]:
            assert set(event) == {"title", "date", "notes", "bunting"}
            assert date.fromisoformat(event["date"]).weekday() < 5, "GOV.UK lists weekdays only"


def test_bundled_calendar_covers_2018_to_2030(cal: HolidayCalendar) -> None:
    assert (cal.first_year, cal.last_year) == (2018, 2030)
    assert cal.version.startswith("gov.uk-shape generated")


@pytest.mark.parametrize("division", DIVISIONS)
@pytest.mark.parametrize(
    ("day", "word"),
    [
        (date(2022, 6, 3), "Platinum Jubilee"),
        (date(2022, 9, 19), "State Funeral"),
        (date(2023, 5, 8), "coronation"),
        (date(2020, 5, 8), "Early May"),  # moved for VE Day
    ],
)
def test_one_off_bank_holidays_are_in_every_division(
    cal: HolidayCalendar, division: str, day: date, word: str
) -> None:
    assert word in cal.holidays[division][day]


@pytest.mark.parametrize(
    ("division", "day", "title"),
    [
        ("scotland", date(2026, 1, 2), "2nd January"),
        ("scotland", date(2026, 11, 30), "St Andrew’s Day"),
        ("scotland", date(2026, 8, 3), "Summer bank holiday"),
        ("england-and-wales", date(2026, 8, 31), "Summer bank holiday"),
        ("northern-ireland", date(2026, 3, 17), "St Patrick’s Day"),
        ("northern-ireland", date(2026, 7, 13), "Battle of the Boyne (Orangemen’s Day)"),
        ("england-and-wales", date(2026, 12, 28), "Boxing Day"),
    ],
)
def test_bundled_titles_follow_govuk(
    cal: HolidayCalendar, division: str, day: date, title: str
) -> None:
    assert cal.holidays[division][day] == title


def test_easter_monday_is_not_a_scottish_bank_holiday(cal: HolidayCalendar) -> None:
    assert date(2026, 4, 6) not in cal.holidays["scotland"]
    assert date(2026, 4, 6) in cal.holidays["england-and-wales"]


# --- which days are working days ----------------------------------------------------------------


def test_divisions_per_regime() -> None:
    assert divisions_for(Regime.SAR, SCOT).names == {"scotland"}
    assert divisions_for(Regime.SAR, NI).names == {"northern-ireland"}
    for regime in (Regime.FOI, Regime.EIR):
        rule = divisions_for(regime, E_W)
        assert rule.names == set(DIVISIONS)
        assert rule.christmas_day
        assert rule.good_friday
    foisa = divisions_for(Regime.FOISA, E_W)
    assert foisa.names == {"scotland"}
    assert foisa.christmas_day
    assert not foisa.good_friday


FRI_2_JAN = date(2026, 1, 2)
EASTER_MON = date(2026, 4, 6)
ST_PATRICK = date(2026, 3, 17)
ST_ANDREW = date(2026, 11, 30)
BOYNE = date(2026, 7, 13)
PLAIN = date(2026, 3, 18)
SATURDAY = date(2026, 3, 7)


@pytest.mark.parametrize(
    ("day", "regime", "jurisdiction", "working"),
    [
        # s.10(6) FOIA: a bank holiday anywhere in the UK is a non-working day everywhere (R6).
        (FRI_2_JAN, Regime.FOI, E_W, False),
        (ST_ANDREW, Regime.FOI, E_W, False),
        (ST_PATRICK, Regime.EIR, SCOT, False),
        (BOYNE, Regime.FOI, E_W, False),
        (EASTER_MON, Regime.FOI, SCOT, False),
        # s.73 FOISA: Scottish bank holidays only.
        (EASTER_MON, Regime.FOISA, E_W, True),
        (ST_PATRICK, Regime.FOISA, E_W, True),
        (FRI_2_JAN, Regime.FOISA, E_W, False),
        (ST_ANDREW, Regime.FOISA, E_W, False),
        # SAR: the controller's own jurisdiction.
        (FRI_2_JAN, Regime.SAR, E_W, True),
        (FRI_2_JAN, Regime.SAR, SCOT, False),
        (BOYNE, Regime.SAR, NI, False),
        (BOYNE, Regime.SAR, E_W, True),
        (EASTER_MON, Regime.SAR, SCOT, True),
        (PLAIN, Regime.FOI, E_W, True),
        (SATURDAY, Regime.FOISA, E_W, False),
        (SATURDAY, Regime.SAR, E_W, False),
    ],
)
def test_is_working_day(
    cal: HolidayCalendar, day: date, regime: Regime, jurisdiction: Jurisdiction, working: bool
) -> None:
    assert cal.is_working_day(day, divisions_for(regime, jurisdiction)) is working


def test_reason_names_the_holiday_and_division(cal: HolidayCalendar) -> None:
    foi = divisions_for(Regime.FOI, E_W)
    assert cal.non_working_reason(ST_ANDREW, foi) == "St Andrew’s Day, bank holiday in Scotland"
    assert cal.non_working_reason(SATURDAY, foi) == "weekend"
    assert cal.non_working_reason(PLAIN, foi) is None
    christmas_on_friday = cal.non_working_reason(date(2026, 12, 25), foi)
    assert christmas_on_friday is not None
    assert christmas_on_friday.startswith("Christmas Day, bank holiday in")


def test_christmas_and_good_friday_count_even_if_the_data_omits_them() -> None:
    empty = HolidayCalendar.from_govuk(_tiny({name: ["2026-06-01"] for name in DIVISIONS}))
    christmas, good_friday = date(2026, 12, 25), date(2026, 4, 3)
    foi = divisions_for(Regime.FOI, E_W)
    assert not empty.is_working_day(christmas, foi)
    assert not empty.is_working_day(good_friday, foi)
    assert empty.non_working_reason(good_friday, foi) == "Good Friday (named in the statute)"
    assert not empty.is_working_day(christmas, divisions_for(Regime.FOISA, E_W))
    assert empty.is_working_day(good_friday, divisions_for(Regime.FOISA, E_W))
    assert empty.is_working_day(christmas, divisions_for(Regime.SAR, E_W))


# --- counting -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "count", "regime", "expected"),
    [
        (date(2026, 3, 26), 20, Regime.FOI, date(2026, 4, 27)),
        (date(2026, 3, 26), 20, Regime.FOISA, date(2026, 4, 24)),
        (date(2026, 3, 26), 40, Regime.EIR, date(2026, 5, 27)),
        (date(2026, 3, 26), 1, Regime.FOI, date(2026, 3, 27)),
        (date(2026, 3, 26), 0, Regime.FOI, date(2026, 3, 26)),
        # Receipt on a Saturday: day 1 is Monday (R7).
        (SATURDAY, 1, Regime.FOI, date(2026, 3, 9)),
        # Day 1 after Thu 1 Apr 2026 skips Good Friday and Easter Monday for FOIA only.
        (date(2026, 4, 2), 1, Regime.FOI, date(2026, 4, 7)),
        (date(2026, 4, 2), 1, Regime.FOISA, date(2026, 4, 6)),
    ],
)
def test_add_working_days(
    cal: HolidayCalendar, after: date, count: int, regime: Regime, expected: date
) -> None:
    assert cal.add_working_days(after, count, divisions_for(regime, E_W)) == expected


def test_add_working_days_refuses_a_negative_count(cal: HolidayCalendar) -> None:
    with pytest.raises(ValueError, match="negative"):
        cal.add_working_days(PLAIN, -1, divisions_for(Regime.FOI, E_W))


def test_next_working_day_is_strictly_after_and_roll_forward_is_not(cal: HolidayCalendar) -> None:
    sar = divisions_for(Regime.SAR, E_W)
    assert cal.next_working_day(PLAIN, sar) == date(2026, 3, 19)
    assert cal.roll_forward(PLAIN, sar) == PLAIN
    assert cal.roll_forward(date(2026, 12, 25), sar) == date(2026, 12, 29)


def test_count_working_days_and_skipped_days(cal: HolidayCalendar) -> None:
    foi = divisions_for(Regime.FOI, E_W)
    assert cal.count_working_days(date(2026, 4, 2), date(2026, 4, 27), foi) == 15
    assert cal.count_working_days(date(2026, 4, 27), date(2026, 4, 27), foi) == 0
    skipped = dict(cal.skipped_days(date(2026, 4, 2), date(2026, 4, 7), foi))
    assert list(skipped) == [date(2026, 4, d) for d in (3, 4, 5, 6)]
    assert skipped[date(2026, 4, 6)].startswith("Easter Monday")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 9, 3), 1, date(2026, 10, 3)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 1, 31), 3, date(2026, 4, 30)),
    ],
)
def test_add_months_uses_the_corresponding_date_or_the_last_day(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


# --- loading other files (R11) ------------------------------------------------------------------


def test_a_govuk_download_without_version_gets_a_content_fingerprint(data: dict[str, Any]) -> None:
    raw = {name: data[name] for name in DIVISIONS}
    first = HolidayCalendar.from_govuk(raw)
    assert first.version.startswith("gov.uk data 2018-2030 sha256:")
    changed = copy.deepcopy(raw)
    changed["scotland"]["events"].append({"title": "Extra", "date": "2030-06-03"})
    assert HolidayCalendar.from_govuk(changed).version != first.version


def test_loader_accepts_any_file_in_the_shape() -> None:
    cal = HolidayCalendar.from_govuk(_tiny({name: ["2031-03-18"] for name in DIVISIONS}, "v9"))
    assert cal.version == "v9"
    assert not cal.is_working_day(date(2031, 3, 18), Divisions(frozenset({"scotland"})))


@pytest.mark.parametrize(
    "doc",
    [
        {},
        {"england-and-wales": {"events": []}, "scotland": {"events": []}},
        _tiny({name: [] for name in DIVISIONS}),
        _tiny({name: ["2026-02-30"] for name in DIVISIONS}),
        {name: {"events": [{"title": "No date"}]} for name in DIVISIONS},
        {name: {"events": "not a list"} for name in DIVISIONS},
    ],
)
def test_malformed_files_are_refused_with_a_sentence(doc: dict[str, Any]) -> None:
    with pytest.raises(CalendarFormatError) as caught:
        HolidayCalendar.from_govuk(doc)
    assert isinstance(caught.value, BadInputError)
    assert str(caught.value).endswith(".")


@pytest.mark.parametrize("day", [date(2017, 12, 29), date(2031, 1, 6)])
def test_days_outside_the_calendar_are_refused(cal: HolidayCalendar, day: date) -> None:
    with pytest.raises(CalendarRangeError, match="covers 2018 to 2030"):
        cal.is_working_day(day, divisions_for(Regime.FOI, E_W))
