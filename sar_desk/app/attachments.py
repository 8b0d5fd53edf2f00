"""Attachments in the case's use cases: kept at import, read and scanned in detection runs.

- `keep_import_attachments` runs inside an import's transaction, after the writer has stored
  the records: every file a record names becomes an attachment row (kept, refused or missing),
  and each refusal is one line in the import report; the message always stays.
- `read_texts` reads the text of kept files not read yet (OCR, PDF and Office text), once per
  content hash, in worker processes; `scan_texts` proposes findings in that text with the
  detection engine, mapped back to the attachment (its span indexes the attachment's text, and
  `core.attachments.boxes_for_span` turns it into regions of the image).
- `AttachmentsMixin` gives the session one-line reads for the shells.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sar_desk.app.base import SessionBase
from sar_desk.attachments import keep
from sar_desk.core.attachments import (
    AttachmentFinding,
    AttachmentPlan,
    AttachmentStatus,
    StoredAttachment,
)
from sar_desk.core.errors import (
    ImportFormatError,
    InputLimitError,
    UnsafeArchiveError,
    ZipBombError,
)
from sar_desk.core.imports import ImportReport
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.model import Attachment, MessageId, SourceId
from sar_desk.store.folder import CaseFolder, remove_tree
from sar_desk.store.uow import UnitOfWork, unit_of_work

if TYPE_CHECKING:
    from sar_desk.detect.analyze import Detector
    from sar_desk.detect.case_terms import CaseContext
    from sar_desk.store import Store

logger = logging.getLogger(__name__)

_NOT_EXTRACTED = "the export names this file but does not say where its content is"
_SCAN_BATCH = 50
_NAMED_MISSING = 5  # files named in the import report's line; the rest are counted


@dataclass
class KeptAttachments:
    """What an import did with the files its records name."""

    kept: int = 0
    refused: int = 0
    missing: int = 0
    created: list[Path] = field(default_factory=list)

    def discard(self) -> None:
        """Remove the files this import wrote (its transaction did not commit)."""
        for path in self.created:
            remove_tree(path)


class _Files:
    """The files of an export, found by the paths importers report (exact, suffix or name)."""

    def __init__(self, export: Path) -> None:
        from sar_desk.importers.archive import ExportTree

        self.tree = (
            ExportTree(export) if export.is_dir() or export.suffix.lower() == ".zip" else None
        )
        names = self.tree.names() if self.tree is not None else []
        self.names = set(names)
        self.by_base: dict[str, list[str]] = {}
        for name in names:
            self.by_base.setdefault(name.rsplit("/", 1)[-1], []).append(name)

    def find(self, path: str) -> str | None:
        rel = path.replace("\\", "/").removeprefix("./")
        if rel in self.names:
            return rel
        tails = [n for n in self.names if n.endswith("/" + rel)]
        if len(tails) == 1:
            return tails[0]
        same = self.by_base.get(rel.rsplit("/", 1)[-1], [])
        return same[0] if len(same) == 1 else None

    def close(self) -> None:
        if self.tree is not None:
            self.tree.close()


def _plan_one(
    files: _Files,
    position: int,
    item: Attachment,
    keeper: keep.Keeper,
    parts: dict[str, AttachmentPlan],
) -> AttachmentPlan:
    if not item.present:
        return keep.missing(position, item)
    if not item.path:
        return keep.missing(position, item, _NOT_EXTRACTED)
    if _inside(item.path):
        found = parts.get(item.path)
        if found is None:
            return keep.missing(position, item, "it could not be found again inside the export")
        return replace(found, position=position)
    name = files.find(item.path)
    if name is None or files.tree is None:
        return keep.missing(position, item, "the export says it holds this file, but it does not")
    size = files.tree.size(name)
    early = keep.precheck(position, item, size)
    if early is not None:
        return early
    try:
        with files.tree.open(name) as handle:
            data = handle.read(size + 1)
    except ZipBombError:
        why = "it would unpack far larger than it is stored (a 'zip bomb')"
        return keep.refused_unread(position, item, size, why)
    except (UnsafeArchiveError, ImportFormatError, InputLimitError, OSError):
        return keep.refused_unread(position, item, size, "it is damaged inside the export")
    return keep.plan(position, item, data, keeper)


def _keep_parts(
    export: Path,
    with_files: Sequence[tuple[int, str, tuple[Attachment, ...]]],
    keeper: keep.Keeper,
) -> dict[str, AttachmentPlan]:
    """Take the MMS parts the records name out of the backup, one at a time (memory stays flat)."""
    from sar_desk.importers import sms_parts
    from sar_desk.importers.archive import ExportTree
    from sar_desk.importers.rsmf import inner as rsmf_inner
    from sar_desk.importers.teams import files as teams_files

    items: dict[str, Attachment] = {
        item.path: item
        for _, _, found in with_files
        for item in found
        if item.present and item.path and _inside(item.path)
    }
    plans: dict[str, AttachmentPlan] = {}
    wanted = {p for p in items if sms_parts.is_part(p)}
    if wanted:
        for locator, declared, data in sms_parts.read_parts(export, wanted):
            plans[locator] = keep.plan_base64(0, items[locator], data, keeper, declared)
    wanted = {p for p in items if teams_files.is_inline(p)}
    if wanted:
        with ExportTree(export) as tree:
            for locator, declared, data in teams_files.read_inline(tree, wanted):
                plans[locator] = keep.plan_base64(0, items[locator], data, keeper, declared)
    wanted = {p for p in items if rsmf_inner.is_inner(p)}
    if wanted:
        for locator, size, read in rsmf_inner.read_inner(export, wanted):
            item = items[locator]
            early = keep.precheck(0, item, size)
            if early is None:
                try:
                    early = keep.plan(0, item, read(), keeper)
                except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                    early = keep.refused_unread(0, item, size, "it is damaged inside the export")
            plans[locator] = early
    return plans


def _inside(path: str | None) -> bool:
    """Whether a file's bytes are inside another export file (MMS part, RSMF, Teams inline)."""
    # Importers load only to import (a search must not load them).
    from sar_desk.importers import sms_parts
    from sar_desk.importers.rsmf import inner as rsmf_inner
    from sar_desk.importers.teams import files as teams_files

    return sms_parts.is_part(path) or rsmf_inner.is_inner(path) or teams_files.is_inline(path)


