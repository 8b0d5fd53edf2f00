"""The team roles a login holds on the server, for the application's own role checks.

On the team store a case has no user list of its own: a login's roles are the server's group
roles (`ROLES`), which the database also enforces (`store.pg.rules`).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

ROLES: dict[str, str] = {
    "case-handler": "sar_case_handler",
    "reviewer": "sar_reviewer",
    "dpo": "sar_dpo",
    "auditor": "sar_auditor",
}
"""Team role (as the commands name it) -> its PostgreSQL group role."""


def team_roles(conn: Connection, login: str) -> tuple[str, ...]:
    """The team roles `login` holds on the server (none for a name that is no login)."""
    held = conn.execute(
        text(
            "SELECT g.key FROM (SELECT unnest(CAST(:keys AS text[])) AS key, "
            "unnest(CAST(:groups AS text[])) AS grp) g "
            "WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :login) "
            "AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g.grp) "
            "AND pg_has_role(:login, g.grp, 'MEMBER')"
        ),
        {"keys": list(ROLES), "groups": list(ROLES.values()), "login": login},
    ).scalars()
    return tuple(str(role) for role in held)
