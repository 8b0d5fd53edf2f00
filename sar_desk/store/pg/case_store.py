"""A case on the team server as the application sees it: a `Store` and a case folder.

The application works a case through `store.db.Store` (``read``/``transaction`` yielding a
SQLAlchemy connection) and `store.folder.CaseFolder` (where originals, attachments and bundle
masters live, and how a job opens its own connection). `PgStore` and `TeamCaseFolder` give the
same two interfaces for a case schema on the server, so the session and its services never ask
which store they have:

- a connection sees the case schema first (`engine.make_engine`) and speaks SQLite's few
  dialect words through `compat`;
- the folder is a private scratch folder on this PC, owned by the open case and deleted when it
  closes; originals and attachments kept there are also written to the server (bytea, SHA-256
  checked on every read), and fetched back into it when a command needs one.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, RootTransaction, event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from sar_desk.core.errors import CaseBusyError
from sar_desk.store import audit_marks
from sar_desk.store.db import Store
from sar_desk.store.folder import CaseFolder, remove_tree
from sar_desk.store.pg import compat, originals, team
from sar_desk.store.pg.engine import make_engine, schema_version

_SHARED_FILE = "team_file:"
"""Prefix of the ``case_meta`` keys holding files every session of a case shares."""
_KEPT_FILE = "team_kept:"
"""Prefix of the ``case_meta`` keys naming a kept file (its bytes are in ``originals``)."""
TREE_KEY = "team_tree:"
"""Prefix of the ``case_meta`` keys listing a kept folder export (path -> SHA-256, as JSON)."""


SCRATCH_PREFIX = "sar-desk-team-"
"""Scratch folders of open team cases: ``sar-desk-team-<pid>-<random>`` in the temp folder."""


def new_scratch() -> Path:
    """A private scratch folder for one open team case (0700), after sweeping stale ones.

    A process killed with a case open cannot delete its scratch folder, which may hold
    originals; the next team case opened on this PC removes every scratch folder whose process
    is gone (POSIX only: Windows has no harmless "is it alive" signal in the standard library).
    """
    root = Path(tempfile.gettempdir())
    if sys.platform != "win32":
        for stale in root.glob(f"{SCRATCH_PREFIX}*-*"):
            pid = stale.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)) and stale.stat().st_uid == os.getuid():
                remove_tree(stale)
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


class PgStore(Store):
    """An open case schema on the team server (one connection, like a case database)."""

    def __init__(self, url: str, schema: str, scratch: Path, *, case_lock: bool = True) -> None:
        engine = make_engine(url, schema=schema)
        compat.install(engine)

        @event.listens_for(engine, "commit")
        @event.listens_for(engine, "rollback")
        def _forget_marks(conn: Connection) -> None:
            # The server keeps the head itself (`audit_guard`); only forget this transaction's
            # noted decision rows, so the next transaction's entry seals its own rows only.
            conn.info.pop(audit_marks.PENDING_HEAD, None)
            audit_marks.take_rows(conn.info)

        super().__init__(scratch / "case.db", engine)
        self.url = url
        self.schema = schema
        self.owns_scratch = False
        self.case_lock = case_lock

    def _begin_write(self, conn: Connection) -> RootTransaction:
        # One writer per case at a time, as on a case folder: the store modules were written
        # for SQLite's single writer (the import writer numbers new messages from the largest
        # id), so a write transaction takes the case's lock; readers are never blocked.
        transaction = conn.begin()
        if self.case_lock:
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": self.schema})
        return transaction

    def user_version(self) -> int:
        """The schema step the case schema is at."""
        with self.read() as conn:
            return schema_version(conn, self.schema)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; a rule the server refuses becomes the domain's error."""
        with refusals(), super().transaction() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries; the read transaction ends with the block."""
        with refusals(), super().read() as conn:
            yield conn

    def close(self) -> None:
        """Close the connection (and the scratch folder when this store owns it)."""
        super().close()
        if self.owns_scratch:
            remove_tree(self.path.parent)


@contextmanager
def creating() -> Iterator[None]:
    """Creating a case: a reference already taken on the server is the domain's error."""
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "23505":  # unique_violation
            raise
        line = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise team.refused(line, exc) from exc


@contextmanager
def refusals() -> Iterator[None]:
    """Turn the server's refusals (a role rule, four eyes, the append-only log) into one line."""
    try:
        yield
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlstate", None)
        line = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        if code == "42501":  # insufficient_privilege: the server's own rules said no
            raise team.refused(line, exc) from exc
        if isinstance(exc, OperationalError):
            raise CaseBusyError(
                f"The team store could not complete this ({line}), so nothing was changed. "
                "Check the connection and try again."
            ) from exc
        raise


