"""A team case copied back to a case folder for offline work (issue 17 item 7).

The way back of `team_move`: the case on the server, as it is at one moment, becomes a new
case folder holding the same rows (so the same messages, people, decisions and sign-offs), the
server's audit log entry for entry (so `audit verify` checks its chain, seals and hashes in
the folder), and every original, attachment and bundle master written from the server's bytes
after checking its SHA-256. The server records who took the copy, and the folder records where
it came from, as their newest entries. The decisions stay the logins'; in the folder the OS
account acts, as on any case folder, so the copy is for reading, searching, exporting and
checking away from the server, not for carrying decisions back to it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sar_desk.app.base import default_user
from sar_desk.app.team_case import open_team_case
from sar_desk.core.errors import PermissionDeniedError
from sar_desk.core.jobs import Job, Progress
from sar_desk.store.folder import CaseFolder, remove_tree
from sar_desk.store.pg import team
from sar_desk.store.pg.copy_back import copy_case

logger = logging.getLogger(__name__)

_WRITERS = ("case-handler", "reviewer", "dpo")


@dataclass(frozen=True, slots=True)
class CopyBackResult:
    """What the copy holds."""

    reference: str
    folder: Path
    messages: int
    originals: int
    attachments: int
    entries: int


def copy_to_folder(url: str, reference: str, folder: Path) -> Job[CopyBackResult]:
    """Copy the case `reference` on the server at `url` into the new case folder `folder`.

    Raises:
        CaseExistsError: `folder` already holds a case or other files.
        CaseNotFoundError: The server holds no such case.
        PermissionDeniedError: The login holds no team role, or only the auditor's.
        BadInputError: A source is a folder export the team store did not keep.
        CaseDamagedError: A file on the server no longer matches its SHA-256.
    """
    me = team.who_am_i(url)
    if not set(me.roles) & set(_WRITERS):
        raise PermissionDeniedError(
            f"Taking an offline copy of a case is recorded in its log, which the auditor role "
            f"cannot write; {me.login} is {', '.join(me.roles)}. Ask a case handler, reviewer "
            "or DPO to take the copy."
        )
    yield Progress(0, 3, "Opening the case on the team store")
    session = open_team_case(url, reference)
    try:
        existed = Path(folder).exists()
        local = CaseFolder.create(Path(folder)).open_store(create=True)
        try:
            yield Progress(1, 3, "Copying the case and checking its files")
            result = copy_case(
                session.store, local, Path(folder), default_user(), team.describe(url)
            )
        except BaseException:
            local.close()
            _undo(Path(folder), existed)
            raise
        local.close()
    finally:
        session.close()
    yield Progress(3, 3, "Copied")
    logger.info(
        "copied a team case to a folder (%d messages, %d entries)",
        result.rows.get("messages", 0),
        result.entries,
    )
    return CopyBackResult(
        reference,
        Path(folder),
        result.rows.get("messages", 0),
        result.files.originals,
        result.files.attachments,
        result.entries,
    )


def _undo(folder: Path, existed: bool) -> None:
    # Only what this copy made goes: the folder itself when it made it, else its contents
    # (CaseFolder.create refused a folder that held anything).
    if not existed:
        remove_tree(folder)
        return
    for entry in folder.iterdir():
        if entry.is_dir():
            remove_tree(entry)
        else:
            entry.unlink(missing_ok=True)
