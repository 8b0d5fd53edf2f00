"""The case folder: its layout, creation, the locks of imports in flight, and its database.

A case is one folder that holds everything about it::

    case.db                       the case database (see `store.db`)
    .imports.lock                 held shared by imports, exclusive by the orphan sweep
    originals/                    each imported export, read-only, named <source>-<sha>-<name>
    originals/.incoming-<uuid>/   a copy being imported; holds a locked ``.in-use`` file
    masters/<export-id>/          the unredacted master and manifest of each bundle

Only this module spells those names. Folders are created private to the user (0700): a case
holds personal data about people who are not the user's to share.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sar_desk.core.errors import CaseExistsError, CaseNotFoundError
from sar_desk.store.db import Store, open_store

logger = logging.getLogger(__name__)

_DB = "case.db"
_ORIGINALS = "originals"
_MASTERS = "masters"
_INCOMING = ".incoming-"
_IN_USE = ".in-use"
# Imports hold this shared while their copy is unreferenced; orphan cleaning holds it exclusive.
_IMPORTS_LOCK = ".imports.lock"
_PRIVATE = 0o700
# An incoming folder without its lock file is only one made within microseconds of a kill;
# leave young ones alone in case their import is just starting.
_UNLOCKED_GRACE_SECONDS = 120


def _make_private_dir(path: Path) -> None:
    path.mkdir(mode=_PRIVATE, exist_ok=True)
    if sys.platform != "win32":
        path.chmod(_PRIVATE)  # mkdir's mode is filtered by the umask; be exact


def make_read_only(path: Path) -> None:
    """Remove every write permission from a file or folder tree (kept originals)."""
    targets = [path, *path.rglob("*")] if path.is_dir() else [path]
    for target in targets:
        mode = target.stat().st_mode
        target.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def remove_tree(path: Path) -> None:
    """Delete a file or folder we created, even if it was made read-only."""
    if not path.exists():
        return
    if path.is_dir():
        for target in [path, *path.rglob("*")]:
            target.chmod(target.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(path)
    else:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
        path.unlink()


def _shared_lock(handle: IO[bytes]) -> None:
    """Take a shared lock on an open file, waiting only for an orphan sweep to finish.

    Windows has no shared file locks in `msvcrt`; there imports rely on their incoming folder.
    """
    if sys.platform != "win32":
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_SH)


def _try_lock(handle: IO[bytes]) -> bool:
    """Take an exclusive, non-blocking lock on an open file; False if another holds it.

    The operating system drops the lock when its process dies, so a killed import's leftovers
    become removable while a running import's files stay protected.
    """
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class CaseFolder:
    """One case folder on disk: where its parts live and how they are made and opened."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def db_path(self) -> Path:
        """The case database file."""
        return self.root / _DB

    @property
    def originals(self) -> Path:
        """The folder of kept, read-only originals."""
        return self.root / _ORIGINALS

    @property
    def masters(self) -> Path:
        """The folder of unredacted bundle masters (never sent)."""
        return self.root / _MASTERS

    def exists(self) -> bool:
        """Whether the folder holds a case."""
        return self.db_path.exists()

    @classmethod
    def create(cls, root: Path) -> CaseFolder:
        """Make a new, private case folder (the database is made by `open_store`).

        Raises:
            CaseExistsError: The folder already holds a case or other files.
        """
        folder = cls(root)
        if folder.exists():
            raise CaseExistsError(
                f"{folder.root} already holds a case. Choose another folder, or open that case."
            )
        if folder.root.exists() and any(folder.root.iterdir()):
            raise CaseExistsError(
                f"{folder.root} is not empty. Create the case in a new or empty folder."
            )
        folder.root.parent.mkdir(parents=True, exist_ok=True)
        _make_private_dir(folder.root)
        _make_private_dir(folder.originals)
        return folder

    def open_store(self, *, create: bool = False) -> Store:
        """Open the case database (on the calling thread) and bring it up to date.

        Raises:
            CaseNotFoundError: There is no case here and `create` is false.
            StoreTooNewError: The case was saved by a newer release.
            CaseDamagedError: The database cannot be read.
        """
        if not create and not self.exists():
            raise CaseNotFoundError(f"There is no SAR Desk case in {self.root}.")
        return open_store(self.db_path, create=create)

    def master_dir(self) -> Path:
        """The masters folder, made private if it is not there yet."""
        _make_private_dir(self.masters)
        return self.masters

    # ------------------------------------------------------------------ originals

    def stored_path(self, name: str) -> str:
        """How a source records a kept original: a path relative to the case folder."""
        return f"{_ORIGINALS}/{name}"

    def keep_original(self, copy: Path, name: str) -> Path:
        """Move an imported copy to its final read-only place under ``originals/``."""
        final = self.originals / name
        os.replace(copy, final)
        make_read_only(final)
        return final

    @contextmanager
    def incoming(self) -> Iterator[Path]:
        """A locked working folder for one import's copy, removed when the block ends.

        The lock tells `clean_incoming` in another process that this import is still running.
        """
        _make_private_dir(self.originals)
        folder = self.originals / f"{_INCOMING}{uuid.uuid4().hex}"
        lock = None
        # Held (shared) until the block ends, i.e. after the import's transaction has committed
        # or rolled back, so an orphan sweep never sees a finished copy before its source row.
        imports = (self.root / _IMPORTS_LOCK).open("a+b")
        _shared_lock(imports)
        try:
            folder.mkdir(mode=_PRIVATE)
            lock = (folder / _IN_USE).open("a+b")
            _try_lock(lock)
            yield folder
        finally:
            if lock is not None:
                lock.close()
            remove_tree(folder)
            imports.close()

    def clean_incoming(self) -> None:
        """Remove copies left behind by an import that was killed before it finished.

        Another process (or the window's worker) may be importing right now; its folder is
        locked and is left alone.
        """
        if not self.originals.is_dir():
            return
        for leftover in self.originals.glob(_INCOMING + "*"):
            marker = leftover / _IN_USE
            if not marker.exists():
                if time.time() - leftover.stat().st_mtime > _UNLOCKED_GRACE_SECONDS:
                    remove_tree(leftover)
                continue
            with marker.open("a+b") as handle:
                if not _try_lock(handle):
                    continue
            remove_tree(leftover)

    def clean_orphans(self, referenced: Callable[[], set[str]]) -> None:
        """Remove originals no source refers to (left by an import killed just before commit).

        Skipped while any import is in flight (in this or another process), because a running
        import's copy is unreferenced until its transaction commits. The references are read
        while imports are locked out, so an import that finishes meanwhile cannot lose its file.

        Args:
            referenced: Reads the stored paths (see `stored_path`) that sources refer to.
        """
        if not self.originals.is_dir():
            return
        with (self.root / _IMPORTS_LOCK).open("a+b") as imports:
            if not _try_lock(imports) or any(self.originals.glob(_INCOMING + "*")):
                return
            self._remove_unreferenced(referenced())

    def _remove_unreferenced(self, kept: set[str]) -> None:
        for entry in self.originals.iterdir():
            if self.stored_path(entry.name) not in kept:
                logger.warning("removing an original left by an interrupted import")
                remove_tree(entry)
