"""Working a case on the team server (issue 17): the same session, a different store.

A case on the server is opened by its reference. The session is the ordinary `CaseSession`
with a `store.pg.case_store.PgStore` for its store and a `TeamCaseFolder` for its folder: a
private scratch folder on this PC, owned by the open case and deleted when it closes, whose
originals and attachments are also kept on the server. The acting user is the database login
(``session_user``); acting as anyone else is refused, and a login with no team role cannot open
a case at all.
"""

from __future__ import annotations

import logging

from sar_desk.app.base import AskPassphrase
from sar_desk.app.bundling import SIGNING_KEY
from sar_desk.app.session import CaseSession, validate_case
from sar_desk.core.errors import BadInputError, PermissionDeniedError, StoreTooNewError
from sar_desk.core.model import Case
from sar_desk.export.manifest import load_or_create_key
from sar_desk.store.migrations import latest_version
from sar_desk.store.pg import team
from sar_desk.store.pg.case_store import PgStore, TeamCaseFolder, creating, new_scratch
from sar_desk.store.pg.engine import case_schema
from sar_desk.store.uow import unit_of_work

logger = logging.getLogger(__name__)


class TeamCaseSession(CaseSession):
    """A case on the team server; the acting user is the login and cannot be changed."""

    server_url: str = ""

    def act_as(self, name: str | None, ask: AskPassphrase | None = None) -> str:
        """Only the login acts on the team store.

        Raises:
            PermissionDeniedError: `name` is another user than the login.
        """
        if name and name.strip().casefold() != self.user.casefold():
            raise PermissionDeniedError(
                f"On the team store you act as your database login ({self.user}); acting as "
                f"{name.strip()} is refused there."
            )
        return self.user


def _session(url: str, schema: str, login: str) -> TeamCaseSession:
    scratch = new_scratch()
    folder = TeamCaseFolder(scratch, url, schema)
    store = folder.open_store()
    assert isinstance(store, PgStore)
    store.owns_scratch = True
    try:
        session = TeamCaseSession(scratch, store, login)
    except BaseException:
        store.close()
        raise
    session.base.case_folder = folder
    session.server_url = url
    try:
        # One signing key per case, whoever exports: bundles are checked against it.
        folder.share_file(SIGNING_KEY, load_or_create_key)
        folder.fetch_kept()  # earlier bundles' masters, for checking a bundle against the case
    except BaseException:
        session.close()
        raise
    return session


def open_team_case(url: str, reference: str) -> TeamCaseSession:
    """Open the case with `reference` on the server at `url`, as the login.

    Raises:
        PermissionDeniedError: The login holds no team role.
        CaseNotFoundError: The server holds no such case.
        StoreTooNewError: The case was made by a newer release.
    """
    me, schema = team.find_case(url, reference)
    session = _session(url, schema, me.login)
    try:
        version = session.store.user_version()
        if version != latest_version():
            raise _wrong_version(reference, version)
    except BaseException:
        session.close()
        raise
    logger.info("opened a team case (%d roles)", len(me.roles))
    return session


def _wrong_version(reference: str, version: int) -> Exception:
    if version > latest_version():
        return StoreTooNewError(
            f"The case {reference} on the team store was saved by a newer release of SAR Desk "
            f"(case format {version}, this release reads up to {latest_version()}). Install "
            "the latest release to open it."
        )
    return BadInputError(
        f"The case {reference} on the team store was made by an older release (case format "
        f"{version}); ask the team's administrator to upgrade the team store first."
    )


def create_team_case(url: str, case: Case) -> TeamCaseSession:
    """Create `case` on the server (a case-handler login) and open it, in one transaction.

    Raises:
        PermissionDeniedError: The login is not a case handler.
        CaseExistsError: The server already holds a case with that reference.
    """
    case = validate_case(case)
    me = team.who_am_i(url)
    if "case-handler" not in me.roles:
        raise PermissionDeniedError(
            f"Only a case handler creates cases on the team store; {me.login} is "
            f"{', '.join(me.roles)}. Ask the team's administrator for the case-handler role."
        )
    try:
        schema = case_schema(case.reference)
    except ValueError as exc:
        raise BadInputError(str(exc)) from exc
    scratch = new_scratch()
    folder = TeamCaseFolder(scratch, url, schema)
    store = folder.open_store()
    try:
        with creating(), unit_of_work(store, write=True) as creation:
            creation.team.create_case(case.reference)
            with unit_of_work(store, write=True) as uow:
                uow.case.save(case)
                uow.audit.append(
                    me.login,
                    "case-created",
                    {
                        "reference": case.reference,
                        "regime": str(case.regime),
                        "received": case.received.isoformat(),
                        "aliases": len(case.aliases),
                        "team_store": True,
                    },
                )
    finally:
        store.close()
        folder.discard()
    return open_team_case(url, case.reference)
