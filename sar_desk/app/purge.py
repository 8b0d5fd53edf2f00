"""Destroying a case at the end of its retention, with a destruction certificate (R69).

The order is chosen so that a crash at any point leaves either the whole case, usable, or a
case that refuses to open and that the next purge finishes:

1. Check the rules (no hold; closed and past its retention date, or an early purge by the DPO)
   and audit "case-purge-started"; the certificate takes the audit head from that entry.
2. Write the purge marker into the case folder (it holds the certificate), atomically. From
   here on the case cannot be opened.
3. Write the certificate ("in-progress") to its file, atomically. If that fails, the marker is
   removed and nothing has been destroyed.
4. Shred the database first, then every other file, then the folders.
5. Rewrite the certificate as "complete", remove the marker and the empty folder.

Purging a folder that holds a marker resumes at step 3. The certificate holds the reference,
regime, dates, counts, the SHA-256 of each original, who and when, and the audit head: never the
requester, a name, a file name, a reason or any message text.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sar_desk.app.base import AskPassphrase
from sar_desk.app.lifecycle import (
    disposal_position,
    lifecycle_role,
    reason_digest,
)
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import BadInputError
from sar_desk.core.retention import Disposal, DisposalState, check_purge
from sar_desk.review.roles import Role
from sar_desk.store.disposal import inventory, shred_tree, write_atomic
from sar_desk.store.folder import CaseFolder
from sar_desk.store.uow import unit_of_work

logger = logging.getLogger(__name__)

CERTIFICATE_FORMAT = 1
_LIFECYCLE_ACTIONS = (
    "case-created",
    "case-closed",
    "hold-placed",
    "hold-released",
    "case-purge-started",
)
METHOD = (
    "Each file was overwritten with zeros, flushed to disk, renamed and deleted, the case "
    "database first. On solid-state drives and journalling or copy-on-write file systems an "
    "overwrite cannot be guaranteed to reach every earlier copy of the data; full-disk "
    "encryption protects those copies."
)
KEY_FIRST = (
    "The case was encrypted: its key file was destroyed first, which made the database and "
    "every kept file unreadable before any of them was overwritten. "
)


def now() -> str:
    """The time now, as a certificate records it (UTC, seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def dump(data: dict[str, Any]) -> str:
    """A certificate as the JSON text written to its file."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def check_certificate_path(
    certificate: Path, folder: CaseFolder | None = None, *, resuming: bool = False
) -> Path:
    """Where the certificate goes, absolute: a new file (unless resuming), outside `folder`.

    Raises:
        BadInputError: Inside the case folder, in a missing folder, or an existing file.
    """
    target = certificate.absolute()
    root = folder.root.absolute() if folder is not None else None
    if root is not None and (target == root or root in target.parents):
        raise BadInputError(
            "The certificate must be written outside the case folder, which is destroyed."
        )
    try:
        # A name longer than the file system allows raises here rather than reading as absent.
        folder_there, taken = target.parent.is_dir(), target.exists()
    except OSError as exc:
        raise BadInputError(
            f"The certificate cannot be written as {target}: {exc.strerror or exc}. "
            "Choose a shorter file name or another folder."
        ) from exc
    if not folder_there:
        raise BadInputError(f"The folder for the certificate, {target.parent}, does not exist.")
    if taken and not resuming:
        raise BadInputError(f"{target} already exists; choose a new file for the certificate.")
    return target


def purge_case(
    folder: Path,
    certificate: Path,
    user: str | None = None,
    *,
    early: bool = False,
    reason: str = "",
    today: date | None = None,
    ask: AskPassphrase | None = None,
) -> dict[str, Any]:
    """Destroy a case and write its destruction certificate; finishes an interrupted purge.

    Args:
        folder: The case folder.
        certificate: Where the certificate goes (outside the case folder; a new file).
        user: Who destroys it (case handler or DPO; an early destruction needs the DPO).
        early: Destroy before the end of the retention period (DPO only, with a reason).
        reason: Why it is destroyed early (only its SHA-256 enters the certificate).
        today: The date the retention rules are checked against (default today).
        ask: Asks for `user`'s passphrase (issue 17). The shells pass it, so `user` must be
            the OS account or prove who they are; without it the calling program vouches for
            `user`, as with `CaseSession.open`.

    Returns:
        The certificate as written.

    Raises:
        PurgeRefusedError: On hold, not closed, or retention not over.
        PermissionDeniedError: The user may not destroy the case, or not early.
        BadInputError: A bad certificate path or no reason for an early destruction.
    """
    case_folder = CaseFolder(Path(folder))
    if case_folder.purge_marker.exists():
        return _resume(case_folder, certificate)
    target = check_certificate_path(certificate, case_folder)
    session = CaseSession.open(case_folder.root, user=None if ask else user)
    try:
        if ask is not None:
            session.act_as(user, ask)  # destroying as someone else needs their passphrase
        role = lifecycle_role(session)
        position = disposal_position(session, today)
        check_purge(position, early=early, is_dpo=role is Role.DPO, reason=reason)
        if case_folder.import_in_flight():
            raise BadInputError(
                "An import into this case is running; let it finish, close the case "
                "everywhere it is open, then destroy it."
            )
        files = inventory(session.folder)
        method = (KEY_FIRST if session.base.case_folder.is_encrypted() else "") + METHOD
        cert = start_certificate(session, role, position, early=early, reason=reason)
        cert["contents"].update(files=files.files, bytes=files.bytes)
        cert["method"] = method
    finally:
        session.close()
    write_atomic(case_folder.purge_marker, dump({"certificate": cert, "paths": [str(target)]}))
    try:
        write_atomic(target, dump(cert))
    except OSError as exc:
        case_folder.purge_marker.unlink()  # nothing destroyed yet: the case stays usable
        raise BadInputError(
            f"The certificate could not be written to {target} ({exc.strerror}); nothing was "
            "destroyed."
        ) from exc
    logger.info("purge started: certificate %s", cert["certificate_id"])
    return _finish(case_folder, cert, [target])


def start_certificate(
    session: CaseSession, role: Role, position: Disposal, *, early: bool, reason: str
) -> dict[str, Any]:
    """Audit the start of the purge and gather the certificate (no personal data).

    The caller fills in what it destroys (``contents.files``/``bytes``) and how (``method``).
    """
    case = session.case
    sources = session.ingest.sources()
    counts = session.search.message_counts()
    certificate_id = uuid.uuid4().hex
    early = early and position.state is not DisposalState.DUE
    with unit_of_work(session.store, write=True) as uow:
        head = uow.audit.append(
            session.user,
            "case-purge-started",
            {
                "certificate_id": certificate_id,
                "early": early,
                **({"reason_sha256": reason_digest(reason)} if early else {}),
            },
        )
        intact = not uow.audit.verify_chain()
        entries = uow.audit.entries()
    return {
        "document": "SAR Desk certificate of destruction",
        "format": CERTIFICATE_FORMAT,
        "status": "in-progress",
        "certificate_id": certificate_id,
        "case": {
            "reference": case.reference,
            "regime": str(case.regime),
            "regime_label": case.regime.label,
            "received": case.received.isoformat(),
            "closed_on": position.closed_on.isoformat() if position.closed_on else None,
            "retention": position.period.words,
            "retain_until": position.retain_until.isoformat() if position.retain_until else None,
            "destroyed_early": early,
            "early_reason_sha256": reason_digest(reason) if early else None,
        },
        "contents": {
            "sources": len(sources),
            "conversations": len(session.search.conversations()),
            "messages": sum(counts.values()),
            "files": 0,  # the caller counts what it destroys
            "bytes": 0,
        },
        "originals": [
            {"source": int(s.id), "platform": s.platform, "sha256": s.sha256} for s in sources
        ],
        "lifecycle": [
            {"action": e.action, "at": e.at.isoformat(), "user": e.user}
            for e in entries
            if e.action in _LIFECYCLE_ACTIONS
        ],
        "audit": {"entries": len(entries), "head": head.hash, "intact": intact},
        "destroyed_by": {"user": session.user, "role": str(role)},
        "started_at": now(),
        "completed_at": None,
        "method": "",  # the caller says how it destroys
    }


def _resume(case_folder: CaseFolder, certificate: Path) -> dict[str, Any]:
    """Finish a purge that was interrupted, with the certificate it started."""
    target = check_certificate_path(certificate, case_folder, resuming=True)
    data = json.loads(case_folder.purge_marker.read_text(encoding="utf-8"))
    cert: dict[str, Any] = {**data["certificate"], "resumed": True}
    paths = [Path(p) for p in data.get("paths", [])]
    if target not in paths:
        paths.append(target)
    for path in paths:
        if path.parent.is_dir():
            write_atomic(path, dump(cert))
    logger.info("purge resumed: certificate %s", cert.get("certificate_id"))
    return _finish(case_folder, cert, paths)


def _finish(case_folder: CaseFolder, cert: dict[str, Any], paths: list[Path]) -> dict[str, Any]:
    """Shred the case, complete the certificate, then remove the marker and the folder."""
    marker = case_folder.purge_marker
    shred_tree(case_folder.root, case_folder.database_files(), keep=marker)
    case_folder.forget_key()  # an encrypted case's key is gone from the disk: drop it here too
    done = {**cert, "status": "complete", "completed_at": now()}
    for path in paths:
        if path.parent.is_dir():
            write_atomic(path, dump(done))
    marker.unlink()
    case_folder.root.rmdir()
    return done
