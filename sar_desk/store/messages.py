"""Reading messages: by id, by conversation, and by search query with keyset paging."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Row,
    Select,
    and_,
    column,
    exists,
    func,
    or_,
    select,
    text,
    tuple_,
)

from sar_desk.core.identity import clean_whitespace
from sar_desk.core.model import (
    Attachment,
    Conversation,
    ConversationId,
    Message,
    MessageId,
    MessageKind,
    ParticipantId,
    Reaction,
    SourceId,
)
from sar_desk.core.search import SearchQuery
from sar_desk.store.fts import FTS_TABLE, simple_match
from sar_desk.store.tables import conversations, message_sources, messages, sources
from sar_desk.store.writer import to_micros

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Cursor = tuple[int, int]
"""Keyset position: (sent_at micros, message id) of the last row of the previous page."""


def from_micros(micros: int, offset_minutes: int) -> datetime:
    """An aware datetime in the message's own offset."""
    moment = _EPOCH + timedelta(microseconds=micros)
    return moment.astimezone(timezone(timedelta(minutes=offset_minutes)))


def _columns() -> list[Any]:
    return [
        messages,
        conversations.c.title.label("conv_title"),
        conversations.c.platform.label("conv_platform"),
    ]


def _base() -> Select[Any]:
    return select(*_columns()).join(conversations, conversations.c.id == messages.c.conversation_id)


def to_message(row: Row[Any], source_ids: Sequence[int] = ()) -> Message:
    """Convert a joined message row to a `Message`."""
    return Message(
        id=MessageId(row.id),
        conversation_id=ConversationId(row.conversation_id),
        conversation=row.conv_title,
        platform=row.conv_platform,
        sender=row.sender,
        sender_id=row.sender_id,
        timestamp=from_micros(row.sent_at, row.utc_offset),
        kind=MessageKind(row.kind),
        text=row.text,
        attachments=tuple(Attachment(**a) for a in json.loads(row.attachments_json)),
        reply_to=MessageId(row.reply_to) if row.reply_to is not None else None,
        edited=bool(row.edited),
        source_ids=tuple(SourceId(s) for s in source_ids),
        participant_id=ParticipantId(row.participant_id) if row.participant_id else None,
        reactions=tuple(Reaction(**r) for r in json.loads(row.reactions_json)),
        mentions=tuple(json.loads(row.mentions_json)),
        platform_message_id=row.platform_message_id,
    )


