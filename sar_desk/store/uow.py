"""A unit of work over the case store: one transaction, repositories that speak `core` types.

This is the shape store access is moving to (issue 12, item 1): a caller opens a unit of work,
uses its repositories, and never holds a SQLAlchemy object, so the same interface can later sit
on another database. Today it covers the session's own plumbing (the case record, the audit
log, the source list; see `app.base` and `app.session`); the feature areas still pass
connections, and ``tests/unit/test_sql_stays_in_store.py`` lists where.

    with unit_of_work(store, write=True) as uow:
        uow.case.save(case)
        uow.audit.append(user, "case-updated", {"fields": 2})

Everything done in one write unit commits together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

from sar_desk.core.model import Case, Source
from sar_desk.store import audit, case_meta, sources
from sar_desk.store.db import Store


class CaseRepository:
    """The case record (reference, regime, dates, requester, aliases)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def load(self) -> Case:
        """The case record.

        Raises:
            CaseDamagedError: The record is missing or unreadable.
        """
        return case_meta.load_case(self._conn)

    def save(self, case: Case) -> None:
        """Replace the case record."""
        case_meta.save_case(self._conn, case)


class AuditRepository:
    """The hash-chained audit log: entries are only ever appended."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def append(self, user: str, action: str, details: dict[str, Any]) -> None:
        """Record one action, in the same transaction as the change it records.

        `details` holds ids and counts, never message text or names.
        """
        audit.append(self._conn, user, action, details)

    def upgrade_pending(self) -> bool:
        """Whether the case predates sealed decisions and the head file (schema step 15)."""
        return audit.upgrade_pending(self._conn)

    def finish_upgrade(self, user: str) -> None:
        """Seal the decisions recorded before step 15 into one entry and start the head file."""
        audit.finish_upgrade(self._conn, user)


class SourceRepository:
    """The imported exports (sources) of the case."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def list(self) -> list[Source]:
        """Every source, in the order they were imported."""
        return sources.list_sources(self._conn)


class UnitOfWork:
    """The repositories of one transaction."""

    def __init__(self, conn: Connection) -> None:
        self.case = CaseRepository(conn)
        self.audit = AuditRepository(conn)
        self.sources = SourceRepository(conn)


@contextmanager
def unit_of_work(store: Store, *, write: bool = False) -> Iterator[UnitOfWork]:
    """A unit of work on `store`: a write transaction if `write`, else a read snapshot.

    A write unit commits when the block ends and rolls everything back if it raises.
    """
    with store.transaction() if write else store.read() as conn:
        yield UnitOfWork(conn)
