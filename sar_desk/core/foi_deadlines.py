"""The FOI clocks: FOIA, EIR, FOISA and EISR "20th working day following receipt" (pure).

Applies domain.md §1.2-1.4 and the 2026-12-05 corrections: FOIA s.10(1) and (6), EIR reg. 5(2)
and 7, FOISA s.10 and s.73, EISR reg. 5(2)(a) and 7; clarification restarts the count (s.1(3)
FOIA and FOISA, reg. 9 EIR/EISR); the working days from a fees notice to the fee's receipt are
disregarded (s.10(2) FOIA, s.10(2) FOISA).
"""

from __future__ import annotations

from datetime import date, timedelta

from sar_desk.core.calendar import Divisions, HolidayCalendar, divisions_for
from sar_desk.core.deadline_base import (
    EIR_EXTENDED_WORKING_DAYS,
    FOI_WORKING_DAYS,
    PIT_REASONABLE_EXTRA_DAYS,
    RULES,
    ClockEventError,
    Deadline,
    check_notice,
    count_line,
    fmt,
)
from sar_desk.core.model import Case, Regime

# The statutory fees-notice disregard. The EIR and EISR charge rules (reg. 8) are not encoded
# as a disregard: without it the date shown is the earlier, safe one (domain.md §1.3 has no
# verified EIR/EISR equivalent of s.10(2)).
_FEE_DISREGARD = {Regime.FOI: "s.10(2) FOIA", Regime.FOISA: "s.10(2) FOISA"}
_CLARIFICATION = {
    Regime.FOI: "s.1(3) FOIA",
    Regime.EIR: "reg. 9 EIR",
    Regime.FOISA: "s.1(3) FOISA",
    Regime.EISR: "reg. 9 EISR",
}
# Regimes with a 40-working-day extension for complex and voluminous requests (reg. 7 each).
_FORTY_DAYS = {Regime.EIR: "reg. 7(1) EIR", Regime.EISR: "reg. 7 EISR"}


def foi_deadline(case: Case, calendar: HolidayCalendar, today: date | None) -> Deadline:
    """The FOIA / EIR / FOISA / EISR deadline with its derivation (see the module docstring)."""
    regime = case.regime
    divisions = divisions_for(regime, case.jurisdiction)
    lines = [f"Request received on {fmt(case.received)} ({regime.label})."]
    start, stopped = _foi_start(case, today, lines)
    disregarded, fee_open = _fee_days(case, calendar, start, divisions, today, lines)
    stopped = stopped or fee_open
    count = FOI_WORKING_DAYS + disregarded
    day_one = calendar.next_working_day(start, divisions)
    base_due = calendar.add_working_days(start, count, divisions)
    lines.append(f"Day 1 is {fmt(day_one)}, the first working day after {fmt(start)}.")
    lines.append(count_line(calendar, start, base_due, divisions, count))
    if disregarded:
        lines.append(
            f"That is the 20th working day once the {disregarded} disregarded working day(s) "
            "are left out."
        )
    # s.17(1) FOIA and reg. 7 EIR/EISR: an extension must be notified within the 20 days.
    notice_by = None if regime is Regime.FOISA else base_due
    extended_due = None
    if regime in _FORTY_DAYS:
        extended_due = calendar.add_working_days(start, EIR_EXTENDED_WORKING_DAYS, divisions)
        lines.append(
            f"If extended ({_FORTY_DAYS[regime]}, complex and voluminous), w"
            + count_line(calendar, start, extended_due, divisions, EIR_EXTENDED_WORKING_DAYS)[1:]
        )
    due, rule = base_due, RULES[regime]
    if disregarded:
        rule += f"; {disregarded} working day(s) disregarded ({_FEE_DISREGARD[regime]})"
    if case.extension is not None:
        due, rule = _foi_extension(case, calendar, start, base_due, lines)
        extended_due = due
    lines.append(f"Holiday calendar: {calendar.version}; not working days: {divisions.basis}.")
    return Deadline(
        regime=regime,
        due=due,
        start=start,
        base_due=base_due,
        paused_days=disregarded,
        extended_due=extended_due,
        extension_notice_by=notice_by,
        rule=rule,
        calendar_version=calendar.version,
        derivation=tuple(lines),
        divisions=divisions,
        extended=case.extension is not None,
        clock_stopped=stopped,
    )


def _foi_start(case: Case, today: date | None, lines: list[str]) -> tuple[date, bool]:
    open_items = [item for item in case.clarifications if item.answered is None]
    answers = [item.answered for item in case.clarifications if item.answered is not None]
    law = _CLARIFICATION[case.regime]
    # Time runs afresh from receipt of the clarification, so the latest answer (or, while one
    # is open, today) is the new start.
    if open_items:
        assert today is not None  # compute_deadline checks it
        lines.append(
            f"Clock stopped: clarification asked on {fmt(open_items[-1].asked)} is not yet "
            f"answered. The 20 working days restart from the answer ({law}); shown as if it "
            f"arrived today ({fmt(today)})."
        )
        return today, True
    if answers:
        lines.append(
            f"Clarification received on {fmt(max(answers))}: the 20 working days run afresh "
            f"from that date ({law})."
        )
        return max(answers), False
    return case.received, False


