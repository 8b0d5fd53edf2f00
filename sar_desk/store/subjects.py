"""Whose data a review item is: links a reviewer records (issue 13 item 2), stored append-only.

The SAR third-party exemption (DPA 2018 Sch 2 Pt 3 para 16) applies only to information about
another individual. Detection links a finding to a known person when it can; otherwise a
reviewer links it to a person in the case, or confirms it is about an unnamed other individual.
Each link is a new row; the newest per item is the current one, and the history stays.

The table is created by step 10 (`store/ddl/v10_whose_data.py`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, Column, Connection, ForeignKey, Integer, Table, Text, insert, select

from sar_desk.core.records import SubjectLink
from sar_desk.store.audit_marks import note_row
from sar_desk.store.tables import metadata

item_subjects = Table(
    "item_subjects",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("review_items.id"), nullable=False),
    Column("person_id", Integer, ForeignKey("persons.id")),
    Column("other_individual", Boolean, nullable=False, default=False),
    Column("reason", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),
)


def add_link(
    conn: Connection, item_id: int, person_id: int | None, other: bool, reason: str, user: str
) -> int:
    """Append a link row; returns its id."""
    result = conn.execute(
        insert(item_subjects).values(
            item_id=item_id,
            person_id=person_id,
            other_individual=other,
            reason=reason,
            user=user,
            at=datetime.now(UTC).isoformat(timespec="microseconds"),
        )
    )
    key = result.inserted_primary_key
    new_id = int(key[0]) if key else 0
    note_row(conn.info, item_subjects.name, new_id)  # sealed by this transaction's audit entry
    return new_id


def current_links(conn: Connection) -> dict[int, SubjectLink]:
    """The newest link per item."""
    rows = conn.execute(select(item_subjects).order_by(item_subjects.c.id))
    out: dict[int, SubjectLink] = {}
    for r in rows:
        out[int(r.item_id)] = SubjectLink(
            int(r.item_id),
            int(r.person_id) if r.person_id is not None else None,
            bool(r.other_individual),
            r.reason,
            r.user,
            r.at,
        )
    return out
