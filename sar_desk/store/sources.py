"""Sources: the imported export files, their hashes and import reports."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from sar_desk.core.model import Source, SourceId
from sar_desk.store.tables import sources


def _to_source(row: Row[Any]) -> Source:
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
    )


def find_by_sha(conn: Connection, sha256: str) -> Source | None:
    """The source already imported with this hash, if any."""
    row = conn.execute(select(sources).where(sources.c.sha256 == sha256)).first()
    return _to_source(row) if row else None


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
    return SourceId(int(key[0]))


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


def list_sources(conn: Connection) -> list[Source]:
    """Every source in import order."""
    return [_to_source(row) for row in conn.execute(select(sources).order_by(sources.c.id))]


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
