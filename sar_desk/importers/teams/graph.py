"""Microsoft Graph ``chatMessage`` JSON, as written by Graph export scripts.

Three file shapes: a bare array of chatMessage objects, a ``{"value": [...]}`` page, or
``{"chat": {...}, "members": [...], "messages": [...]}``. Messages are streamed with ijson so a
large file never becomes one list; a file cut short keeps the messages read before the cut.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import IO, Any, Protocol

import ijson

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace, normalise_email
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree
from sar_desk.importers.teams.files import ExportFiles, hosted_id, inline_locator
from sar_desk.importers.teams.htmltext import html_to_text, parse_utc

PLATFORM = "teams"
_SYSTEM_TYPES = {"systemEventMessage", "chatEvent"}


def shape_of(head: bytes) -> str | None:
    """Which Graph shape a file's first bytes show: "array", "value", "chat" or None."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"[") and b'"messageType"' in text and b'"createdDateTime"' in text:
        return "array"
    if not text.startswith(b"{"):
        return None
    if b'"value"' in text and b'"messageType"' in text:
        return "value"
    if (
        b'"messages"' in text
        and (b'"chat"' in text or b'"members"' in text)
        and (
            b'"messageType"' in text
            or b'"chatType"' in text
            or b"aadUserConversationMember" in text
        )
    ):
        return "chat"
    return None


def _user(obj: Any) -> dict[str, Any]:
    return obj if isinstance(obj, dict) else {}


