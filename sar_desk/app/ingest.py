"""Importing exports into a case: each source whole or not at all.

The original is first copied into the case folder (`store.folder.CaseFolder`) under a
temporary name while its SHA-256 is computed; the importer then reads that copy (so what we
parse is exactly what we keep, and a file that vanishes afterwards cannot hurt). Records are
written in one transaction; only when they are all in is the copy given its final read-only
name and the transaction committed.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sar_desk.app import resolution as app_people
from sar_desk.app.attachments import KeptAttachments, keep_import_attachments
from sar_desk.core.errors import DuplicateSourceError, ImportFormatError
from sar_desk.core.imports import ImportIssue, ImportReport
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.model import Case, Source
from sar_desk.store.folder import CaseFolder, remove_tree
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    from sar_desk.importers.base import Importer, ImportOptions
    from sar_desk.store import Store

logger = logging.getLogger(__name__)

_CHUNK = 1024 * 1024
_PROGRESS_EVERY = 1000


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one source import did."""

    source: Source
    platform: str
    messages: int
    system: int
    duplicates: int
    issues: tuple[ImportIssue, ...]
    warnings: tuple[str, ...]
    limitations: tuple[str, ...]
    settings: dict[str, str]
    custodian_added: str | None = None


def importer_for(path: Path) -> Importer:
    """The importer that recognises an export (importers load on first use, not at start-up)."""
    from sar_desk import importers

    return importers.importer_for(path)


def by_platform(name: str) -> Importer:
    """The importer registered for a platform name."""
    from sar_desk import importers

    return importers.by_platform(name)


def _hash_file(src: Path, dest: Path) -> str:
    digest = hashlib.sha256()
    with src.open("rb") as reader, dest.open("wb") as writer:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            writer.write(chunk)
    return digest.hexdigest()


def _copy_and_hash(src: Path, dest: Path) -> str:
    """Copy a file or folder to `dest`, returning the SHA-256 of its content.

    A folder's hash covers every file's relative path and hash, in sorted order.
    """
    try:
        if src.is_dir():
            listing = hashlib.sha256()
            for path in sorted(p for p in src.rglob("*") if p.is_file()):
                rel = path.relative_to(src)
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                listing.update(f"{rel.as_posix()}\0{_hash_file(path, target)}\n".encode())
            return listing.hexdigest()
        return _hash_file(src, dest)
    except FileNotFoundError as exc:
        raise ImportFormatError(
            f"{src.name} disappeared while it was being copied into the case. Check the file is "
            "still where you left it (and not on a disconnected drive), then import again."
        ) from exc
    except PermissionError as exc:
        raise ImportFormatError(
            f"{src.name} could not be read (permission denied). Copy it somewhere you can read "
            "it, then import that copy."
        ) from exc


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def import_source(
    folder: CaseFolder,
    case: Case,
    path: Path,
    *,
    platform: str | None = None,
    custodian: str | None = None,
    day_first: bool | None = None,
    cancel: CancelToken | None = None,
    user: str = "unknown",
    lenient: bool = False,
    strict: bool = False,
) -> Job[ImportResult]:
    """Import one export (file, zip or folder) into the case.

    Yields progress while records are written. The store is opened inside the job, so the job
    can run on a worker thread.

    Raises:
        ImportFormatError: The export could not be read (nothing is kept).
        DuplicateSourceError: The same file was imported before.
        Cancelled: The user stopped the import (nothing is kept).
    """
    from sar_desk.importers.base import ImportOptions  # the importers load only to import

    cancel = cancel or CancelToken()
    importer: Importer = by_platform(platform) if platform else importer_for(path)
    yield Progress(0, None, f"Copying {path.name} into the case")
    with folder.incoming() as incoming:
        copy_target = incoming / path.name
        sha = _copy_and_hash(path, copy_target)
        size = _size(copy_target)
        result = yield from _write(
            folder,
            case,
            importer,
            path,
            copy_target,
            sha,
            size,
            custodian,
            cancel,
            user,
            ImportOptions(
                timezone=case.timezone,
                day_first=day_first,
                region=case.default_region,
                lenient=lenient,
                strict=strict,
            ),
        )
        return result


