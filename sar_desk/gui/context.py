"""The open case as the window sees it: the session, and one signal when the case changes.

Panels never keep their own session: they ask the `CaseContext` for it, and refresh when
`case_changed` says something they show has changed (Anki's `OpChanges`, without a framework).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from sar_desk.app.opening import create_case_session, is_team_session, open_case_session
from sar_desk.app.session import CaseSession
from sar_desk.core.model import Case
from sar_desk.gui.settings import RecentCases

logger = logging.getLogger(__name__)

# What a change can touch; panels look for the names they display.
CASE = "case"
SOURCES = "sources"
MESSAGES = "messages"
PEOPLE = "people"
SCOPE = "scope"
FINDINGS = "findings"
DECISIONS = "decisions"
EXPORTS = "exports"
USERS = "users"
LIFECYCLE = "lifecycle"
EVERYTHING = frozenset(
    {CASE, SOURCES, MESSAGES, PEOPLE, SCOPE, FINDINGS, DECISIONS, EXPORTS, USERS, LIFECYCLE}
)


class CaseContext(QObject):
    """Holds the open `CaseSession` (at most one) for the window.

    Signals:
        opened(): A case was opened or created; `session` is set.
        closed(): The case was closed; `session` is None.
        case_changed(frozenset): Something changed; the set names what (see the constants).
    """

    opened = Signal()
    closed = Signal()
    case_changed = Signal(frozenset)

    def __init__(self, recent: RecentCases, user: str | None = None) -> None:
        super().__init__()
        self.recent = recent
        self.user = user
        self._session: CaseSession | None = None

    @property
    def session(self) -> CaseSession | None:
        """The open session, or None when no case is open."""
        return self._session

    def require(self) -> CaseSession:
        """The open session; panels only call this while a case is open."""
        if self._session is None:
            raise RuntimeError("no case is open")
        return self._session

    def open(self, folder: Path) -> CaseSession:
        """Open the case in `folder` (closing any other) and remember it as recent."""
        session = CaseSession.open(Path(folder), self.user)
        self._adopt(session)
        return session

    def open_team(self, address: str, reference: str) -> CaseSession:
        """Open the case `reference` on the team server at `address`, as the database login."""
        session = open_case_session(reference, server=address)
        self._adopt(session)
        return session

    def create(
        self,
        folder: Path,
        case: Case,
        case_passphrase: str | None = None,
        *,
        server: str | None = None,
    ) -> CaseSession:
        """Create a case in `folder` (encrypted with `case_passphrase`, if given) and open it.

        With `server`, the case is created on that team server instead (as the database login,
        named by its reference), through the same service as ``case new`` with a server.
        """
        if server is not None:
            session = create_case_session(case.reference, case, server=server)
            self._adopt(session)
            return session
        session = CaseSession.create(Path(folder), case, self.user, case_passphrase=case_passphrase)
        self._adopt(session)
        return session

    def close(self) -> None:
        """Close the open case, if any."""
        if self._session is None:
            return
        self._session.close()
        self._session = None
        logger.info("case closed")
        self.closed.emit()

    def notify(self, changes: frozenset[str]) -> None:
        """Tell every panel what changed (after a job or a decision)."""
        if self._session is None:
            return
        if CASE in changes:
            self._session.reload()
        self.case_changed.emit(frozenset(changes))

    def _adopt(self, session: CaseSession) -> None:
        if self._session is not None:
            self.close()
        self._session = session
        if not is_team_session(session):  # a team case's folder is a scratch folder
            self.recent.add(session.folder, session.case.reference)
        logger.info("case opened (%d recent)", len(self.recent.entries()))
        self.opened.emit()
