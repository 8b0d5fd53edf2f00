"""Statutory response deadlines for SAR, FOIA, EIR and FOISA cases, with their derivation (pure).

`compute_deadline` applies domain.md §1: the SAR "corresponding date" month with clarification
pauses (UK GDPR Arts 12, 12A; DPA 2018 s.54), and the FOI "20th working day following receipt"
(FOIA s.10, EIR reg. 5 and 7, FOISA s.10 and s.73). Every result carries plain-English derivation
lines for the case view and audit log (R12) and the holiday calendar's version (R11).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sar_desk.core.calendar import Divisions, HolidayCalendar, add_months, divisions_for
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Case, Regime

FOI_WORKING_DAYS = 20
EIR_EXTENDED_WORKING_DAYS = 40
PIT_REASONABLE_EXTRA_DAYS = 20

_RULES = {
    Regime.SAR: "UK GDPR Art. 12(3): one month from the relevant time (Art. 12A; DPA 2018 s.54)",
    Regime.FOI: "FOIA s.10(1): 20th working day following the date of receipt",
    Regime.EIR: "EIR reg. 5(2): 20th working day following the date of receipt",
    Regime.FOISA: "FOISA s.10(1): 20th working day after receipt",
}


class ClockEventError(BadInputError):
    """A clock event (clarification, extension) cannot be right as recorded."""

    code = "bad-clock-event"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed response deadline and how it was reached.

    Attributes:
        regime: The law the deadline was computed under.
        due: The date the response is due: the extended date if an extension is recorded.
        start: The day the clock started (SAR: the relevant time; FOI: receipt or clarification).
        base_due: The unextended deadline before rolling to a working day (SAR) or the
            20th working day (FOI regimes).
        paused_days: SAR days excluded for clarification; 0 for FOI regimes, which restart.
        extended_due: The due date if extended: always for SAR (three months) and EIR (40
            working days); for FOIA only when a public-interest extension is recorded.
        extension_notice_by: The last day to tell the requester about an extension, or None.
        rule: The statutory rule applied.
        calendar_version: The version of the bank-holiday data used (R11).
        derivation: Plain-English lines explaining each step (R12).
        divisions: The non-working days used, for `working_days_left`.
        extended: Whether a valid extension is recorded, so `due` is the extended date.
        clock_stopped: Whether a clarification is still open; `due` then assumes it was
            answered on ``today`` and moves later each day it stays open.
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


def compute_deadline(case: Case, calendar: HolidayCalendar, today: date | None = None) -> Deadline:
    """Compute a case's statutory deadline and the working that produced it.

    Args:
        case: The case with its clock events.
        calendar: The bank-holiday calendar.
        today: Needed when a clarification is still open: the clock counts as stopped up to and
            including ``today``.

    Returns:
        The deadline.

    Raises:
        ClockEventError: A clarification or extension is impossible or not allowed as recorded.
        CalendarRangeError: The calendar does not cover the years the deadline needs.
        ValueError: A clarification is open and ``today`` was not given (a caller bug).
    """
    _check_clarifications(case, today)
    if case.regime is Regime.SAR:
        return _sar_deadline(case, calendar, today)
    return _foi_deadline(case, calendar, today)


def days_left(deadline: Deadline, today: date) -> int:
    """Return calendar days from ``today`` to the due date: 0 on the day, negative when overdue."""
    return (deadline.due - today).days


def working_days_left(deadline: Deadline, today: date, calendar: HolidayCalendar) -> int:
    """Return working days after ``today`` up to the due date, negative when overdue.

    Uses the deadline's own working-day rules, so it suits FOI regimes (counted in working days).
    """
    if today <= deadline.due:
        return calendar.count_working_days(today, deadline.due, deadline.divisions)
    return -calendar.count_working_days(deadline.due, today, deadline.divisions)


def _fmt(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _check_clarifications(case: Case, today: date | None) -> None:
    for item in case.clarifications:
        if item.asked < case.received:
            raise ClockEventError(
                f"A clarification is recorded as asked on {_fmt(item.asked)}, before the "
                f"request was received on {_fmt(case.received)}. Check the dates."
            )
        if item.answered is not None and item.answered < item.asked:
            raise ClockEventError(
                f"The clarification asked on {_fmt(item.asked)} is recorded as answered on "
                f"{_fmt(item.answered)}, before it was asked. Check the dates."
            )
        if item.answered is None and today is None:
            raise ValueError("compute_deadline needs today= while a clarification is open")
        if item.answered is None and today is not None and today < item.asked:
            raise ClockEventError(
                f"The open clarification is recorded as asked on {_fmt(item.asked)}, which is "
                f"after today ({_fmt(today)}). Check the date."
            )


def _roll(calendar: HolidayCalendar, day: date, divisions: Divisions, lines: list[str]) -> date:
    rolled = calendar.roll_forward(day, divisions)
    if rolled != day:
        skipped = "; ".join(
            f"{_fmt(d)} ({why})"
            for d, why in calendar.skipped_days(day - timedelta(1), rolled, divisions)
        )
        lines.append(f"Skipped non-working days: {skipped}. Moved forward to {_fmt(rolled)}.")
    return rolled


def _sar_start(case: Case) -> tuple[date, str]:
    events = [("request received", case.received)]
    if case.id_received is not None:
        events.append(("identity/authority information received", case.id_received))
    if case.fee_received is not None:
        events.append(("fee received", case.fee_received))
    # Art. 12A / DPA 2018 s.54(3): the clock runs from the *latest* of these ("relevant time").
    why, start = max(events, key=lambda event: event[1])
    line = f"Clock starts on {_fmt(start)} ({why})"
    if len(events) > 1:
        line += ", the latest of " + "; ".join(f"{what} {_fmt(day)}" for what, day in events)
    line += ". That day is day one (UK GDPR Art. 12A; DPA 2018 s.54(3))."
    return start, line


def _sar_deadline(case: Case, calendar: HolidayCalendar, today: date | None) -> Deadline:
    divisions = divisions_for(case.regime, case.jurisdiction)
    start, line = _sar_start(case)
    lines = [line]
    base_due = add_months(start, 1)
    if base_due.day == start.day:
        lines.append(f"One month later is the corresponding date, {_fmt(base_due)}.")
    else:
        lines.append(
            f"The next month has no day {start.day}, so the month ends on its last day, "
            f"{_fmt(base_due)} (ICO short-month rule)."
        )
    paused, stopped = _sar_pauses(case, start, today, lines)
    pause = timedelta(days=paused)
    if paused:
        lines.append(f"Adding {paused} paused day(s) gives {_fmt(base_due + pause)}.")
    due = _roll(calendar, base_due + pause, divisions, lines)
    lines.append(f"Response due {_fmt(due)} under {_RULES[Regime.SAR]}.")
    # The extension notice must go out within the first month, which paused days lengthen too
    # (s.54(3C)-(3D)). It is not rolled to a working day: the conservative reading (domain §1.1).
    notice_by = base_due + pause
    lines.append(f"Extension notice must be sent by {_fmt(notice_by)} (end of the first month).")
    three_months = add_months(start, 3)
    extra = f" plus {paused} paused day(s)" if paused else ""
    lines.append(
        f"If extended (Art. 12(3)): three months from the start, {_fmt(three_months)}{extra}."
    )
    extended_due = _roll(calendar, three_months + pause, divisions, lines)
    lines.append(f"Extended due date {_fmt(extended_due)}.")
    rule = _RULES[Regime.SAR]
    if case.extension is not None:
        _check_sar_extension(case, notice_by, lines)
        due, rule = extended_due, f"{rule}; extended by two further months (Art. 12(3))"
    lines.append(f"Holiday calendar: {calendar.version}; not working days: {divisions.basis}.")
    return Deadline(
        regime=Regime.SAR,
        due=due,
        start=start,
        base_due=base_due,
        paused_days=paused,
        extended_due=extended_due,
        extension_notice_by=notice_by,
        rule=rule,
        calendar_version=calendar.version,
        derivation=tuple(lines),
        divisions=divisions,
        extended=case.extension is not None,
        clock_stopped=stopped,
    )


def _check_sar_extension(case: Case, notice_by: date, lines: list[str]) -> None:
    ext = case.extension
    assert ext is not None
    _check_notice(case, ext.notified, notice_by, "the end of the first month plus paused days")
    if not ext.reason.strip():
        raise ClockEventError(
            "A SAR extension needs a reason (the request is complex, or the person has made "
            "a number of requests). Add the reason given to the requester."
        )
    lines.append(f"Extension notified on {_fmt(ext.notified)} ({ext.reason.strip()}).")


def _sar_pauses(case: Case, start: date, today: date | None, lines: list[str]) -> tuple[int, bool]:
    """Count clarification days (inclusive, s.54(3C)) on or after the start, each day once."""
    days: set[date] = set()
    stopped = False
    for item in case.clarifications:
        end = item.answered if item.answered is not None else today
        assert end is not None  # _check_clarifications guarantees it
        first = max(item.asked, start)
        span = {first + timedelta(n) for n in range((end - first).days + 1)}
        counted = f"{len(span)} day(s), counted inclusively"
        if item.asked < start:
            counted += f" from the clock start on {_fmt(start)}"
        if item.answered is None:
            stopped = True
            lines.append(
                f"Clock stopped: clarification asked on {_fmt(item.asked)} is not yet answered; "
                f"{counted} to today ({_fmt(end)}). The due date moves back a day for each "
                "further day without an answer (Art. 12A; DPA 2018 s.54(3C))."
            )
        else:
            lines.append(
                f"Clarification asked {_fmt(item.asked)}, answered {_fmt(item.answered)}: "
                f"clock paused for {counted} (Art. 12A; DPA 2018 s.54(3C))."
            )
        overlap = len(span & days)
        if overlap:
            lines.append(f"{overlap} of those day(s) overlap an earlier pause and count once.")
        days |= span
    return len(days), stopped


def _foi_start(case: Case, today: date | None, lines: list[str]) -> tuple[date, bool]:
    open_items = [item for item in case.clarifications if item.answered is None]
    answers = [item.answered for item in case.clarifications if item.answered is not None]
    # FOIA s.1(3) / FOISA s.1(3) / EIR reg. 9(4): time runs afresh from receipt of the
    # clarification, so the latest answer (or, while one is open, today) is the new start.
    if open_items:
        assert today is not None  # _check_clarifications guarantees it
        lines.append(
            f"Clock stopped: clarification asked on {_fmt(open_items[-1].asked)} is not yet "
            f"answered. The 20 working days restart from the answer; shown as if it arrived "
            f"today ({_fmt(today)})."
        )
        return today, True
    if answers:
        lines.append(
            f"Clarification received on {_fmt(max(answers))}: the 20 working days run afresh "
            "from that date (s.1(3) FOIA; reg. 9(4) EIR; s.1(3) FOISA)."
        )
        return max(answers), False
    return case.received, False


def _foi_deadline(case: Case, calendar: HolidayCalendar, today: date | None) -> Deadline:
    regime = case.regime
    divisions = divisions_for(regime, case.jurisdiction)
    lines = [f"Request received on {_fmt(case.received)} ({regime.label})."]
    start, stopped = _foi_start(case, today, lines)
    if case.fee_received is not None:
        lines.append(
            f"Fee received on {_fmt(case.fee_received)}. Working days between a fees notice and "
            "payment are disregarded (s.10(2) FOIA; s.10(2) FOISA; reg. 8 EIR), but no "
            "fees-notice date is recorded, so none are disregarded here; adjust by hand."
        )
    day_one = calendar.next_working_day(start, divisions)
    base_due = calendar.add_working_days(start, FOI_WORKING_DAYS, divisions)
    lines.append(f"Day 1 is {_fmt(day_one)}, the first working day after {_fmt(start)}.")
    lines.append(_count_line(calendar, start, base_due, divisions, FOI_WORKING_DAYS))
    # s.17(1) FOIA and reg. 7(3) EIR: an extension must be notified within the 20 working days.
    notice_by = None if regime is Regime.FOISA else base_due
    extended_due = None
    if regime is Regime.EIR:
        extended_due = calendar.add_working_days(start, EIR_EXTENDED_WORKING_DAYS, divisions)
        lines.append(
            "If extended (reg. 7(1) EIR, complex and voluminous), w"
            + _count_line(calendar, start, extended_due, divisions, EIR_EXTENDED_WORKING_DAYS)[1:]
        )
    due, rule = base_due, _RULES[regime]
    if case.extension is not None:
        due, rule = _foi_extension(case, calendar, start, base_due, lines)
        extended_due = due
    lines.append(f"Holiday calendar: {calendar.version}; not working days: {divisions.basis}.")
    return Deadline(
        regime=regime,
        due=due,
        start=start,
        base_due=base_due,
        paused_days=0,
        extended_due=extended_due,
        extension_notice_by=notice_by,
        rule=rule,
        calendar_version=calendar.version,
        derivation=tuple(lines),
        divisions=divisions,
        extended=case.extension is not None,
        clock_stopped=stopped,
    )


def _count_line(
    calendar: HolidayCalendar, start: date, end: date, divisions: Divisions, count: int
) -> str:
    skipped = list(calendar.skipped_days(start, end, divisions))
    holidays = [f"{_fmt(d)} ({why})" for d, why in skipped if d.weekday() < 5]
    weekends = len(skipped) - len(holidays)
    named = f"; holidays skipped: {'; '.join(holidays)}" if holidays else "; no holidays"
    return f"Working day {count} is {_fmt(end)} ({weekends} weekend day(s) skipped{named})."


def _foi_extension(
    case: Case, calendar: HolidayCalendar, start: date, base_due: date, lines: list[str]
) -> tuple[date, str]:
    ext = case.extension
    assert ext is not None
    divisions = divisions_for(case.regime, case.jurisdiction)
    if case.regime is Regime.FOISA:
        raise ClockEventError(
            "FOISA has no public-interest extension: a Scottish public authority must respond "
            "within 20 working days. Remove the extension from this case."
        )
    _check_notice(case, ext.notified, base_due, "day 20")
    if case.regime is Regime.EIR:
        # reg. 7(1) EIR: "complex and voluminous" (ICO corrected its guidance from "or").
        if not (ext.complex_request and ext.voluminous):
            raise ClockEventError(
                "An EIR extension to 40 working days is allowed only when the request is both "
                "complex and voluminous (reg. 7(1) EIR). Tick both, or remove the extension."
            )
        due = calendar.add_working_days(start, EIR_EXTENDED_WORKING_DAYS, divisions)
        lines.append(f"Extension notified on {_fmt(ext.notified)}: due {_fmt(due)}.")
        return due, f"{_RULES[Regime.EIR]}; extended to 40 working days (reg. 7(1))"
    if ext.extra_working_days < 1 or not ext.reason.strip():
        raise ClockEventError(
            "A public-interest extension needs a positive number of extra working days and the "
            "exemption cited in the s.17 notice (s.10(3) FOIA)."
        )
    due = calendar.add_working_days(base_due, ext.extra_working_days, divisions)
    total = FOI_WORKING_DAYS + ext.extra_working_days
    lines.append(
        f"Public-interest extension (s.10(3) FOIA) notified on {_fmt(ext.notified)} "
        f"({ext.reason.strip()}): {ext.extra_working_days} further working day(s). "
        + _count_line(calendar, start, due, divisions, total)
    )
    # ICO: a "reasonable" s.10(3) extension is normally no more than 20 further working days.
    if ext.extra_working_days > PIT_REASONABLE_EXTRA_DAYS:
        lines.append(
            f"ALERT: {ext.extra_working_days} extra working days is more than the 20 the ICO "
            "treats as reasonable for a public-interest extension. Record why it is needed."
        )
    return due, f"{_RULES[Regime.FOI]}; extended under s.10(3)"


def _check_notice(case: Case, notified: date, notice_by: date, limit: str) -> None:
    if notified < case.received:
        raise ClockEventError(
            f"The extension is recorded as notified on {_fmt(notified)}, before the request was "
            f"received on {_fmt(case.received)}. Check the date."
        )
    if notified > notice_by:
        raise ClockEventError(
            f"The extension was notified on {_fmt(notified)}, after the deadline for telling "
            f"the requester, {_fmt(notice_by)} ({limit}). The deadline cannot be extended; the "
            "response is due on the original date."
        )
