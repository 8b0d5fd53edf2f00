"""Skype and Microsoft Teams (free/personal) ``messages.json`` exports.

The consumer export ("Export files and chat history") is a ``.tar`` (or its unpacked folder)
holding ``messages.json`` and ``media/``: ``{userId, exportDate, conversations: [{id,
displayName, threadProperties, MessageList: [...]}]}`` (formats-more.md section 5). The file is
streamed with ijson through the shared `jsonstream` helpers, one message object at a time.
Times are UTC (``originalarrivaltime``, any number of fraction digits). Senders are ids
(``8:live:…``); ``displayName`` is often null, so a sender is named by the best name the export
gives (its own, a name seen earlier for that id, or the one-to-one chat's name) and keeps the
id as its identifier. Unconfirmed: whether Teams (free) writes exactly this schema; the reader
is tolerant of missing fields, ``from`` as a contacts URL and unknown message types (kept as
messages, with a warning), and never drops a record silently.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.archive import ExportTree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.jsonstream import START, head_text, walk
from sar_desk.importers.skype_content import looks_like_media, plain_id, read_content
from sar_desk.importers.tarball import open_tree, safe_open_tree
from sar_desk.importers.teams.htmltext import parse_utc

logger = logging.getLogger(__name__)

PLATFORM = "skype"
_CONV = "conversations.item"
_MSG = f"{_CONV}.MessageList.item"
_PREFIXES = frozenset(
    {"userId", f"{_CONV}.id", f"{_CONV}.displayName", f"{_CONV}.threadProperties", _MSG}
)
_TEXT = {"RichText", "Text", "RichText/Html", "Poll", "RichText/Location", "RichText/Contacts"}


def _messages_file(tree: ExportTree) -> str | None:
    names = [n for n in tree.names() if n.rsplit("/", 1)[-1].lower() == "messages.json"]
    if tree.kind == "file" and tree.path.suffix.lower() == ".json":
        names = tree.names()
    return min(names, key=len) if names else None


def _looks_like_skype(head: str) -> bool:
    text = head.lstrip("\ufeff \t\r\n")
    return (
        text.startswith("{")
        and '"conversations"' in text
        and ('"MessageList"' in text or ('"userId"' in text and '"exportDate"' in text))
    )


def _sniff(path: Path) -> bool:
    tree = safe_open_tree(path)
    if tree is None:
        return False
    try:
        with tree:
            name = _messages_file(tree)
            return name is not None and _looks_like_skype(head_text(tree, name))
    except Exception:  # sniffing must never fail the choice of importer
        return False


class _Conversation:
    """What is known of the conversation whose messages are streaming."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.key = ""
        self.title = ""
        self.members: list[str] = []
        self.count = 0