def _write(
    folder: CaseFolder,
    case: Case,
    importer: Importer,
    path: Path,
    copy_target: Path,
    sha: str,
    size: int,
    custodian: str | None,
    cancel: CancelToken,
    user: str,
    options: ImportOptions,
) -> Job[ImportResult]:
    report = ImportReport()
    with folder.open_store() as store:
        with unit_of_work(store) as uow:
            previous = uow.sources.find_by_sha(sha)
        if previous is not None:
            return _another_custodian(store, previous, path, custodian, user)
        # Files written for this import go again if anything fails, the commit itself included
        # (a full disk or a lock at COMMIT): a failed import leaves nothing behind.
        kept: KeptAttachments | None = None
        final: Path | None = None
        try:
            with unit_of_work(store, write=True) as uow:
                now = datetime.now(UTC).replace(microsecond=0)
                source_id = uow.sources.add_source(
                    platform=importer.platform,
                    original_name=path.name,
                    stored_path="",
                    sha256=sha,
                    size=size,
                    custodian=custodian,
                    imported_at=now,
                    importer_version=importer.version,
                )
                writer = uow.sources.writer(source_id)
                done = 0
                for raw in importer.read(copy_target, report, options):
                    writer.add(raw)
                    done += 1
                    if done % _PROGRESS_EVERY == 0:
                        cancel.check()
                        yield Progress(done, None, f"Importing {path.name}: {done:,} records")
                cancel.check()
                writer.flush()  # conversations must exist before the export's member lists
                writer.declare(report.participants, importer.platform)
                counts = writer.finish()
                if done == 0:
                    raise ImportFormatError(
                        f"{path.name} was recognised as {importer.display_name} but holds no "
                        f"messages ({len(report.issues):,} lines could not be read). "
                        "Check it is the full export."
                    )
                kept = keep_import_attachments(
                    uow, folder, copy_target, source_id, writer.with_files, report
                )
                final_name = f"{source_id:04d}-{sha[:12]}-{path.name}"
                final = folder.keep_original(copy_target, final_name)
                uow.sources.finish_source(
                    source_id,
                    message_count=counts.messages,
                    system_count=counts.system,
                    duplicate_count=counts.duplicates,
                    issue_count=len(report.issues),
                    settings=report.settings,
                    report=_report_json(report),
                )
                uow.sources.set_stored_path(source_id, folder.stored_path(final_name))
                app_people.record_import(uow, report, importer.platform, case, user)
                uow.audit.append(
                    user,
                    "import",
                    {
                        "source": int(source_id),
                        "platform": importer.platform,
                        "sha256": sha,
                        "messages": counts.messages,
                        "system": counts.system,
                        "duplicates": counts.duplicates,
                        "issues": len(report.issues),
                        "custodian_given": custodian is not None,
                    },
                )
        except BaseException:
            if final is not None:
                remove_tree(final)
            if kept is not None:
                kept.discard()
            raise
        with unit_of_work(store) as uow:
            source = uow.sources.get_source(source_id)
    logger.info(
        "imported source %s: %d messages, %d system, %d duplicates, %d issues; "
        "attachments %d kept, %d refused, %d missing",
        source_id,
        counts.messages,
        counts.system,
        counts.duplicates,
        len(report.issues),
        kept.kept,
        kept.refused,
        kept.missing,
    )
    yield Progress(done, done, f"Imported {path.name}")
    return ImportResult(
        source=source,
        platform=importer.platform,
        messages=counts.messages,
        system=counts.system,
        duplicates=counts.duplicates,
        issues=tuple(report.issues),
        warnings=tuple(report.warnings),
        limitations=tuple(report.limitations),
        settings=dict(report.settings),
    )


def _report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "issues": [
            {"location": i.location, "line": i.line_no, "message": i.message} for i in report.issues
        ],
        "warnings": list(report.warnings),
        "limitations": list(report.limitations),
    }


def _another_custodian(
    store: Store, previous: Source, path: Path, custodian: str | None, user: str
) -> ImportResult:
    """A byte-identical export: record a new custodian on the source, or refuse the copy.

    The file is not stored twice (its messages are already in the case, listed against the
    source), but the second custodian is not lost: an SAR search of their devices covered it.

    Raises:
        DuplicateSourceError: No custodian was named, or this one is already recorded.
    """
    when = f"on {previous.imported_at:%d %B %Y} (source {previous.id}, same SHA-256)"
    known = {name.casefold() for name in previous.custodians}
    if not custodian or custodian.strip().casefold() in known:
        hint = "" if custodian else " If another custodian handed it over, name them to add them."
        raise DuplicateSourceError(
            f"{path.name} was already imported into this case {when}"
            f"{' from the same custodian' if custodian else ''}. It was not imported again.{hint}"
        )
    with unit_of_work(store, write=True) as uow:
        uow.sources.add_custodian(
            previous.id, custodian.strip(), datetime.now(UTC).replace(microsecond=0), user
        )
        uow.audit.append(
            user, "add-custodian", {"source": int(previous.id), "sha256": previous.sha256}
        )
        source = uow.sources.get_source(previous.id)
    logger.info("source %s: custodian added for a byte-identical export", previous.id)
    return ImportResult(
        source=source,
        platform=previous.platform,
        messages=0,
        system=0,
        duplicates=previous.message_count + previous.system_count + previous.duplicate_count,
        issues=(),
        warnings=(
            f"{path.name} is byte-identical to source {previous.id} ({previous.original_name}), "
            f"imported {when[3:]}: its custodian was added to that source and no second copy "
            "was stored.",
        ),
        limitations=(),
        settings={},
        custodian_added=custodian.strip(),
    )
