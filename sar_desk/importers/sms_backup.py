"""SMS Backup & Restore (SyncTech, Android) XML: ``<smses>`` of ``<sms>`` and ``<mms>`` records.

Backups are often several gigabytes because MMS media is inlined as base64, so the file is
streamed with ``iterparse`` and every record is cleared once read. Parsing is defused: a file
with a DTD or entity declarations (billion laughs, XXE) is refused before any entity expands,
because the app never writes one. Old app versions wrote emoji as UTF-16 surrogate-pair
character references that no XML parser accepts; a streaming pre-filter recombines them into
real code points first. A truncated backup keeps the records read before the cut and says so.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, ClassVar
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace, normalise_email, normalise_phone
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.archive import ExportTree, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.limits import Deadline, MarkupDepth
from sar_desk.importers.sms_parts import part_locator
from sar_desk.importers.surrogates import SurrogateFixer as SurrogateFixer

logger = logging.getLogger(__name__)

_ROOT = re.compile(rb"<(smses|allsms|calls)[\s>/]")
_SENT_TYPES = {"2", "4", "5", "6"}
_MEDIA_TYPES = {"image": "image", "video": "video", "audio": "audio"}
ME = "Me"


MAX_XML_DEPTH = 64
"""SMS Backup & Restore nests three levels (smses, mms, parts/addrs and their items)."""


def _attr(elem: Element, name: str) -> str | None:
    value = elem.get(name)
    return None if value is None or value == "null" else value


def _contact(elem: Element) -> str | None:
    name = _attr(elem, "contact_name") or _attr(elem, "name")
    name = clean_whitespace(name) if name else None
    return None if not name or name == "(Unknown)" else name


@lru_cache(maxsize=4096)
def address_id(address: str, region: str) -> tuple[str, IdentifierKind]:
    """Normalise an SMS address: E.164 phone, RCS group e-mail-like id, or a sender handle.

    Cached: a backup repeats a few hundred addresses many thousands of times, and phone
    parsing dominates the cost of a record otherwise.
    """
    phone = normalise_phone(address, region)
    if phone:
        return phone, IdentifierKind.PHONE
    email = normalise_email(address)
    if email:
        return email, IdentifierKind.EMAIL
    return clean_whitespace(address), IdentifierKind.HANDLE


def _epoch_ms(value: str | None) -> datetime | None:
    if not value or not value.lstrip("-").isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(value) / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


class _Reader:
    """Reads one backup XML file, turning records into `RawMessage`s."""

    def __init__(
        self, name: str, report: ImportReport, options: ImportOptions, member: str = ""
    ) -> None:
        self.name = name
        self.member = member or name
        self.report = report
        self.region = options.region
        self.count = 0
        self.declared: set[tuple[str, str]] = set()

    def _declare(self, key: str, ident: str, kind: IdentifierKind, name: str | None) -> None:
        if (key, ident) not in self.declared:
            self.declared.add((key, ident))
            self.report.declare(key, ident, kind, name)

    def _conversation(self, address: str, contact: str | None) -> tuple[str, str, list[str]]:
        parts = [a for a in (p.strip() for p in address.replace(",", "~").split("~")) if a]
        ids = sorted({address_id(a, self.region)[0] for a in parts})
        key = "~".join(ids)
        return key, contact or ", ".join(ids), ids

    def record(self, elem: Element, seq: int) -> RawMessage | None:
        location = f"{self.name}, <{elem.tag}> #{seq}"
        when = _epoch_ms(elem.get("date"))
        address = _attr(elem, "address")
        if when is None or not address:
            missing = "date" if when is None else "address"
            self.report.skip(location, f"has no usable {missing}, so it could not be placed.")
            return None
        if elem.tag == "mms":
            return self._mms(elem, when, address, location, seq)
        return self._sms(elem, when, address, location)

    def _sms(self, elem: Element, when: datetime, address: str, location: str) -> RawMessage:
        contact = _contact(elem)
        key, title, ids = self._conversation(address, contact)
        kind_of = IdentifierKind.EMAIL if "@" in key else address_id(address, self.region)[1]
        if kind_of != IdentifierKind.EMAIL:  # an RCS group id is not a person
            for ident in ids:
                self._declare(key, ident, address_id(ident, self.region)[1], contact)
        sent = elem.get("type") in _SENT_TYPES or elem.get("type") == "3"
        group = len(ids) > 1 or kind_of == IdentifierKind.EMAIL
        sender: str | None = ME
        sender_id: str | None = None
        id_kind: IdentifierKind | None = None
        if not sent:
            sender = None if group else contact or ids[0]
            sender_id = None if group else ids[0]
            id_kind = None if group else kind_of
        return RawMessage(
            platform=SmsBackupImporter.platform,
            conversation_key=key,
            conversation_title=title,
            sender=sender,
            sender_id=sender_id,
            sender_id_kind=id_kind,
            timestamp=when,
            timestamp_raw=elem.get("date", ""),
            time_basis=TimeBasis.UTC,
            kind=MessageKind.MESSAGE,
            text=_attr(elem, "body") or "",
            location=location,
        )

    def _mms(
        self, elem: Element, when: datetime, address: str, location: str, seq: int
    ) -> RawMessage:
        contact = _contact(elem)
        key, title, ids = self._conversation(address, contact)
        texts: list[str] = []
        files: list[Attachment] = []
        for index, part in enumerate(elem.iter("part")):
            ctype = (part.get("ct") or "").lower()
            if ctype == "application/smil":
                continue  # layout only
            if ctype == "text/plain":
                if text := _attr(part, "text"):
                    texts.append(text)
                continue
            data = part.get("data") or ""
            name = _attr(part, "cl") or _attr(part, "name") or _attr(part, "fn")
            files.append(
                Attachment(
                    name=name or f"part {part.get('seq', '?')} ({ctype or 'unknown type'})",
                    type=_MEDIA_TYPES.get(ctype.split("/")[0], "file"),
                    present=bool(data.strip()),
                    # Where the bytes are: taken out of the backup when the import keeps files.
                    path=part_locator(self.member, seq, index) if data.strip() else None,
                    size=len(data) * 3 // 4 if data else None,
                )
            )
        sender_addr: str | None = None
        mentions: list[str] = []
        for addr in elem.iter("addr"):
            value = _attr(addr, "address")
            if not value or value.lower() == "insert-address-token":
                continue
            ident, kind = address_id(value, self.region)
            self._declare(key, ident, kind, None)
            if addr.get("type") == "137":
                sender_addr = ident
            elif ident not in mentions:
                mentions.append(ident)
        for ident in ids:
            self._declare(key, ident, address_id(ident, self.region)[1], None)
        sent = elem.get("msg_box") in _SENT_TYPES or elem.get("msg_box") == "3"
        sender: str | None = ME
        sender_id: str | None = None
        id_kind: IdentifierKind | None = None
        if not sent:
            sender_id = sender_addr or (ids[0] if len(ids) == 1 else None)
            id_kind = address_id(sender_id, self.region)[1] if sender_id else None
            sender = (contact if len(ids) == 1 and contact else None) or sender_id
        text = "\n".join(texts)
        subject = _attr(elem, "sub")
        if subject and subject not in text:
            text = f"{subject}\n{text}" if text else subject
        return RawMessage(
            platform=SmsBackupImporter.platform,
            conversation_key=key,
            conversation_title=title,
            sender=sender,
            sender_id=sender_id,
            sender_id_kind=id_kind,
            timestamp=when,
            timestamp_raw=elem.get("date", ""),
            time_basis=TimeBasis.UTC,
            kind=MessageKind.MEDIA if files and not text else MessageKind.MESSAGE,
            text=text,
            attachments=tuple(files),
            mentions=tuple(mentions),
            location=location,
        )

    def stream(self, handle: IO[bytes], size: int = 0) -> Iterator[RawMessage]:
        fixer = SurrogateFixer(handle)
        root: Element | None = None
        seq = 0
        # Bounded: a backup nests three levels, and its reading time grows with its size.
        depth = MarkupDepth(self.name, MAX_XML_DEPTH)
        deadline = Deadline(self.name, size)
        try:
            for event, elem in iterparse(fixer, events=("start", "end"), forbid_dtd=True):
                if event == "start":
                    depth.opened()
                else:
                    depth.closed()
                    if not seq % 1024:
                        deadline.check()
                if root is None:
                    root = elem
                    self._check_root(elem)
                    continue
                if event != "end" or elem.tag not in ("sms", "mms"):
                    continue
                seq += 1
                raw = self.record(elem, seq)
                root.clear()  # keep memory flat: each record is dropped once read
                if raw is not None:
                    self.count += 1
                    yield raw
        except DefusedXmlException as exc:
            raise ImportFormatError(
                f"{self.name} declares a DTD or XML entities, which SMS Backup & Restore never "
                "writes and which can be used to attack the computer reading it. It was refused "
                "for safety; ask for a fresh backup made by the app."
            ) from exc
        except ParseError as exc:
            self._damaged(exc, root)
        if fixer.fixed or fixer.lone:
            self.report.settings["surrogate_pairs_fixed"] = str(fixer.fixed)
        if fixer.lone:
            self.report.warn(
                f"{self.name} has {fixer.lone:,} broken emoji codes (half of a character pair); "
                "each was shown as the replacement character \ufffd."
            )

    def _check_root(self, elem: Element) -> None:
        if elem.tag == "calls":
            raise ImportFormatError(
                f"{self.name} is an SMS Backup & Restore call log (calls-….xml), which has no "
                "messages. Import the sms-….xml file made by the same backup instead."
            )
        if elem.tag not in ("smses", "allsms"):
            raise ImportFormatError(
                f"{self.name} is XML but not an SMS backup (it starts with <{elem.tag}>, not "
                "<smses>). Check you picked the sms-….xml file from SMS Backup & Restore."
            )
        if elem.tag == "allsms":
            self.report.settings["xml_root"] = "allsms"

    def _damaged(self, exc: ParseError, root: Element | None) -> None:
        line = exc.position[0] if getattr(exc, "position", None) else 0
        if root is None or (self.count == 0 and "no element found" not in str(exc)):
            raise ImportFormatError(
                f"{self.name} is not readable XML (line {line:,}: {exc}). It is not an intact "
                "SMS Backup & Restore file; make a new backup and import that."
            ) from exc
        early = "no element found" in str(exc) or "unclosed token" in str(exc)
        where = "ends early" if early else f"is damaged at line {line:,}"
        self.report.warn(
            f"{self.name} {where}: {self.count:,} records were read before that point, and the "
            "rest of the file could not be read. Ask for a complete backup if more are expected."
        )
        self.report.skip(
            f"{self.name} line {line:,}", f"the file could not be read past here ({exc})."
        )


def _is_backup(head: bytes) -> bool:
    match = _ROOT.search(head[:4096])
    return bool(match and match.group(1) in (b"smses", b"allsms"))


class SmsBackupImporter:
    """SMS Backup & Restore XML (a file, a zip of them, or a folder)."""

    platform: ClassVar[str] = "sms"
    display_name: ClassVar[str] = "SMS Backup & Restore (Android) XML"
    shapes: ClassVar[str] = (
        "sms-YYYYMMDDhhmmss.xml from SMS Backup & Restore (<smses> with <sms> and <mms>), "
        "other apps' <allsms> backups with the same attributes, or a zip/folder holding them."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds an XML file whose root is ``<smses>`` or ``<allsms>``."""
        return sniff_tree(
            path,
            lambda tree: any(_is_backup(tree.head(n, 4096)) for n in self._xml_names(tree)[:5]),
        )

    @staticmethod
    def _xml_names(tree: ExportTree) -> list[str]:
        return [n for n in tree.names() if n.lower().endswith(".xml") or tree.kind == "file"]

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream the messages of every backup XML in the file, zip or folder.

        Raises:
            ImportFormatError: Nothing here is an SMS backup, or it is unsafe XML.
        """
        report.limitations.extend(
            [
                "SMS backups hold only the phone's own messages: anything deleted before the "
                "backup was made is not in it.",
                "Reactions, edits and read receipts are not in SMS backups.",
                "RCS group messages do not say which member sent them; they are shown with no "
                "sender.",
            ]
        )
        with ExportTree(path) as tree:
            names = [
                n
                for n in self._xml_names(tree)
                if tree.kind == "file" or _is_backup(tree.head(n, 4096))
            ]
            if not names:
                raise ImportFormatError(
                    f"{path.name} holds no SMS Backup & Restore XML (a file starting with "
                    "<smses>). Check you picked the sms-….xml backup."
                )
            for name in names:
                shown = name if tree.kind != "file" else path.name
                reader = _Reader(shown, report, options, name)
                with tree.open(name) as handle:
                    yield from reader.stream(handle, tree.size(name))
                logger.info("sms backup file read: %d records", reader.count)
