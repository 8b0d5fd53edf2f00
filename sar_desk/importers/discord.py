"""DiscordChatExporter (DCE) JSON exports: one file per channel, or a folder or zip of them.

Each file has ``guild``, ``channel`` and ``messages``. Messages are streamed with ijson, so a big
channel never sits in memory; only the set of message ids seen per channel is kept, to drop the
duplicate message objects DCE sometimes writes. Times keep the offset DCE wrote (the exporting
machine's, unless it ran with ``--utc``). Old-shape files without ``reference``, ``roles`` or
``stickers`` are read the same way.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree, sniff_tree
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.jsonstream import dict_at, head_text, head_values, iter_items

PLATFORM = "discord"
_GUILD = re.compile(r'"guild"\s*:\s*\{')
_CHANNEL = re.compile(r'"channel"\s*:\s*\{')
_MESSAGE_TYPES = frozenset({"Default", "Reply"})
_META = frozenset(
    {"guild.id", "guild.name", "channel.id", "channel.name", "channel.category", "channel.type"}
)


def looks_like_discord(head: str) -> bool:
    """Whether the start of a JSON file looks like a DiscordChatExporter export."""
    text = head.lstrip()
    return text.startswith("{") and bool(_GUILD.search(text) and _CHANNEL.search(text))


class DiscordImporter:
    """Reads DiscordChatExporter JSON files."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "Discord (DiscordChatExporter JSON)"
    shapes: ClassVar[str] = "one DCE .json per channel, or a folder or zip of them"
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds DCE JSON; reads the first KB of JSON files, never raises."""
        return sniff_tree(
            path,
            lambda tree: any(
                looks_like_discord(head_text(tree, n, 4096)) for n in _candidates(tree)
            ),
        )

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every channel file's messages, dropping repeated (channel, id) pairs.

        Raises:
            ImportFormatError: No DCE JSON file is there, or one is not valid JSON.
        """
        report.limitations.append(
            "Discord exports made with DiscordChatExporter leave out deleted messages and keep "
            "only the time of the last edit. Times are in the exporting computer's offset unless "
            "it was run with --utc."
        )
        with ExportTree(path) as tree:
            files = [n for n in _candidates(tree) if looks_like_discord(head_text(tree, n, 4096))]
            if not files:
                raise ImportFormatError(
                    f"{path.name} is not a DiscordChatExporter JSON export (no file with guild, "
                    "channel and messages). Export the channel again in JSON format."
                )
            names = frozenset(tree.names())
            seen: dict[str, set[str]] = {}
            zone = ZoneInfo(options.timezone)
            for name in files:
                yield from _read_file(tree, name, names, seen, zone, report)


def _candidates(tree: ExportTree) -> list[str]:
    if tree.kind == "file":
        return tree.names()
    return [n for n in tree.names() if n.lower().endswith(".json")]


def _read_file(
    tree: ExportTree,
    name: str,
    names: frozenset[str],
    seen: dict[str, set[str]],
    zone: ZoneInfo,
    report: ImportReport,
) -> Iterator[RawMessage]:
    meta, _ = head_values(tree, name, _META, stop_keys=("messages",))
    channel_id = str(meta.get("channel.id") or name)
    parts = [meta.get("guild.name"), meta.get("channel.category"), meta.get("channel.name")]
    title = " / ".join(dict.fromkeys(str(p) for p in parts if p)) or posixpath.basename(name)
    ids = seen.setdefault(channel_id, set())
    base = posixpath.dirname(name)
    for index, obj in enumerate(iter_items(tree, name, "messages.item"), start=1):
        where = f"{posixpath.basename(name)} message {index}"
        if not isinstance(obj, dict):
            report.skip(where, "is not a message object")
            continue
        mid = str(obj.get("id") or "")
        if mid and mid in ids:
            report.skip(where, f"repeats message {mid} of this channel; the copy was dropped")
            continue
        raw = _message(obj, channel_id, title, where, base, names, zone, report)
        if raw is not None:
            if mid:
                ids.add(mid)
            yield raw


def _user(value: Any) -> tuple[str | None, str | None]:
    if not isinstance(value, dict):
        return None, None
    name = value.get("nickname") or value.get("name")
    uid = value.get("id")
    return (str(name) if name else None), (str(uid) if uid else None)


def _message(
    obj: dict[str, Any],
    channel_id: str,
    title: str,
    where: str,
    base: str,
    names: frozenset[str],
    zone: ZoneInfo,
    report: ImportReport,
) -> RawMessage | None:
    stamp = obj.get("timestamp")
    try:
        when = datetime.fromisoformat(str(stamp))
    except ValueError:
        report.skip(where, f"has no readable timestamp: {str(stamp)[:40]!r}")
        return None
    basis = TimeBasis.OFFSET_GIVEN
    if when.tzinfo is None:
        when, basis = when.replace(tzinfo=zone), TimeBasis.CASE_TZ
    sender, sender_id = _user(obj.get("author"))
    mtype = str(obj.get("type") or "Default")
    attachments = tuple(_attachments(obj.get("attachments"), base, names))
    text = str(obj.get("content") or "")
    if mtype in _MESSAGE_TYPES:
        kind = MessageKind.MEDIA if attachments and not text else MessageKind.MESSAGE
    elif mtype == "Call":
        kind = MessageKind.CALL
    else:
        kind = MessageKind.SYSTEM
        text = text or re.sub(r"(?<!^)(?=[A-Z])", " ", mtype).lower().capitalize()
    reference = dict_at(obj, "reference")
    reply = reference.get("messageId")
    mentions = [uid for _, uid in map(_user, obj.get("mentions") or []) if uid]
    return RawMessage(
        platform=PLATFORM,
        conversation_key=channel_id,
        conversation_title=title,
        sender=sender,
        sender_id=sender_id,
        sender_id_kind=IdentifierKind.PLATFORM_ID if sender_id else None,
        timestamp=when,
        timestamp_raw=str(stamp),
        time_basis=basis,
        kind=kind,
        text=text,
        attachments=attachments,
        platform_message_id=str(obj["id"]) if obj.get("id") else None,
        reply_to=str(reply) if reply else None,
        edited=bool(obj.get("timestampEdited")),
        reactions=tuple(_reactions(obj.get("reactions"))),
        mentions=tuple(dict.fromkeys(mentions)),
        location=where,
    )


def _attachments(value: Any, base: str, names: frozenset[str]) -> Iterator[Attachment]:
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        file_name = str(item.get("fileName") or "attachment")
        url = str(item.get("url") or "")
        candidates = [posixpath.join(base, file_name)]
        if url and "://" not in url:
            local = url.replace("\\", "/")
            candidates[:0] = [posixpath.join(base, local), posixpath.join(base, unquote(local))]
        found = next(
            (posixpath.normpath(c) for c in candidates if posixpath.normpath(c) in names), None
        )
        size = item.get("fileSizeBytes")
        yield Attachment(
            name=file_name,
            type="file",
            present=found is not None,
            path=found,
            size=int(size) if isinstance(size, int | float) else None,
        )


def _reactions(value: Any) -> Iterator[Reaction]:
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        emoji_obj = dict_at(item, "emoji")
        emoji = str(emoji_obj.get("name") or emoji_obj.get("code") or "?")
        users = [u for u in item.get("users") or [] if isinstance(u, dict)]
        for user in users:
            name, uid = _user(user)
            yield Reaction(emoji, name, uid)
        count = item.get("count")
        if isinstance(count, int):
            for _ in range(min(count - len(users), 1000)):
                yield Reaction(emoji)
