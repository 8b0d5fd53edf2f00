"""Signal chats exported by signal-export (carderne ``sigexport``): one folder per chat.

Each chat folder has ``chat.md`` (``[2019-05-29, 15:04] Me: text`` lines, local time, with
attachments as Markdown links) and often ``data.json`` (one JSON object per line, epoch-ms
times). ``data.json`` is preferred when present because its times are exact instants and it
keeps quote ids and reactions; ``chat.md`` is read otherwise, in the case's time zone. The
exporter is literally "Me" and has no id in either file.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.core.text import clean_whitespace, phone_key
from sar_desk.importers.archive import ExportTree, decode_text, looks_binary, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.limits import loads_json
from sar_desk.importers.sigtop import looks_like_sigtop, read_sigtop_files, sigtop_files
from sar_desk.importers.whatsapp.marks import has_invisible, strip_marks

logger = logging.getLogger(__name__)

HEADER = re.compile(r"^\[(\d{4}-\d{2}-\d{2}), (\d{1,2}:\d{2}(?::\d{2})?)\] ([^:\n]+?): ?(.*)$")
# A label never holds "[": the text "[see [a.pdf](a.pdf)" keeps its "[see".
LINK = re.compile(r"!?\[([^\[\]\n]*)\]\(([^)\n]+)\)")
_LINK_GAP = re.compile(r" ?" + LINK.pattern)
ME = "Me"
_TYPES = {"image": "image", "video": "video", "audio": "audio"}
_SNIFF_LINES = 50
_SIGTOP_NOTE = (
    "sigtop text files give each message's time with its UTC offset; sigtop does not copy "
    "attachments into the text export, so attachments are listed but not present."
)


def _chat_folder(name: str) -> str:
    parent = PurePosixPath(name).parent.as_posix()
    return "" if parent == "." else parent


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ImportFormatError(
            f"The case time zone '{name}' is not known, so Signal's local times cannot be "
            "placed. Set the case time zone (e.g. Europe/London) and import again."
        ) from exc


class _Chat:
    """One chat folder: its files, its key and how to resolve attachment paths."""

    def __init__(
        self, tree: ExportTree, folder: str, report: ImportReport, zone: ZoneInfo, region: str
    ):
        self.tree = tree
        self.region = region
        self.folder = folder
        self.prefix = f"{folder}/" if folder else ""
        self.report = report
        self.zone = zone
        fallback = tree.path.parent.name if tree.path.stem == "chat" else tree.path.stem
        self.key = folder.rsplit("/", 1)[-1] if folder else fallback
        self.names = set(tree.names())

    def attachment(self, name: str, path: str, ctype: str = "") -> Attachment:
        rel = path.replace("\\", "/").removeprefix("./")
        present = f"{self.prefix}{rel}" in self.names
        kind = _TYPES.get(ctype.split("/")[0], "") or _guess(name or rel)
        return Attachment(
            name=name or rel.rsplit("/", 1)[-1],
            type=kind,
            present=present,
            path=f"{self.prefix}{rel}" if present else None,
        )

    def raw(self, **fields: Any) -> RawMessage:
        sender = fields.pop("sender")
        return RawMessage(
            platform=SignalImporter.platform,
            conversation_key=self.key,
            conversation_title=self.key,
            sender=sender,
            **fields,
        )

    def read(self) -> Iterator[RawMessage]:
        data = f"{self.prefix}data.json"
        if data in self.names:
            count = 0
            for raw in self._json(data):
                count += 1
                yield raw
            if count:
                return
            self.report.warn(f"{data} had no readable messages; chat.md was read instead.")
        if f"{self.prefix}chat.md" in self.names or self.tree.kind == "file":
            yield from self._markdown()

    def _markdown(self) -> Iterator[RawMessage]:
        name = f"{self.prefix}chat.md" if self.tree.kind != "file" else self.tree.names()[0]
        text = decode_text(self.tree.read_bytes(name), name)
        current: dict[str, Any] | None = None
        for line_no, line in enumerate(text.splitlines(), 1):
            match = _header(line)
            if match and _stamp(*match.group(1, 2)) is None:
                # A header with an impossible date or time: kept as text, never silently.
                kept = (
                    f"kept as text of the message at line {current['line']}"
                    if current
                    else "not imported: it comes before the first message"
                )
                self.report.skip(
                    f"{name} line {line_no}",
                    f"starts like a message line but '{match[1]}, {match[2]}' is not a date "
                    f"and time, so it was {kept}.",
                    line_no,
                )
                if current is not None:
                    current["lines"].append(line)
                continue
            if match:
                if current:
                    yield self._md_message(current)
                day, clock, who, body = match.groups()
                current = {
                    "day": day,
                    "clock": clock,
                    "who": who,
                    "lines": [body],
                    "line": line_no,
                    "name": name,
                }
            elif current is not None:
                current["lines"].append(line)
            elif line.strip():
                self.report.skip(
                    f"{name} line {line_no}",
                    "comes before the first dated message line, so it has no sender or time.",
                    line_no,
                )
        if current:
            yield self._md_message(current)

    def _md_message(self, cur: dict[str, Any]) -> RawMessage:
        body = strip_marks("\n".join(cur["lines"])).rstrip("\n")
        files = [
            self.attachment(label, target)
            for label, target in LINK.findall(body)
            if not target.startswith(("http://", "https://"))
        ]
        text = _LINK_GAP.sub(lambda m: m.group(0) if m.group(2).startswith("http") else "", body)
        text = text.strip()
        naive = _stamp(cur["day"], cur["clock"])
        assert naive is not None  # _markdown only starts a message at a readable header
        when = naive.replace(tzinfo=self.zone)
        who = clean_whitespace(strip_marks(cur["who"]))
        return self.raw(
            sender=who,
            sender_id=None,
            sender_id_kind=None,
            timestamp=when,
            timestamp_raw=f"[{cur['day']}, {cur['clock']}]",
            time_basis=TimeBasis.CASE_TZ,
            kind=MessageKind.MEDIA if files and not text else MessageKind.MESSAGE,
            text=text,
            attachments=tuple(files),
            location=f"{cur['name']} line {cur['line']}",
            line_no=cur["line"],
        )

    def _json(self, name: str) -> Iterator[RawMessage]:
        text = decode_text(self.tree.read_bytes(name), name)
        for line_no, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name} line {line_no}"
            try:
                item = loads_json(line, where)
            except json.JSONDecodeError as exc:
                self.report.skip(where, f"is not a JSON object ({exc.msg}).", line_no)
                continue
            raw = self._json_message(item, where, line_no) if isinstance(item, dict) else None
            if raw is not None:
                yield raw
            elif not isinstance(item, dict):
                self.report.skip(where, "is not a JSON object.", line_no)

    def _json_message(self, item: dict[str, Any], where: str, line_no: int) -> RawMessage | None:
        stamp = item.get("timestamp", item.get("sent_at", item.get("date")))
        when = _instant(stamp)
        if when is None:
            self.report.skip(
                where, "has no readable timestamp, so it could not be placed.", line_no
            )
            return None
        outgoing = item.get("type") == "outgoing" or item.get("sender") == ME
        sender = ME if outgoing else clean_whitespace(str(item.get("sender") or "")) or None
        phone = None if outgoing else phone_key(str(item.get("source") or ""), self.region)
        text = str(item.get("body") or "")
        quote = item.get("quote")
        reply_to = None
        if isinstance(quote, dict) and quote.get("id") is not None:
            reply_to = str(quote["id"])
        elif isinstance(quote, str) and quote.strip():
            text = "\n".join(f"> {q}" for q in quote.splitlines()) + "\n" + text
        files = [
            self.attachment(
                str(a.get("fileName") or a.get("name") or ""),
                str(a.get("path") or a.get("fileName") or ""),
                str(a.get("contentType") or ""),
            )
            for a in item.get("attachments") or []
            if isinstance(a, dict)
        ]
        reactions = tuple(
            Reaction(
                emoji=str(r.get("emoji", "")),
                actor=r.get("author") or r.get("sender") or r.get("fromId"),
            )
            for r in item.get("reactions") or []
            if isinstance(r, dict)
        )
        kind = MessageKind.MEDIA if files and not text else MessageKind.MESSAGE
        if item.get("deleted") or item.get("isErased"):
            kind, text = MessageKind.DELETED, ""
        if item.get("type") in (
            "group-v2-change",
            "keychange",
            "verified-change",
            "timer-notification",
        ):
            kind = MessageKind.SYSTEM
        msg_id = item.get("id", stamp)
        return self.raw(
            sender=sender,
            sender_id=phone,
            sender_id_kind=IdentifierKind.PHONE if phone else None,
            timestamp=when,
            timestamp_raw=str(stamp),
            time_basis=TimeBasis.UTC,
            kind=kind,
            text=text,
            attachments=tuple(files),
            reactions=reactions,
            reply_to=reply_to,
            platform_message_id=str(msg_id),
            location=where,
            line_no=line_no,
        )


def _instant(value: Any) -> datetime | None:
    """An epoch-ms number or an ISO 8601 string with an offset, as an aware datetime."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value / 1000, tz=UTC)
        if isinstance(value, str) and value.isdigit():
            return datetime.fromtimestamp(int(value) / 1000, tz=UTC)
        if isinstance(value, str):
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else None
    except (ValueError, OverflowError, OSError):
        return None
    return None


