"""Attachments in the case: their rows, the text read out of them, its search index and findings.

Tables are defined in `store.tables` (step 17). Text is keyed by content hash, so a photo sent
twice is read once and both attachments are searchable by it. ``attachments_fts`` holds each
attachment's text under the attachment's id; `message_ids_matching` turns a match into message
ids so a search finds a message by the text in its photo.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

from sqlalchemy import Connection, Integer, Row, column, delete, func, insert, select, text

from sar_desk.core.attachments import (
    AttachmentFinding,
    AttachmentPlan,
    AttachmentStatus,
    AttachmentText,
    StoredAttachment,
    TextKind,
    WordBox,
)
from sar_desk.core.model import MessageId, PersonId, SourceId
from sar_desk.store.fts import ATTACHMENTS_FTS_TABLE
from sar_desk.store.tables import (
    attachment_findings,
    attachment_texts,
    attachments,
    message_sources,
    messages,
    scanned_attachments,
)

_T = TypeVar("_T")

FTS_TABLE: Final = ATTACHMENTS_FTS_TABLE
_CHUNK: Final = 500

# The same SQL as step 17, for building a database from today's definitions (tests).
CREATE_FTS: Final = (
    f'CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, tokenize="unicode61 remove_diacritics 2")',
    f"CREATE TRIGGER attachments_fts_ad AFTER DELETE ON attachments BEGIN "
    f"DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END",
)


def create_fts(conn: Connection) -> None:
    """Create the attachment text index and its trigger (a models-built database only)."""
    for statement in CREATE_FTS:
        conn.exec_driver_sql(statement)


# ---------------------------------------------------------------- attachments


def add_attachments(
    conn: Connection, items: Sequence[tuple[MessageId, SourceId, AttachmentPlan]]
) -> list[int]:
    """Store attachment rows (inside the import transaction); returns their ids in order.

    An attachment whose content was already read (the same photo in an earlier import) is
    indexed for search at once.
    """
    ids: list[int] = []
    for message_id, source_id, plan in items:
        result = conn.execute(
            insert(attachments).values(
                message_id=int(message_id),
                source_id=int(source_id),
                position=plan.position,
                name=plan.name,
                declared_type=plan.declared_type,
                media_type=plan.media_type,
                size=plan.size,
                sha256=plan.sha256,
                status=str(plan.status),
                reason=plan.reason,
                stored_path=plan.stored_path,
            )
        )
        key = result.inserted_primary_key
        assert key is not None  # SQLite reports it for a single-row insert
        ids.append(int(key[0]))
    shas = sorted({p.sha256 for _, _, p in items if p.sha256})
    for start in range(0, len(shas), _CHUNK):
        _index(conn, shas[start : start + _CHUNK], only_ids=ids)
    return ids


def resolve_message_ids(
    conn: Connection, source_id: int, items: Sequence[tuple[int, str, _T]]
) -> list[tuple[int | None, str, _T]]:
    """Message ids as stored once an import merged its copies (a merged row's id is gone).

    A merged row's source link moved to the stored copy, so it is found by the record's
    location in the source; None when that location is not unique.
    """
    ids = sorted({i for i, _, _ in items})
    alive: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        alive |= {
            int(r[0]) for r in conn.execute(select(messages.c.id).where(messages.c.id.in_(chunk)))
        }
    out: list[tuple[int | None, str, _T]] = []
    for message_id, location, payload in items:
        found: int | None = message_id
        if message_id not in alive:
            rows = conn.execute(
                select(message_sources.c.message_id).where(
                    message_sources.c.source_id == source_id,
                    message_sources.c.location == location,
                )
            ).all()
            found = int(rows[0][0]) if len(rows) == 1 else None
        out.append((found, location, payload))
    return out


def _to_attachment(row: Row[Any]) -> StoredAttachment:
    return StoredAttachment(
        id=int(row.id),
        message_id=MessageId(row.message_id),
        source_id=SourceId(row.source_id),
        position=int(row.position),
        name=row.name,
        declared_type=row.declared_type,
        media_type=row.media_type,
        size=int(row.size),
        sha256=row.sha256,
        status=AttachmentStatus(row.status),
        reason=row.reason,
        stored_path=row.stored_path,
        text_kind=TextKind(row.kind) if row.kind else TextKind.NONE,
        text=row.text or "",
    )


def _select() -> Any:
    return select(attachments, attachment_texts.c.kind, attachment_texts.c.text).select_from(
        attachments.outerjoin(attachment_texts, attachment_texts.c.sha256 == attachments.c.sha256)
    )


def get_attachment(conn: Connection, attachment_id: int) -> StoredAttachment | None:
    """One attachment by id, with its text if read."""
    row = conn.execute(_select().where(attachments.c.id == attachment_id)).first()
    return _to_attachment(row) if row else None


def attachments_of(
    conn: Connection, message_ids: Sequence[int]
) -> dict[MessageId, list[StoredAttachment]]:
    """The attachments of some messages, in their order within each message."""
    out: dict[MessageId, list[StoredAttachment]] = {}
    for start in range(0, len(message_ids), _CHUNK):
        chunk = [int(m) for m in message_ids[start : start + _CHUNK]]
        stmt = (
            _select()
            .where(attachments.c.message_id.in_(chunk))
            .order_by(attachments.c.message_id, attachments.c.position, attachments.c.id)
        )
        for row in conn.execute(stmt):
            item = _to_attachment(row)
            out.setdefault(item.message_id, []).append(item)
    return out


def list_attachments(
    conn: Connection, *, source_id: int | None = None, status: AttachmentStatus | None = None
) -> list[StoredAttachment]:
    """Every attachment (of one source, or with one status), in message order."""
    stmt = _select().order_by(attachments.c.message_id, attachments.c.position, attachments.c.id)
    if source_id is not None:
        stmt = stmt.where(attachments.c.source_id == source_id)
    if status is not None:
        stmt = stmt.where(attachments.c.status == str(status))
    return [_to_attachment(r) for r in conn.execute(stmt)]


def stored_paths(conn: Connection) -> set[str]:
    """Every kept copy's path (relative to the case folder), for the orphan sweep."""
    rows = conn.execute(
        select(attachments.c.stored_path).where(attachments.c.stored_path.is_not(None))
    )
    return {str(r[0]) for r in rows}


def status_counts(conn: Connection) -> dict[str, int]:
    """How many attachments are kept, refused and missing."""
    rows = conn.execute(select(attachments.c.status, func.count()).group_by(attachments.c.status))
    return {str(s): int(n) for s, n in rows}


# ---------------------------------------------------------------- text


def unread(conn: Connection, limit: int = 1000) -> list[tuple[str, str, str]]:
    """(sha256, stored path, media type) of kept files whose text has not been read yet."""
    stmt = (
        select(attachments.c.sha256, func.min(attachments.c.stored_path), attachments.c.media_type)
        .where(
            attachments.c.status == str(AttachmentStatus.KEPT),
            attachments.c.sha256.is_not(None),
            attachments.c.sha256.not_in(select(attachment_texts.c.sha256)),
        )
        .group_by(attachments.c.sha256, attachments.c.media_type)
        .order_by(attachments.c.sha256)
        .limit(limit)
    )
    return [(str(s), str(p), str(m)) for s, p, m in conn.execute(stmt)]


def _boxes_json(boxes: Sequence[WordBox]) -> str:
    return json.dumps(
        [[b.text, b.page, b.x0, b.y0, b.x1, b.y1, b.start, b.end] for b in boxes],
        separators=(",", ":"),
    )


def save_text(conn: Connection, item: AttachmentText) -> None:
    """Record the text read from a file (once per content hash) and index every copy of it."""
    conn.execute(
        insert(attachment_texts)
        .prefix_with("OR REPLACE")
        .values(
            sha256=item.sha256,
            kind=str(item.kind),
            text=item.text,
            boxes_json=_boxes_json(item.boxes),
            pages=item.pages,
            engine=item.engine,
            extracted_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    _index(conn, [item.sha256])


def _index(conn: Connection, shas: Sequence[str], only_ids: Sequence[int] | None = None) -> None:
    """(Re)write the search index rows of the attachments holding these contents."""
    stmt = (
        select(attachments.c.id, attachment_texts.c.text)
        .join(attachment_texts, attachment_texts.c.sha256 == attachments.c.sha256)
        .where(attachments.c.sha256.in_(list(shas)), attachment_texts.c.text != "")
    )
    if only_ids is not None:
        stmt = stmt.where(attachments.c.id.in_(list(only_ids)))
    rows = [{"id": int(i), "text": str(t)} for i, t in conn.execute(stmt)]
    if not rows:
        return
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), rows)
    conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (:id, :text)"), rows)


def get_text(conn: Connection, sha256: str) -> AttachmentText | None:
    """The text read from a file, with its word boxes; None if not read yet."""
    row = conn.execute(select(attachment_texts).where(attachment_texts.c.sha256 == sha256)).first()
    if row is None:
        return None
    boxes = tuple(
        WordBox(str(t), int(p), float(a), float(b), float(c), float(d), int(s), int(e))
        for t, p, a, b, c, d, s, e in json.loads(row.boxes_json)
    )
    return AttachmentText(row.sha256, TextKind(row.kind), row.text, boxes, row.pages, row.engine)


def message_ids_matching(expression: str, name: str) -> Any:
    """A SELECT of message ids whose attachments' text matches an FTS5 expression.

    Args:
        expression: An FTS5 expression built by `store.query_language` (never user text).
        name: The bind parameter name to use (unique within the statement).
    """
    return (
        text(
            f"SELECT a.message_id AS rowid FROM attachments a WHERE a.id IN "
            f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{name})"
        )
        .bindparams(**{name: expression})
        .columns(column("rowid", Integer))
    )


