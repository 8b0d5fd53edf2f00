"""The search log and the search plan (R19, R20, R72).

Every search run through the session is recorded with who, when, the filters and the hit
counts per source. Excluding a source needs a written justification, kept with who and when;
sources that cannot be searched at all (deleted or disappearing messages) are recorded too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Column, Connection, Integer, Table, Text, insert, select

from sar_desk.core.model import ConversationId, PersonId, SourceId
from sar_desk.core.scope import SearchLogEntry, SearchStatus, SourceSearchStatus
from sar_desk.store.people import new_id, now_text
from sar_desk.store.sources import list_sources
from sar_desk.store.tables import metadata

search_log = Table(
    "search_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("origin", Text, nullable=False),
    Column("text", Text),
    Column("person_ids_json", Text, nullable=False, default="[]"),
    Column("person_names_json", Text, nullable=False, default="[]"),
    Column("person_roles_json", Text, nullable=False, default="[]"),
    Column("date_from", Text),
    Column("date_to", Text),
    Column("platforms_json", Text, nullable=False, default="[]"),
    Column("conversations_json", Text, nullable=False, default="[]"),
    Column("include_excluded", Boolean, nullable=False, default=False),
    Column("total", Integer, nullable=False),
    Column("by_source_json", Text, nullable=False, default="{}"),
    Column("by_platform_json", Text, nullable=False, default="{}"),
)

source_exclusions = Table(
    "source_exclusions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, nullable=False),
    Column("excluded", Boolean, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),
)

unavailable_sources = Table(
    "unavailable_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("custodian", Text),
    Column("description", Text, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("as_of", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),
)


def record_search(conn: Connection, entry: SearchLogEntry) -> int:
    """Append a search to the log; returns its id."""
    result = conn.execute(
        insert(search_log).values(
            at=entry.at.isoformat(timespec="seconds"),
            user=entry.user,
            origin=entry.origin,
            text=entry.text,
            person_ids_json=json.dumps([int(p) for p in entry.person_ids]),
            person_names_json=json.dumps(list(entry.person_names), ensure_ascii=False),
            person_roles_json=json.dumps(list(entry.person_roles)),
            date_from=entry.date_from.isoformat() if entry.date_from else None,
            date_to=entry.date_to.isoformat() if entry.date_to else None,
            platforms_json=json.dumps(list(entry.platforms)),
            conversations_json=json.dumps([int(c) for c in entry.conversation_ids]),
            include_excluded=entry.include_excluded,
            total=entry.total,
            by_source_json=json.dumps({str(k): v for k, v in entry.by_source.items()}),
            by_platform_json=json.dumps(entry.by_platform),
        )
    )
    return new_id(result)


def _entry(row: Any) -> SearchLogEntry:
    return SearchLogEntry(
        id=int(row.id),
        at=datetime.fromisoformat(row.at),
        user=row.user,
        origin=row.origin,
        text=row.text,
        person_ids=tuple(PersonId(p) for p in json.loads(row.person_ids_json)),
        person_names=tuple(json.loads(row.person_names_json)),
        person_roles=tuple(json.loads(row.person_roles_json)),
        date_from=datetime.fromisoformat(row.date_from) if row.date_from else None,
        date_to=datetime.fromisoformat(row.date_to) if row.date_to else None,
        platforms=tuple(json.loads(row.platforms_json)),
        conversation_ids=tuple(ConversationId(c) for c in json.loads(row.conversations_json)),
        include_excluded=bool(row.include_excluded),
        total=int(row.total),
        by_source={int(k): int(v) for k, v in json.loads(row.by_source_json).items()},
        by_platform={str(k): int(v) for k, v in json.loads(row.by_platform_json).items()},
    )


def list_searches(conn: Connection) -> list[SearchLogEntry]:
    """Every logged search, oldest first."""
    return [_entry(r) for r in conn.execute(select(search_log).order_by(search_log.c.id))]


def record_exclusion(
    conn: Connection, source_id: SourceId, excluded: bool, reason: str, user: str
) -> int:
    """Keep the history of a source being excluded from, or brought back into, the search."""
    result = conn.execute(
        insert(source_exclusions).values(
            source_id=int(source_id), excluded=excluded, reason=reason, user=user, at=now_text()
        )
    )
    return new_id(result)


def add_unavailable(
    conn: Connection,
    *,
    platform: str,
    custodian: str | None,
    description: str,
    explanation: str,
    as_of: str,
    user: str,
) -> int:
    """Record a source that could not be searched because its messages are gone (R72)."""
    result = conn.execute(
        insert(unavailable_sources).values(
            platform=platform,
            custodian=custodian,
            description=description,
            explanation=explanation,
            as_of=as_of,
            user=user,
            at=now_text(),
        )
    )
    return new_id(result)


def source_statuses(conn: Connection) -> list[SourceSearchStatus]:
    """Where each source stands: searched (found / none found), excluded, unavailable, not yet."""
    searches = list_searches(conn)
    exclusions: dict[int, Any] = {}
    for row in conn.execute(select(source_exclusions).order_by(source_exclusions.c.id)):
        exclusions[int(row.source_id)] = row
    result: list[SourceSearchStatus] = []
    for src in list_sources(conn):
        if src.excluded:
            ex = exclusions.get(int(src.id))
            result.append(
                SourceSearchStatus(
                    src.id,
                    src.platform,
                    src.original_name,
                    src.custodian,
                    SearchStatus.NOT_SEARCHED_JUSTIFIED,
                    src.exclusion_reason or "",
                    ex.at if ex is not None else None,
                    ex.user if ex is not None else None,
                )
            )
            continue
        covering = [s for s in searches if int(src.id) in s.by_source]
        if not covering:
            result.append(
                SourceSearchStatus(
                    src.id,
                    src.platform,
                    src.original_name,
                    src.custodian,
                    SearchStatus.NOT_YET_SEARCHED,
                )
            )
            continue
        found = any(s.by_source[int(src.id)] for s in covering)
        last = covering[-1]
        result.append(
            SourceSearchStatus(
                src.id,
                src.platform,
                src.original_name,
                src.custodian,
                SearchStatus.FOUND if found else SearchStatus.NONE_FOUND,
                f"{len(covering)} search(es) logged",
                last.at.isoformat(timespec="seconds"),
                last.user,
                last.by_source[int(src.id)],
            )
        )
    for row in conn.execute(select(unavailable_sources).order_by(unavailable_sources.c.id)):
        result.append(
            SourceSearchStatus(
                None,
                row.platform,
                row.description,
                row.custodian,
                SearchStatus.NOT_AVAILABLE,
                f"{row.explanation} (as of {row.as_of})",
                row.at,
                row.user,
            )
        )
    return result


def search_rows(conn: Connection) -> Sequence[dict[str, Any]]:
    """The search log as plain rows (one per search) for tables and exports."""
    rows = []
    for e in list_searches(conn):
        rows.append(
            {
                "id": e.id,
                "at": e.at.isoformat(timespec="seconds"),
                "user": e.user,
                "origin": e.origin,
                "text": e.text or "",
                "person_ids": ", ".join(str(p) for p in e.person_ids),
                "people": "; ".join(e.person_names),
                "as": ", ".join(e.person_roles),
                "date_from": e.date_from.isoformat() if e.date_from else "",
                "date_to": e.date_to.isoformat() if e.date_to else "",
                "platforms": ", ".join(e.platforms),
                "conversations": ", ".join(str(c) for c in e.conversation_ids),
                "include_excluded": e.include_excluded,
                "hits": e.total,
                "hits_by_source": json.dumps(e.by_source, sort_keys=True),
                "hits_by_platform": json.dumps(e.by_platform, sort_keys=True),
            }
        )
    return rows
