"""Facebook Messenger and Instagram "Download your information" JSON (``message_N.json``).

Each thread folder holds ``message_1.json``, ``message_2.json``, … with messages newest first.
Parts are read one at a time, from the highest number (oldest) down, and each is reversed, so
records stream oldest first without holding a whole thread. Meta writes every non-ASCII string
as UTF-8 bytes taken for Latin-1 ("mojibake"); the repair is decided per file, and only applied
when every string in the file round-trips. Messenger has no user ids: senders are names.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.limits import loads_json

logger = logging.getLogger(__name__)

_PART = re.compile(r"(?:^|/)message_(\d+)\.json$")
_MEDIA = {
    "photos": "image",
    "videos": "video",
    "audio_files": "audio",
    "files": "file",
    "gifs": "image",
}
_REACTION_TEXT = re.compile(
    r"^(?:Reacted .+ to your message|Liked a message|.+ reacted .+ to your message\.?)$"
)
_ATTACHMENT_TEXT = re.compile(r"^.+ sent an attachment\.$")


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield key
            yield from _strings(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _strings(item)


def needs_repair(data: Any) -> bool:
    """Whether every non-ASCII string in `data` is UTF-8 mis-read as Latin-1 (and one exists)."""
    found = False
    for text in _strings(data):
        if text.isascii():
            continue
        try:
            text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return False
        found = True
    return found


def repair(obj: Any) -> Any:
    """Undo the Latin-1 mojibake in every string of `obj` (call only if `needs_repair`)."""
    if isinstance(obj, str):
        return obj if obj.isascii() else obj.encode("latin-1").decode("utf-8")
    if isinstance(obj, dict):
        return {repair(k): repair(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [repair(item) for item in obj]
    return obj


def _media_key(uri: str) -> str:
    """The part of a media path from ``messages/`` on, to match it whatever the zip's root."""
    uri = uri.replace("\\", "/").lstrip("/")
    at = uri.find("messages/")
    return uri[at:] if at != -1 else uri


class _Thread:
    """Reads the parts of one thread folder."""

    def __init__(self, tree: ExportTree, parts: list[str], media: set[str], report: ImportReport):
        self.tree = tree
        self.parts = sorted(parts, key=_part_number, reverse=True)
        self.media = media
        self.report = report
        self.declared: set[str] = set()
        self.instagram = "instagram" in parts[0].lower()

    def _load(self, name: str) -> dict[str, Any] | None:
        try:
            data: Any = loads_json(self.tree.read_bytes(name), name)
        except UnicodeDecodeError:
            self.report.skip(name, "is not UTF-8 text, so its messages could not be read.")
            return None
        except json.JSONDecodeError as exc:
            self.report.skip(
                name,
                f"is damaged JSON (line {exc.lineno:,}: {exc.msg}); none of its messages "
                "could be read. The download may have been cut short.",
            )
            return None
        if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
            self.report.skip(name, "has no list of messages, so it is not a Messenger thread file.")
            return None
        if needs_repair(data):
            data = repair(data)
            self.report.settings["mojibake_repaired"] = "yes"
        return dict(data)

    def stream(self) -> Iterator[RawMessage]:
        for name in self.parts:
            data = self._load(name)
            if data is None:
                continue
            key = str(data.get("thread_path") or name.rsplit("/", 1)[0])
            if self.instagram and not key.startswith("instagram"):
                key = f"instagram/{key}"
            title = clean_whitespace(str(data.get("title") or "")) or key.rsplit("/", 1)[-1]
            title = f"Instagram: {title}" if self.instagram else title
            for person in data.get("participants") or []:
                who = (
                    clean_whitespace(str(person.get("name") or ""))
                    if isinstance(person, dict)
                    else ""
                )
                if who and who not in self.declared:
                    self.declared.add(who)
                    self.report.declare(key, who, IdentifierKind.NAME, who)
            items = list(enumerate(data["messages"]))
            if len(items) > 1 and _ms(items[0][1]) >= _ms(items[-1][1]):
                items.reverse()  # newest first on disk; oldest first out
            for index, item in items:
                raw = self._message(item, key, title, f"{name} messages[{index}]")
                if raw is not None:
                    yield raw

    def _attachments(self, item: dict[str, Any]) -> list[Attachment]:
        found: list[Attachment] = []
        for field, kind in _MEDIA.items():
            for media in item.get(field) or []:
                if isinstance(media, dict) and isinstance(media.get("uri"), str):
                    found.append(self._file(media["uri"], kind))
        sticker = item.get("sticker")
        if isinstance(sticker, dict) and isinstance(sticker.get("uri"), str):
            found.append(self._file(sticker["uri"], "sticker"))
        return found

    def _file(self, uri: str, kind: str) -> Attachment:
        key = _media_key(uri)
        present = key in self.media
        return Attachment(
            name=uri.rsplit("/", 1)[-1], type=kind, present=present, path=uri if present else None
        )

    def _message(self, item: Any, key: str, title: str, location: str) -> RawMessage | None:
        if not isinstance(item, dict) or not isinstance(item.get("timestamp_ms"), int):
            self.report.skip(location, "has no timestamp_ms, so it could not be placed in time.")
            return None
        sender = clean_whitespace(str(item.get("sender_name") or "")) or None
        text = str(item.get("content") or "")
        files = self._attachments(item)
        share = item.get("share")
        if isinstance(share, dict) and share.get("link") and str(share["link"]) not in text:
            text = f"{text}\n{share['link']}".strip()
        reactions = tuple(
            Reaction(emoji=str(r.get("reaction", "")), actor=r.get("actor"))
            for r in item.get("reactions") or []
            if isinstance(r, dict)
        )
        kind = MessageKind.MEDIA if files and not text else MessageKind.MESSAGE
        mtype = item.get("type")
        if item.get("is_unsent"):
            kind, text, files = MessageKind.DELETED, "", []
        elif mtype == "Call":
            kind = MessageKind.CALL
            if item.get("call_duration") is not None:
                text = f"{text} ({item['call_duration']} seconds)".strip()
        elif mtype in ("Subscribe", "Unsubscribe"):
            kind = MessageKind.SYSTEM
            users = [str(u.get("name")) for u in item.get("users") or [] if isinstance(u, dict)]
            text = text or f"{mtype}: {', '.join(users)}"
        elif _REACTION_TEXT.match(text) and not files:
            kind = MessageKind.SYSTEM  # Instagram writes reactions as fake messages
        elif _ATTACHMENT_TEXT.match(text) and not files:
            kind = MessageKind.MEDIA
            files = [Attachment(name="attachment (not in the download)", present=False)]
        return RawMessage(
            platform=MessengerImporter.platform,
            conversation_key=key,
            conversation_title=title,
            sender=sender,
            sender_id=None,
            sender_id_kind=None,
            timestamp=datetime.fromtimestamp(item["timestamp_ms"] / 1000, tz=UTC),
            timestamp_raw=str(item["timestamp_ms"]),
            time_basis=TimeBasis.UTC,
            kind=kind,
            text=text,
            attachments=tuple(files),
            reactions=reactions,
            location=location,
        )


