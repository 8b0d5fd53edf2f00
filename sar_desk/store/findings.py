"""Stored findings (redaction proposals) produced by detection."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    Row,
    Table,
    Text,
    insert,
    select,
)

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, PersonId
from sar_desk.store.tables import metadata

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=False),
    Column("field", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text, nullable=False),
    Column("entity_type", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("recognizer", Text, nullable=False),
    Column("explanation", Text, nullable=False, default=""),
    Column("person_id", Integer),
    Column("created_at", Text, nullable=False),
    Index("ix_findings_message", "message_id"),
    Index("ix_findings_entity", "entity_type"),
)


def to_finding(row: Row[Any]) -> Finding:
    """Convert a findings row."""
    return Finding(
        message_id=MessageId(row.message_id),
        field=ProposalField(row.field),
        start=row.start,
        end=row.end,
        text=row.text,
        entity_type=row.entity_type,
        score=float(row.score),
        recognizer=row.recognizer,
        explanation=row.explanation,
        person_id=PersonId(row.person_id) if row.person_id is not None else None,
        id=int(row.id),
    )


def save_findings(conn: Connection, items: Iterable[Finding]) -> int:
    """Store findings; returns how many were written."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [
        {
            "message_id": int(f.message_id),
            "field": str(f.field),
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
        conn.execute(insert(findings), rows)
    return len(rows)


def findings_for(conn: Connection, message_ids: Sequence[int]) -> list[Finding]:
    """Findings of some messages, in message and offset order."""
    out: list[Finding] = []
    for start in range(0, len(message_ids), 500):
        chunk = list(message_ids[start : start + 500])
        stmt = (
            select(findings)
            .where(findings.c.message_id.in_(chunk))
            .order_by(findings.c.message_id, findings.c.field, findings.c.start, findings.c.id)
        )
        out.extend(to_finding(r) for r in conn.execute(stmt))
    return out


def get_finding(conn: Connection, finding_id: int) -> Finding | None:
    """One finding by id."""
    row = conn.execute(select(findings).where(findings.c.id == finding_id)).first()
    return to_finding(row) if row else None
