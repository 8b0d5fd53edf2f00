"""Bank-holiday calendars and working-day arithmetic for the statutory clocks (pure, no file I/O).

The calendar is built from a dict in the GOV.UK bank-holidays JSON shape (three divisions:
england-and-wales, scotland, northern-ireland). The shell reads the bundled or imported file and
passes the parsed dict to `HolidayCalendar.from_govuk`, so a new calendar needs no release (R11).

Which days count as working days depends on the law, so callers pass a `Divisions` value, usually
from `divisions_for(regime, jurisdiction)`:

* SAR: the controller's own jurisdiction (ICO: "weekend or public holiday").
* FOIA and EIR: a bank holiday in *any* part of the UK, plus Christmas Day and Good Friday
  (s.10(6) FOIA; reg. 2(1) EIR uses the same definition).
* FOISA and EISR: Scottish bank holidays and Christmas Day only (s.73 FOISA; reg. 2(1) EISR
  takes the FOISA meaning), so Easter Monday is a working day.
"""

from __future__ import annotations

import calendar as _months
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dateutil.easter import easter

from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Jurisdiction, Regime

#: English month and weekday names, as SAR Desk writes them in dates.
MONTH_NAMES: frozenset[str] = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
DAY_NAMES: frozenset[str] = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
#: Month and weekday names in full, lower case ("march", "sunday").
DAY_AND_MONTH_NAMES: frozenset[str] = MONTH_NAMES | DAY_NAMES
#: The months' usual short forms ("Jan", "Sept"), lower case.
MONTH_SHORT_FORMS: frozenset[str] = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
#: Month and weekday names with their usual short forms ("Jan", "Tues"), lower case.
CALENDAR_WORDS: frozenset[str] = (
    MONTH_NAMES
    | MONTH_SHORT_FORMS
    | DAY_NAMES
    | frozenset(["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"])
)

DIVISION_NAMES: tuple[str, ...] = tuple(j.value for j in Jurisdiction)

_LABELS = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}

_ONE_DAY = timedelta(days=1)


class CalendarFormatError(BadInputError):
    """A bank-holiday file is not in the GOV.UK shape."""

    code = "calendar-format"


class CalendarRangeError(BadInputError):
    """A deadline needs bank holidays for a year the calendar does not cover."""

    code = "calendar-range"