def _part_number(name: str) -> int:
    match = _PART.search(name)
    return int(match.group(1)) if match else 1


def _ms(item: Any) -> int:
    return item.get("timestamp_ms", 0) if isinstance(item, dict) else 0


def _looks_like_thread(head: bytes) -> bool:
    return b'"participants"' in head and (
        b'"sender_name"' in head
        or b'"thread_path"' in head
        or b'"magic_words"' in head
        or b'"is_still_participant"' in head
    )


def _looks_like_download(tree: ExportTree) -> bool:
    names = [n for n in tree.names() if _PART.search(n)]
    if tree.kind == "file":
        names = [n for n in tree.names() if n.lower().endswith(".json")]
    return any(_looks_like_thread(tree.head(n, 8192)) for n in names[:3])


class MessengerImporter:
    """Facebook Messenger / Instagram JSON download (file, zip or folder)."""

    platform: ClassVar[str] = "messenger"
    display_name: ClassVar[str] = "Facebook Messenger / Instagram download (JSON)"
    shapes: ClassVar[str] = (
        "message_1.json, message_2.json, … in thread folders of a 'Download your information' "
        "JSON download (messages/inbox, archived_threads, filtered_threads, message_requests; "
        "old, your_activity_across_facebook/, your_facebook_activity/ and Instagram "
        "your_instagram_activity/ layouts), as a zip, the unpacked folder or one thread file."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds ``message_N.json`` thread files with Messenger's keys."""
        return sniff_tree(path, _looks_like_download)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every thread's messages, oldest first within each thread.

        Raises:
            ImportFormatError: No Messenger thread files are in the input.
        """
        report.limitations.extend(
            [
                "Messenger and Instagram give senders by display name only (no account ids), so "
                "two people with the same name cannot be told apart.",
                "End-to-end encrypted Messenger chats are not in this download; they are exported "
                "separately from Messenger's secure storage.",
                "Unsent messages are kept as deleted markers: their text is not in the download.",
            ]
        )
        with ExportTree(path) as tree:
            names = tree.names()
            parts = [n for n in names if _PART.search(n)] if tree.kind != "file" else names
            if not parts or not any(_looks_like_thread(tree.head(n, 8192)) for n in parts[:3]):
                raise ImportFormatError(
                    f"{path.name} holds no Messenger or Instagram message_1.json files. Choose "
                    "the JSON download (not HTML) from 'Download your information'."
                )
            media = {_media_key(n) for n in names if not n.endswith(".json")}
            threads: dict[str, list[str]] = defaultdict(list)
            for name in parts:
                threads[name.rsplit("/", 1)[0] if "/" in name else ""].append(name)
            for folder in sorted(threads):
                yield from _Thread(tree, threads[folder], media, report).stream()
            logger.info("messenger download read: %d threads", len(threads))