# ---------------------------------------------------------------- findings


def save_findings(conn: Connection, items: Iterable[AttachmentFinding]) -> int:
    """Store detection's proposals in attachment text; returns how many were written."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [
        {
            "attachment_id": f.attachment_id,
            "message_id": int(f.message_id),
            "start": f.start,
            "end": f.end,
            "text": f.text,
            "entity_type": f.entity_type,
            "score": f.score,
            "recognizer": f.recognizer,
            "explanation": f.explanation,
            "person_id": int(f.person_id) if f.person_id is not None else None,
            "created_at": now,
        }
        for f in items
    ]
    if rows:
        conn.execute(insert(attachment_findings), rows)
    return len(rows)


def clear_findings(conn: Connection, attachment_ids: Sequence[int]) -> None:
    """Drop the proposals of some attachments (before detection reads them again)."""
    for start in range(0, len(attachment_ids), _CHUNK):
        chunk = list(attachment_ids[start : start + _CHUNK])
        conn.execute(
            delete(attachment_findings).where(attachment_findings.c.attachment_id.in_(chunk))
        )


def unscanned(conn: Connection, after: int = 0, limit: int = 200) -> list[StoredAttachment]:
    """Attachments with text, whose message detection has scanned but whose text it has not."""
    scanned_message = text("SELECT message_id FROM scanned_messages").columns(
        column("message_id", Integer)
    )
    stmt = (
        _select()
        .where(
            attachments.c.id > after,
            attachment_texts.c.text != "",
            attachments.c.message_id.in_(scanned_message),
            attachments.c.id.not_in(select(scanned_attachments.c.attachment_id)),
        )
        .order_by(attachments.c.id)
        .limit(limit)
    )
    return [_to_attachment(r) for r in conn.execute(stmt)]


def mark_scanned(conn: Connection, run_id: int, attachment_ids: Sequence[int]) -> None:
    """Record that a detection run scanned these attachments' text (with their findings)."""
    if attachment_ids:
        conn.execute(
            insert(scanned_attachments),
            [{"attachment_id": int(i), "run_id": run_id} for i in attachment_ids],
        )


