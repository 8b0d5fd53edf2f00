"""The state every part of `CaseSession` shares: the case folder, its store and the user.

One class per use-case area (importing, search, people, detection, review, export), each in
its own module and each built on `SessionBase`, is composed into `app.session.OpenCase`;
`CaseSession` hands each area out as a service (``session.people``, ``session.review``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sar_desk.app.summary import SummarySection
from sar_desk.core.model import Case
from sar_desk.review import roles
from sar_desk.store import Store
from sar_desk.store.folder import CaseFolder
from sar_desk.store.uow import unit_of_work

#: Asks the person at the keyboard for a passphrase (None when they give none).
AskPassphrase = Callable[[], str | None]


def os_account() -> str:
    """The operating-system account running SAR Desk, asked of the OS itself.

    Not ``getpass.getuser()``: it believes the USER/LOGNAME variables, which anyone can set, and
    the acting user is who approves and signs off (issue 17).
    """
    try:
        if sys.platform == "win32":
            import ctypes

            size = ctypes.c_ulong(257)
            buffer = ctypes.create_unicode_buffer(size.value)
            if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):
                return buffer.value or "unknown"
            return "unknown"
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name or "unknown"
    except (KeyError, OSError):
        return "unknown"


def default_user() -> str:
    """The acting user when nobody else is named: the operating-system account."""
    return os_account()


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

    def act_as(self, name: str | None, ask: AskPassphrase | None = None) -> str:
        """Change who is acting: the OS account freely, another case user with their passphrase.

        `ask` is called only when a passphrase is needed (the user has one set).

        Raises:
            PermissionDeniedError: Not a user of the case, no passphrase set, none given or
                the wrong one; the acting user is unchanged.
        """
        account = os_account()
        if name and name.strip().casefold() == self.user.casefold():
            return self.user  # already acting as them (checked when they were chosen)
        if not name or name.strip().casefold() == account.casefold():
            self.user = account
            return self.user
        try:
            with unit_of_work(self.store) as uow:
                self.user = roles.authenticate(uow, name.strip(), None)
            return self.user
        except roles.PassphraseNeededError:
            pass
        # Asked outside any read, so no snapshot is held while someone types.
        passphrase = ask() if ask else None
        with unit_of_work(self.store) as uow:
            self.user = roles.authenticate(uow, name.strip(), passphrase)
        return self.user

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
        """Blocks of ``case show`` contributed by each area; each area extends via super()."""
        return []

    def open_store(self) -> Store:
        """A new connection to this case's store, for a job on another thread."""
        return self.case_folder.open_store()

    def close(self) -> None:
        """Close the store."""
        self.store.close()
