"""The team server's administration as one call each, with failures in the domain's words.

Each function opens its own connection to the server URL (libpq credentials), runs in one
transaction and closes it: the admin commands and the "who am I" check need no open case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Connection
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from sar_desk.core.errors import (
    BadInputError,
    CaseBusyError,
    CaseExistsError,
    CaseNotFoundError,
    Hint,
    PermissionDeniedError,
    SarDeskError,
)
from sar_desk.core.retention import PurgeRefusedError
from sar_desk.store.pg import destroy, server
from sar_desk.store.pg.engine import make_engine
from sar_desk.store.pg.server import ServerLogin

T = TypeVar("T")


def describe(url: str) -> str:
    """The server address without any password, for messages."""
    try:
        parsed = make_url(url)
    except Exception:
        return "the team server"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)


@contextmanager
def _session(url: str) -> Iterator[Connection]:
    try:
        engine = make_engine(url)
    except ValueError as exc:
        raise BadInputError(str(exc)) from exc
    try:
        with engine.begin() as conn:
            yield conn
    except OperationalError as exc:
        raise SarDeskError(
            f"The team server {describe(url)} could not be reached or refused the login "
            f"({_first_line(exc)}). Check the address and your credentials."
        ) from exc
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlstate", None)
        if code == "42501":  # insufficient_privilege
            raise PermissionDeniedError(
                f"The team server refused this: {_first_line(exc)}. Ask the team's "
                "administrator for the role it needs."
            ) from exc
        raise SarDeskError(f"The team server refused this: {_first_line(exc)}.") from exc
    finally:
        engine.dispose()


def _run(url: str, work: Callable[[Connection], T]) -> T:
    with _session(url) as conn:
        try:
            return work(conn)
        except ValueError as exc:
            raise BadInputError(str(exc)) from exc


def init(url: str) -> None:
    """Create the team's roles, register and case builder (the admin login, once per release)."""
    _run(url, server.init_server)


def grant(url: str, login: str, role: str) -> None:
    """Give `login` a team role (the admin login)."""
    _run(url, lambda conn: server.grant(conn, login, role))


def revoke(url: str, login: str, role: str | None = None) -> tuple[str, ...]:
    """Take a team role (every one when None) away from `login`; returns those it held."""
    return _run(url, lambda conn: server.revoke(conn, login, role))


def who_am_i(url: str) -> ServerLogin:
    """The login these credentials reach the server as, and its team roles.

    Raises:
        PermissionDeniedError: The login has no team role.
    """
    return _run(url, server.who_am_i)


def create_case(url: str, reference: str) -> str:
    """Create a case on the server (a case-handler login); returns its schema name."""
    return _run(url, lambda conn: server.create_case(conn, reference))


def find_case(url: str, reference: str) -> tuple[ServerLogin, str]:
    """The login (with its team roles) and the schema of the case named by `reference`.

    Raises:
        PermissionDeniedError: The login has no team role.
        CaseNotFoundError: The server holds no case with that reference.
    """

    def work(conn: Connection) -> tuple[ServerLogin, str]:
        me = server.who_am_i(conn)
        schema = server.find_case(conn, reference)
        if schema is None:
            gone = destroy.destroyed(conn, reference)
            if gone is not None:
                raise CaseNotFoundError(
                    f"The case {reference} was destroyed on the team store {describe(url)} on "
                    f"{gone.destroyed_at:%d %b %Y} by {gone.destroyed_by} (certificate "
                    f"{gone.certificate_id}). A destroyed case cannot be opened again."
                )
            raise CaseNotFoundError(
                f"There is no case {reference} on the team store {describe(url)}. Check the "
                "reference, or create the case there.",
                hint=Hint.CREATE_CASE,
            )
        return me, schema

    return _run(url, work)


def destroy_case(url: str, schema: str, certificate_id: str) -> None:
    """Drop the case schema `schema` on the server, announced by `certificate_id`.

    Raises:
        PurgeRefusedError: The server's own check refused it (open, on hold, not announced,
            retention not over).
        PermissionDeniedError: The login may not destroy the case (or not early).
        CaseBusyError: Another session is writing to the case.
    """

    def work(conn: Connection) -> None:
        try:
            destroy.destroy_case(conn, schema, certificate_id)
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            line = _first_line(exc)
            if code == "55000":  # object_not_in_prerequisite_state: the rules said no
                raise PurgeRefusedError(
                    f"The team store refused to destroy the case: {line}"
                ) from exc
            if code == "55P03":  # lock_not_available
                raise CaseBusyError(
                    "Someone is working on the case on the team store, so it was not destroyed. "
                    "Ask everyone to close it, then destroy it again."
                ) from exc
            raise

    _run(url, work)


def refused(line: str, exc: DBAPIError) -> SarDeskError:
    """The server's refusal of a case change as the domain's error."""
    code = getattr(exc.orig, "sqlstate", None)
    if code == "23505":  # unique_violation: the reference is taken
        return CaseExistsError(f"{line} Choose another reference, or open that case.")
    if code == "42501":
        return PermissionDeniedError(f"The team store refused this: {line}")
    return SarDeskError(f"The team store refused this: {line}")
