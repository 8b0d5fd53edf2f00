"""Destroying a case on the team server, with the same certificate as a case folder (R69).

The order keeps the same promise as `app.purge`: either the whole case is still there, usable,
or it is gone and its certificate says so.

1. Open the case as the login, check the rules (`core.retention.check_purge`: no hold; closed
   and past its retention date, or an early destruction by the DPO with a reason) and audit
   "case-purge-started"; the certificate takes the audit head from that entry.
2. Write the certificate ("in-progress") to its file, atomically. If that fails nothing has
   been destroyed.
3. Ask the server to drop the case (`store.pg.team.destroy_case`). The server checks the rules
   again and drops the schema, with every table, original, attachment and the audit log, in
   one transaction; if it refuses, the certificate file is removed and the case stays whole.
4. Rewrite the certificate as "complete".

There is no marker and no resume: the server's transaction is all or nothing.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from sar_desk.app.lifecycle import disposal_position, lifecycle_role
from sar_desk.app.purge import check_certificate_path, dump, now, start_certificate
from sar_desk.app.team_case import TeamCaseSession, open_team_case
from sar_desk.core.errors import BadInputError, SarDeskError
from sar_desk.core.retention import Disposal, check_purge
from sar_desk.review.roles import Role
from sar_desk.store.disposal import write_atomic
from sar_desk.store.pg import team
from sar_desk.store.pg.case_store import PgStore
from sar_desk.store.uow import unit_of_work

logger = logging.getLogger(__name__)

TEAM_METHOD = (
    "The case's schema on the team server (every table, the originals and attachments kept in "
    "it, and its audit log) was dropped in one transaction, and its entry in the server's case "
    "register replaced by a record of this destruction (reference, certificate, login and time "
    "only). PostgreSQL frees the space without overwriting it, and the server's backups and "
    "archived write-ahead log keep copies until they expire under the server's backup policy; "
    "full-disk encryption of the server and of its backups protects those copies."
)


def purge_team_case(
    url: str,
    reference: str,
    certificate_path: Path,
    *,
    early: bool = False,
    reason: str = "",
    today: date | None = None,
) -> dict[str, Any]:
    """Destroy the case `reference` on the server at `url` and write its certificate.

    The acting user is the database login (a case handler, or the DPO for an early
    destruction); the server checks the rules again before it drops anything.

    Returns:
        The certificate as written.

    Raises:
        PurgeRefusedError: On hold, not closed, or retention not over (here or on the server).
        PermissionDeniedError: The login may not destroy the case, or not early.
        BadInputError: A bad certificate path, a certificate that cannot be written (nothing
            destroyed), or no reason for an early destruction.
        CaseBusyError: Someone is writing to the case on the server.
    """
    target = check_certificate_path(certificate_path)
    session = open_team_case(url, reference)
    try:
        role = lifecycle_role(session)
        position = disposal_position(session, today)
        check_purge(position, early=early, is_dpo=role is Role.DPO, reason=reason)
        cert = _team_certificate(session, role, position, early=early, reason=reason)
        assert isinstance(session.store, PgStore)  # a team session's store, always
        schema = session.store.schema
    finally:
        session.close()
    try:
        write_atomic(target, dump(cert))
    except OSError as exc:
        raise BadInputError(
            f"The certificate could not be written to {target} ({exc.strerror}); nothing was "
            "destroyed."
        ) from exc
    try:
        team.destroy_case(url, schema, cert["certificate_id"])
    except SarDeskError:
        target.unlink(missing_ok=True)  # nothing was destroyed: no certificate may say so
        raise
    done = {**cert, "status": "complete", "completed_at": now()}
    try:
        write_atomic(target, dump(done))
    except OSError as exc:
        # The server dropped the case; only the certificate's last word is missing.
        raise SarDeskError(
            f"The case {reference} was destroyed on the team store, but its certificate at "
            f"{target} could not be marked complete ({exc.strerror}); it still says "
            f"'in-progress'. The server records the destruction under certificate "
            f"{cert['certificate_id']}."
        ) from exc
    logger.info("team case destroyed: certificate %s", cert["certificate_id"])
    return done


def _team_certificate(
    session: TeamCaseSession, role: Role, position: Disposal, *, early: bool, reason: str
) -> dict[str, Any]:
    with unit_of_work(session.store) as uow:
        kept = uow.team.kept_files()
    cert = start_certificate(session, role, position, early=early, reason=reason)
    cert["contents"].update(files=kept.files, bytes=kept.bytes)
    cert["method"] = TEAM_METHOD
    cert["team_store"] = True
    return cert
