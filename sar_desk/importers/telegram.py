r"""Telegram Desktop "Machine-readable JSON" exports (``result.json``).

Two roots are accepted: a single chat (``{name, type, id, messages}``) and a full account
export (``{personal_information, chats: {list}, left_chats: {list}, ...}``). The file is
streamed with ijson through `TolerantReader`, which also repairs tdesktop's invalid ``\\xNN``
escapes, so a 1 GB export never sits in memory: only one message object at a time does.
Media files count as present only when they exist in the imported tree beside ``result.json``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.core.text import phone_key
from sar_desk.importers.archive import ExportTree, sniff_tree
from sar_desk.importers.base import ImportOptions, ImportReport, RawMessage
from sar_desk.importers.jsonstream import START, head_text, head_values, iter_items, list_at, walk

PLATFORM = "telegram"
_CHAT_TYPES = (
    "personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|"
    "private_channel|public_channel|saved_messages|replies"
)
_SNIFF = re.compile(
    rf'"type"\s*:\s*"(?:{_CHAT_TYPES})"|"personal_information"\s*:|"date_unixtime"\s*:'
    r'|"from_id"\s*:\s*"(?:user|channel|chat)\d'
)
_DISCORD = re.compile(r'"guild"\s*:\s*\{')
_ROOTS = ("", "chats.list.item", "left_chats.list.item")
_PREFIXES = frozenset(
    f"{root}{'.' if root else ''}{key}"
    for root in _ROOTS
    for key in ("name", "type", "id", "messages.item")
)
_MEDIA_KEYS = ("photo", "file")
# Root keys that tell the two shapes apart: a single chat reaches "messages" first.
_SHAPE_KEYS = ("messages", "chats", "left_chats", "personal_information", "contacts")
_ACTIONS = {
    "create_group": "created the group",
    "create_channel": "created the channel",
    "invite_members": "added",
    "remove_members": "removed",
    "join_group_by_link": "joined the group by invite link",
    "join_group_by_request": "joined the group after a request",
    "migrate_to_supergroup": "converted the group to a supergroup",
    "migrate_from_group": "converted this group from a basic group",
    "pin_message": "pinned a message",
    "phone_call": "made a phone call",
    "group_call": "started a group call",
    "invite_to_group_call": "invited to a group call",
    "edit_group_title": "changed the group name",
    "edit_group_photo": "changed the group photo",
    "delete_group_photo": "removed the group photo",
    "set_messages_ttl": "changed the auto-delete timer",
    "topic_created": "created a topic",
    "clear_history": "cleared the history",
    "score_in_game": "scored in a game",
}
_TITLES = {"saved_messages": "Saved Messages", "replies": "Replies"}


def looks_like_telegram(head: str) -> bool:
    """Whether the start of a JSON file looks like a Telegram Desktop export."""
    text = head.lstrip()
    return text.startswith("{") and bool(_SNIFF.search(text)) and not _DISCORD.search(text)


class TelegramImporter:
    """Reads Telegram Desktop JSON exports (single chat or full account)."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "Telegram Desktop JSON export"
    shapes: ClassVar[str] = "result.json (single chat or full export), or its folder or zip"
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds a Telegram ``result.json``; reads a few KB, never raises."""
        return sniff_tree(
            path, lambda tree: any(looks_like_telegram(head_text(tree, n)) for n in _files(tree))
        )

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every message and service event of every chat in the export.

        Raises:
            ImportFormatError: No ``result.json`` of Telegram's shape is there.
        """
        report.limitations.append(
            "Telegram exports leave out deleted messages, and keep only the time of the last "
            "edit (not earlier versions). Media is included only if the exporter was set to "
            "download it."
        )
        with ExportTree(path) as tree:
            # A file named on its own is read even if the sniff would not claim it, so that
            # its real problem (encoding, truncation) is what the user is told.
            files = [
                n
                for n in _files(tree)
                if tree.kind == "file" or looks_like_telegram(head_text(tree, n))
            ]
            if not files:
                raise ImportFormatError(
                    f"{path.name} is not a Telegram Desktop JSON export: there is no result.json "
                    "with chats or messages. In Telegram Desktop choose Export chat history, "
                    "format 'Machine-readable JSON'."
                )
            names = frozenset(tree.names())
            for name in files:
                yield from _read_file(tree, name, names, report, options)


def _files(tree: ExportTree) -> list[str]:
    if tree.kind == "file":
        return tree.names()
    return [n for n in tree.names() if posixpath.basename(n) == "result.json"]


