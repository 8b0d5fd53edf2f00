"""Statutory response deadlines for SAR, FOIA, EIR, FOISA and EISR cases, with their derivation.

`compute_deadline` applies domain.md §1: the SAR "corresponding date" month with clarification
pauses (UK GDPR Arts 12 and 12A), and, through `core.foi_deadlines`, the FOI "20th working day
following receipt" (FOIA s.10, EIR reg. 5 and 7, FOISA s.10 and s.73, EISR reg. 5 and 7). Every
result carries plain-English derivation lines for the case view and audit log (R12) and the
holiday calendar's version (R11). Pure: no I/O.
"""

from __future__ import annotations

from datetime import date, timedelta

from sar_desk.core.calendar import HolidayCalendar, add_months, divisions_for
from sar_desk.core.deadline_base import (
    EIR_EXTENDED_WORKING_DAYS,
    FOI_WORKING_DAYS,
    PIT_REASONABLE_EXTRA_DAYS,
    RULES,
    ClockEventError,
    Deadline,
    check_notice,
    fmt,
    roll,
)
from sar_desk.core.foi_deadlines import foi_deadline
from sar_desk.core.model import Case, Regime

__all__ = [
    "EIR_EXTENDED_WORKING_DAYS",
    "FOI_WORKING_DAYS",
    "PIT_REASONABLE_EXTRA_DAYS",
    "ClockEventError",
    "Deadline",
    "compute_deadline",
    "days_left",
    "working_days_left",
]


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
        ClockEventError: A clarification, extension or fees notice is impossible or not
            allowed as recorded.
        CalendarRangeError: The calendar does not cover the years the deadline needs.
        ValueError: A clarification or fees notice is open and ``today`` was not given (a
            caller bug).
    """
    _check_clarifications(case, today)
    if case.regime is not Regime.SAR:
        return foi_deadline(case, calendar, today)
    if case.fee_notice is not None:
        raise ClockEventError(
            "A fees notice does not pause a subject access clock: the clock starts when the "
            "fee is received (UK GDPR Art. 12A). Record only the date the fee arrived."
        )
    return _sar_deadline(case, calendar, today)


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


def _check_clarifications(case: Case, today: date | None) -> None:
    for item in case.clarifications:
        if item.asked < case.received:
            raise ClockEventError(
                f"A clarification is recorded as asked on {fmt(item.asked)}, before the "
                f"request was received on {fmt(case.received)}. Check the dates."
            )
        if item.answered is not None and item.answered < item.asked:
            raise ClockEventError(
                f"The clarification asked on {fmt(item.asked)} is recorded as answered on "
                f"{fmt(item.answered)}, before it was asked. Check the dates."
            )
        if item.answered is None and today is None:
            raise ValueError("compute_deadline needs today= while a clarification is open")
        if item.answered is None and today is not None and today < item.asked:
            raise ClockEventError(
                f"The open clarification is recorded as asked on {fmt(item.asked)}, which is "
                f"after today ({fmt(today)}). Check the date."
            )


def _sar_start(case: Case) -> tuple[date, str]:
    events = [("request received", case.received)]
    if case.id_received is not None:
        events.append(("identity/authority information received", case.id_received))
    if case.fee_received is not None:
        events.append(("fee received", case.fee_received))
    # UK GDPR Art. 12A: the clock runs from the *latest* of these ("relevant time").
    why, start = max(events, key=lambda event: event[1])
    line = f"Clock starts on {fmt(start)} ({why})"
    if len(events) > 1:
        line += ", the latest of " + "; ".join(f"{what} {fmt(day)}" for what, day in events)
    line += ". That day is day one (UK GDPR Art. 12A)."
    return start, line


def _sar_deadline(case: Case, calendar: HolidayCalendar, today: date | None) -> Deadline:
    divisions = divisions_for(case.regime, case.jurisdiction)
    start, line = _sar_start(case)
    lines = [line]
    base_due = add_months(start, 1)
    if base_due.day == start.day:
        lines.append(f"One month later is the corresponding date, {fmt(base_due)}.")
    else:
        lines.append(
            f"The next month has no day {start.day}, so the month ends on its last day, "
            f"{fmt(base_due)} (ICO short-month rule)."
        )
    paused, stopped = _sar_pauses(case, start, today, lines)
    pause = timedelta(days=paused)
    if paused:
        lines.append(f"Adding {paused} paused day(s) gives {fmt(base_due + pause)}.")
    due = roll(calendar, base_due + pause, divisions, lines)
    lines.append(f"Response due {fmt(due)} under {RULES[Regime.SAR]}.")
    # The extension notice must go out within the first month, which paused days lengthen too
    # (Art. 12A). It is not rolled to a working day: the conservative reading (domain §1.1).
    notice_by = base_due + pause
    lines.append(f"Extension notice must be sent by {fmt(notice_by)} (end of the first month).")
    three_months = add_months(start, 3)
    extra = f" plus {paused} paused day(s)" if paused else ""
    lines.append(
        f"If extended (Art. 12(3)): three months from the start, {fmt(three_months)}{extra}."
    )
    extended_due = roll(calendar, three_months + pause, divisions, lines)
    lines.append(f"Extended due date {fmt(extended_due)}.")
    rule = RULES[Regime.SAR]
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
    check_notice(case, ext.notified, notice_by, "the end of the first month plus paused days")
    if not ext.reason.strip():
        raise ClockEventError(
            "A SAR extension needs a reason (the request is complex, or the person has made "
            "a number of requests). Add the reason given to the requester."
        )
    lines.append(f"Extension notified on {fmt(ext.notified)} ({ext.reason.strip()}).")


def _sar_pauses(case: Case, start: date, today: date | None, lines: list[str]) -> tuple[int, bool]:
    """Count clarification days (inclusive, Art. 12A) on or after the start, each day once."""
    days: set[date] = set()
    stopped = False
    for item in case.clarifications:
        end = item.answered if item.answered is not None else today
        assert end is not None  # _check_clarifications guarantees it
        first = max(item.asked, start)
        span = {first + timedelta(n) for n in range((end - first).days + 1)}
        counted = f"{len(span)} day(s), counted inclusively"
        if item.asked < start:
            counted += f" from the clock start on {fmt(start)}"
        if item.answered is None:
            stopped = True
            lines.append(
                f"Clock stopped: clarification asked on {fmt(item.asked)} is not yet answered; "
                f"{counted} to today ({fmt(end)}). The due date moves back a day for each "
                "further day without an answer (UK GDPR Art. 12A)."
            )
        else:
            lines.append(
                f"Clarification asked {fmt(item.asked)}, answered {fmt(item.answered)}: "
                f"clock paused for {counted} (UK GDPR Art. 12A)."
            )
        overlap = len(span & days)
        if overlap:
            lines.append(f"{overlap} of those day(s) overlap an earlier pause and count once.")
        days |= span
    return len(days), stopped
