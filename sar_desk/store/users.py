"""The case's users and their roles (R51), stored in the case so a case is self-contained."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Connection, Row, Table, Text, func, select

from sar_desk.store.tables import metadata

review_users = Table(
    "review_users",
    metadata,
    Column("name", Text, primary_key=True),
    Column("role", Text, nullable=False),
    Column("added_by", Text, nullable=False),
    Column("added_at", Text, nullable=False),
)


@dataclass(frozen=True, slots=True)
class UserRow:
    """A registered user of the case."""

    name: str
    role: str
    added_by: str
    added_at: datetime


def _row(r: Row[Any]) -> UserRow:
    return UserRow(r.name, r.role, r.added_by, datetime.fromisoformat(r.added_at))


def get_user(conn: Connection, name: str) -> UserRow | None:
    """A user by name (case-insensitive: login names differ in case across systems)."""
    stmt = select(review_users).where(func.lower(review_users.c.name) == name.casefold())
    row = conn.execute(stmt).first()
    return _row(row) if row else None


def list_users(conn: Connection) -> list[UserRow]:
    """Every registered user, by name."""
    return [_row(r) for r in conn.execute(select(review_users).order_by(review_users.c.name))]


def put_user(conn: Connection, name: str, role: str, added_by: str) -> UserRow:
    """Register a user or change their role; returns the stored row."""
    existing = get_user(conn, name)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    if existing is not None:
        conn.execute(
            review_users.update()
            .where(review_users.c.name == existing.name)
            .values(role=role, added_by=added_by, added_at=at)
        )
        name = existing.name
    else:
        conn.execute(
            review_users.insert().values(name=name, role=role, added_by=added_by, added_at=at)
        )
    return UserRow(name, role, added_by, datetime.fromisoformat(at))
