"""The case's users and their roles (R51), stored in the case so a case is self-contained.

A user may hold an Argon2id hash of their own passphrase (never the passphrase), which is what
lets someone at this PC act as them; the hashing itself lives in `review.passphrases`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Connection, Row, Table, Text, func, select

from sar_desk.core.records import UserRow
from sar_desk.store.tables import metadata

review_users = Table(
    "review_users",
    metadata,
    Column("name", Text, primary_key=True),
    Column("role", Text, nullable=False),
    Column("added_by", Text, nullable=False),
    Column("added_at", Text, nullable=False),
    Column("passphrase_hash", Text),
)


def _row(r: Row[Any]) -> UserRow:
    return UserRow(
        r.name, r.role, r.added_by, datetime.fromisoformat(r.added_at), r.passphrase_hash
    )


def get_user(conn: Connection, name: str) -> UserRow | None:
    """A user by name (case-insensitive: login names differ in case across systems)."""
    stmt = select(review_users).where(func.lower(review_users.c.name) == name.casefold())
    row = conn.execute(stmt).first()
    return _row(row) if row else None


def list_users(conn: Connection) -> list[UserRow]:
    """Every registered user, by name."""
    return [_row(r) for r in conn.execute(select(review_users).order_by(review_users.c.name))]


def put_user(
    conn: Connection, name: str, role: str, added_by: str, passphrase_hash: str | None = None
) -> UserRow:
    """Register a user or change their role; returns the stored row.

    A role change keeps the stored passphrase hash unless a new one is given.
    """
    existing = get_user(conn, name)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    if existing is not None:
        kept = passphrase_hash if passphrase_hash is not None else existing.passphrase_hash
        conn.execute(
            review_users.update()
            .where(review_users.c.name == existing.name)
            .values(role=role, added_by=added_by, added_at=at, passphrase_hash=kept)
        )
        return UserRow(existing.name, role, added_by, datetime.fromisoformat(at), kept)
    conn.execute(
        review_users.insert().values(
            name=name, role=role, added_by=added_by, added_at=at, passphrase_hash=passphrase_hash
        )
    )
    return UserRow(name, role, added_by, datetime.fromisoformat(at), passphrase_hash)


def set_passphrase_hash(conn: Connection, name: str, passphrase_hash: str) -> None:
    """Replace a registered user's passphrase hash."""
    conn.execute(
        review_users.update()
        .where(func.lower(review_users.c.name) == name.casefold())
        .values(passphrase_hash=passphrase_hash)
    )
