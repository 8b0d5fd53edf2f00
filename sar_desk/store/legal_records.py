"""Legitimate-interests tests (migration 9): appended, never edited; the newest per code counts.

Step 9 creates its table from the frozen DDL text below, so the schema a case gets never
changes when this module's table description changes later.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Text, insert, select

from sar_desk.core.legitimate_interests import LegitimateInterestsTest
from sar_desk.store.decisions import _new_id

# Frozen: the exact schema migration step 9 writes. Never edit; add a new step instead.
STEP_9_DDL = (
    "CREATE TABLE legitimate_interests_tests ("
    "id INTEGER NOT NULL PRIMARY KEY, "
    "code TEXT NOT NULL, "
    "purpose TEXT NOT NULL, "
    "necessity TEXT NOT NULL, "
    "balance TEXT NOT NULL, "
    "recorded_by TEXT NOT NULL, "
    "recorded_at TEXT NOT NULL)",
    "CREATE INDEX ix_legitimate_interests_tests_code ON legitimate_interests_tests (code, id)",
)

# A description for queries only (own MetaData: never used to create the table).
legitimate_interests_tests = Table(
    "legitimate_interests_tests",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("code", Text, nullable=False),
    Column("purpose", Text, nullable=False),
    Column("necessity", Text, nullable=False),
    Column("balance", Text, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
)


def create_step_9(conn: Connection) -> None:
    """Migration step 9: the legitimate-interests tests table (issue 13)."""
    for statement in STEP_9_DDL:
        conn.exec_driver_sql(statement)


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
    return _new_id(result)


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
