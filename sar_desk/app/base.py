"""The state every part of `CaseSession` shares: the case folder, its store and the user.

`CaseSession` (in `app.session`) is composed from one mixin per use-case area (importing,
search, people, detection, review, export), each in its own module and each built on
`SessionBase`, so the facade stays one class without one huge module.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from sar_desk.app.summary import SummarySection
from sar_desk.core.model import Case
from sar_desk.store import Store
from sar_desk.store.folder import CaseFolder
from sar_desk.store.uow import unit_of_work


def default_user() -> str:
    """The operating-system login name, used when no ``--as`` user is given."""
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):
        return "unknown"


class SessionBase:
    """An open case: folder, store (for this thread) and acting user."""

    def __init__(self, folder: Path, store: Store, user: str | None = None) -> None:
        self.folder = folder
        self.case_folder = CaseFolder(folder)
        self.store = store
        self.user = user or default_user()
        with unit_of_work(store) as uow:
            self._case = uow.case.load()

    @property
    def case(self) -> Case:
        """The case record."""
        return self._case

    @property
    def db_path(self) -> Path:
        """The case database file (jobs open their own connection to it)."""
        return self.case_folder.db_path

    def _save_case(self, case: Case, action: str, details: dict[str, Any]) -> None:
        """Save the case record and audit the change in the same transaction."""
        with unit_of_work(self.store, write=True) as uow:
            uow.case.save(case)
            uow.audit.append(self.user, action, details)
        self._case = case

    def reload(self) -> None:
        """Re-read the case record (after a job changed it on another connection)."""
        with unit_of_work(self.store) as uow:
            self._case = uow.case.load()

    def summary_sections(self) -> list[SummarySection]:
        """Blocks of ``case show`` contributed by each area; mixins extend via super()."""
        return []

    def open_store(self) -> Store:
        """A new connection to this case's store, for a job on another thread."""
        return self.case_folder.open_store()

    def close(self) -> None:
        """Close the store."""
        self.store.close()
