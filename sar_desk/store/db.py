"""Opening a case database: engine, pragmas, transactions and migrations.

One `Store` per thread: a worker opens its own (SQLite connections may not cross threads).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, RootTransaction, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import NullPool

from sar_desk.core.errors import (
    CaseBusyError,
    CaseDamagedError,
    CaseNotFoundError,
    Hint,
    StoreTooNewError,
)
from sar_desk.store import audit_marks, cipher_db
from sar_desk.store.migrations import MIGRATIONS, latest_version
from sar_desk.store.running import active_tasks

SCHEMA_VERSION = latest_version()

BUSY_TIMEOUT_MS = 2000
"""How long SQLite itself waits for a lock on each attempt (its own short back-off)."""
WAIT_SECONDS = 30.0
"""How long a writer keeps trying, with growing pauses, before saying who holds the case."""


def _make_engine(path: Path, key_hex: str | None = None) -> Engine:
    # NullPool: every Store owns its connections and closes them; nothing lingers across threads.
    if key_hex is None:
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    else:
        engine = cipher_db.make_engine(path, key_hex)  # an encrypted case

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from pysqlite so BEGIN covers DDL and DML alike.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        # Deleted pages are zeroed so removed case data does not linger in the file.
        cur.execute("PRAGMA secure_delete=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the lock up front so two writers fail fast instead of deadlocking;
        # readers use a deferred BEGIN so they never block a writer (WAL).
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.pop("write", False) else "BEGIN")

    @event.listens_for(engine, "commit")
    def _on_commit(conn: Connection) -> None:
        # Runs before the database commits, while this writer still holds the lock, so the
        # head file (outside case.db, issue 17) always names the newest committed entry.
        head = conn.info.pop(audit_marks.PENDING_HEAD, None)
        audit_marks.take_rows(conn.info)
        if head is None:
            return
        try:
            audit_marks.write_head(path.parent, head)
        except OSError as exc:
            # A change the head file cannot follow is not made: undo it, then say why.
            dbapi = conn.connection.dbapi_connection
            if dbapi is not None:
                dbapi.rollback()
            raise CaseDamagedError(
                f"The audit head file in {path.parent} cannot be written ({exc.strerror}), so "
                "nothing was changed. Check that the case folder is writable."
            ) from exc

    @event.listens_for(engine, "rollback")
    def _on_rollback(conn: Connection) -> None:
        conn.info.pop(audit_marks.PENDING_HEAD, None)
        audit_marks.take_rows(conn.info)

    return engine


class Store:
    """An open case database.

    Use `read()` for queries and `transaction()` for writes; both yield a SQLAlchemy
    `Connection`. Store modules take that connection as their first argument.
    """

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine
        self._conn: Connection | None = None
        self._write_depth = 0

    @property
    def conn(self) -> Connection:
        """The store's connection (opened on first use, on the calling thread)."""
        if self._conn is None:
            self._conn = self._engine.connect()
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Run a block in one write transaction: everything commits or nothing does.

        Nested use joins the outer transaction, which decides.
        """
        conn = self.conn
        if self._write_depth:
            self._write_depth += 1
            try:
                yield conn
            finally:
                self._write_depth -= 1
            return
        if conn.in_transaction():
            conn.commit()  # end a read snapshot before taking the write lock
        self._write_depth = 1
        try:
            with self._begin_write(conn):
                yield conn
        finally:
            self._write_depth = 0
            conn.info.pop("write", None)

    def _begin_write(self, conn: Connection) -> RootTransaction:
        """Take the write lock, waiting with growing pauses while another writer holds it.

        Raises:
            CaseBusyError: The case stayed busy; the message says which task holds it.
        """
        deadline = time.monotonic() + WAIT_SECONDS
        pause = 0.25
        while True:
            conn.info["write"] = True
            try:
                return conn.begin()
            except OperationalError as exc:
                if not _is_busy(exc):
                    raise
                if conn.in_transaction():
                    conn.rollback()
                if time.monotonic() + pause > deadline:
                    raise _busy_error(self.path) from exc
                time.sleep(pause)
                pause = min(pause * 2, 4.0)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries; the read snapshot ends with the block."""
        conn = self.conn
        try:
            yield conn
        finally:
            if not self._write_depth and conn.in_transaction():
                conn.commit()

    def user_version(self) -> int:
        """The schema version recorded in the file."""
        with self.read() as conn:
            value = conn.exec_driver_sql("PRAGMA user_version").scalar()
        return int(value or 0)

    def close(self) -> None:
        """Close the connection and release the file."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_busy(exc: OperationalError) -> bool:
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(orig)


def _busy_error(path: Path) -> CaseBusyError:
    tasks = active_tasks(path.parent)
    holder = "; ".join(t.sentence() for t in tasks) if tasks else "another window or process"
    return CaseBusyError(
        f"The case {path.parent.name} is busy ({holder}), so nothing was changed. Try again "
        "when that has finished."
    )


def _migrate(store: Store) -> None:
    current = store.user_version()
    if current > SCHEMA_VERSION:
        raise StoreTooNewError(
            f"This case ({store.path.parent.name}) was saved by a newer release of SAR Desk "
            f"(case format {current}, this release reads up to {SCHEMA_VERSION}). "
            "Install the latest release to open it."
        )
    for version, step in sorted(MIGRATIONS, key=lambda item: item[0]):
        if version <= current:
            continue
        with store.transaction() as conn:
            step(conn)
            conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def open_store(path: Path, *, create: bool = False, key_hex: str | None = None) -> Store:
    """Open (or create) a case database and bring its schema up to date.

    Args:
        path: The ``case.db`` file.
        create: Create the file if it does not exist.
        key_hex: The database key of an encrypted case (SQLCipher), else None.

    Raises:
        CaseNotFoundError: The file does not exist and `create` is false.
        StoreTooNewError: The file was written by a newer release.
        CaseDamagedError: The file is not a readable database.
    """
    if not create and not path.exists():
        raise CaseNotFoundError(
            f"There is no case database at {path}. Check the case folder, or create the case.",
            hint=Hint.CREATE_CASE,
        )
    store = Store(path, _make_engine(path, key_hex))
    try:
        _migrate(store)
    except (DatabaseError, OperationalError) as exc:
        store.close()
        raise CaseDamagedError(
            f"The case database {path} cannot be read ({exc.orig}). Restore the case folder from "
            "a backup, or contact support with this message."
        ) from exc
    except BaseException:
        store.close()
        raise
    return store
