"""A case at a glance for the window's start screen: its deadline and whether disposal is due.

Each recent case is opened read-only just long enough to read its deadline and retention
position (the same reads as the dashboard and the list of cases due); a case that cannot be
read says why instead of hiding the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sar_desk.app.lifecycle import disposal_position
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import SarDeskError
from sar_desk.core.retention import DisposalState


@dataclass(frozen=True, slots=True)
class CaseGlance:
    """What the start screen shows for one recent case."""

    folder: Path
    due: date | None = None
    days_left: int | None = None
    closed: bool = False
    disposal_due: bool = False
    problem: str | None = None


def glance(folder: Path, today: date | None = None) -> CaseGlance:
    """Read `folder`'s deadline and disposal position (never raises for a bad case)."""
    try:
        session = CaseSession.open(Path(folder))
    except SarDeskError as exc:
        return CaseGlance(Path(folder), problem=str(exc))
    try:
        deadline, left = session.clock.deadline(today)
        position = disposal_position(session, today)
    except SarDeskError as exc:
        return CaseGlance(Path(folder), problem=str(exc))
    finally:
        session.close()
    return CaseGlance(
        Path(folder),
        deadline.due,
        left,
        closed=position.closed_on is not None,
        disposal_due=position.state is DisposalState.DUE,
    )
