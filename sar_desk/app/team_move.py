"""Moving a case folder to the team store (issue 17 item 7), its originals hash-checked.

A case is moved before its review starts: the case record and every source go to the server,
each original checked against the SHA-256 recorded when it was first imported and imported
again there, so the server's case holds the same messages from the same bytes. Decisions are
facts bound to server logins, so a case folder holding any is refused (with what it holds);
detection and review then run on the server. The folder is left as it was, and the server's
first entries record the folder's audit head, tying the two logs together.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sar_desk.app.importing import ImportFailure
from sar_desk.app.session import CaseSession
from sar_desk.app.team_case import create_team_case
from sar_desk.core.errors import BadInputError, CaseDamagedError
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.model import Source
from sar_desk.store.uow import unit_of_work


@dataclass(frozen=True, slots=True)
class MoveResult:
    """What a move did."""

    reference: str
    sources: int
    messages: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _check_movable(local: CaseSession) -> None:
    if local.base.case_folder.is_encrypted():
        raise BadInputError(
            "An encrypted case folder cannot be moved to the team store yet; the server "
            "protects its cases itself."
        )
    with unit_of_work(local.store) as uow:
        held = uow.team.decision_rows()
    if held:
        what = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in sorted(held.items()))
        raise BadInputError(
            f"The case {local.case.reference} already holds decisions ({what}); on the team "
            "store every decision is made by a server login, so only a case whose review has "
            "not started can move there. Finish it here, or start it again on the server."
        )


def _original(local: CaseSession, source: Source, work: Path) -> Path:
    """The source's original, copied under its own name after checking its SHA-256."""
    kept = local.base.case_folder.root / source.stored_path
    if not kept.is_file():
        raise BadInputError(
            f"Source {int(source.id)} ({source.original_name}) is a folder export; only cases "
            "whose sources are files can move to the team store yet."
        )
    if _sha256(kept) != source.sha256:
        raise CaseDamagedError(
            f"The kept original of source {int(source.id)} no longer matches the SHA-256 "
            "recorded when it was imported, so nothing was moved. Restore the case folder "
            "from a backup."
        )
    copy = work / str(int(source.id)) / source.original_name
    copy.parent.mkdir(mode=0o700)
    shutil.copyfile(kept, copy)
    return copy


def move_to_server(folder: Path, url: str, cancel: CancelToken | None = None) -> Job[MoveResult]:
    """Create the case of `folder` on the server at `url` and import its originals there.

    Raises:
        BadInputError: The case holds decisions, is encrypted, or has a folder export.
        CaseDamagedError: An original no longer matches its recorded SHA-256.
        CaseExistsError: The server already holds a case with that reference.
    """
    cancel = cancel or CancelToken()
    local = CaseSession.open(folder)
    work = Path(tempfile.mkdtemp(prefix="sar-desk-move-"))
    try:
        _check_movable(local)
        sources = local.ingest.sources()
        copies = [(s, _original(local, s, work)) for s in sources]
        with unit_of_work(local.store) as uow:
            head = uow.audit.current_head()
        team = create_team_case(url, local.case)
        try:
            messages = 0
            for number, (source, copy) in enumerate(copies, start=1):
                yield Progress(number - 1, len(copies), f"Moving {source.original_name}")
                order = source.settings.get("date_order", "")
                outcomes = yield from team.ingest.import_files(
                    [copy],
                    platform=source.platform,
                    custodian=source.custodian,
                    day_first={"day-first": True, "month-first": False}.get(order),
                    cancel=cancel,
                )
                outcome = outcomes[0]
                if isinstance(outcome, ImportFailure):
                    raise BadInputError(
                        f"Source {int(source.id)} could not be imported on the server: "
                        f"{outcome.message} The case on the server holds the sources before it."
                    )
                messages += outcome.messages
            with unit_of_work(team.store, write=True) as uow:
                uow.audit.append(
                    team.user,
                    "case-moved",
                    {
                        "from_folder_entries": head.entry if head else 0,
                        "from_folder_head": head.hash if head else None,
                        "sources": len(copies),
                        "sha256_checked": len(copies),
                    },
                )
            return MoveResult(team.case.reference, len(copies), messages)
        finally:
            team.close()
    finally:
        local.close()
        shutil.rmtree(work, ignore_errors=True)