def _missing_line(count: int, named: Sequence[str]) -> str:
    """The import report's line for files the export names but does not hold."""
    many = count != 1
    more = f" and {count - len(named):,} more" if count > len(named) else ""
    return (
        f"{count:,} attachment{'s' if many else ''} named by the export {'are' if many else 'is'} "
        f"not in the export ({', '.join(named)}{more}): shared as a link (OneDrive, SharePoint, "
        "Slack) or left out when it was made. Each is listed as not in the export with its "
        "message and in the bundle; collect the file separately if it is needed."
    )


def keep_import_attachments(
    uow: UnitOfWork,
    folder: CaseFolder,
    export: Path,
    source_id: SourceId,
    with_files: Sequence[tuple[int, str, tuple[Attachment, ...]]],
    report: ImportReport,
) -> KeptAttachments:
    """Keep, refuse or list as missing every file the import's records name (see module doc)."""
    result = KeptAttachments()
    if not with_files:
        return result

    def keeper(sha256: str, data: bytes) -> str:
        existed = folder.has_attachment(sha256)
        stored = folder.keep_attachment(sha256, data)
        if not existed:
            result.created.append(folder.attachment_file(stored))
        return stored

    files = _Files(export)
    rows: list[tuple[MessageId, SourceId, AttachmentPlan]] = []
    absent: list[str] = []
    try:
        parts = _keep_parts(export, with_files, keeper)
        for message_id, location, items in uow.attachments.resolve_message_ids(
            source_id, with_files
        ):
            if message_id is None:
                continue  # a merged copy we cannot place: the stored copy has its own files
            for position, item in enumerate(items):
                plan = _plan_one(files, position, item, keeper, parts)
                rows.append((MessageId(message_id), source_id, plan))
                if plan.status is AttachmentStatus.REFUSED:
                    result.refused += 1
                    report.warnings.append(
                        f"{location}: the attachment {item.name!r} was not kept: {plan.reason}. "
                        "Its message was imported."
                    )
                elif plan.status is AttachmentStatus.MISSING:
                    result.missing += 1
                    if len(absent) < _NAMED_MISSING:
                        absent.append(f"{item.name!r} ({location})")
                else:
                    result.kept += 1
        uow.attachments.add_attachments(rows)
        if result.missing:
            report.warnings.append(_missing_line(result.missing, absent))
    except BaseException:
        result.discard()
        raise
    finally:
        files.close()
    return result


