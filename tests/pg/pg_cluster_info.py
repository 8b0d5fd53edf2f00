"""What a test needs to know about the private PostgreSQL cluster (started by conftest).

Also `team_database`, the team store that several test modules set up the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class PgCluster:
    """A running private cluster: where it listens and how the admin login reaches it."""

    host: str
    port: int
    admin: str
    admin_password: str

    def url(
        self, login: str | None = None, password: str | None = None, db: str = "postgres"
    ) -> str:
        """A libpq URL for `login` (the admin by default) on database `db`."""
        user = login or self.admin
        secret = password if password is not None else self.admin_password
        return f"postgresql://{user}:{secret}@{self.host}:{self.port}/{db}"


@contextmanager
def team_database(
    cluster: PgCluster, db: str, logins: Mapping[str, str], password: str
) -> Iterator[PgCluster]:
    """A database of its own on `cluster`, made a team store by ``server init``.

    Each of `logins` (login -> team role) is created with `password`, as IT would, and granted
    its role by the admin through the command line; the database and logins are dropped after.
    """
    import psycopg
    from click.testing import CliRunner

    from sar_desk.cli.main import cli

    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {db}")
        for login in logins:
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{password}'")
    try:
        admin = cluster.url(db=db)
        steps = (["init", admin], *(["grant", admin, k, "--role", v] for k, v in logins.items()))
        for args in steps:
            assert CliRunner().invoke(cli, ["server", *args]).exit_code == 0, args
        yield cluster
    finally:
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {db} WITH (FORCE)")
            for login in logins:
                conn.execute(f"DROP ROLE {login}")
