"""The case folder: its layout, creation, the locks of imports in flight, and its database.

A case is one folder that holds everything about it::

    case.db                       the case database (see `store.db`; SQLCipher if encrypted)
    case.key                      only in an encrypted case: its key, wrapped by the passphrase
    .imports.lock                 held shared by imports, exclusive by the orphan sweep
    originals/                    each imported export, read-only, named <source>-<sha>-<name>
    originals/.incoming-<uuid>/   a copy being imported; holds a locked ``.in-use`` file
    attachments/<ab>/<sha256>     each kept attachment, read-only, named by its content hash
    masters/<export-id>/          the unredacted master and manifest of each bundle
    .purge-in-progress.json       only while a purge runs (or after one was interrupted)

Only this module spells those names. A case holds personal data about people who are not the
user's to share, so on POSIX its folders are made 0700 and its files 0600 (kept originals
0400); on Windows, where permission bits do not apply, the case folder's access list is cut
down to the user (`_restrict_windows`).
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

from sar_desk.core.errors import CaseExistsError, CaseNotFoundError, Hint
from sar_desk.core.retention import PurgeInterruptedError
from sar_desk.store import case_keys
from sar_desk.store.db import Store, open_store
from sar_desk.store.sealed_folder import SealedParts
from sar_desk.store.windows_acl import restrict_windows as _restrict_windows

logger = logging.getLogger(__name__)

_DB = "case.db"
_ORIGINALS = "originals"
_MASTERS = "masters"
_ATTACHMENTS = "attachments"
_INCOMING = ".incoming-"
_IN_USE = ".in-use"
_PURGE_MARKER = ".purge-in-progress.json"
# Imports hold this shared while their copy is unreferenced; orphan cleaning holds it exclusive.
_IMPORTS_LOCK = ".imports.lock"
_PRIVATE = 0o700
_PRIVATE_FILE = 0o600
# An incoming folder without its lock file is only one made within microseconds of a kill;
# leave young ones alone in case their import is just starting.
_UNLOCKED_GRACE_SECONDS = 120


def _make_private_dir(path: Path) -> None:
    path.mkdir(mode=_PRIVATE, exist_ok=True)
    if sys.platform != "win32":
        path.chmod(_PRIVATE)  # mkdir's mode is filtered by the umask; be exact


def make_read_only(path: Path) -> None:
    """Remove every write permission, and all access by others, from a file or folder tree."""
    targets = [path, *path.rglob("*")] if path.is_dir() else [path]
    for target in targets:
        mode = target.stat().st_mode
        target.chmod(mode & (stat.S_IRUSR | stat.S_IXUSR))


def _open_private(path: Path) -> IO[bytes]:
    """Open (creating if needed) a lock file that only the user can read or write."""
    return os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, _PRIVATE_FILE), "a+b")


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


class CaseFolder(SealedParts):
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
    def create(cls, root: Path, passphrase: str | None = None) -> CaseFolder:
        """Make a new, private case folder (the database is made by `open_store`).

        With a passphrase the case is encrypted: a new case key, wrapped by it, is written
        first, so the database is never plain for a moment.

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
        if sys.platform == "win32":
            _restrict_windows(folder.root)
        _make_private_dir(folder.originals)
        if passphrase is not None:
            case_keys.create(folder.key_file, passphrase)
        # SQLite gives its -wal and -shm files the database file's mode, so make it 0600 first.
        os.close(os.open(folder.db_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, _PRIVATE_FILE))
        return folder

    def open_store(self, *, create: bool = False) -> Store:
        """Open the case database (on the calling thread) and bring it up to date.

        Raises:
            CaseNotFoundError: There is no case here and `create` is false.
            StoreTooNewError: The case was saved by a newer release.
            CaseDamagedError: The database cannot be read.
        """
        self.check_not_purging()
        if not create and not self.exists():
            raise CaseNotFoundError(f"There is no SAR Desk case in {self.root}.")
        return open_store(self.db_path, create=create, key_hex=self.database_key())

    # ------------------------------------------------------------------ privacy and purge

    def make_private(self) -> None:
        """Take away others' access to everything in the case (cases made by older releases).

        On POSIX folders become 0700 and files lose every group and other bit (0600, or 0400
        for read-only originals). Windows relies on the access list set at creation.
        """
        if sys.platform == "win32":
            return
        for path in [self.root, *self.root.rglob("*")]:
            if path.is_symlink():
                continue
            try:
                mode = stat.S_IMODE(path.stat().st_mode)
                wanted = _PRIVATE if path.is_dir() else mode & _PRIVATE_FILE
                if mode != wanted:
                    path.chmod(wanted)
            except FileNotFoundError:
                # Another session of the same case (the window reads on a worker) replaced a
                # file atomically while this walk ran: the file that took its place is private.
                continue

    @property
    def purge_marker(self) -> Path:
        """The file that says a purge of this case has started and not finished."""
        return self.root / _PURGE_MARKER

    def check_not_purging(self) -> None:
        """Refuse to use a case whose purge was interrupted.

        Raises:
            PurgeInterruptedError: The purge marker is present.
        """
        if self.purge_marker.exists():
            raise PurgeInterruptedError(
                f"The case in {self.root} was being destroyed and the destruction did not "
                "finish, so it can no longer be used. Finish destroying it.",
                hint=Hint.RESUME_PURGE,
            )

    def import_in_flight(self) -> bool:
        """Whether an import into this case is running now (in this or another process)."""
        self.clean_incoming()
        if not self.originals.is_dir():
            return False
        with _open_private(self.root / _IMPORTS_LOCK) as imports:
            return not _try_lock(imports) or any(self.originals.glob(_INCOMING + "*"))

    def database_files(self) -> list[Path]:
        """The key file, the database and its side files (destroyed first in a purge, in order).

        The key file goes first: once it is gone an encrypted case's database and sealed files
        can never be read, whatever happens to the rest of the purge.
        """
        side = [self.db_path.with_name(_DB + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
        return [self.key_file, *side]

    def master_dir(self) -> Path:
        """The masters folder, made private if it is not there yet."""
        _make_private_dir(self.masters)
        return self.masters

    # ------------------------------------------------------------------ originals

    def stored_path(self, name: str) -> str:
        """How a source records a kept original: a path relative to the case folder."""
        return f"{_ORIGINALS}/{self.kept_name(name)}"

    def keep_original(self, copy: Path, name: str) -> Path:
        """Move an imported copy to its final read-only place under ``originals/``.

        In an encrypted case it is sealed (a folder zipped first) under a digest of `name`.
        """
        final = self.originals / self.kept_name(name)
        self.keep_file(copy, final)
        make_read_only(final)
        return final

    def keep_attachment(self, sha256: str, data: bytes) -> str:
        """Keep an attachment's bytes read-only under its content hash; its case-relative path.

        The one place attachment bytes are written (an encrypted case swaps this function).
        Idempotent: a file already kept under that hash is left as it is.
        """
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a SHA-256 hex digest")
        relative = f"{_ATTACHMENTS}/{sha256[:2]}/{sha256}"
        final = self.root / relative
        if final.exists():
            return relative
        _make_private_dir(self.root / _ATTACHMENTS)
        _make_private_dir(final.parent)
        part = final.with_name(f".{sha256}.{uuid.uuid4().hex}.part")
        # Sealed in an encrypted case (a photo can show a name and an address), private in both.
        self.write_file(part, data)
        os.replace(part, final)
        make_read_only(final)
        return relative

    def has_attachment(self, sha256: str) -> bool:
        """Whether a file with this content hash is kept already."""
        return (self.root / _ATTACHMENTS / sha256[:2] / sha256).exists()

    def attachment_file(self, stored_path: str) -> Path:
        """The file of a kept attachment, from the path its row records."""
        if not stored_path.startswith(f"{_ATTACHMENTS}/") or ".." in stored_path.split("/"):
            raise ValueError("not a kept attachment's path")
        return self.root / stored_path

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
        imports = _open_private(self.root / _IMPORTS_LOCK)
        _shared_lock(imports)
        try:
            folder.mkdir(mode=_PRIVATE)
            lock = (folder / _IN_USE).open("a+b")
            _try_lock(lock)
            if self.is_encrypted():
                # The plain copy stays outside an encrypted case (it is sealed when kept); the
                # empty locked folder still tells other processes an import is running.
                with self.scratch() as outside:
                    yield outside
            else:
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
        with _open_private(self.root / _IMPORTS_LOCK) as imports:
            if not _try_lock(imports) or any(self.originals.glob(_INCOMING + "*")):
                return
            self._remove_unreferenced(referenced())

    def _remove_unreferenced(self, kept: set[str]) -> None:
        for entry in self.originals.iterdir():
            if f"{_ORIGINALS}/{entry.name}" not in kept:
                logger.warning("removing an original left by an interrupted import")
                remove_tree(entry)
