"""Elusion tests (issue 15 item 5b): seeded samples of unflagged messages, and their marks.

A test is written once when it is drawn (the seed, the population it was drawn from and the
sample), so anyone can repeat the draw and check it. Marks are appended, never edited: the
newest mark per sampled message is its verdict, and earlier ones stay as history. Migration 16.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    Row,
    Table,
    Text,
    insert,
    select,
)

from sar_desk.core.records import ElusionMarkRow, ElusionTestRow
from sar_desk.store.decisions import _new_id
from sar_desk.store.tables import metadata

elusion_tests = Table(
    "elusion_tests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seed", Integer, nullable=False),
    Column("population", Text, nullable=False),  # JSON list of message ids
    Column("sample", Text, nullable=False),  # JSON list of message ids, in drawn order
    Column("drawn_by", Text, nullable=False),
    Column("drawn_at", Text, nullable=False),
)

elusion_marks = Table(
    "elusion_marks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("test_id", Integer, ForeignKey("elusion_tests.id"), nullable=False),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=False),
    Column("missed", Boolean, nullable=False),
    Column("note", Text, nullable=False),
    Column("marked_by", Text, nullable=False),
    Column("marked_at", Text, nullable=False),
    Index("ix_elusion_marks_test", "test_id", "message_id", "id"),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _test(r: Row[Any]) -> ElusionTestRow:
    return ElusionTestRow(
        id=int(r.id),
        seed=int(r.seed),
        population=tuple(json.loads(r.population)),
        sample=tuple(json.loads(r.sample)),
        drawn_by=r.drawn_by,
        drawn_at=datetime.fromisoformat(r.drawn_at),
    )


def add_test(
    conn: Connection, seed: int, population: Sequence[int], sample: Sequence[int], user: str
) -> ElusionTestRow:
    """Record a freshly drawn test."""
    result = conn.execute(
        insert(elusion_tests).values(
            seed=seed,
            population=json.dumps([int(i) for i in population]),
            sample=json.dumps([int(i) for i in sample]),
            drawn_by=user,
            drawn_at=_now(),
        )
    )
    return list_tests(conn, test_id=_new_id(result))[0]


def list_tests(conn: Connection, test_id: int | None = None) -> list[ElusionTestRow]:
    """Elusion tests in drawn order (all, or one by id)."""
    stmt = select(elusion_tests).order_by(elusion_tests.c.id)
    if test_id is not None:
        stmt = stmt.where(elusion_tests.c.id == test_id)
    return [_test(r) for r in conn.execute(stmt)]


def add_mark(
    conn: Connection, test_id: int, message_id: int, missed: bool, note: str, user: str
) -> None:
    """Append a verdict on a sampled message."""
    conn.execute(
        insert(elusion_marks).values(
            test_id=test_id,
            message_id=message_id,
            missed=missed,
            note=note,
            marked_by=user,
            marked_at=_now(),
        )
    )


def current_marks(conn: Connection, test_id: int) -> dict[int, ElusionMarkRow]:
    """The newest verdict per sampled message of a test, by message id."""
    stmt = (
        select(elusion_marks).where(elusion_marks.c.test_id == test_id).order_by(elusion_marks.c.id)
    )
    out: dict[int, ElusionMarkRow] = {}
    for r in conn.execute(stmt):
        out[int(r.message_id)] = ElusionMarkRow(
            message_id=int(r.message_id),
            missed=bool(r.missed),
            note=r.note,
            marked_by=r.marked_by,
            marked_at=datetime.fromisoformat(r.marked_at),
        )
    return out
