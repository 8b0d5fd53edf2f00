"""Which cases are due for disposal, across case folders (``cases due``; issue 18 item 3).

Lists each case's disposal position without names (reference, regime, dates), and shows
interrupted purges and unreadable cases rather than stopping at them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sar_desk.app.lifecycle import disposal_position
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import BadInputError, SarDeskError
from sar_desk.core.retention import Disposal, DisposalState
from sar_desk.store.folder import CaseFolder


@dataclass(frozen=True, slots=True)
class CaseDisposal:
    """One case folder's disposal position, for the list of cases due."""

    folder: Path
    reference: str | None
    regime: str | None
    position: Disposal | None
    interrupted: bool = False
    problem: str | None = None

    @property
    def due(self) -> bool:
        """Due for disposal now, or a purge to finish."""
        return self.interrupted or (
            self.position is not None and self.position.state is DisposalState.DUE
        )

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` object (no requester, no names)."""
        p = self.position
        return {
            "folder": str(self.folder),
            "reference": self.reference,
            "regime": self.regime,
            "state": self._state(),
            "closed_on": p.closed_on.isoformat() if p and p.closed_on else None,
            "retention": str(p.period) if p else None,
            "retain_until": p.retain_until.isoformat() if p and p.retain_until else None,
            "on_hold_since": p.hold.placed_on.isoformat() if p and p.hold else None,
            "due": self.due,
            "problem": self.problem,
        }

    def _state(self) -> str:
        if self.interrupted:
            return "purge-interrupted"
        return str(self.position.state) if self.position else "unreadable"


def case_folders(paths: Iterable[Path]) -> list[Path]:
    """Case folders among `paths`: each path that is a case, or the cases directly inside it."""
    found: list[Path] = []
    for path in paths:
        folder = CaseFolder(Path(path))
        if folder.exists() or folder.purge_marker.exists():
            found.append(folder.root)
        elif folder.root.is_dir():
            found.extend(
                child
                for child in sorted(folder.root.iterdir())
                if child.is_dir()
                and (CaseFolder(child).exists() or CaseFolder(child).purge_marker.exists())
            )
    return found


def _marker_case(marker: Path) -> dict[str, Any]:
    # The marker holds the certificate being issued; an unreadable one still means "interrupted".
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        case = data["certificate"]["case"]
        return case if isinstance(case, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def disposal_list(paths: Iterable[Path], today: date | None = None) -> list[CaseDisposal]:
    """Every case under `paths` with its disposal position (interrupted purges included).

    Raises:
        BadInputError: A path that does not exist.
    """
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise BadInputError(f"No such folder: {', '.join(missing)}.")
    rows: list[CaseDisposal] = []
    for root in case_folders(paths):
        marker = CaseFolder(root).purge_marker
        if marker.exists():
            started = _marker_case(marker)
            rows.append(
                CaseDisposal(
                    root, started.get("reference"), started.get("regime"), None, interrupted=True
                )
            )
            continue
        try:
            session = CaseSession.open(root)
        except SarDeskError as exc:  # one damaged case must not hide the others
            rows.append(CaseDisposal(root, None, None, None, problem=str(exc)))
            continue
        try:
            rows.append(
                CaseDisposal(
                    root,
                    session.case.reference,
                    str(session.case.regime),
                    disposal_position(session, today),
                )
            )
        finally:
            session.close()
    return rows
