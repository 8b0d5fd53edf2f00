"""RSMF 1.0/2.0 (Relativity Short Message Format): eDiscovery vendors' chat hand-over format.

An ``.rsmf`` file is an RFC 5322 e-mail with an ``X-RSMF-Version`` header, a flattened text
body and an ``rsmf.zip`` attachment holding ``rsmf_manifest.json`` and the attachment files. A
bare ``rsmf.zip`` or ``rsmf_manifest.json`` is accepted too. The manifest is validated against
the published schema's required fields and the referential rules before anything is read;
with ``options.lenient`` common producer mistakes are accepted and each is reported.

Edited events keep the last text as the message text and append each earlier version after a
line ``[earlier version]``: ``edits[].previous`` can hold words the subject later removed, and
they are in scope for a subject access request, so redaction must see them.
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Iterator
from datetime import datetime
from email import message_from_binary_file, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.core.identity import clean_whitespace, normalise_email
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree, check_zip, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.limits import loads_json
from sar_desk.importers.rsmf.check import Manifest, validate
from sar_desk.importers.rsmf.inner import inner_locator

logger = logging.getLogger(__name__)

MANIFEST = "rsmf_manifest.json"
_SYSTEM = {"disclaimer", "join", "leave", "history"}

__all__ = ["RsmfImporter"]


class _Source:
    """The manifest and attachment names of one RSMF, with its e-mail headers."""

    def __init__(
        self,
        name: str,
        manifest: Any,
        files: set[str],
        headers: dict[str, str],
        inner: str | None = None,
    ):
        self.name = name
        self.manifest = manifest
        self.files = files
        self.headers = headers
        self.inner = inner
        """The e-mail in the export whose rsmf.zip holds the files (None: they are plain)."""

    def path_of(self, file_id: str) -> str | None:
        """Where an attachment's bytes are, for the import to keep them (None: not here)."""
        if file_id not in self.files:
            return None
        return inner_locator(self.inner, file_id) if self.inner else file_id


def _open_zip(data: bytes, name: str, headers: dict[str, str]) -> _Source:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        check_zip(Path(name), archive)
        names = {i.filename for i in archive.infolist() if not i.is_dir()}
        if MANIFEST not in names:
            raise ImportFormatError(
                f"{name}: rsmf.zip has no {MANIFEST} at its root, so it is not a valid RSMF. "
                "Ask the supplier to regenerate it."
            )
        raw = archive.read(MANIFEST)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise UnsafeArchiveError(
            f"{name}: its rsmf.zip is damaged ({exc}). Ask the supplier for a new copy."
        ) from exc
    return _Source(name, _load_json(raw, name), names - {MANIFEST}, headers)


def _load_json(raw: bytes, name: str) -> Any:
    try:
        return loads_json(raw, name)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFormatError(
            f"{name}: {MANIFEST} is not readable JSON ({exc}). The RSMF is damaged; ask the "
            "supplier to regenerate it."
        ) from exc


def _from_email(tree: ExportTree, name: str) -> _Source:
    data, headers = zip_of_email(tree, name)
    src = _open_zip(data, name, headers)
    src.inner = name
    return src


def zip_of_email(tree: ExportTree, name: str) -> tuple[bytes, dict[str, str]]:
    """The rsmf.zip inside an RSMF e-mail of the export, and its X-RSMF headers.

    Raises:
        ImportFormatError: It is not an RSMF e-mail, or has no rsmf.zip.
    """
    with tree.open(name) as handle:
        msg = message_from_binary_file(handle, policy=policy.default)
    if not isinstance(msg, EmailMessage) or msg.get("X-RSMF-Version") is None:
        raise ImportFormatError(
            f"{name} has no X-RSMF-Version header, so it is not an RSMF file. Check the file "
            "came from an eDiscovery tool as .rsmf."
        )
    headers = {k.lower(): str(v) for k, v in msg.items() if k.lower().startswith("x-rsmf-")}
    for part in msg.iter_attachments():
        if (part.get_filename() or "").lower() == "rsmf.zip":
            data = part.get_payload(decode=True)
            if isinstance(data, bytes) and data:
                return data, headers
    raise ImportFormatError(
        f"{name} is an RSMF e-mail without its rsmf.zip attachment, so it holds no events. "
        "Ask the supplier for the complete file."
    )