def _to_finding(row: Row[Any]) -> AttachmentFinding:
    return AttachmentFinding(
        attachment_id=int(row.attachment_id),
        message_id=MessageId(row.message_id),
        start=int(row.start),
        end=int(row.end),
        text=row.text,
        entity_type=row.entity_type,
        score=float(row.score),
        recognizer=row.recognizer,
        explanation=row.explanation,
        person_id=PersonId(row.person_id) if row.person_id is not None else None,
        id=int(row.id),
    )


def findings_of(conn: Connection, attachment_ids: Sequence[int]) -> list[AttachmentFinding]:
    """The proposals in some attachments' text, in attachment and offset order."""
    out: list[AttachmentFinding] = []
    for start in range(0, len(attachment_ids), _CHUNK):
        chunk = list(attachment_ids[start : start + _CHUNK])
        stmt = (
            select(attachment_findings)
            .where(attachment_findings.c.attachment_id.in_(chunk))
            .order_by(
                attachment_findings.c.attachment_id,
                attachment_findings.c.start,
                attachment_findings.c.id,
            )
        )
        out.extend(_to_finding(r) for r in conn.execute(stmt))
    return out


def get_finding(conn: Connection, finding_id: int) -> AttachmentFinding | None:
    """One proposal in attachment text by id."""
    row = conn.execute(
        select(attachment_findings).where(attachment_findings.c.id == finding_id)
    ).first()
    return _to_finding(row) if row else None
