"""What a test needs to know about the private PostgreSQL cluster (started by conftest)."""

from __future__ import annotations

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