class _Chat:
    """The chat being read: its key, title and counters."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.name: str | None = None
        self.type = ""
        self.id: str | None = None
        self.count = 0

    @property
    def key(self) -> str:
        return self.id if self.id is not None else f"chat-{self.index}"

    @property
    def title(self) -> str:
        return self.name or _TITLES.get(self.type) or f"Telegram chat {self.key}"


def _read_file(
    tree: ExportTree,
    name: str,
    names: frozenset[str],
    report: ImportReport,
    options: ImportOptions,
) -> Iterator[RawMessage]:
    base = posixpath.dirname(name)
    zone = ZoneInfo(options.timezone)
    meta, shape = head_values(tree, name, ("name", "type", "id"), _SHAPE_KEYS)
    if shape == "messages":
        # Single chat: its name, type and id come before "messages", so the messages can be
        # streamed by ijson's C builder (several times faster than walking events in Python).
        chat = _Chat(0)
        chat.name = meta["name"] if isinstance(meta.get("name"), str) else None
        chat.type = str(meta.get("type") or "")
        chat.id = str(meta["id"]) if meta.get("id") is not None else None
        for value in iter_items(tree, name, "messages.item"):
            chat.count += 1
            where = f"{name} message {chat.count}"
            raw = _message(value, chat, where, base, names, zone, report, options.region)
            if raw is not None:
                yield raw
        return
    yield from _walk_file(tree, name, base, names, zone, report, options.region)


def _walk_file(
    tree: ExportTree,
    name: str,
    base: str,
    names: frozenset[str],
    zone: ZoneInfo,
    report: ImportReport,
    region: str,
) -> Iterator[RawMessage]:
    """Full exports (and odd key orders): one pass over parse events, chat by chat."""
    chat = _Chat(0)
    full = False
    seen_any = False
    for prefix, value in walk(tree, name, _PREFIXES, starts=_ROOTS[1:]):
        seen_any = True
        if value is START:
            full = True
            chat = _Chat(chat.index + 1)
            continue
        field = prefix.rsplit(".", 1)[-1] if not prefix.endswith("messages.item") else "message"
        if field == "name":
            chat.name = value if isinstance(value, str) else None
        elif field == "type":
            chat.type = str(value)
        elif field == "id":
            chat.id = str(value)
        else:
            chat.count += 1
            where = (
                f"{name} chat {chat.index} message {chat.count}"
                if full
                else f"{name} message {chat.count}"
            )
            raw = _message(value, chat, where, base, names, zone, report, region)
            if raw is not None:
                yield raw
    if not seen_any:
        raise ImportFormatError(
            f"{name} has no Telegram chats or messages. Check it is the result.json written by "
            "Telegram Desktop's export."
        )


def _message(
    obj: Any,
    chat: _Chat,
    where: str,
    base: str,
    names: frozenset[str],
    zone: ZoneInfo,
    report: ImportReport,
    region: str,
) -> RawMessage | None:
    if not isinstance(obj, dict):
        report.skip(where, "is not a message object")
        return None
    kind_raw = obj.get("type", "message")
    if kind_raw not in ("message", "service"):
        report.skip(where, f"has message type '{kind_raw}', which the export could not render")
        return None
    when = _when(obj, zone, report)
    if when is None:
        report.skip(where, "has no readable date")
        return None
    timestamp, raw_time, basis = when
    text, mentions = _text(obj.get("text", obj.get("text_entities", "")))
    attachments = tuple(_attachments(obj, base, names))
    contact = obj.get("contact_information")
    if isinstance(contact, dict):
        phone = phone_key(str(contact.get("phone_number") or ""), region)
        if phone:
            mentions.append(phone)
        if not text:
            parts = [
                contact.get("first_name"),
                contact.get("last_name"),
                contact.get("phone_number"),
            ]
            text = "Shared contact: " + " ".join(str(p) for p in parts if p)
    if kind_raw == "service":
        kind = MessageKind.SYSTEM
        sender, sender_id = obj.get("actor"), obj.get("actor_id")
        text = _service_text(obj, text)
    else:
        kind = (
            MessageKind.MEDIA if attachments or isinstance(contact, dict) else MessageKind.MESSAGE
        )
        sender, sender_id = obj.get("from"), obj.get("from_id")
        if sender is None and "from" in obj:
            sender = "Deleted Account"
    reply = obj.get("reply_to_message_id")
    return RawMessage(
        platform=PLATFORM,
        conversation_key=chat.key,
        conversation_title=chat.title,
        sender=str(sender) if sender is not None else None,
        sender_id=str(sender_id) if sender_id else None,
        sender_id_kind=IdentifierKind.PLATFORM_ID if sender_id else None,
        timestamp=timestamp,
        timestamp_raw=raw_time,
        time_basis=basis,
        kind=kind,
        text=text,
        attachments=attachments,
        platform_message_id=str(obj["id"]) if obj.get("id") is not None else None,
        reply_to=str(reply) if reply is not None else None,
        edited="edited" in obj or "edited_unixtime" in obj,
        reactions=tuple(_reactions(obj.get("reactions"))),
        mentions=tuple(dict.fromkeys(mentions)),
        location=where,
    )


def _when(
    obj: dict[str, Any], zone: ZoneInfo, report: ImportReport
) -> tuple[datetime, str, TimeBasis] | None:
    epoch = obj.get("date_unixtime")
    if epoch is not None:
        try:
            return datetime.fromtimestamp(int(str(epoch)), UTC), str(epoch), TimeBasis.UTC
        except (ValueError, OverflowError, OSError):
            pass
    local = obj.get("date")
    if isinstance(local, str):
        try:
            parsed = datetime.fromisoformat(local)
        except ValueError:
            return None
        if parsed.tzinfo is not None:
            return parsed, local, TimeBasis.OFFSET_GIVEN
        report.settings["timezone"] = zone.key
        report.warn(
            "Some Telegram messages have only a local time without an offset (older exports); "
            f"they were read in the case time zone, {zone.key}."
        )
        return parsed.replace(tzinfo=zone), local, TimeBasis.CASE_TZ
    return None


def _text(value: Any) -> tuple[str, list[str]]:
    """Flatten Telegram's text (a string or a list of strings and entities)."""
    if isinstance(value, str):
        return value, []
    mentions: list[str] = []
    parts: list[str] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, dict):
                piece = str(item.get("text", ""))
                parts.append(piece)
                if item.get("type") == "mention" and piece:
                    mentions.append(piece)
                elif item.get("type") == "mention_name" and item.get("user_id") is not None:
                    mentions.append(f"user{item['user_id']}")
    return "".join(parts), mentions