def _sources_for(conn: Connection, ids: Sequence[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for msg_id, src_id in conn.execute(
            select(message_sources.c.message_id, message_sources.c.source_id)
            .where(message_sources.c.message_id.in_(chunk))
            .order_by(message_sources.c.source_id)
        ):
            found[int(msg_id)].append(int(src_id))
    return found


def _hydrate(conn: Connection, rows: Sequence[Row[Any]]) -> list[Message]:
    links = _sources_for(conn, [int(r.id) for r in rows])
    return [to_message(r, links[int(r.id)]) for r in rows]


def get_messages(conn: Connection, ids: Sequence[int]) -> list[Message]:
    """Messages by id, in the order given (missing ids are left out)."""
    rows: dict[int, Row[Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for row in conn.execute(_base().where(messages.c.id.in_(chunk))):
            rows[int(row.id)] = row
    ordered = [rows[i] for i in ids if i in rows]
    return _hydrate(conn, ordered)


def conversation_page(
    conn: Connection, conversation_id: int, after: Cursor | None = None, limit: int = 200
) -> list[Message]:
    """Messages of one conversation in time order, a page at a time."""
    stmt = _base().where(messages.c.conversation_id == conversation_id)
    if after is not None:
        stmt = stmt.where(tuple_(messages.c.sent_at, messages.c.id) > tuple_(*after))
    rows = conn.execute(stmt.order_by(messages.c.sent_at, messages.c.id).limit(limit)).all()
    return _hydrate(conn, rows)


def context_around(conn: Connection, message: Message, before: int, after: int) -> list[Message]:
    """The message with up to `before` earlier and `after` later messages of its conversation."""
    key = (to_micros(message.timestamp), int(message.id))
    pos = tuple_(messages.c.sent_at, messages.c.id)
    conv = messages.c.conversation_id == message.conversation_id
    earlier = conn.execute(
        _base().where(conv, pos < tuple_(*key))
        .order_by(messages.c.sent_at.desc(), messages.c.id.desc()).limit(before)
    ).all()
    later = conn.execute(
        _base().where(conv, pos >= tuple_(*key)).order_by(messages.c.sent_at, messages.c.id)
        .limit(after + 1)
    ).all()
    return _hydrate(conn, list(reversed(earlier)) + list(later))


def _filters(query: SearchQuery) -> list[Any]:
    clauses: list[Any] = []
    if query.text:
        match = simple_match(query.text)
        if match is None:
            clauses.append(text("0"))
        else:
            clauses.append(
                messages.c.id.in_(
                    text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match")
                    .bindparams(match=match)
                    .columns(column("rowid", Integer))
                )
            )
    if query.date_from is not None:
        clauses.append(messages.c.sent_at >= to_micros(query.date_from))
    if query.date_to is not None:
        clauses.append(messages.c.sent_at < to_micros(query.date_to))
    if query.senders:
        wanted = [clean_whitespace(s).casefold() for s in query.senders]
        clauses.append(
            or_(
                func.lower(messages.c.sender).in_(wanted),
                func.lower(messages.c.sender_id).in_(wanted),
            )
        )
    if query.platforms:
        clauses.append(conversations.c.platform.in_(list(query.platforms)))
    if query.conversation_ids:
        clauses.append(messages.c.conversation_id.in_([int(c) for c in query.conversation_ids]))
    if not query.include_excluded:
        # A message counts while at least one of its sources is in the search plan.
        clauses.append(
            exists().where(
                message_sources.c.message_id == messages.c.id,
                message_sources.c.source_id == sources.c.id,
                sources.c.excluded.is_(False),
            )
        )
    return clauses


def search_page(
    conn: Connection,
    query: SearchQuery,
    after: Cursor | None = None,
    limit: int = 100,
    extra: Sequence[Any] = (),
) -> list[Message]:
    """One page of hits in time order; pass the last hit's cursor to get the next page."""
    stmt = _base().where(and_(True, *_filters(query), *extra))
    if after is not None:
        stmt = stmt.where(tuple_(messages.c.sent_at, messages.c.id) > tuple_(*after))
    rows = conn.execute(stmt.order_by(messages.c.sent_at, messages.c.id).limit(limit)).all()
    return _hydrate(conn, rows)


def search_count(conn: Connection, query: SearchQuery, extra: Sequence[Any] = ()) -> int:
    """How many messages match (a separate query from the pages)."""
    stmt = (
        select(func.count())
        .select_from(messages.join(conversations, conversations.c.id == messages.c.conversation_id))
        .where(and_(True, *_filters(query), *extra))
    )
    return int(conn.execute(stmt).scalar_one())


def cursor_of(message: Message) -> Cursor:
    """The keyset cursor just after a message."""
    return (to_micros(message.timestamp), int(message.id))


def list_conversations(conn: Connection) -> list[Conversation]:
    """Every conversation with its message count."""
    count = (
        select(func.count()).where(messages.c.conversation_id == conversations.c.id)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(conversations, count.label("n")).order_by(conversations.c.platform, conversations.c.title)
    )
    return [
        Conversation(ConversationId(r.id), r.platform, r.key, r.title, int(r.n)) for r in rows
    ]


def message_counts(conn: Connection) -> dict[str, int]:
    """Counts of messages by kind."""
    rows = conn.execute(select(messages.c.kind, func.count()).group_by(messages.c.kind))
    return {str(kind): int(n) for kind, n in rows}
