"""Retention and disposal of closed cases: periods per regime, holds, and when a purge may run.

Pure rules over plain data (issue 18 item 3; R67, R69). A case is kept while it is open; once
closed it is kept for its regime's retention period from the closing date, and a legal hold
(a review, complaint, regulator case or tribunal appeal) suspends disposal whatever the date.
Only then may it be purged; a DPO may purge earlier, with a reason.

The periods come from the organisation profile (``retention`` field, e.g. ``sar=1y,foi=3y``);
regimes it does not name keep the defaults below. Retention is a local decision (domain.md §5:
councils keep SAR correspondence from months to six years), so the defaults are a starting point
that matches the common schedules: SAR case files one year after closure, FOI-type case files
three years (long enough for an internal review, a regulator complaint and a tribunal appeal).
"""

from __future__ import annotations

import calendar
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sar_desk.core.errors import BadInputError, Hint, PermissionDeniedError, SarDeskError
from sar_desk.core.model import Regime


@dataclass(frozen=True, slots=True)
class Period:
    """A retention period in whole years, months or days (``1y``, ``18m``, ``90d``)."""

    count: int
    unit: str  # "y", "m" or "d"

    def __str__(self) -> str:
        return f"{self.count}{self.unit}"

    @property
    def words(self) -> str:
        """The period in words ("1 year", "18 months")."""
        noun = {"y": "year", "m": "month", "d": "day"}[self.unit]
        return f"{self.count} {noun}{'' if self.count == 1 else 's'}"

    def after(self, start: date) -> date:
        """The date this period after `start` (a month end is kept within a shorter month)."""
        if self.unit == "d":
            return date.fromordinal(start.toordinal() + self.count)
        months = self.count * (12 if self.unit == "y" else 1)
        month_index = start.month - 1 + months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


DEFAULT_RETENTION: dict[Regime, Period] = {
    Regime.SAR: Period(1, "y"),
    Regime.FOI: Period(3, "y"),
    Regime.EIR: Period(3, "y"),
    Regime.FOISA: Period(3, "y"),
    Regime.EISR: Period(3, "y"),
}

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([ymd])\s*$", re.IGNORECASE)


def parse_period(text: str) -> Period:
    """A period from ``1y``, ``18m`` or ``90d``.

    Raises:
        BadInputError: Not a whole number of years, months or days, or zero.
    """
    match = _PERIOD.match(text)
    if not match or int(match.group(1)) == 0:
        raise BadInputError(
            f"{text!r} is not a retention period; write a number of years, months or days "
            "such as 1y, 18m or 90d."
        )
    return Period(int(match.group(1)), match.group(2).lower())


def parse_retention(text: str) -> dict[Regime, Period]:
    """Per-regime periods from ``sar=1y,foi=3y`` (commas or semicolons; empty gives none).

    Raises:
        BadInputError: An unknown regime or a bad period.
    """
    periods: dict[Regime, Period] = {}
    for item in re.split(r"[,;]", text):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        try:
            regime = Regime(name.strip().lower())
        except ValueError:
            regime = None
        if not sep or regime is None:
            raise BadInputError(
                f"{item.strip()!r} is not a retention setting; write a regime and a period "
                f"such as sar=1y (regimes: {', '.join(r.value for r in Regime)})."
            )
        periods[regime] = parse_period(value)
    return periods


def format_retention(periods: Mapping[Regime, Period]) -> str:
    """The profile text for per-regime periods, in regime order."""
    return ",".join(f"{r.value}={periods[r]}" for r in Regime if r in periods)


def effective_retention(text: str) -> dict[Regime, Period]:
    """Every regime's period: the profile's where it names one, else the default."""
    return {**DEFAULT_RETENTION, **parse_retention(text)}


@dataclass(frozen=True, slots=True)
class Hold:
    """A legal hold: disposal is suspended until it is released."""

    reason: str
    placed_by: str
    placed_on: date


@dataclass(frozen=True, slots=True)
class Lifecycle:
    """Where a case is in its life: closed (and when) and whether a hold is on it."""

    closed_on: date | None = None
    hold: Hold | None = None

    def to_json(self) -> dict[str, Any]:
        """The stored form."""
        hold = self.hold
        return {
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "hold": (
                {"reason": hold.reason, "by": hold.placed_by, "on": hold.placed_on.isoformat()}
                if hold
                else None
            ),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Lifecycle:
        """Read the stored form."""
        raw = data.get("hold")
        return cls(
            closed_on=date.fromisoformat(data["closed_on"]) if data.get("closed_on") else None,
            hold=Hold(raw["reason"], raw["by"], date.fromisoformat(raw["on"])) if raw else None,
        )


class DisposalState(enum.StrEnum):
    """Whether a case may be purged today."""

    OPEN = "open"  # not closed: retention has not started
    RETAINED = "retained"  # closed, inside its retention period
    ON_HOLD = "on-hold"  # a legal hold suspends disposal
    DUE = "due"  # closed, retention ended, no hold: due for disposal


@dataclass(frozen=True, slots=True)
class Disposal:
    """A case's disposal position on a given day."""

    state: DisposalState
    period: Period
    closed_on: date | None
    retain_until: date | None
    hold: Hold | None


def disposal(lifecycle: Lifecycle, period: Period, today: date) -> Disposal:
    """Work out whether a case is open, retained, on hold or due for disposal on `today`."""
    until = period.after(lifecycle.closed_on) if lifecycle.closed_on else None
    if lifecycle.hold is not None:
        state = DisposalState.ON_HOLD
    elif until is None:
        state = DisposalState.OPEN
    elif today < until:
        state = DisposalState.RETAINED
    else:
        state = DisposalState.DUE
    return Disposal(state, period, lifecycle.closed_on, until, lifecycle.hold)


class PurgeRefusedError(SarDeskError):
    """A purge was refused: the case is open, on hold or inside its retention period."""

    code = "purge-refused"


class PurgeInterruptedError(SarDeskError):
    """A purge of this case started and did not finish; the case cannot be used again."""

    code = "purge-interrupted"


def check_purge(position: Disposal, *, early: bool, is_dpo: bool, reason: str) -> None:
    """Refuse a purge the rules do not allow (a hold always wins, even over a DPO).

    Raises:
        PurgeRefusedError: On hold, not closed, or before the retention date without a DPO's
            early purge.
        PermissionDeniedError: An early purge by someone who is not the DPO.
        BadInputError: An early purge without a reason.
    """
    if position.hold is not None:
        raise PurgeRefusedError(
            f"The case is under a legal hold (placed on {position.hold.placed_on:%d %b %Y}), so "
            "it cannot be destroyed. Release the hold first, with the reason it ended.",
            hint=Hint.RELEASE_HOLD,
        )
    if position.closed_on is None or position.retain_until is None:
        raise PurgeRefusedError(
            "The case is still open; close it first (retention runs from the closing date).",
            hint=Hint.CLOSE_CASE,
        )
    if position.state is DisposalState.DUE:
        return
    if not early:
        raise PurgeRefusedError(
            f"The case is kept until {position.retain_until:%d %b %Y} ({position.period.words} "
            f"after it closed on {position.closed_on:%d %b %Y}). Only the DPO can destroy it "
            "earlier, with a reason.",
            hint=Hint.PURGE_EARLY,
        )
    if not is_dpo:
        raise PermissionDeniedError(
            "Only the DPO can destroy a case before the end of its retention period."
        )
    if not reason.strip():
        raise BadInputError(
            "Say why the case is destroyed before the end of its retention period.",
            hint=Hint.GIVE_REASON,
        )