class _Reader:
    """One pass over ``messages.json``."""

    def __init__(self, tree: ExportTree, name: str, report: ImportReport) -> None:
        self.tree = tree
        self.name = name
        self.report = report
        self.user = ""
        self.names: dict[str, str] = {}
        self.unknown: set[str] = set()
        self.conversations = 0
        self.media = [(n, n.rsplit("/", 1)[-1]) for n in tree.names() if "media/" in n]

    def stream(self) -> Iterator[RawMessage]:
        conv: _Conversation | None = None
        starts = {_CONV}
        for prefix, value in walk(self.tree, self.name, _PREFIXES, starts):
            if value is START:
                self._finish(conv)
                conv = _Conversation(self.conversations)
                self.conversations += 1
            elif prefix == "userId":
                self.user = plain_id(value)
            elif conv is None:
                continue
            elif prefix == f"{_CONV}.id":
                conv.key = str(value or "")
            elif prefix == f"{_CONV}.displayName":
                conv.title = clean_whitespace(str(value or ""))
            elif prefix == f"{_CONV}.threadProperties" and isinstance(value, dict):
                conv.title = conv.title or clean_whitespace(str(value.get("topic") or ""))
                conv.members = _members(value.get("members"))
            elif prefix == _MSG:
                raw = self._message(value, conv)
                conv.count += 1
                if raw is not None:
                    yield raw
        self._finish(conv)
        if self.conversations == 0:
            raise ImportFormatError(
                f"{self.name} has no list of conversations, so it is not a Skype or Teams "
                "personal export. Choose messages.json from the export (or the .tar itself)."
            )

    def _finish(self, conv: _Conversation | None) -> None:
        if conv is None:
            return
        for member in conv.members:
            self.report.declare(
                conv.key, member, IdentifierKind.PLATFORM_ID, self.names.get(member)
            )

    def _sender(self, item: dict[str, Any], conv: _Conversation) -> tuple[str | None, str | None]:
        ident = plain_id(item.get("from"))
        if not ident or str(item.get("from")).startswith("19:"):
            return None, None  # thread events come "from" the group itself: no person sent them
        given = clean_whitespace(str(item.get("displayName") or ""))
        if given:
            self.names[ident] = given
        elif ident not in self.names and plain_id(conv.key) == ident and conv.title:
            self.names[ident] = conv.title  # a one-to-one chat is named after the other person
        return self.names.get(ident, ident), ident

    def _message(self, item: Any, conv: _Conversation) -> RawMessage | None:
        where = f"{self.name} conversations[{conv.index}].MessageList[{conv.count}]"
        if not isinstance(item, dict):
            self.report.skip(where, "is not a message object, so it could not be read.")
            return None
        stamp = str(item.get("originalarrivaltime") or item.get("composetime") or "")
        when = parse_utc(stamp)
        if when is None:
            self.report.skip(where, "has no readable originalarrivaltime, so it was not placed.")
            return None
        mtype = str(item.get("messagetype") or "")
        content = read_content(str(item.get("content") or ""), self.names)
        props = item.get("properties")
        props = props if isinstance(props, dict) else {}
        kind, text = self._kind(mtype, content.text, content.event, content.call)
        if content.attachments and kind == MessageKind.MESSAGE and not text:
            kind = MessageKind.MEDIA
        if props.get("deletetime"):
            kind, text = MessageKind.DELETED, ""
        sender, ident = self._sender(item, conv)
        key = conv.key or str(item.get("conversationid") or "")
        return RawMessage(
            platform=PLATFORM,
            conversation_key=key,
            conversation_title=conv.title or key,
            sender=sender,
            sender_id=ident,
            sender_id_kind=IdentifierKind.PLATFORM_ID if ident else None,
            timestamp=when,
            timestamp_raw=stamp,
            time_basis=TimeBasis.UTC,
            kind=kind,
            text=text,
            attachments=self._files(content.attachments) if kind != MessageKind.DELETED else (),
            platform_message_id=str(item["id"]) if item.get("id") is not None else None,
            reply_to=content.reply_to,
            edited=content.edited or bool(props.get("edittime")),
            location=where,
        )

    def _files(self, found: list[Attachment]) -> tuple[Attachment, ...]:
        """Mark files present when media/ holds one named after the message's document id."""
        out = []
        for item in found:
            hit = next((m for m in self.media if item.path and m[1].startswith(item.path)), None)
            out.append(replace(item, present=hit is not None, path=hit[0] if hit else None))
        return tuple(out)

    def _kind(self, mtype: str, text: str, event: str, call: str) -> tuple[MessageKind, str]:
        if mtype in _TEXT:
            return MessageKind.MESSAGE, text
        if looks_like_media(mtype):
            return MessageKind.MEDIA, text
        if mtype.startswith("Event/Call"):
            return MessageKind.CALL, call or text
        if mtype.startswith(("ThreadActivity/", "Notice", "PopCard", "Control/")):
            return MessageKind.SYSTEM, event or text
        if mtype.startswith("EndToEndEncryption/"):
            return MessageKind.SYSTEM, text  # the export holds no readable text for these
        if mtype not in self.unknown:
            self.unknown.add(mtype)
            self.report.warn(
                f"Messages of the unfamiliar type '{mtype}' were kept as ordinary messages."
            )
        return MessageKind.MESSAGE, event or call or text


def _members(value: Any) -> list[str]:
    """Member ids from ``threadProperties.members`` (a JSON string holding a list of ids)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return []
    if not isinstance(value, list):
        return []
    return [plain_id(m) for m in value if isinstance(m, str) and plain_id(m)]


class SkypeImporter:
    """Skype / Teams personal ``messages.json`` (the file, its folder, the .tar or a zip)."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "Skype / Microsoft Teams (free) personal export"
    shapes: ClassVar[str] = (
        "messages.json from Skype's or Teams (free)'s 'Export files and chat history' "
        "({userId, exportDate, conversations: [{id, displayName, MessageList}]}), as the .tar "
        "download, the unpacked folder, a zip of it or the file alone."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds a ``messages.json`` with Skype's conversation list."""
        return _sniff(path)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every conversation's messages in the export's order.

        Raises:
            ImportFormatError: The input holds no Skype ``messages.json``.
        """
        report.limitations.extend(
            [
                "Skype gives most senders by account id only; names are the ones the export "
                "shows, and the account holder's own messages carry their id.",
                "Shared files are listed by name; their content is in media/ only when the "
                "export included files.",
                "Deleted messages keep only the fact of deletion: the export empties their text.",
            ]
        )
        with open_tree(path) as tree:
            name = _messages_file(tree)
            if name is None or not _looks_like_skype(head_text(tree, name)):
                raise ImportFormatError(
                    f"{path.name} holds no Skype messages.json (with userId and a conversations "
                    "list). Choose the .tar from Skype's 'Export files and chat history'."
                )
            reader = _Reader(tree, name, report)
            yield from reader.stream()
            logger.info("skype export read: %d conversations", reader.conversations)