def _fee_days(
    case: Case,
    calendar: HolidayCalendar,
    start: date,
    divisions: Divisions,
    today: date | None,
    lines: list[str],
) -> tuple[int, bool]:
    """Working days disregarded between a fees notice and the fee (inclusive), and if unpaid."""
    notice, paid = case.fee_notice, case.fee_received
    if notice is None:
        if paid is not None:
            lines.append(
                f"Fee received on {fmt(paid)}. Working days from a fees notice to payment are "
                "disregarded (s.10(2) FOIA; s.10(2) FOISA), but no fees-notice date is "
                "recorded, so none are disregarded here; record the date the notice was given."
            )
        return 0, False
    _check_fee_dates(case, notice, paid, today)
    law = _FEE_DISREGARD.get(case.regime)
    if law is None:
        lines.append(
            f"Fees notice given on {fmt(notice)}"
            + (f", fee received on {fmt(paid)}" if paid else ", fee not yet received")
            + f". The {case.regime.label} have no fees-notice disregard like s.10(2) FOIA "
            "encoded here, so no days are disregarded: the date below is the earlier, safe one."
        )
        return 0, False
    end = paid if paid is not None else today
    assert end is not None  # _check_fee_dates guarantees it
    # "The working days in the period beginning with the day on which the fees notice is given
    # and ending with the day on which the fee is received are to be disregarded" (s.10(2)).
    # Receipt day itself is never a counted day, so only days after the start can be left out.
    first = max(notice, start + timedelta(days=1))
    days = calendar.count_working_days(first - timedelta(days=1), end, divisions)
    if paid is None:
        lines.append(
            f"Clock stopped: fees notice given on {fmt(notice)} and the fee is not yet received "
            f"({law}). {days} working day(s) to today ({fmt(end)}) are disregarded; the due "
            "date moves back a working day for each further working day unpaid."
        )
        return days, True
    lines.append(
        f"Fees notice given on {fmt(notice)}, fee received on {fmt(paid)}: the {days} working "
        f"day(s) from the notice to the fee's receipt, both days included, are disregarded "
        f"({law})."
    )
    return days, False


def _check_fee_dates(case: Case, notice: date, paid: date | None, today: date | None) -> None:
    if notice < case.received:
        raise ClockEventError(
            f"The fees notice is recorded as given on {fmt(notice)}, before the request was "
            f"received on {fmt(case.received)}. Check the date."
        )
    if paid is not None and paid < notice:
        raise ClockEventError(
            f"The fee is recorded as received on {fmt(paid)}, before the fees notice was given "
            f"on {fmt(notice)}. Check the dates."
        )
    if paid is None and today is None:
        raise ValueError("compute_deadline needs today= while a fees notice is unpaid")
    if paid is None and today is not None and today < notice:
        raise ClockEventError(
            f"The fees notice is recorded as given on {fmt(notice)}, which is after today "
            f"({fmt(today)}). Check the date."
        )


def _foi_extension(
    case: Case, calendar: HolidayCalendar, start: date, base_due: date, lines: list[str]
) -> tuple[date, str]:
    ext = case.extension
    assert ext is not None
    regime = case.regime
    divisions = divisions_for(regime, case.jurisdiction)
    if regime is Regime.FOISA:
        raise ClockEventError(
            "FOISA has no public-interest extension: a Scottish public authority must respond "
            "within 20 working days. Remove the extension from this case."
        )
    check_notice(case, ext.notified, base_due, "day 20")
    if regime in _FORTY_DAYS:
        # reg. 7(1) EIR: "complex and voluminous" (ICO corrected its guidance from "or");
        # reg. 7 EISR: "the volume and complexity" of the information requested.
        if not (ext.complex_request and ext.voluminous):
            raise ClockEventError(
                "An extension to 40 working days is allowed only when the request is both "
                f"complex and voluminous ({_FORTY_DAYS[regime]}). Tick both, or remove the "
                "extension."
            )
        due = calendar.add_working_days(start, EIR_EXTENDED_WORKING_DAYS, divisions)
        lines.append(f"Extension notified on {fmt(ext.notified)}: due {fmt(due)}.")
        return due, f"{RULES[regime]}; extended to 40 working days ({_FORTY_DAYS[regime]})"
    if ext.extra_working_days < 1 or not ext.reason.strip():
        raise ClockEventError(
            "A public-interest extension needs a positive number of extra working days and the "
            "exemption cited in the s.17 notice (s.10(3) FOIA)."
        )
    due = calendar.add_working_days(base_due, ext.extra_working_days, divisions)
    total = calendar.count_working_days(start, due, divisions)
    lines.append(
        f"Public-interest extension (s.10(3) FOIA) notified on {fmt(ext.notified)} "
        f"({ext.reason.strip()}): {ext.extra_working_days} further working day(s). "
        + count_line(calendar, start, due, divisions, total)
    )
    # ICO: a "reasonable" s.10(3) extension is normally no more than 20 further working days.
    if ext.extra_working_days > PIT_REASONABLE_EXTRA_DAYS:
        lines.append(
            f"ALERT: {ext.extra_working_days} extra working days is more than the 20 the ICO "
            "treats as reasonable for a public-interest extension. Record why it is needed."
        )
    return due, f"{RULES[Regime.FOI]}; extended under s.10(3)"
