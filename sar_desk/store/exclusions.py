"""Scope exclusions and their second-person approvals (issue 13 item 8), append-only.

Excluding a message from a SAR or FOI disclosure as not relevant is a decision a second person
(or the DPO's sign-off) must approve. An approval names the exclusion it approves by message,
kind and the time of the exclusion decision, so a later, different exclusion of the same
message needs a new approval. The table is created by step 10 (`store/ddl/v10_whose_data.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, ForeignKey, Integer, Table, Text, insert, or_, select

from sar_desk.core.records import ApprovalRow
from sar_desk.core.scope import Relevance
from sar_desk.store.audit_seal import last_id, note_rows_after
from sar_desk.store.scope import message_scope
from sar_desk.store.tables import metadata

scope_approvals = Table(
    "scope_approvals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=False),
    Column("kind", Text, nullable=False),
    Column("decided_at", Text, nullable=False),
    Column("approved_by", Text, nullable=False),
    Column("approved_at", Text, nullable=False),
    Column("note", Text, nullable=False),
)

ExclusionKey = tuple[int, str, str]  # (message id, kind, decided_at)


def scope_exclusions(conn: Connection) -> list[tuple[int, str, str, str, str]]:
    """``(message, kind, reason, decided_by, decided_at)`` of every scope exclusion.

    Kinds: "not-relevant", "mentions-only" (relevance decisions that keep a message out) and
    "removed" (taken out of the disclosure set by hand).
    """
    out_kinds = (str(Relevance.NOT_RELEVANT), str(Relevance.MENTIONS_ONLY))
    rows = conn.execute(
        select(message_scope)
        .where(
            or_(
                message_scope.c.in_disclosure.is_(False),
                message_scope.c.in_disclosure.is_(None) & message_scope.c.relevance.in_(out_kinds),
            )
        )
        .order_by(message_scope.c.message_id)
    )
    return [
        (
            int(r.message_id),
            "removed" if r.in_disclosure is False else str(r.relevance),
            r.reason,
            r.decided_by,
            r.decided_at,
        )
        for r in rows
    ]


def approvals(conn: Connection) -> dict[ExclusionKey, ApprovalRow]:
    """Every approval by the exclusion it approves."""
    return {
        (int(r.message_id), r.kind, r.decided_at): ApprovalRow(r.approved_by, r.approved_at, r.note)
        for r in conn.execute(select(scope_approvals).order_by(scope_approvals.c.id))
    }


def add_approvals(conn: Connection, keys: Iterable[ExclusionKey], user: str, note: str) -> int:
    """Record approvals of some exclusions; returns how many."""
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    rows = [
        {
            "message_id": m,
            "kind": kind,
            "decided_at": decided,
            "approved_by": user,
            "approved_at": at,
            "note": note,
        }
        for m, kind, decided in keys
    ]
    if rows:
        before = last_id(conn, scope_approvals)
        conn.execute(insert(scope_approvals), rows)
        note_rows_after(conn, scope_approvals, before)  # sealed by this transaction's entry
    return len(rows)