class GraphFile:
    """Reads one Graph JSON file."""

    def __init__(
        self,
        tree: ExportTree,
        name: str,
        report: ImportReport,
        known: dict[str, str] | None = None,
        files: ExportFiles | None = None,
    ) -> None:
        self.tree = tree
        self.files = files or ExportFiles(tree)
        self._at = ("array", 0)  # the shape being read and the message's index in it
        self.name = name
        self.report = report
        # Account id -> name from the whole export (see `teams.names`), so a null displayName
        # never leaves a bare GUID where the export names the person elsewhere.
        self.names: dict[str, str] = dict(known or {})
        self.count = 0

    def _items(self, prefix: str) -> Iterator[Any]:
        with self.tree.open(self.name) as handle:
            yield from ijson.items(skip_bom(handle), prefix, use_float=True)

    def stream(self, shape: str) -> Iterator[RawMessage]:
        """Stream the file's messages; a damaged tail is reported, not fatal."""
        key = title = ""
        prefix = {"array": "item", "value": "value.item", "chat": "messages.item"}[shape]
        try:
            if shape == "chat":
                key, title = self._chat()
            index = 0
            for index, item in enumerate(self._items(prefix)):
                self._at = (shape, index)
                raw = self.message(
                    item, key, title, f"{self.name} {prefix[:-5] or 'item'}[{index}]"
                )
                if raw is not None:
                    self.count += 1
                    yield raw
        except ijson.JSONError as exc:
            if self.count == 0 and not key:
                raise ImportFormatError(
                    f"{self.name} is not readable JSON ({exc}). It is not an intact Teams "
                    "export; export the chat again and import the new file."
                ) from exc
            self.report.warn(
                f"{self.name} ends early or is damaged: {self.count:,} messages were read before "
                "that point, and the rest of the file could not be read."
            )
            self.report.skip(self.name, f"the file could not be read past message {self.count:,}.")

    def _chat(self) -> tuple[str, str]:
        chat: dict[str, Any] = {}
        for found in self._items("chat"):
            chat = found if isinstance(found, dict) else {}
            break
        key = str(chat.get("id") or self.name)
        members: list[Any] = []
        # A damaged tail is reported when the messages are read; keep the members before it.
        with contextlib.suppress(ijson.JSONError):
            members.extend(self._items("members.item"))
        who: list[str] = []
        for member in members:
            if not isinstance(member, dict):
                continue
            uid = str(member.get("userId") or "").lower()
            display = clean_whitespace(str(member.get("displayName") or "")) or None
            email = normalise_email(str(member.get("email") or ""))
            if uid:
                display = display or self.names.get(uid)
                if display:
                    self.names[uid] = display
                    who.append(display)
                self.report.declare(key, uid, IdentifierKind.PLATFORM_ID, display)
                if email:
                    self.report.link(
                        IdentifierKind.PLATFORM_ID, uid, IdentifierKind.EMAIL, email, display
                    )
            elif email:
                self.report.declare(key, email, IdentifierKind.EMAIL, display)
        title = clean_whitespace(str(chat.get("topic") or ""))
        if not title:
            title = ", ".join(sorted(set(who))) if who else f"Teams chat {key}"
        return key, title

    def message(self, item: Any, key: str, title: str, location: str) -> RawMessage | None:
        """One chatMessage as a record, or None (reported) when it cannot be placed."""
        if not isinstance(item, dict):
            self.report.skip(location, "is not a chatMessage object.")
            return None
        stamp = str(item.get("createdDateTime") or "")
        when = parse_utc(stamp)
        if when is None:
            self.report.skip(location, f"has no readable createdDateTime ({stamp[:40]!r}).")
            return None
        if not key:
            channel = _user(item.get("channelIdentity"))
            key = str(
                item.get("chatId")
                or "/".join(str(channel.get(k) or "") for k in ("teamId", "channelId")).strip("/")
                or self.name
            )
            title = f"Teams chat {key}"
        sender_obj = _user(item.get("from"))
        who = _user(sender_obj.get("user")) or _user(sender_obj.get("application"))
        uid = str(who.get("id") or "").lower() or None
        sender = clean_whitespace(str(who.get("displayName") or "")) or None
        if uid and (not sender or sender.lower() == uid):
            sender = self.names.get(uid)  # an id is never shown as the sender's name
        body = _user(item.get("body"))
        content = str(body.get("content") or "")
        if str(body.get("contentType") or "").lower() == "html":
            converted = html_to_text(content)
            text, at_names, images = converted.text, converted.mentions, converted.images
        else:
            text, at_names, images = content.strip(), [], []
        mentions = self._mentions(item, at_names)
        files, reply_to = self._attachments(item, images)
        kind = MessageKind.MEDIA if files and not text else MessageKind.MESSAGE
        mtype = item.get("messageType")
        if mtype in _SYSTEM_TYPES or (sender_obj == {} and item.get("eventDetail")):
            kind, text = self._event(item, text)
            sender = uid = None
        if item.get("deletedDateTime"):
            kind, text, files = MessageKind.DELETED, "", []
        reactions = tuple(
            Reaction(
                emoji=str(r.get("displayName") or r.get("reactionType") or ""),
                actor=self.names.get(
                    str(_user(_user(r.get("user")).get("user")).get("id") or "").lower()
                ),
                actor_id=str(_user(_user(r.get("user")).get("user")).get("id") or "").lower()
                or None,
            )
            for r in item.get("reactions") or []
            if isinstance(r, dict)
        )
        return RawMessage(
            platform=PLATFORM,
            conversation_key=key,
            conversation_title=title,
            sender=sender,
            sender_id=uid,
            sender_id_kind=IdentifierKind.PLATFORM_ID if uid else None,
            timestamp=when,
            timestamp_raw=stamp,
            time_basis=TimeBasis.UTC,
            kind=kind,
            text=text,
            attachments=tuple(files),
            platform_message_id=str(item.get("id") or "") or None,
            reply_to=reply_to or (str(item["replyToId"]) if item.get("replyToId") else None),
            edited=bool(item.get("lastEditedDateTime")),
            reactions=reactions,
            mentions=tuple(mentions),
            location=location,
        )

    def _mentions(self, item: dict[str, Any], at_names: list[str]) -> list[str]:
        found: list[str] = []
        for mention in item.get("mentions") or []:
            user = _user(_user(_user(mention).get("mentioned")).get("user"))
            for value in (str(user.get("id") or "").lower(), user.get("displayName")):
                if value and value not in found:
                    found.append(str(value))
        for name in at_names:
            if name not in found:
                found.append(name)
        return found

    def _attachments(
        self, item: dict[str, Any], images: list[str]
    ) -> tuple[list[Attachment], str | None]:
        files: list[Attachment] = []
        reply_to = None
        for att in item.get("attachments") or []:
            att = _user(att)
            ctype = str(att.get("contentType") or "")
            if ctype == "messageReference":
                reply_to = str(att.get("id") or "") or None
            elif ctype == "reference":
                # A SharePoint/OneDrive file: in the export only if it was collected with it.
                name = str(att.get("name") or att.get("contentUrl") or "shared file")
                found = self.files.named(name)
                files.append(Attachment(name, "file", found is not None, found))
            else:
                files.append(
                    Attachment(
                        name=str(att.get("name") or ctype or "attachment"),
                        type="card" if "card" in ctype else "file",
                    )
                )
        files.extend(self._pictures(images))
        return files, reply_to

    def _pictures(self, images: list[str]) -> Iterator[Attachment]:
        """Pictures in the body: saved hosted contents, inline pictures, or not in the export."""
        inline = 0
        for n, src in enumerate(images):
            name = f"image {n + 1} (hosted in Teams)"
            if src.startswith("data:"):
                shape, index = self._at
                path = inline_locator(self.name, shape, index, inline)
                inline += 1
                yield Attachment(name, "image", True, path)
                continue
            content_id = hosted_id(src)
            found = (
                self.files.hosted(content_id) if content_id else self.files.relative(src, self.name)
            )
            yield Attachment(name, "image", found is not None, found)

    def _name(self, member: Any) -> str:
        member = _user(member)
        user = _user(member.get("user")) or member
        uid = str(user.get("id") or "").lower()
        return str(user.get("displayName") or self.names.get(uid) or uid or "someone")

    def _event(self, item: dict[str, Any], text: str) -> tuple[MessageKind, str]:
        detail = _user(item.get("eventDetail"))
        kind_name = str(detail.get("@odata.type") or "").rsplit(".", 1)[-1]
        who = (
            self._name(_user(detail.get("initiator")).get("user"))
            if detail.get("initiator")
            else "Someone"
        )
        renamed = detail.get("chatDisplayName") or ""
        members = ", ".join(self._name(m) for m in detail.get("members") or [])
        described = {
            "membersAddedEventMessageDetail": f"{who} added {members}",
            "membersDeletedEventMessageDetail": f"{who} removed {members}",
            "membersJoinedEventMessageDetail": f"{members} joined",
            "membersLeftEventMessageDetail": f"{members} left",
            "chatRenamedEventMessageDetail": f"{who} renamed the chat to '{renamed}'",
            "messagePinnedEventMessageDetail": f"{who} pinned a message",
            "messageUnpinnedEventMessageDetail": f"{who} unpinned a message",
        }.get(kind_name)
        if kind_name in (
            "callStartedEventMessageDetail",
            "callEndedEventMessageDetail",
            "callRecordingEventMessageDetail",
        ):
            duration = detail.get("callDuration")
            event = kind_name.removesuffix("EventMessageDetail").replace("call", "Call ")
            return MessageKind.CALL, f"{event.strip()}{f' ({duration})' if duration else ''}"
        if described is None:
            readable = kind_name.removesuffix("EventMessageDetail") or "event"
            described = text or f"{who}: {readable}"
        return MessageKind.SYSTEM, described


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def skip_bom(handle: IO[bytes]) -> _Readable:
    """Drop a UTF-8 BOM that some export scripts write first (ijson reads raw bytes)."""
    start = handle.read(3)
    if start != b"\xef\xbb\xbf":
        return _Prefixed(start, handle)
    return handle


class _Prefixed:
    """A stream that first returns some already-read bytes."""

    def __init__(self, prefix: bytes, handle: IO[bytes]) -> None:
        self._prefix = prefix
        self._handle = handle

    def read(self, size: int = -1, /) -> bytes:
        """Read up to `size` bytes, the remembered prefix first."""
        if size == 0:
            return b""  # ijson probes with read(0) to learn bytes from text
        if self._prefix:
            out, self._prefix = self._prefix, b""
            return out + (self._handle.read(size - len(out)) if size > len(out) else b"")
        return self._handle.read(size)
