"""Reading messages: by id, by conversation, and by search query with keyset paging."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (
    Connection,
    Row,
    Select,
    and_,
    column,
    exists,
    false,
    func,
    or_,
    select,
    table,
    text,
    tuple_,
    union,
)

from sar_desk.core.errors import BadSearchError
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
from sar_desk.store.fts import FTS_TABLE, MENTIONS_TABLE, digits_ids, fts_ids, search_clause
from sar_desk.store.person_terms import person_terms
from sar_desk.store.query_language import fts_expression, parse_query, quote_term
from sar_desk.store.row_values import to_micros
from sar_desk.store.tables import (
    conversation_members,
    conversations,
    message_sources,
    messages,
    sources,
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Created with raw DDL in store.fts (a WITHOUT ROWID table); a lightweight handle for queries.
message_mentions = table(MENTIONS_TABLE, column("message_id"), column("value"))

PERSON_ROLES = ("sender", "participant", "mentioned")

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
        _base()
        .where(conv, pos < tuple_(*key))
        .order_by(messages.c.sent_at.desc(), messages.c.id.desc())
        .limit(before)
    ).all()
    later = conn.execute(
        _base()
        .where(conv, pos >= tuple_(*key))
        .order_by(messages.c.sent_at, messages.c.id)
        .limit(after + 1)
    ).all()
    return _hydrate(conn, list(reversed(earlier)) + list(later))


def _person_ids(conn: Connection, query: SearchQuery) -> Any:
    """A compound SELECT of the ids of messages involving the query's people in the chosen roles.

    Each branch uses its own index (participant, conversation, FTS, digits, mentions, replies)
    and the date range is pushed into the branches that can use it.
    """
    terms = person_terms(conn, [int(p) for p in query.person_ids])
    roles = set(query.person_roles) or set(PERSON_ROLES)
    unknown = roles - set(PERSON_ROLES)
    if unknown:
        raise BadSearchError(
            f"{', '.join(sorted(unknown))} is not a way to match a person; use sender, "
            "participant or mentioned."
        )
    parts = list(terms.participant_ids)
    dated = _date_clauses(query)
    branches: list[Any] = []
    if parts and "sender" in roles:
        branches.append(select(messages.c.id).where(messages.c.participant_id.in_(parts), *dated))
    if parts and "participant" in roles:
        convs = select(conversation_members.c.conversation_id).where(
            conversation_members.c.participant_id.in_(parts)
        )
        branches.append(select(messages.c.id).where(messages.c.conversation_id.in_(convs), *dated))
    if "mentioned" in roles:
        if terms.phrases:
            expression = " OR ".join(quote_term(p) for p in terms.phrases)
            branches.append(select(fts_ids(expression).subquery().c.rowid.label("id")))
        if terms.phones:
            branches.append(select(digits_ids(terms.phones).subquery().c.rowid.label("id")))
        if terms.mention_keys:
            branches.append(
                select(message_mentions.c.message_id).where(
                    message_mentions.c.value.in_(terms.mention_keys)
                )
            )
        if parts:
            written = select(messages.c.id).where(messages.c.participant_id.in_(parts))
            quoted = messages.alias("quoting")
            branches.append(select(quoted.c.id).where(quoted.c.reply_to.in_(written)))
    if not branches:
        return None
    return union(*branches) if len(branches) > 1 else branches[0]


def _date_clauses(query: SearchQuery) -> list[Any]:
    clauses: list[Any] = []
    if query.date_from is not None:
        clauses.append(messages.c.sent_at >= to_micros(query.date_from))
    if query.date_to is not None:
        clauses.append(messages.c.sent_at < to_micros(query.date_to))
    return clauses


def _any_excluded(conn: Connection) -> bool:
    return (
        conn.execute(select(sources.c.id).where(sources.c.excluded.is_(True)).limit(1)).first()
        is not None
    )


def _filters(conn: Connection, query: SearchQuery) -> list[Any]:
    """WHERE clauses for a query.

    Raises:
        BadSearchError: The text cannot be searched as written (see `store.fts`).
    """
    clauses: list[Any] = []
    if query.text:
        clause = search_clause(messages.c.id, query.text)
        if clause is not None:
            clauses.append(clause)
    clauses.extend(_date_clauses(query))
    if query.person_ids:
        ids = _person_ids(conn, query)
        clauses.append(messages.c.id.in_(ids) if ids is not None else false())
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
    if not query.include_excluded and _any_excluded(conn):
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
    """One page of hits in time order; pass the last hit's cursor to get the next page.

    Raises:
        BadSearchError: The query cannot be run as written.
    """
    stmt = _base().where(and_(True, *_filters(conn, query), *extra))
    if after is not None:
        stmt = stmt.where(tuple_(messages.c.sent_at, messages.c.id) > tuple_(*after))
    rows = conn.execute(stmt.order_by(messages.c.sent_at, messages.c.id).limit(limit)).all()
    return _hydrate(conn, rows)


def search_count(conn: Connection, query: SearchQuery, extra: Sequence[Any] = ()) -> int:
    """How many messages match (a separate query from the pages).

    Raises:
        BadSearchError: The query cannot be run as written.
    """
    stmt = (
        select(func.count())
        .select_from(messages.join(conversations, conversations.c.id == messages.c.conversation_id))
        .where(and_(True, *_filters(conn, query), *extra))
    )
    return int(conn.execute(stmt).scalar_one())


def search_breakdown(conn: Connection, query: SearchQuery) -> tuple[dict[int, int], dict[str, int]]:
    """Hit counts per source and per platform, for the search log (R19).

    Sources the search covered but found nothing in are listed with 0, so the log can say
    "searched – none found" (R72).
    """
    hits = (
        select(messages.c.id)
        .select_from(messages.join(conversations, conversations.c.id == messages.c.conversation_id))
        .where(and_(True, *_filters(conn, query)))
        .subquery()
    )
    by_source: dict[int, int] = {}
    for src in conn.execute(select(sources.c.id, sources.c.platform, sources.c.excluded)):
        if src.excluded and not query.include_excluded:
            continue
        if query.platforms and src.platform not in query.platforms:
            continue
        by_source[int(src.id)] = 0
    rows = conn.execute(
        select(message_sources.c.source_id, func.count())
        .join(hits, hits.c.id == message_sources.c.message_id)
        .group_by(message_sources.c.source_id)
    )
    for source_id, n in rows:
        if int(source_id) in by_source:
            by_source[int(source_id)] = int(n)
    by_platform = {
        str(platform): int(n)
        for platform, n in conn.execute(
            select(conversations.c.platform, func.count())
            .select_from(
                messages.join(conversations, conversations.c.id == messages.c.conversation_id)
            )
            .join(hits, hits.c.id == messages.c.id)
            .group_by(conversations.c.platform)
        )
    }
    return by_source, by_platform


def search_scores(conn: Connection, query: SearchQuery, ids: Sequence[int]) -> dict[int, float]:
    """Relevance (bm25, higher is better) of some hits to the query text, when it has words."""
    if not query.text or not ids:
        return {}
    try:
        node = parse_query(query.text)
    except BadSearchError:
        return {}
    expression = fts_expression(node) if node is not None else None
    if expression is None:
        return {}
    rows = conn.execute(
        text(
            f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m "
            f"AND rowid IN ({', '.join(str(int(i)) for i in ids)})"
        ),
        {"m": expression},
    )
    return {int(rowid): round(-float(score), 3) for rowid, score in rows}


def hits_by_conversation(conn: Connection, query: SearchQuery) -> list[tuple[str, str, int]]:
    """(platform, conversation title, hits) for a query, most hits first."""
    stmt = (
        select(conversations.c.platform, conversations.c.title, func.count())
        .select_from(messages.join(conversations, conversations.c.id == messages.c.conversation_id))
        .where(and_(True, *_filters(conn, query)))
        .group_by(conversations.c.id)
        .order_by(func.count().desc(), conversations.c.title)
    )
    return [(str(p), str(t), int(n)) for p, t, n in conn.execute(stmt)]


def cursor_of(message: Message) -> Cursor:
    """The keyset cursor just after a message."""
    return (to_micros(message.timestamp), int(message.id))


def list_conversations(conn: Connection) -> list[Conversation]:
    """Every conversation with its message count."""
    count = (
        select(func.count())
        .where(messages.c.conversation_id == conversations.c.id)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(conversations, count.label("n")).order_by(
            conversations.c.platform, conversations.c.title
        )
    )
    return [Conversation(ConversationId(r.id), r.platform, r.key, r.title, int(r.n)) for r in rows]


def message_counts(conn: Connection) -> dict[str, int]:
    """Counts of messages by kind."""
    rows = conn.execute(select(messages.c.kind, func.count()).group_by(messages.c.kind))
    return {str(kind): int(n) for kind, n in rows}