def add_months(day: date, months: int) -> date:
    """Return the corresponding date ``months`` later, or that month's last day if none exists.

    This is the ICO's counting for the one-month SAR limit: 31 January -> 28 (or 29) February.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _months.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class Divisions:
    """The days that are not working days under one statute, besides Saturdays and Sundays.

    Attributes:
        names: GOV.UK division names whose bank holidays are excluded.
        christmas_day: Always exclude 25 December, even if the data omits it. FOIA s.10(6) and
            FOISA s.73 name it because in England it is a common-law holiday, not a bank holiday
            under the Banking and Financial Dealings Act 1971.
        good_friday: Always exclude Good Friday (named in FOIA s.10(6) for the same reason).
        basis: The legal basis, in words, for the derivation shown to caseworkers.
    """

    names: frozenset[str]
    christmas_day: bool = False
    good_friday: bool = False
    basis: str = ""


def divisions_for(regime: Regime, jurisdiction: Jurisdiction) -> Divisions:
    """Return the non-working days that apply to a regime.

    Args:
        regime: The law the request is made under.
        jurisdiction: The controller's jurisdiction; used for SAR only.

    Returns:
        The divisions (and statutory extra days) to exclude when counting.
    """
    if regime is Regime.SAR:
        return Divisions(
            frozenset({jurisdiction.value}),
            basis=f"weekends and {_LABELS[jurisdiction.value]} bank holidays (ICO guidance)",
        )
    if regime in (Regime.FOISA, Regime.EISR):
        # s.73 FOISA: a bank holiday in Scotland under the 1971 Act, plus Christmas Day. The
        # EISR define "working day" by reference to s.73 FOISA (reg. 2(1) EISR).
        return Divisions(
            frozenset({Jurisdiction.SCOTLAND.value}),
            christmas_day=True,
            basis=(
                "weekends, Christmas Day and Scottish bank holidays only "
                "(s.73 FOISA; reg. 2(1) EISR)"
            ),
        )
    # s.10(6) FOIA (and reg. 2(1) EIR): a bank holiday "in any part of the United Kingdom".
    return Divisions(
        frozenset(DIVISION_NAMES),
        christmas_day=True,
        good_friday=True,
        basis=(
            "weekends, Christmas Day, Good Friday and bank holidays in any part of the UK "
            "(s.10(6) FOIA; reg. 2(1) EIR)"
        ),
    )


@dataclass(frozen=True)
class HolidayCalendar:
    """Bank holidays per GOV.UK division, with the version stamped on every deadline (R11).

    Attributes:
        version: Where the data came from, copied onto every computed deadline.
        holidays: Division name -> {date: title}.
        first_year: The earliest year the data covers.
        last_year: The latest year the data covers.
    """

    version: str
    holidays: Mapping[str, Mapping[date, str]] = field(hash=False)
    first_year: int
    last_year: int

    @classmethod
    def from_govuk(cls, data: Mapping[str, Any]) -> HolidayCalendar:
        """Build a calendar from a parsed GOV.UK bank-holidays JSON document.

        A ``version`` key is used when present (the bundled file has one); a file downloaded
        straight from GOV.UK has none, so the version is a fingerprint of the contents.

        Args:
            data: The parsed JSON, ``{"england-and-wales": {"events": [...]}, ...}``.

        Returns:
            The calendar.

        Raises:
            CalendarFormatError: A division is missing or an event has no valid date.
        """
        parsed: dict[str, dict[date, str]] = {}
        for name in DIVISION_NAMES:
            parsed[name] = _parse_division(data, name)
        years = [day.year for days in parsed.values() for day in days]
        if not years:
            raise CalendarFormatError("The bank-holiday file lists no holidays at all.")
        version = data.get("version")
        if not isinstance(version, str) or not version.strip():
            digest = hashlib.sha256(
                json.dumps(data, sort_keys=True, default=str).encode("utf-8")
            ).hexdigest()
            version = f"gov.uk data {min(years)}-{max(years)} sha256:{digest[:12]}"
        return cls(version, parsed, min(years), max(years))

    def holiday_name(self, day: date, divisions: Divisions) -> str | None:
        """Return why ``day`` is a holiday under ``divisions`` (title and division), else None.

        Raises:
            CalendarRangeError: ``day`` falls in a year the calendar does not cover.
        """
        self._check_covered(day)
        found = sorted(
            (title, name)
            for name in divisions.names
            if (title := self.holidays.get(name, {}).get(day)) is not None
        )
        if found:
            titles = sorted({title for title, _ in found})
            where = ", ".join(sorted({_LABELS.get(name, name) for _, name in found}))
            return f"{' / '.join(titles)}, bank holiday in {where}"
        if divisions.christmas_day and (day.month, day.day) == (12, 25):
            return "Christmas Day (named in the statute)"
        if divisions.good_friday and day == easter(day.year) - 2 * _ONE_DAY:
            return "Good Friday (named in the statute)"
        return None

    def non_working_reason(self, day: date, divisions: Divisions) -> str | None:
        """Return why ``day`` is not a working day ("weekend" or the holiday), or None if it is.

        Raises:
            CalendarRangeError: ``day`` falls in a year the calendar does not cover.
        """
        holiday = self.holiday_name(day, divisions)
        if day.weekday() >= 5:
            return "weekend" if holiday is None else f"weekend; {holiday}"
        return holiday

    def is_working_day(self, day: date, divisions: Divisions) -> bool:
        """Return whether ``day`` is a working day under ``divisions``.

        Raises:
            CalendarRangeError: ``day`` falls in a year the calendar does not cover.
        """
        return self.non_working_reason(day, divisions) is None

    def next_working_day(self, day: date, divisions: Divisions) -> date:
        """Return the first working day strictly after ``day``."""
        day += _ONE_DAY
        while not self.is_working_day(day, divisions):
            day += _ONE_DAY
        return day

    def roll_forward(self, day: date, divisions: Divisions) -> date:
        """Return ``day`` if it is a working day, else the next working day after it."""
        return day if self.is_working_day(day, divisions) else self.next_working_day(day, divisions)

    def add_working_days(self, day: date, count: int, divisions: Divisions) -> date:
        """Return the ``count``-th working day after ``day`` (``day`` itself is never counted).

        This is the FOI "20th working day following the date of receipt": day 1 is the first
        working day after receipt, whether or not receipt fell on a working day (R7).

        Args:
            day: The day to count from (the date of receipt).
            count: How many working days to count; 0 returns ``day`` unchanged.
            divisions: The non-working days that apply.

        Returns:
            The date of the last working day counted.
        """
        if count < 0:
            raise ValueError("count must not be negative")
        for _ in range(count):
            day = self.next_working_day(day, divisions)
        return day

    def skipped_days(
        self, after: date, until: date, divisions: Divisions
    ) -> Iterator[tuple[date, str]]:
        """Yield each non-working day in ``(after, until]`` with the reason it is not worked."""
        day = after + _ONE_DAY
        while day <= until:
            reason = self.non_working_reason(day, divisions)
            if reason is not None:
                yield day, reason
            day += _ONE_DAY

    def count_working_days(self, after: date, until: date, divisions: Divisions) -> int:
        """Return how many working days fall in ``(after, until]``."""
        skipped = sum(1 for _ in self.skipped_days(after, until, divisions))
        return max(0, (until - after).days - skipped)

    def _check_covered(self, day: date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise CalendarRangeError(
                f"The bank-holiday calendar ({self.version}) covers {self.first_year} to "
                f"{self.last_year}, but this deadline needs {day.year}. Import a newer "
                "bank-holiday file from GOV.UK before relying on this date."
            )


def _parse_division(data: Mapping[str, Any], name: str) -> dict[date, str]:
    division = data.get(name)
    events = division.get("events") if isinstance(division, Mapping) else None
    if not isinstance(events, list):
        raise CalendarFormatError(
            f"The bank-holiday file has no '{name}' list of events. Use the JSON file from "
            "https://www.gov.uk/bank-holidays.json."
        )
    days: dict[date, str] = {}
    for event in events:
        try:
            day = date.fromisoformat(event["date"])
            title = str(event.get("title") or "Bank holiday")
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise CalendarFormatError(
                f"The bank-holiday file has an event in '{name}' without a valid date "
                f"({event!r:.80}). Use the JSON file from https://www.gov.uk/bank-holidays.json."
            ) from exc
        days[day] = title
    return days
