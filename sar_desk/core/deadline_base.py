"""What every statutory clock shares: the `Deadline` record, its error, and derivation wording.

`core.deadlines` (SAR, and the entry point) and `core.foi_deadlines` (FOIA, EIR, FOISA, EISR)
both build on this module, so neither imports the other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sar_desk.core.calendar import Divisions, HolidayCalendar
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Case, Regime

FOI_WORKING_DAYS = 20
EIR_EXTENDED_WORKING_DAYS = 40
PIT_REASONABLE_EXTRA_DAYS = 20

# A UK GDPR SAR is counted under Art. 12 and 12A (DPA 2018 Part 2); s.53 and s.54 DPA 2018 are
# Part 3 (law enforcement) and are not cited for an ordinary SAR (domain.md corrections).
RULES = {
    Regime.SAR: "UK GDPR Art. 12(3): one month from the relevant time (Art. 12A)",
    Regime.FOI: "FOIA s.10(1): 20th working day following the date of receipt",
    Regime.EIR: "EIR reg. 5(2): 20th working day following the date of receipt",
    Regime.FOISA: "FOISA s.10(1): 20th working day after receipt",
    Regime.EISR: "EISR reg. 5(2)(a): 20th working day after receipt",
}


class ClockEventError(BadInputError):
    """A clock event (clarification, extension, fees notice) cannot be right as recorded."""

    code = "bad-clock-event"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed response deadline and how it was reached.

    Attributes:
        regime: The law the deadline was computed under.
        due: The date the response is due: the extended date if an extension is recorded.
        start: The day the clock started (SAR: the relevant time; FOI: receipt or clarification).
        base_due: The unextended deadline before rolling to a working day (SAR) or the
            20th working day, plus any disregarded fee days (FOI regimes).
        paused_days: SAR days excluded for clarification, or FOI working days disregarded
            between a fees notice and the fee (s.10(2) FOIA / FOISA).
        extended_due: The due date if extended: always for SAR (three months) and EIR/EISR (40
            working days); for FOIA only when a public-interest extension is recorded.
        extension_notice_by: The last day to tell the requester about an extension, or None.
        rule: The statutory rule applied.
        calendar_version: The version of the bank-holiday data used (R11).
        derivation: Plain-English lines explaining each step (R12).
        divisions: The non-working days used, for `working_days_left`.
        extended: Whether a valid extension is recorded, so `due` is the extended date.
        clock_stopped: Whether a clarification (or an unpaid fees notice) is still open; `due`
            then assumes it was answered (or paid) on ``today`` and moves later each day.
    """

    regime: Regime
    due: date
    start: date
    base_due: date
    paused_days: int
    extended_due: date | None
    extension_notice_by: date | None
    rule: str
    calendar_version: str
    derivation: tuple[str, ...]
    divisions: Divisions
    extended: bool = False
    clock_stopped: bool = False


def fmt(day: date) -> str:
    """A date as the derivation shows it: ``Mon 1 Jun 2026``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def roll(calendar: HolidayCalendar, day: date, divisions: Divisions, lines: list[str]) -> date:
    """Move ``day`` to the next working day if needed, explaining each day skipped."""
    rolled = calendar.roll_forward(day, divisions)
    if rolled != day:
        skipped = "; ".join(
            f"{fmt(d)} ({why})"
            for d, why in calendar.skipped_days(day - timedelta(1), rolled, divisions)
        )
        lines.append(f"Skipped non-working days: {skipped}. Moved forward to {fmt(rolled)}.")
    return rolled


def count_line(
    calendar: HolidayCalendar, start: date, end: date, divisions: Divisions, count: int
) -> str:
    """Say which date working day ``count`` is, naming each holiday skipped on the way."""
    skipped = list(calendar.skipped_days(start, end, divisions))
    holidays = [f"{fmt(d)} ({why})" for d, why in skipped if d.weekday() < 5]
    weekends = len(skipped) - len(holidays)
    named = f"; holidays skipped: {'; '.join(holidays)}" if holidays else "; no holidays"
    return f"Working day {count} is {fmt(end)} ({weekends} weekend day(s) skipped{named})."


def check_notice(case: Case, notified: date, notice_by: date, limit: str) -> None:
    """Refuse an extension notified before receipt or after the last day to notify it."""
    if notified < case.received:
        raise ClockEventError(
            f"The extension is recorded as notified on {fmt(notified)}, before the request was "
            f"received on {fmt(case.received)}. Check the date."
        )
    if notified > notice_by:
        raise ClockEventError(
            f"The extension was notified on {fmt(notified)}, after the deadline for telling "
            f"the requester, {fmt(notice_by)} ({limit}). The deadline cannot be extended; the "
            "response is due on the original date."
        )