def read_texts(store: Store, folder: CaseFolder, cancel: CancelToken, workers: int = 1) -> Job[int]:
    """Read the text of every kept file not read yet (once per content hash); how many."""
    from sar_desk.attachments.pool import read_all

    font = str(office_font())
    done = 0
    while True:
        cancel.check()
        with unit_of_work(store) as uow:
            batch = uow.attachments.unread(limit=max(8, 8 * workers))
        if not batch:
            return done
        # The readers take plain files: an encrypted case's sealed copies are opened into a
        # private scratch folder outside the case for the length of the batch.
        with folder.scratch() as scratch:
            items = [(_readable(folder, scratch, s, p), m, s, font) for s, p, m in batch]
            for found in read_all(items, workers):
                with unit_of_work(store, write=True) as uow:
                    uow.attachments.save_text(found)
                done += 1
                yield Progress(done, None, "Reading text in photos and documents")


def office_font() -> Path:
    """The font Office documents are laid out in, to review and to disclose them."""
    from sar_desk.app.paths import resources_dir

    return resources_dir() / "fonts" / "NotoSans-Regular.ttf"


def _readable(folder: CaseFolder, scratch: Path, sha256: str, stored_path: str) -> str:
    """A path the text readers can open: the kept file, or its unsealed copy in `scratch`."""
    kept = folder.attachment_file(stored_path)
    if not folder.is_encrypted():
        return str(kept)
    plain = scratch / sha256
    plain.write_bytes(folder.read_file(kept))
    return str(plain)


def scan_texts(
    store: Store,
    run_id: int,
    detector: Detector,
    context: CaseContext,
    cancel: CancelToken,
) -> Job[list[AttachmentFinding]]:
    """Propose findings in the text of attachments whose messages this case has scanned."""
    from sar_desk.detect.analyze import analyze_batch

    found_all: list[AttachmentFinding] = []
    after = 0
    while True:
        cancel.check()
        with unit_of_work(store) as uow:
            batch = uow.attachments.unscanned(after, _SCAN_BATCH)
        if not batch:
            return found_all
        # Each text is analysed under its attachment's id, so findings map back to it even
        # when one message has two attachments; no message is passed, so no header or
        # structure proposal is made from them.
        by_id = {item.id: item for item in batch}
        proposals = analyze_batch(detector, [(MessageId(a.id), a.text) for a in batch], context)
        found = [
            AttachmentFinding(
                attachment_id=int(f.message_id),
                message_id=by_id[int(f.message_id)].message_id,
                start=f.start,
                end=f.end,
                text=f.text,
                entity_type=f.entity_type,
                score=f.score,
                recognizer=f.recognizer,
                explanation=f.explanation,
                person_id=f.person_id,
            )
            for f in proposals
            if f.start is not None and f.end is not None and int(f.message_id) in by_id
        ]
        with unit_of_work(store, write=True) as uow:
            uow.attachments.save_findings(found)
            uow.attachments.mark_scanned(run_id, list(by_id))
        found_all += found
        after = batch[-1].id
        yield Progress(len(found_all), None, "Scanning text in photos and documents")


class AttachmentsMixin(SessionBase):
    """Reading a case's attachments (thin delegations, kept apart for the services refactor)."""

    def attachments_of(self, message_ids: Sequence[int]) -> dict[MessageId, list[StoredAttachment]]:
        """The attachments of some messages, with their text."""
        with unit_of_work(self.store) as uow:
            return uow.attachments.attachments_of(message_ids)

    def attachment_counts(self) -> dict[str, int]:
        """How many attachments are kept, refused and missing."""
        with unit_of_work(self.store) as uow:
            return uow.attachments.status_counts()

    def attachment_findings(self, attachment_ids: Sequence[int]) -> list[AttachmentFinding]:
        """Detection's proposals in some attachments' text."""
        with unit_of_work(self.store) as uow:
            return uow.attachments.findings_of(attachment_ids)
