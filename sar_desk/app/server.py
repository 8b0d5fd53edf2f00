"""Choosing and administering the team store (PostgreSQL) from the shells (issue 17).

A shell asks `server_address` which store the user chose: an explicit server address, else the
``SAR_DESK_SERVER`` environment variable, else none (the local case folder, the default). The
administration calls pass straight to `store.pg.team`, which speaks the domain in its errors.
"""

from __future__ import annotations

import os

from sar_desk.store.pg import team
from sar_desk.store.pg.roles import ROLES
from sar_desk.store.pg.server import ServerLogin

SERVER_ENV = "SAR_DESK_SERVER"
"""The environment variable that makes every case a case on this team server."""

TEAM_ROLES: tuple[str, ...] = tuple(ROLES)
"""The team roles a login can be granted, as the shells name them."""

__all__ = [
    "SERVER_ENV",
    "TEAM_ROLES",
    "ServerLogin",
    "describe",
    "grant",
    "init",
    "revoke",
    "server_address",
    "who_am_i",
]


def server_address(explicit: str | None = None) -> str | None:
    """The team server the user chose (explicitly, or by ``SAR_DESK_SERVER``), or None."""
    chosen = explicit or os.environ.get(SERVER_ENV, "").strip()
    return chosen or None


def init(url: str) -> None:
    """Create the team's roles and case register on the server (the admin login)."""
    team.init(url)


def grant(url: str, login: str, role: str) -> None:
    """Give `login` the team `role` (the admin login)."""
    team.grant(url, login, role)


def revoke(url: str, login: str, role: str | None = None) -> tuple[str, ...]:
    """Take the team `role` (every team role when None) away from `login` (the admin login).

    Returns:
        The team roles the login held and no longer holds.
    """
    return team.revoke(url, login, role)


def who_am_i(url: str) -> ServerLogin:
    """The login the credentials reach the server as, with its team roles."""
    return team.who_am_i(url)


def describe(url: str) -> str:
    """The server address without a password, for messages."""
    return team.describe(url)
