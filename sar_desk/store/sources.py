"""Sources: the imported export files, their hashes and import reports."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update

from sar_desk.core.model import Source, SourceId
from sar_desk.store.tables import message_sources, source_custodians, sources


def _to_source(
    row: Row[Any],
    custodians: dict[int, list[str]] | None = None,
    shared: dict[int, list[tuple[SourceId, int]]] | None = None,
) -> Source:
    return Source(
        id=SourceId(row.id),
        platform=row.platform,
        original_name=row.original_name,
        stored_path=row.stored_path,
        sha256=row.sha256,
        size=int(row.size),
        custodian=row.custodian,
        imported_at=datetime.fromisoformat(row.imported_at),
        importer_version=row.importer_version,
        message_count=int(row.message_count),
        system_count=int(row.system_count),
        issue_count=int(row.issue_count),
        duplicate_count=int(row.duplicate_count),
        excluded=bool(row.excluded),
        exclusion_reason=row.exclusion_reason,
        settings=json.loads(row.settings_json or "{}"),
        custodians=tuple((custodians or {}).get(row.id, [])),
        shared=tuple((shared or {}).get(row.id, [])),
    )


def find_by_sha(conn: Connection, sha256: str) -> Source | None:
    """The source already imported with this hash, if any."""
    row = conn.execute(select(sources).where(sources.c.sha256 == sha256)).first()
    return _to_source(row, _custodians(conn)) if row else None


def add_source(
    conn: Connection,
    *,
    platform: str,
    original_name: str,
    stored_path: str,
    sha256: str,
    size: int,
    custodian: str | None,
    imported_at: datetime,
    importer_version: str,
) -> SourceId:
    """Insert a source row (counts are filled in by `finish_source`)."""
    result = conn.execute(
        insert(sources).values(
            platform=platform,
            original_name=original_name,
            stored_path=stored_path,
            sha256=sha256,
            size=size,
            custodian=custodian,
            imported_at=imported_at.isoformat(),
            importer_version=importer_version,
            message_count=0,
            system_count=0,
            issue_count=0,
            duplicate_count=0,
            excluded=False,
            settings_json="{}",
            report_json="{}",
        )
    )
    key = result.inserted_primary_key
    assert key is not None  # an INSERT on a table with a primary key always returns one
    if custodian:
        add_custodian(conn, SourceId(int(key[0])), custodian, imported_at, "")
    return SourceId(int(key[0]))


def add_custodian(
    conn: Connection, source_id: SourceId, custodian: str, at: datetime, user: str
) -> bool:
    """Record that a custodian handed over this source; False if they were already recorded."""
    known = conn.execute(
        select(source_custodians.c.custodian).where(
            source_custodians.c.source_id == source_id,
            func.lower(source_custodians.c.custodian) == custodian.casefold(),
        )
    ).first()
    if known is not None:
        return False
    conn.execute(
        insert(source_custodians).values(
            source_id=source_id, custodian=custodian, added_at=at.isoformat(), added_by=user
        )
    )
    return True


def _custodians(conn: Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = conn.execute(
        select(source_custodians.c.source_id, source_custodians.c.custodian).order_by(
            source_custodians.c.added_at, source_custodians.c.custodian
        )
    )
    for source_id, custodian in rows:
        found.setdefault(int(source_id), []).append(custodian)
    return found


def _shared(
    conn: Connection, source_id: int | None = None
) -> dict[int, list[tuple[SourceId, int]]]:
    """For each source (or one), the other sources holding copies of its messages, and how many."""
    mine, other = message_sources.alias("mine"), message_sources.alias("other")
    stmt = (
        select(mine.c.source_id, other.c.source_id, func.count())
        .join(other, other.c.message_id == mine.c.message_id)
        .where(other.c.source_id != mine.c.source_id)
        .group_by(mine.c.source_id, other.c.source_id)
        .order_by(mine.c.source_id, other.c.source_id)
    )
    if source_id is not None:
        stmt = stmt.where(mine.c.source_id == source_id)
    found: dict[int, list[tuple[SourceId, int]]] = {}
    for mine_id, other_id, count in conn.execute(stmt):
        found.setdefault(int(mine_id), []).append((SourceId(int(other_id)), int(count)))
    return found


def finish_source(
    conn: Connection,
    source_id: SourceId,
    *,
    message_count: int,
    system_count: int,
    duplicate_count: int,
    issue_count: int,
    settings: dict[str, str],
    report: dict[str, Any],
) -> None:
    """Record an import's counts, settings (date order, time zone) and report."""
    conn.execute(
        update(sources)
        .where(sources.c.id == source_id)
        .values(
            message_count=message_count,
            system_count=system_count,
            duplicate_count=duplicate_count,
            issue_count=issue_count,
            settings_json=json.dumps(settings, sort_keys=True),
            report_json=json.dumps(report, sort_keys=True),
        )
    )


def list_sources(conn: Connection, *, shares: bool = False) -> list[Source]:
    """Every source in import order, with its custodians.

    With `shares`, each also lists the other sources holding copies of its messages (one pass
    over every message's source links, so only the case summary asks for it).
    """
    custodians, shared = _custodians(conn), _shared(conn) if shares else {}
    rows = conn.execute(select(sources).order_by(sources.c.id))
    return [_to_source(row, custodians, shared) for row in rows]


def get_source(conn: Connection, source_id: SourceId) -> Source:
    """One source, with its custodians and the sources it shares copies with."""
    row = conn.execute(select(sources).where(sources.c.id == source_id)).one()
    return _to_source(row, _custodians(conn), _shared(conn, source_id))


def source_report(conn: Connection, source_id: SourceId) -> dict[str, Any]:
    """The stored import report of one source (issues, warnings, limitations)."""
    raw = conn.execute(select(sources.c.report_json).where(sources.c.id == source_id)).scalar()
    return dict(json.loads(raw or "{}"))


def set_excluded(conn: Connection, source_id: SourceId, excluded: bool, reason: str | None) -> None:
    """Exclude a source from searches (with a recorded justification) or bring it back."""
    conn.execute(
        update(sources)
        .where(sources.c.id == source_id)
        .values(excluded=excluded, exclusion_reason=reason)
    )


def set_stored_path(conn: Connection, source_id: SourceId, stored_path: str) -> None:
    """Record where the read-only original was kept (relative to the case folder)."""
    conn.execute(update(sources).where(sources.c.id == source_id).values(stored_path=stored_path))