def _attachments(obj: dict[str, Any], base: str, names: frozenset[str]) -> Iterator[Attachment]:
    for key in _MEDIA_KEYS:
        value = obj.get(key)
        if not isinstance(value, str) or not value:
            continue
        kind = "photo" if key == "photo" else str(obj.get("media_type") or "file")
        size = obj.get("photo_file_size" if key == "photo" else "file_size")
        size = int(size) if isinstance(size, int | float) else None
        if value.startswith("(") and value.endswith(")"):
            label = obj.get("file_name") or key
            yield Attachment(name=str(label), type=kind, present=False, path=None, size=size)
            continue
        rel = posixpath.normpath(posixpath.join(base, value)) if base else posixpath.normpath(value)
        present = not rel.startswith("../") and rel in names
        label = obj.get("file_name") or posixpath.basename(value)
        yield Attachment(name=str(label), type=kind, present=present, path=rel, size=size)


def _reactions(value: Any) -> Iterator[Reaction]:
    if not isinstance(value, list):
        return
    for item in value:
        if not isinstance(item, dict):
            continue
        emoji = str(item.get("emoji") or item.get("document_id") or item.get("type") or "?")
        recent = list_at(item, "recent")
        for actor in recent:
            if isinstance(actor, dict):
                who = actor.get("from_id")
                yield Reaction(emoji, actor.get("from"), str(who) if who else None)
        count = item.get("count")
        if isinstance(count, int):
            for _ in range(min(count - len(recent), 1000)):
                yield Reaction(emoji)


def _service_text(obj: dict[str, Any], text: str) -> str:
    action = str(obj.get("action") or "event")
    phrase = _ACTIONS.get(action, action.replace("_", " "))
    actor = obj.get("actor") or "Someone"
    line = f"{actor} {phrase}"
    if obj.get("title"):
        line += f' "{obj["title"]}"'
    members = obj.get("members")
    if isinstance(members, list) and members:
        names = ", ".join(str(m) if m is not None else "Deleted Account" for m in members)
        line += f" with {names}" if action.startswith("create") else f" {names}"
    if obj.get("inviter"):
        line += f" (invited by {obj['inviter']})"
    if isinstance(obj.get("duration_seconds"), int):
        line += f" ({obj['duration_seconds']} seconds)"
    if text:
        line += f": {text}"
    return line