def _sources(tree: ExportTree, path: Path) -> Iterator[_Source]:
    if tree.kind == "zip":
        if MANIFEST not in tree.names():
            rsmfs = [n for n in tree.names() if n.lower().endswith(".rsmf")]
            if not rsmfs:
                raise ImportFormatError(
                    f"{path.name} is a zip without {MANIFEST} or .rsmf files: not an RSMF export."
                )
            for name in rsmfs:
                yield _from_email(tree, name)
            return
        yield _open_zip(path.read_bytes(), path.name, {})
        return
    for name in tree.names():
        low = name.lower()
        if low.endswith((".rsmf", ".eml")) and b"x-rsmf-version" in tree.head(name).lower():
            yield _from_email(tree, name)
        elif low.endswith(MANIFEST):
            folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
            files = {n[len(folder) :] for n in tree.names() if n.startswith(folder) and n != name}
            yield _Source(name, _load_json(tree.read_bytes(name), name), files, {})


class _Events:
    """Turns one validated manifest into records."""

    def __init__(self, src: _Source, man: Manifest, report: ImportReport, zone: ZoneInfo):
        self.src = src
        self.man = man
        self.report = report
        self.zone = zone
        self.app = src.headers.get("x-rsmf-application", "")

    def who(self, pid: str | None) -> tuple[str | None, str | None, IdentifierKind | None]:
        if pid is None:
            return None, None, None
        person = self.man.participants.get(pid, {})
        display = clean_whitespace(str(person.get("display") or "")) or pid
        email = normalise_email(str(person.get("email") or ""))
        if email:
            return display, email, IdentifierKind.EMAIL
        account = str(person.get("account_id") or "").strip()
        if account:
            return display, account, IdentifierKind.PLATFORM_ID
        return display, None, None

    def declare(self) -> None:
        for conv in self.man.conversations.values():
            for pid in conv.get("participants") or []:
                display, ident, kind = self.who(str(pid))
                if ident and kind:
                    self.report.declare(str(conv["id"]), ident, kind, display)
                elif display:
                    self.report.declare(str(conv["id"]), display, IdentifierKind.NAME, display)
        for person in self.man.participants.values():
            email = normalise_email(str(person.get("email") or ""))
            account = str(person.get("account_id") or "").strip()
            if email and account:
                self.report.link(
                    IdentifierKind.PLATFORM_ID,
                    account,
                    IdentifierKind.EMAIL,
                    email,
                    person.get("display"),
                )

    def title(self, conv_id: str) -> str:
        conv = self.man.conversations.get(conv_id, {})
        app = self.app or str(conv.get("platform") or "")
        display = clean_whitespace(str(conv.get("display") or "")) or conv_id
        return f"{display} ({app})" if app else display

    def records(self) -> Iterator[RawMessage]:
        only = next(iter(self.man.conversations)) if len(self.man.conversations) == 1 else None
        for index, event in enumerate(self.man.events):
            location = f"{self.src.name} events[{index}]"
            stamp = str(event.get("timestamp") or "")
            when = self._when(stamp, location)
            conv_id = str(event.get("conversation") or only or "")
            if when is None or not conv_id:
                why = "no conversation" if when else "no usable timestamp"
                self.report.skip(location, f"has {why}, so it could not be placed.")
                continue
            yield self._record(event, conv_id, when, stamp, location)

    def _when(self, stamp: str, location: str) -> datetime | None:
        try:
            when = datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else None
        except ValueError:
            return None
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=self.zone)  # allowed by the schema; warned in validation
        return when

    def _record(
        self, event: dict[str, Any], conv_id: str, when: datetime, stamp: str, location: str
    ) -> RawMessage:
        etype = str(event.get("type"))
        sender, sender_id, kind_id = self.who(_opt(event.get("participant")))
        text = str(event.get("body") or "")
        edits = [e for e in event.get("edits") or [] if isinstance(e, dict)]
        for edit in edits:
            if edit.get("previous"):
                text += f"\n[earlier version] {edit['previous']}"
        files = tuple(
            Attachment(
                name=str(a.get("display") or a["id"]),
                present=str(a["id"]) in self.src.files,
                path=self.src.path_of(str(a["id"])),
                size=a.get("size") if isinstance(a.get("size"), int) else None,
            )
            for a in event.get("attachments") or []
            if isinstance(a, dict) and a.get("id")
        )
        kind = MessageKind.MEDIA if files and not text else MessageKind.MESSAGE
        # An "unknown" event is a system event when it is no one's (or has nothing to say).
        if etype in _SYSTEM or (etype == "unknown" and (not text or sender is None)):
            kind = MessageKind.SYSTEM
            if not text and etype in ("join", "leave"):
                text = f"{sender or 'Someone'} {'joined' if etype == 'join' else 'left'}"
        if event.get("deleted") is True:
            kind = MessageKind.DELETED  # the text is kept when the producer recovered it
        reactions = tuple(
            Reaction(emoji=str(r["value"]), actor=self.who(str(p))[0])
            for r in event.get("reactions") or []
            if isinstance(r, dict) and "value" in r
            for p in (r.get("participants") or [None])
        )
        return RawMessage(
            platform=RsmfImporter.platform,
            conversation_key=conv_id,
            conversation_title=self.title(conv_id),
            sender=sender,
            sender_id=sender_id,
            sender_id_kind=kind_id,
            timestamp=when,
            timestamp_raw=stamp,
            time_basis=TimeBasis.OFFSET_GIVEN if _has_offset(stamp) else TimeBasis.CASE_TZ,
            kind=kind,
            text=text,
            attachments=files,
            platform_message_id=_opt(event.get("id")),
            reply_to=_opt(event.get("parent")),
            edited=bool(edits),
            reactions=reactions,
            location=location,
        )


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _has_offset(stamp: str) -> bool:
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _looks_like_rsmf(tree: ExportTree) -> bool:
    if tree.kind == "zip":
        return MANIFEST in tree.names() or any(n.lower().endswith(".rsmf") for n in tree.names())
    for name in tree.names()[:20]:
        head = tree.head(name, 8192)
        if b"x-rsmf-version" in head.lower():
            return True
        if name.endswith(".json") and all(
            k in head for k in (b'"conversations"', b'"events"', b'"participants"')
        ):
            return True
    return False