class TeamCaseFolder(CaseFolder):
    """The scratch folder of a case on the server, whose store is the case schema."""

    def __init__(self, root: Path, url: str, schema: str) -> None:
        super().__init__(root)
        self.url = url
        self.schema = schema

    def exists(self) -> bool:
        """A case on the server exists while its schema does (checked when it was opened)."""
        return True

    def is_encrypted(self) -> bool:
        """The server protects the case; no case key on this PC."""
        return False

    def open_store(self, *, create: bool = False) -> Store:
        """A new connection to the case schema (for this thread)."""
        return PgStore(self.url, self.schema, self.root)

    def make_private(self) -> None:
        """The scratch folder is made private when it is created."""

    def keep_original(self, copy: Path, name: str) -> Path:
        """Keep the original on the server (and in the scratch folder for this session)."""
        final = super().keep_original(copy, name)
        self._upload(final)
        return final

    def keep_attachment(self, sha256: str, data: bytes) -> str:
        """Keep an attachment on the server under its hash (and in the scratch folder)."""
        relative = super().keep_attachment(sha256, data)
        self._upload(self.root / relative)
        return relative

    def has_attachment(self, sha256: str) -> bool:
        """Whether the server holds content with this hash."""
        with self.open_store() as store, store.read() as conn:
            found = conn.execute(text("SELECT 1 FROM originals WHERE sha256 = :s"), {"s": sha256})
            return found.first() is not None

    def attachment_file(self, stored_path: str) -> Path:
        """The kept attachment, fetched from the server into the scratch folder when needed."""
        path = super().attachment_file(stored_path)
        if not path.exists():
            self._fetch(path.name, path)
        return path

    def _files_store(self) -> PgStore:
        # Content-addressed writes of kept files need no case lock, and must not wait for it:
        # the import or export that keeps them holds it on its own connection meanwhile.
        return PgStore(self.url, self.schema, self.root, case_lock=False)

    def _upload(self, path: Path) -> None:
        if path.is_dir():
            self._keep_folder(path)
            return
        with self._files_store() as store, store.transaction() as conn:
            originals.store_original(conn, path)

    def _keep_folder(self, folder: Path) -> None:
        # A folder export: each file kept by its content, and the folder as the list of its
        # files' paths and hashes, so it can be rebuilt and checked (`copy_back`).
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        with self._files_store() as store, store.transaction() as conn:
            listing = {
                path.relative_to(folder).as_posix(): originals.store_original(conn, path)
                for path in files
            }
            conn.execute(
                text(
                    "INSERT INTO case_meta (key, value) VALUES (:k, :v) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
                ),
                {
                    "k": TREE_KEY + folder.relative_to(self.root).as_posix(),
                    "v": json.dumps(listing, sort_keys=True),
                },
            )

    def _fetch(self, sha256: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        with self.open_store() as store, store.read() as conn:
            originals.copy_original_to(conn, sha256, target)

    def share_file(self, name: str, make: Callable[[Path], object]) -> Path:
        """A file every session of the case must see the same (the bundle signing key).

        The first session to need it makes it with `make` and records it on the server; any
        other session, now or later, writes the recorded bytes into its scratch folder.
        """
        target = self.root / name
        key = f"{_SHARED_FILE}{name}"
        with self._files_store() as store:
            with store.read() as conn:
                held = conn.execute(
                    text("SELECT value FROM case_meta WHERE key = :k"), {"k": key}
                ).scalar()
            if held is None:
                spare = self.root / f".{name}.new"
                make(spare)
                with store.transaction() as conn:
                    conn.execute(
                        text(
                            "INSERT INTO case_meta (key, value) VALUES (:k, :v) "
                            "ON CONFLICT (key) DO NOTHING"
                        ),
                        {"k": key, "v": spare.read_text(encoding="utf-8")},
                    )
                spare.unlink()
                with store.read() as conn:
                    held = conn.execute(
                        text("SELECT value FROM case_meta WHERE key = :k"), {"k": key}
                    ).scalar_one()
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(str(held))
        return target

    @contextmanager
    def staged(self, dest: Path) -> Iterator[Path]:
        """Where to write files kept under `dest` (a bundle's master); kept on the server too."""
        with super().staged(dest) as where:
            yield where
        self._keep_tree(dest)

    def _keep_tree(self, folder: Path) -> None:
        files = [p for p in sorted(folder.rglob("*")) if p.is_file()]
        with self._files_store() as store, store.transaction() as conn:
            for path in files:
                sha = originals.store_original(conn, path)
                conn.execute(
                    text(
                        "INSERT INTO case_meta (key, value) VALUES (:k, :v) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
                    ),
                    {"k": _KEPT_FILE + path.relative_to(self.root).as_posix(), "v": sha},
                )

    def fetch_kept(self) -> int:
        """Write every file kept on the server (bundle masters) into the scratch folder.

        Returns:
            How many files were fetched (each checked against its SHA-256).
        """
        with self.open_store() as store, store.read() as conn:
            kept = conn.execute(
                text("SELECT key, value FROM case_meta WHERE key LIKE :p"),
                {"p": _KEPT_FILE + "%"},
            ).all()
            for key, sha in kept:
                relative = str(key)[len(_KEPT_FILE) :]
                if ".." in relative.split("/") or relative.startswith("/"):
                    continue  # never outside the scratch folder, whatever the row says
                target = self.root / relative
                target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                originals.copy_original_to(conn, str(sha), target)
        return len(kept)

    def discard(self) -> None:
        """Remove the scratch folder and everything fetched into it."""
        remove_tree(self.root)
