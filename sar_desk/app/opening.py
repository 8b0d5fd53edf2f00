"""Opening and creating cases wherever they are kept: the one place that chooses the store.

A shell names a case (a folder, or a reference when a team server is chosen) and asks
`open_case_session` or `create_case_session`; what comes back is a `CaseSession` either way, so
nothing above this module knows which store it has. The team store's modules (and psycopg) are
imported only when a server is chosen.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sar_desk.app.session import CaseSession
from sar_desk.core.model import Case


def open_case_session(case: Path | str, *, server: str | None = None) -> CaseSession:
    """Open the case folder `case`, or with `server` the case whose reference it is.

    Raises:
        CaseNotFoundError: There is no such case.
        PermissionDeniedError: On a team server, the login holds no team role.
    """
    if server is None:
        return CaseSession.open(Path(case))
    from sar_desk.app.team_case import open_team_case

    return open_team_case(server, _reference(case))


def create_case_session(
    case: Path | str,
    record: Case,
    *,
    server: str | None = None,
    user: str | None = None,
    passphrase: str | None = None,
    case_passphrase: str | None = None,
) -> CaseSession:
    """Create a case folder `case`, or with `server` the case `record` on that server.

    On a team server the case is named by its reference, the creator is the login, and the
    server protects the case (no case passphrase or owner's passphrase is taken there).
    """
    if server is None:
        return CaseSession.create(
            Path(case), record, user=user, passphrase=passphrase, case_passphrase=case_passphrase
        )
    from sar_desk.app.team_case import create_team_case

    return create_team_case(server, record)


def _reference(case: Path | str) -> str:
    # A CASE argument arrives as a path from the command line: on a server it is a reference.
    return str(case).strip()


def is_team_session(session: CaseSession) -> bool:
    """Whether `session` is a case on a team server (the acting user is then the login)."""
    return getattr(session, "server_url", "") != ""


def case_location(session: CaseSession) -> str:
    """Where the case is kept, in words: its folder, or the team server and database.

    A team case's folder is a private scratch folder that means nothing to the user; the
    server's address is shown without its password.
    """
    if not is_team_session(session):
        return str(session.folder)
    parts = urlsplit(getattr(session, "server_url", ""))
    host = parts.hostname or "this computer"
    port = f":{parts.port}" if parts.port else ""
    database = parts.path.lstrip("/") or "(default database)"
    return f"Team server {host}{port}, database {database}"
