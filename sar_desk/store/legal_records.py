"""Legitimate-interests tests: appended, never edited; the newest per code counts.

The table comes from step 9 (`store/ddl/v09_legitimate_interests.py`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Connection, Index, Integer, Table, Text, insert, select

from sar_desk.core.legitimate_interests import LegitimateInterestsTest
from sar_desk.store.audit_marks import note_row
from sar_desk.store.decisions import _new_id
from sar_desk.store.tables import metadata

legitimate_interests_tests = Table(
    "legitimate_interests_tests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", Text, nullable=False),
    Column("purpose", Text, nullable=False),
    Column("necessity", Text, nullable=False),
    Column("balance", Text, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Index("ix_legitimate_interests_tests_code", "code", "id"),
)


def add_legitimate_interests_test(
    conn: Connection, code: str, purpose: str, necessity: str, balance: str, user: str
) -> int:
    """Append a legitimate-interests test for a code; returns its row id."""
    result = conn.execute(
        insert(legitimate_interests_tests).values(
            code=code,
            purpose=purpose,
            necessity=necessity,
            balance=balance,
            recorded_by=user,
            recorded_at=datetime.now(UTC).isoformat(timespec="microseconds"),
        )
    )
    new_id = _new_id(result)
    note_row(conn.info, legitimate_interests_tests.name, new_id)  # sealed by the audit entry
    return new_id


def current_legitimate_interests_tests(conn: Connection) -> dict[str, LegitimateInterestsTest]:
    """The newest legitimate-interests test per code."""
    table = legitimate_interests_tests
    out: dict[str, LegitimateInterestsTest] = {}
    for r in conn.execute(select(table).order_by(table.c.id)):
        out[r.code] = LegitimateInterestsTest(
            code=r.code,
            purpose=r.purpose,
            necessity=r.necessity,
            balance=r.balance,
            recorded_by=r.recorded_by,
            recorded_at=datetime.fromisoformat(r.recorded_at),
        )
    return out
