"""Session methods for the statutory clock: the deadline, its derivation, clock events."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from functools import cache

from sar_desk.app.base import SessionBase
from sar_desk.app.paths import resource_path
from sar_desk.core.calendar import HolidayCalendar
from sar_desk.core.deadlines import Deadline, compute_deadline, days_left
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import Case, Clarification, Extension

CALENDAR_RESOURCE = "calendars/uk-bank-holidays.json"


@cache
def bundled_calendar() -> HolidayCalendar:
    """The bank-holiday calendar shipped with this release (GOV.UK dataset shape)."""
    data = json.loads(resource_path(CALENDAR_RESOURCE).read_text(encoding="utf-8"))
    return HolidayCalendar.from_govuk(data)


class ClockMixin(SessionBase):
    """The case's statutory deadline and the events that move it."""

    def deadline(self, today: date | None = None) -> tuple[Deadline, int]:
        """The current deadline and the calendar days left (negative when overdue)."""
        today = today or date.today()
        due = compute_deadline(self.case, bundled_calendar(), today=today)
        return due, days_left(due, today)

    def record_identity_received(self, when: date) -> None:
        """Log the date ID or authority information arrived (SAR clock start, R2)."""
        self._save_clock(replace(self.case, id_received=when), "identity-received", when)

    def record_fee_received(self, when: date) -> None:
        """Log the date a fee arrived (the clock starts or resumes on payment)."""
        self._save_clock(replace(self.case, fee_received=when), "fee-received", when)

    def record_fee_notice(self, given: date, received: date | None = None) -> None:
        """Log a fees notice, and the fee's receipt when known (s.10(2) FOIA / FOISA pause).

        Both dates are saved together, so a fee dated before its notice is refused with
        nothing changed.

        Raises:
            ClockEventError: A SAR case, or dates that cannot be right.
        """
        fee = received if received is not None else self.case.fee_received
        self._save_clock(
            replace(self.case, fee_notice=given, fee_received=fee), "fee-notice", given
        )

    def record_clarification(self, asked: date, answered: date | None = None) -> None:
        """Log a clarification request, or its answer if one with that date is open (R3, R8).

        Raises:
            BadInputError: The answer predates the question.
        """
        if answered is not None and answered < asked:
            raise BadInputError(
                f"The clarification was answered ({answered:%d %b %Y}) before it was asked "
                f"({asked:%d %b %Y}). Check the dates."
            )
        rest = tuple(c for c in self.case.clarifications if c.asked != asked)
        updated = (*rest, Clarification(asked, answered))
        ordered = tuple(sorted(updated, key=lambda c: c.asked))
        event = "clarification-answered" if answered else "clarification-asked"
        self._save_clock(replace(self.case, clarifications=ordered), event, answered or asked)

    def record_extension(self, extension: Extension) -> None:
        """Log an extension; refused when the law does not allow it (checked by the clock)."""
        candidate = replace(self.case, extension=extension)
        compute_deadline(candidate, bundled_calendar(), today=date.today())
        self._save_clock(candidate, "extension", extension.notified)

    def _save_clock(self, case: Case, event: str, when: date) -> None:
        # The audit entry carries the recomputed due date and its rule (R12), never names.
        due = compute_deadline(case, bundled_calendar(), today=date.today())
        self._save_case(
            case,
            "clock-event",
            {
                "event": event,
                "date": when.isoformat(),
                "due": due.due.isoformat(),
                "rule": due.rule,
                "calendar": due.calendar_version,
            },
        )
