"""DPO sign-offs (R54) and their voiding (issue 13 item 8), append-only.

A sign-off covers the decisions as they stood when it was given. Any decision change after it
(a review decision, a scope decision, an approval) voids it: a row in ``signoff_voids`` and an
audit entry, and export refuses until the DPO signs off again. The voids table is created by
step 10 (`store/ddl/v10_whose_data.py`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, ForeignKey, Integer, Table, Text, insert, select

from sar_desk.core.records import SignOffRow
from sar_desk.store import audit
from sar_desk.store.audit_marks import note_row
from sar_desk.store.tables import metadata

signoffs = Table(
    "signoffs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("reasons", Text, nullable=False),
)

signoff_voids = Table(
    "signoff_voids",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("signoff_id", Integer, ForeignKey("signoffs.id"), nullable=False, unique=True),
    Column("at", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("cause", Text, nullable=False),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def add_signoff(conn: Connection, user: str, note: str, reasons: Sequence[str]) -> SignOffRow:
    """Record a sign-off covering the given reason keys."""
    at = _now()
    result = conn.execute(
        insert(signoffs).values(user=user, at=at, note=note, reasons=json.dumps(list(reasons)))
    )
    key = result.inserted_primary_key
    new_id = int(key[0]) if key else 0
    note_row(conn.info, signoffs.name, new_id)  # sealed by this transaction's audit entry
    return SignOffRow(new_id, user, datetime.fromisoformat(at), note, tuple(reasons))


def latest_signoff(conn: Connection) -> SignOffRow | None:
    """The newest sign-off, if any (with its void, if a later change voided it)."""
    row = conn.execute(select(signoffs).order_by(signoffs.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    void = conn.execute(
        select(signoff_voids).where(signoff_voids.c.signoff_id == int(row.id))
    ).first()
    return SignOffRow(
        int(row.id),
        row.user,
        datetime.fromisoformat(row.at),
        row.note,
        tuple(json.loads(row.reasons)),
        datetime.fromisoformat(void.at) if void else None,
        void.user if void else None,
    )


def void_signoff(conn: Connection, user: str, cause: str) -> int | None:
    """Void the sign-off in force, if any, because `user` changed a decision (audited).

    Args:
        conn: The connection of the transaction that makes the change.
        user: Who made the change.
        cause: What changed, as an action name ("review-accept", "scope-relevance"...).

    Returns:
        The id of the sign-off voided, or None when none was in force.
    """
    latest = latest_signoff(conn)
    if latest is None or latest.voided_at is not None:
        return None
    voided = conn.execute(
        insert(signoff_voids).values(signoff_id=latest.id, at=_now(), user=user, cause=cause)
    )
    key = voided.inserted_primary_key
    note_row(conn.info, signoff_voids.name, int(key[0]) if key else 0)
    audit.append(conn, user, "sign-off-voided", {"signoff": latest.id, "cause": cause})
    return latest.id
