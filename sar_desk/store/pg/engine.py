"""Reaching the team server: engines, case schemas and their migrations.

A case on the server is one PostgreSQL schema, named from the case reference, holding the same
tables as a case folder's ``case.db``. Credentials come the libpq way: from the URL, or
PGUSER/PGPASSWORD/``~/.pgpass`` (or Kerberos) when the URL leaves them out; psycopg hands the
connection string to libpq unchanged, so SAR Desk never stores or sees a password.
"""

from __future__ import annotations

import re
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from sar_desk.core.errors import StoreTooNewError
from sar_desk.store.migrations import MIGRATIONS, FrozenStep, latest_version
from sar_desk.store.pg.ddl import PREAMBLE, translate_step

VERSION_TABLE = "sar_desk_case_format"
"""One row: the schema step the case schema is at (SQLite keeps it in ``user_version``)."""

_SCHEMA_RE = re.compile(r"[^a-z0-9]+")


def driver_url(url: str) -> str:
    """A libpq URL (``postgresql://...``) as SQLAlchemy's psycopg 3 URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise ValueError(f"Not a PostgreSQL address: {parsed.render_as_string(hide_password=True)}")
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def case_schema(reference: str) -> str:
    """The schema name of the case with `reference` (lower case letters, digits, underscores)."""
    slug = _SCHEMA_RE.sub("_", reference.lower()).strip("_")
    if not slug:
        raise ValueError("A case on the team server needs a reference with letters or digits.")
    return f"case_{slug}"[:63]


def make_engine(url: str, schema: str | None = None) -> Engine:
    """An engine on the server whose connections see `schema` first (and ``public`` after it)."""
    engine = create_engine(driver_url(url), poolclass=NullPool)
    if schema is not None:

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: psycopg.Connection[Any], _record: Any) -> None:
            # pg_trgm's operator classes live in public; the case's own tables come first.
            with dbapi_conn.cursor() as cur:
                cur.execute(
                    psycopg.sql.SQL("SET search_path TO {}, public").format(
                        psycopg.sql.Identifier(schema)
                    )
                )
            dbapi_conn.commit()

    return engine


def run_ddl(conn: Connection, statement: str) -> None:
    """Run one DDL statement as written (psycopg would read its ``%`` signs as placeholders)."""
    raw: psycopg.Connection[Any] = conn.connection.dbapi_connection  # type: ignore[assignment]
    with raw.cursor() as cur:
        cur.execute(statement.encode("utf-8"))


def schema_version(conn: Connection, schema: str) -> int:
    """The step the case schema is at (0: no such schema yet)."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = %(s)s AND table_name = %(t)s",
        {"s": schema, "t": VERSION_TABLE},
    ).first()
    if found is None:
        return 0
    value = conn.exec_driver_sql(f'SELECT version FROM "{schema}".{VERSION_TABLE}').scalar()
    return int(value or 0)


def migrate_case(conn: Connection, schema: str, *, label: str) -> int:
    """Create the case schema if it is new and run every step it lacks, in `conn`'s transaction.

    Returns:
        The schema step the case is at afterwards.

    Raises:
        StoreTooNewError: The case was written by a newer release.
    """
    latest = latest_version()
    current = schema_version(conn, schema)
    if current > latest:
        raise StoreTooNewError(
            f"This case ({label}) was saved by a newer release of SAR Desk (case format "
            f"{current}, this release reads up to {latest}). Install the latest release to open it."
        )
    if current == latest:
        return current
    conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    conn.exec_driver_sql(f'SET LOCAL search_path TO "{schema}", public')
    if current == 0:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        for statement in PREAMBLE:
            run_ddl(conn, statement)
        conn.exec_driver_sql(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
        conn.exec_driver_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
    for version, step in sorted(MIGRATIONS, key=lambda item: item[0]):
        if version <= current:
            continue
        if not isinstance(step, FrozenStep):
            raise TypeError(f"Schema step {version} is not a frozen step")
        for statement in translate_step(version, step.ddl):
            run_ddl(conn, statement)
        # Data steps move what an older case already holds; a schema made by this release
        # starts empty at step 0, so only a case upgraded from an older server release runs them.
        if step.fill is not None and current > 0:
            step.fill(conn)
    conn.exec_driver_sql(f"UPDATE {VERSION_TABLE} SET version = %(v)s", {"v": latest})
    return latest