def _guess(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in ("jpg", "jpeg", "png", "gif", "webp", "heic"):
        return "image"
    if ext in ("mp4", "mov", "webm"):
        return "video"
    if ext in ("m4a", "aac", "ogg", "mp3", "opus"):
        return "audio"
    return "file"


def _header(line: str) -> re.Match[str] | None:
    """`HEADER` matched with invisible and direction marks ignored."""
    return HEADER.match(strip_marks(line) if has_invisible(line) else line)


def _stamp(day: str, clock: str) -> datetime | None:
    """The naive local time of a header, or None when the date or time is impossible."""
    fmt = "%Y-%m-%d %H:%M:%S" if clock.count(":") == 2 else "%Y-%m-%d %H:%M"
    try:
        return datetime.strptime(f"{day} {clock}", fmt)
    except ValueError:
        return None


def _has_header(head: bytes) -> bool:
    text = head.decode("utf-8-sig", errors="replace")
    return any(_header(line) for line in text.splitlines())


def _first_line_is_header(head: bytes) -> bool:
    """Whether a file reads as chat.md, by shape whatever the file's name.

    The first line that is not blank or a Markdown title is a message line, or three are.
    """
    if looks_binary(head):
        return False
    lines = head.decode("utf-8-sig", errors="replace").splitlines()[:_SNIFF_LINES]
    meaningful = [line for line in lines if line.strip() and not line.startswith("#")]
    if not meaningful:
        return False
    return bool(_header(meaningful[0])) or sum(bool(_header(x)) for x in meaningful) >= 3


def _looks_like_signal_export(tree: ExportTree) -> bool:
    if tree.kind == "file":
        head = tree.head(tree.path.name)
        return _first_line_is_header(head) or (not looks_binary(head) and looks_like_sigtop(head))
    mds = [n for n in tree.names() if n.rsplit("/", 1)[-1] == "chat.md"]
    return any(_first_line_is_header(tree.head(n, 4096)) for n in mds[:3]) or bool(
        sigtop_files(tree, limit=3)
    )


class SignalImporter:
    """signal-export (sigexport) output: chat folders, a folder of them, or a zip."""

    platform: ClassVar[str] = "signal"
    display_name: ClassVar[str] = "Signal (signal-export chat folders, sigtop text)"
    shapes: ClassVar[str] = (
        "signal-export output: a chat folder with chat.md and optional data.json (one JSON "
        "object per line) and media/, a folder of several chat folders, a zip of either, or a "
        "single chat.md (under any name); sigtop text conversations (.txt, one per "
        "conversation, or a folder or zip of them). Not supported: sigtop JSON/HTML, "
        "signalbackup-tools HTML, encrypted backups."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds a signal-export chat or sigtop text conversations."""
        return sniff_tree(path, _looks_like_signal_export)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every chat folder's messages.

        Raises:
            ImportFormatError: No signal-export chat is in the input.
        """
        zone = _zone(options.timezone)
        report.limitations.extend(
            [
                "Signal has no official export; this is signal-export's copy of Signal Desktop, "
                "which holds only what that desktop had synced.",
                "The person who made the export is shown as 'Me' with no phone number.",
                "chat.md times are the exporting computer's local time, read in the case time "
                "zone; data.json times are exact.",
            ]
        )
        with ExportTree(path) as tree:
            if tree.kind == "file":
                head = tree.head(path.name)
                sigtop = [path.name] if looks_like_sigtop(head, anywhere=True) else []
            else:
                sigtop = sigtop_files(tree)
            if sigtop:
                report.limitations.append(_SIGTOP_NOTE)
                yield from read_sigtop_files(tree, sigtop, report, options.region)
                logger.info("sigtop text read: %d conversations", len(sigtop))
            if tree.kind == "file":
                folders = [] if sigtop else [""]
            else:
                folders = sorted(
                    {
                        _chat_folder(n)
                        for n in tree.names()
                        if n.rsplit("/", 1)[-1] in ("chat.md", "data.json")
                    }
                )
            if sigtop and not folders:
                return
            if not folders or (tree.kind == "file" and not _has_header(tree.head(path.name))):
                raise ImportFormatError(
                    f"{path.name} is not a signal-export chat (no chat.md starting with a line "
                    "like '[2024-05-29, 15:04] Me: …') nor sigtop text (no 'From:' line followed "
                    "by a 'Sent:' line). Choose the folder signal-export or sigtop made."
                )
            for folder in folders:
                yield from _Chat(tree, folder, report, zone, options.region).read()
            logger.info("signal export read: %d chats", len(folders))
