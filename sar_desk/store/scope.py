"""Relevance decisions (R27) and the disclosure set, with the history of every change.

A message is in the disclosure set when a person added it, or when it is marked "about the
requester" and nobody removed it. "Mentions only" and "not relevant" messages stay out unless
someone adds them by hand; the reason is stored with the decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
    and_,
    case,
    exists,
    func,
    insert,
    or_,
    select,
)

from sar_desk.core.errors import NotFoundError
from sar_desk.core.model import ConversationId, MessageId
from sar_desk.core.scope import MENTIONS_ONLY_REASON, ConversationScope, MessageScope, Relevance
from sar_desk.store.audit_seal import last_id, note_rows_after
from sar_desk.store.people import now_text
from sar_desk.store.signoffs import void_signoff
from sar_desk.store.tables import conversations, message_sources, messages, metadata, sources

message_scope = Table(
    "message_scope",
    metadata,
    Column("message_id", Integer, ForeignKey("messages.id"), primary_key=True),
    Column("relevance", Text),
    Column("in_disclosure", Boolean),  # NULL: follow the relevance decision
    Column("reason", Text, nullable=False, default=""),
    Column("decided_by", Text, nullable=False),
    Column("decided_at", Text, nullable=False),
    Index("ix_message_scope_disclosure", "in_disclosure", "relevance"),
)

scope_events = Table(
    "scope_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("message_id", Integer, nullable=False),
    Column("action", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("reason", Text, nullable=False, default=""),
)

_CHUNK = 500


def check_messages(conn: Connection, ids: Sequence[int]) -> None:
    """Make sure every id names a message.

    Raises:
        NotFoundError: Some ids are not messages of this case (the first few are named).
    """
    wanted = sorted({int(i) for i in ids})
    found: set[int] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(
            int(r[0]) for r in conn.execute(select(messages.c.id).where(messages.c.id.in_(chunk)))
        )
    missing = [i for i in wanted if i not in found]
    if missing:
        shown = ", ".join(str(i) for i in missing[:5])
        raise NotFoundError(
            f"{len(missing)} message id(s) are not in this case ({shown}"
            f"{'…' if len(missing) > 5 else ''}). Check the ids a search shows; "
            "nothing was changed."
        )


def _write(
    conn: Connection,
    rows: list[dict[str, Any]],
    update_cols: Sequence[str],
    action: str,
    value: str,
    user: str,
) -> None:
    if rows:
        # Issue 13 item 8: a scope change after sign-off voids the sign-off.
        void_signoff(conn, user, f"scope-{action}")
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        # Both dialects spell the upsert alike; the team store is PostgreSQL (issue 17). The
        # dialect modules load here, not at start-up: the PostgreSQL one alone costs ~30 ms.
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql as dialect
        else:
            from sqlalchemy.dialects import sqlite as dialect  # type: ignore[no-redef]
        upsert = dialect.insert
        stmt = upsert(message_scope).values(chunk)
        stmt = stmt.on_conflict_do_update(
            index_elements=[message_scope.c.message_id],
            set_={c: stmt.excluded[c] for c in update_cols},
        )
        conn.execute(stmt)
        before = last_id(conn, scope_events)
        conn.execute(
            insert(scope_events),
            [
                {
                    "at": r["decided_at"],
                    "user": user,
                    "message_id": r["message_id"],
                    "action": action,
                    "value": value,
                    "reason": r["reason"],
                }
                for r in chunk
            ],
        )
        note_rows_after(conn, scope_events, before)  # sealed by this transaction's entry


def set_relevance(
    conn: Connection, ids: Sequence[int], relevance: Relevance, reason: str, user: str
) -> int:
    """Record a relevance decision on messages; returns how many were marked.

    Marking "mentions only" without a reason stores the default exclusion reason (R27).
    """
    check_messages(conn, ids)
    if relevance is Relevance.MENTIONS_ONLY and not reason.strip():
        reason = MENTIONS_ONLY_REASON
    at = now_text()
    rows = [
        {
            "message_id": int(i),
            "relevance": str(relevance),
            "in_disclosure": None,
            "reason": reason,
            "decided_by": user,
            "decided_at": at,
        }
        for i in sorted({int(i) for i in ids})
    ]
    _write(
        conn,
        rows,
        ("relevance", "reason", "decided_by", "decided_at"),
        "relevance",
        str(relevance),
        user,
    )
    return len(rows)


def set_disclosure(
    conn: Connection, ids: Sequence[int], include: bool, reason: str, user: str
) -> int:
    """Add messages to, or remove them from, the disclosure set by hand."""
    check_messages(conn, ids)
    at = now_text()
    rows = [
        {
            "message_id": int(i),
            "relevance": None,
            "in_disclosure": include,
            "reason": reason,
            "decided_by": user,
            "decided_at": at,
        }
        for i in sorted({int(i) for i in ids})
    ]
    _write(
        conn,
        rows,
        ("in_disclosure", "reason", "decided_by", "decided_at"),
        "add" if include else "remove",
        "in" if include else "out",
        user,
    )
    return len(rows)


def _disclosed() -> Any:
    return or_(
        message_scope.c.in_disclosure.is_(True),
        and_(
            message_scope.c.in_disclosure.is_(None),
            message_scope.c.relevance == str(Relevance.ABOUT_REQUESTER),
        ),
    )


def scope_of(conn: Connection, message_id: int) -> MessageScope:
    """The scope decision of one message (an undecided message is out of the set).

    Raises:
        NotFoundError: No such message.
    """
    check_messages(conn, [message_id])
    row = conn.execute(
        select(message_scope).where(message_scope.c.message_id == int(message_id))
    ).first()
    if row is None:
        return MessageScope(MessageId(int(message_id)))
    relevance = Relevance(row.relevance) if row.relevance else None
    explicit = row.in_disclosure is not None
    included = bool(row.in_disclosure) if explicit else relevance is Relevance.ABOUT_REQUESTER
    return MessageScope(
        MessageId(int(message_id)),
        relevance,
        included,
        explicit,
        row.reason,
        row.decided_by,
        row.decided_at,
    )


def disclosure_ids(conn: Connection) -> list[MessageId]:
    """Messages in the disclosure set, in time order, leaving out those only in excluded sources."""
    searchable = exists().where(
        message_sources.c.message_id == messages.c.id,
        message_sources.c.source_id == sources.c.id,
        sources.c.excluded.is_(False),
    )
    rows = conn.execute(
        select(messages.c.id)
        .join(message_scope, message_scope.c.message_id == messages.c.id)
        .where(_disclosed(), searchable)
        .order_by(messages.c.sent_at, messages.c.id)
    )
    return [MessageId(int(r[0])) for r in rows]


def conversation_scope(conn: Connection) -> list[ConversationScope]:
    """Relevance and disclosure counts per conversation (conversations with messages)."""
    rel = message_scope.c.relevance

    def count_if(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    stmt = (
        select(
            conversations.c.id,
            conversations.c.platform,
            conversations.c.title,
            func.count(messages.c.id),
            count_if(rel == str(Relevance.ABOUT_REQUESTER)),
            count_if(rel == str(Relevance.MENTIONS_ONLY)),
            count_if(rel == str(Relevance.NOT_RELEVANT)),
            count_if(and_(message_scope.c.message_id.is_not(None), _disclosed())),
        )
        .join(messages, messages.c.conversation_id == conversations.c.id)
        .outerjoin(message_scope, message_scope.c.message_id == messages.c.id)
        .group_by(conversations.c.id)
        .order_by(conversations.c.platform, conversations.c.title)
    )
    return [
        ConversationScope(ConversationId(int(r[0])), r[1], r[2], *(int(v) for v in r[3:]))
        for r in conn.execute(stmt)
    ]


def scope_history(conn: Connection) -> list[dict[str, Any]]:
    """Every scope change as plain rows (for the export stage's internal record)."""
    return [
        dict(r._mapping) for r in conn.execute(select(scope_events).order_by(scope_events.c.id))
    ]
