"""Delivery records (R64): how, to whom and when an exported pack was sent. Step 21.

Rows are appended, never edited: a delivery recorded wrongly stays, and the right one is
recorded after it, so the record shows what was said and when. Each row is sealed by the audit
entry of its transaction (`store.audit_seal`). No column can hold a password: an encrypted
pack's row keeps only the channel its password went by.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Connection, Index, Integer, Table, Text, insert, select

from sar_desk.core.delivery import Delivery, DeliveryInput, DeliveryMethod, PasswordChannel
from sar_desk.store.audit_marks import note_row
from sar_desk.store.decisions import _new_id
from sar_desk.store.tables import metadata

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("export_id", Text, nullable=False),
    Column("method", Text, nullable=False),
    Column("recipient", Text, nullable=False),
    Column("sent_at", Text, nullable=False),  # ISO 8601 with the sender's UTC offset
    Column("password_channel", Text),  # NULL: the pack had no password
    Column("note", Text, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Index("ix_deliveries_export", "export_id", "id"),
)


def add_delivery(conn: Connection, export_id: str, given: DeliveryInput, user: str) -> Delivery:
    """Append a checked delivery of `export_id`'s pack; the caller audits it."""
    recorded_at = datetime.now(UTC)
    result = conn.execute(
        insert(deliveries).values(
            export_id=export_id,
            method=str(given.method),
            recipient=given.recipient,
            sent_at=given.sent_at.isoformat(),
            password_channel=str(given.password_channel) if given.password_channel else None,
            note=given.note,
            recorded_by=user,
            recorded_at=recorded_at.isoformat(timespec="microseconds"),
        )
    )
    new_id = _new_id(result)
    note_row(conn.info, deliveries.name, new_id)  # sealed by this transaction's audit entry
    return Delivery(
        new_id,
        export_id,
        given.method,
        given.recipient,
        given.sent_at,
        given.password_channel,
        given.note,
        user,
        recorded_at,
    )


def list_deliveries(conn: Connection) -> list[Delivery]:
    """Every recorded delivery, oldest first."""
    rows = conn.execute(select(deliveries).order_by(deliveries.c.id))
    return [
        Delivery(
            int(r.id),
            r.export_id,
            DeliveryMethod(r.method),
            r.recipient,
            datetime.fromisoformat(r.sent_at),
            PasswordChannel(r.password_channel) if r.password_channel else None,
            r.note,
            r.recorded_by,
            datetime.fromisoformat(r.recorded_at),
        )
        for r in rows
    ]
