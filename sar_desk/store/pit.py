"""Public interest tests, qualified persons' opinions and QA samples (migration 8).

Public interest tests (R31) and s.36 opinions (R32) are appended, never edited: the newest row
per code is the current record and the older ones stay as history. A QA sample (R53) is written
once when it is drawn (population, sample, percentage and seed) and closed once with its outcome.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Connection, Index, Integer, Row, Table, Text, insert, select, update

from sar_desk.core.disclosure import PublicInterestTest, QualifiedPersonOpinion
from sar_desk.core.records import SampleRow
from sar_desk.store.audit_marks import note_row
from sar_desk.store.decisions import _new_id
from sar_desk.store.tables import metadata

public_interest_tests = Table(
    "public_interest_tests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", Text, nullable=False),
    Column("factors_for", Text, nullable=False),
    Column("factors_against", Text, nullable=False),
    Column("conclusion", Text, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Index("ix_public_interest_tests_code", "code", "id"),
)

qualified_person_opinions = Table(
    "qualified_person_opinions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("opinion_date", Text, nullable=False),
    Column("opinion", Text, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Index("ix_qualified_person_opinions_code", "code", "id"),
)

qa_samples = Table(
    "qa_samples",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("proposer", Text, nullable=False),
    Column("percent", Integer, nullable=False),
    Column("seed", Integer, nullable=False),
    Column("population", Text, nullable=False),  # JSON list of item ids
    Column("sample", Text, nullable=False),  # JSON list of item ids
    Column("drawn_by", Text, nullable=False),
    Column("drawn_at", Text, nullable=False),
    Column("outcome", Text),  # None while open; "passed" or "failed" once closed
    Column("closed_by", Text),
    Column("closed_at", Text),
    Index("ix_qa_samples_proposer", "proposer", "id"),
)


# A sample's outcome once closed.
PASSED = "passed"
FAILED = "failed"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def add_public_interest_test(
    conn: Connection, code: str, factors_for: str, factors_against: str, conclusion: str, user: str
) -> int:
    """Append a public interest test for a code; returns its row id."""
    result = conn.execute(
        insert(public_interest_tests).values(
            code=code,
            factors_for=factors_for,
            factors_against=factors_against,
            conclusion=conclusion,
            recorded_by=user,
            recorded_at=_now(),
        )
    )
    new_id = _new_id(result)
    note_row(conn.info, public_interest_tests.name, new_id)  # sealed by the audit entry
    return new_id


def current_public_interest_tests(conn: Connection) -> dict[str, PublicInterestTest]:
    """The newest public interest test per code."""
    out: dict[str, PublicInterestTest] = {}
    for r in conn.execute(select(public_interest_tests).order_by(public_interest_tests.c.id)):
        out[r.code] = PublicInterestTest(
            code=r.code,
            factors_for=r.factors_for,
            factors_against=r.factors_against,
            conclusion=r.conclusion,
            recorded_by=r.recorded_by,
            recorded_at=datetime.fromisoformat(r.recorded_at),
        )
    return out


def add_qualified_person_opinion(
    conn: Connection, code: str, name: str, opinion_date: date, opinion: str, user: str
) -> int:
    """Append a qualified person's opinion for a code; returns its row id."""
    result = conn.execute(
        insert(qualified_person_opinions).values(
            code=code,
            name=name,
            opinion_date=opinion_date.isoformat(),
            opinion=opinion,
            recorded_by=user,
            recorded_at=_now(),
        )
    )
    new_id = _new_id(result)
    note_row(conn.info, qualified_person_opinions.name, new_id)  # sealed by the audit entry
    return new_id


def current_qualified_person_opinions(conn: Connection) -> dict[str, QualifiedPersonOpinion]:
    """The newest qualified person's opinion per code."""
    out: dict[str, QualifiedPersonOpinion] = {}
    stmt = select(qualified_person_opinions).order_by(qualified_person_opinions.c.id)
    for r in conn.execute(stmt):
        out[r.code] = QualifiedPersonOpinion(
            code=r.code,
            name=r.name,
            opinion_date=date.fromisoformat(r.opinion_date),
            opinion=r.opinion,
            recorded_by=r.recorded_by,
            recorded_at=datetime.fromisoformat(r.recorded_at),
        )
    return out


def _sample(r: Row[Any]) -> SampleRow:
    return SampleRow(
        id=int(r.id),
        proposer=r.proposer,
        percent=int(r.percent),
        seed=int(r.seed),
        population=tuple(json.loads(r.population)),
        sample=tuple(json.loads(r.sample)),
        drawn_by=r.drawn_by,
        drawn_at=datetime.fromisoformat(r.drawn_at),
        outcome=r.outcome,
        closed_by=r.closed_by,
        closed_at=datetime.fromisoformat(r.closed_at) if r.closed_at else None,
    )


def add_sample(
    conn: Connection,
    proposer: str,
    percent: int,
    seed: int,
    population: Sequence[int],
    sample: Sequence[int],
    user: str,
) -> SampleRow:
    """Record a freshly drawn sample."""
    result = conn.execute(
        insert(qa_samples).values(
            proposer=proposer,
            percent=percent,
            seed=seed,
            population=json.dumps([int(i) for i in population]),
            sample=json.dumps([int(i) for i in sample]),
            drawn_by=user,
            drawn_at=_now(),
        )
    )
    return samples(conn, sample_id=_new_id(result))[0]


def samples(
    conn: Connection, proposer: str | None = None, sample_id: int | None = None
) -> list[SampleRow]:
    """QA samples in drawn order (all, one proposer's, or one by id)."""
    stmt = select(qa_samples).order_by(qa_samples.c.id)
    if proposer is not None:
        stmt = stmt.where(qa_samples.c.proposer == proposer)
    if sample_id is not None:
        stmt = stmt.where(qa_samples.c.id == sample_id)
    return [_sample(r) for r in conn.execute(stmt)]


def close_sample(conn: Connection, sample_id: int, outcome: str, user: str) -> None:
    """Close an open sample with its outcome (written once: an open sample only)."""
    conn.execute(
        update(qa_samples)
        .where(qa_samples.c.id == sample_id, qa_samples.c.outcome.is_(None))
        .values(outcome=outcome, closed_by=user, closed_at=_now())
    )