class RsmfImporter:
    """RSMF 1.0/2.0 files (.rsmf e-mail, bare rsmf.zip or rsmf_manifest.json)."""

    platform: ClassVar[str] = "rsmf"
    display_name: ClassVar[str] = "RSMF (Relativity Short Message Format) 1.0/2.0"
    shapes: ClassVar[str] = (
        "An .rsmf file (e-mail with X-RSMF-Version and an rsmf.zip attachment), a bare rsmf.zip "
        "or rsmf_manifest.json, or a folder of .rsmf files. Validated against the RSMF 2.0 "
        "schema's required fields and reference rules; a lenient import accepts common producer "
        "mistakes and reports each."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` is an RSMF e-mail, an rsmf.zip, or a manifest."""
        return sniff_tree(path, _looks_like_rsmf)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Validate each manifest and stream its events.

        Raises:
            ImportFormatError: Not RSMF, or the manifest breaks the schema (names the field).
        """
        report.limitations.extend(
            [
                "An RSMF holds what the supplier's tool collected, often a 24-hour slice of one "
                "conversation; other slices are separate files.",
                "The RSMF's e-mail text body repeats the events and is not imported separately.",
                "Read receipts and custom fields in the manifest are not imported.",
            ]
        )
        zone = ZoneInfo(options.timezone)
        with ExportTree(path) as tree:
            found = 0
            for src in _sources(tree, path):
                found += 1
                man = validate(
                    src.manifest,
                    src.name,
                    src.files,
                    src.headers,
                    options.lenient,
                    report,
                    options.strict,
                )
                events = _Events(src, man, report, zone)
                yield from events.records()
                events.declare()
                logger.info("rsmf manifest read: %d events", len(man.events))
            if not found:
                raise ImportFormatError(
                    f"{path.name} holds no RSMF (.rsmf file, rsmf.zip or {MANIFEST})."
                )
