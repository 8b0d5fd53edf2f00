"""Microsoft Purview eDiscovery HTML conversation transcripts (Teams chats).

No public sample of a Purview transcript exists, so SAR Desk reads a documented synthetic
shape built from Microsoft's description (one HTML file per transcript; a conversation can be
split over several files, all in UTC). The supported shape is::

    <div class="transcript" data-conversation-id="19:…@thread.v2" data-part="1">
      <h1 class="conversation-title">Repairs team</h1>
      <ul class="participants">
        <li class="participant" data-user-id="GUID" data-email="a@b.org">Name</li>
      </ul>
      <div class="message" data-message-id="…" [data-deleted="true"] [data-edited="true"]
           [data-reply-to="…"]>
        <span class="sender" data-user-id="GUID">Name</span>
        <time datetime="2026-01-12T09:15:00Z">12/01/2026 09:15 UTC</time>
        <div class="body">HTML body as in Teams</div>
        <ul class="attachments"><li>Report.docx</li></ul>
      </div>
      <div class="system-message" data-message-id="…"><time …/><div class="body">…</div></div>
    </div>

Anything else in the file is ignored; a message block without a time is reported and skipped.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from sar_desk.core.identity import clean_whitespace, normalise_email
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.limits import feed_markup
from sar_desk.importers.teams.files import ExportFiles, hosted_id
from sar_desk.importers.teams.htmltext import html_to_text, parse_utc

PLATFORM = "teams"
_VOID = {"br", "img", "meta", "hr", "input", "link", "wbr", "col", "area", "base", "source"}
_ROLES = {
    "transcript",
    "conversation-title",
    "participants",
    "participant",
    "message",
    "system-message",
    "sender",
    "body",
    "attachments",
}


@dataclass
class _Block:
    attrs: dict[str, str]
    system: bool
    sender: str = ""
    sender_attrs: dict[str, str] = field(default_factory=dict)
    time_attr: str = ""
    time_text: str = ""
    body: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class TranscriptParser(HTMLParser):
    """Collects the conversation, participants and message blocks of one transcript."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.conversation: dict[str, str] = {}
        self.title = ""
        self.participants: list[tuple[dict[str, str], str]] = []
        self.blocks: list[_Block] = []
        self._stack: list[tuple[str, str | None]] = []
        self._text: list[str] = []
        self._participant: dict[str, str] = {}

    def _role(self) -> str | None:
        return next((r for _, r in reversed(self._stack) if r), None)

    def _in(self, role: str) -> bool:
        return any(r == role for _, r in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element, noting its role from its class."""
        values = {k: v or "" for k, v in attrs}
        classes = set(values.get("class", "").split())
        role = next((r for r in _ROLES if r in classes), None)
        if self._in("body") and role is None:
            self.blocks[-1].body.append(self.get_starttag_text() or "")
            if tag not in _VOID:
                self._stack.append((tag, None))
            return
        if tag == "time" and self.blocks and self._in_message():
            self.blocks[-1].time_attr = values.get("datetime", "")
            role = "time"
        if role == "transcript":
            self.conversation = values
        elif role in ("message", "system-message"):
            self.blocks.append(_Block(values, role == "system-message"))
        elif role == "sender" and self.blocks:
            self.blocks[-1].sender_attrs = values
        elif role == "participant":
            self._participant = values
        if role in ("participant", "sender", "conversation-title", "time") or (
            role is None and self._role() == "attachments" and tag == "li"
        ):
            self._text = []
            role = role or "attachment"
        if tag not in _VOID:
            self._stack.append((tag, role))

    def _in_message(self) -> bool:
        return self._in("message") or self._in("system-message")

    def handle_endtag(self, tag: str) -> None:
        """Close elements up to `tag`, finishing their roles."""
        if self._in("body") and self._stack and self._stack[-1] == (tag, None):
            self._stack.pop()
            self.blocks[-1].body.append(f"</{tag}>")
            return
        while self._stack:
            open_tag, role = self._stack.pop()
            self._finish(role)
            if open_tag == tag:
                break

    def _finish(self, role: str | None) -> None:
        text = clean_whitespace("".join(self._text))
        if role == "participant":
            self.participants.append((self._participant, text))
        elif role == "conversation-title":
            self.title = text
        elif role == "sender" and self.blocks:
            self.blocks[-1].sender = text
        elif role == "time" and self.blocks:
            self.blocks[-1].time_text = text
        elif role == "attachment" and self.blocks and text:
            self.blocks[-1].files.append(text)

    def handle_data(self, data: str) -> None:
        """Collect text: raw (re-escaped) inside a body, plain elsewhere."""
        if self._in("body") and self.blocks:
            self.blocks[-1].body.append(html.escape(data, quote=False))
        else:
            self._text.append(data)


def looks_like_transcript(head: bytes) -> bool:
    """Whether the first bytes of an HTML file show the supported transcript shape."""
    low = head.lower()
    return b"<html" in low and b'class="transcript"' in low and b"data-conversation-id" in low


def _name(shown: str, uid: str, names: dict[str, str]) -> str:
    """The name to show for an account: as written, unless that is empty or only its id."""
    if uid and (not shown or shown.lower() == uid):
        return names.get(uid, "")
    return shown


def _attached(
    names: list[str], images: list[str], beside: str, files: ExportFiles | None
) -> Iterator[Attachment]:
    """A block's files and pictures, each found in the export or listed as not in it."""
    for shown in names:
        found = files.named(shown) if files is not None else None
        yield Attachment(shown, "file", found is not None, found)
    for n, src in enumerate(images):
        if src.startswith("data:"):
            continue  # transcripts link their pictures; an inline one is not read from them
        found = files.relative(src, beside) if files is not None else None
        if found is None and files is not None and (content_id := hosted_id(src)):
            found = files.hosted(content_id)
        label = found.rsplit("/", 1)[-1] if found else f"image {n + 1} (hosted in Teams)"
        yield Attachment(label, "image", found is not None, found)


def read_transcript(
    text: str,
    name: str,
    report: ImportReport,
    known: dict[str, str] | None = None,
    files: ExportFiles | None = None,
) -> list[RawMessage]:
    """Parse one transcript file into records (a transcript is small: one conversation part).

    `known` maps account ids to names found anywhere in the export (see `teams.names`), so a
    sender or member written only as a GUID is shown by name when the export has one.
    """
    parser = TranscriptParser()
    feed_markup(parser, text, name)
    parser.close()
    key = parser.conversation.get("data-conversation-id") or name
    title = parser.title or f"Teams chat {key}"
    names: dict[str, str] = dict(known or {})
    for attrs, shown in parser.participants:
        uid = attrs.get("data-user-id", "").lower()
        email = normalise_email(attrs.get("data-email", ""))
        display = _name(shown, uid, names)
        if uid:
            if display:
                names[uid] = display
            report.declare(key, uid, IdentifierKind.PLATFORM_ID, display or None)
            if email:
                report.link(
                    IdentifierKind.PLATFORM_ID, uid, IdentifierKind.EMAIL, email, display or None
                )
        elif email:
            report.declare(key, email, IdentifierKind.EMAIL, display or None)
    out: list[RawMessage] = []
    for index, block in enumerate(parser.blocks):
        location = f"{name} message {index + 1}"
        stamp = block.time_attr or block.time_text
        when = parse_utc(stamp)
        if when is None:
            report.skip(location, "has no readable UTC time, so it could not be placed.")
            continue
        body = html_to_text("".join(block.body))
        sender_uid: str | None = block.sender_attrs.get("data-user-id", "").lower() or None
        sender = _name(block.sender, sender_uid or "", names) or None
        attached = tuple(_attached(block.files, body.images, name, files))
        kind = MessageKind.MEDIA if attached and not body.text else MessageKind.MESSAGE
        text = body.text
        if block.system:
            kind, sender, sender_uid = MessageKind.SYSTEM, None, None
        if block.attrs.get("data-deleted") == "true":
            kind, text, attached = MessageKind.DELETED, "", ()
        out.append(
            RawMessage(
                platform=PLATFORM,
                conversation_key=key,
                conversation_title=title,
                sender=sender,
                sender_id=sender_uid,
                sender_id_kind=IdentifierKind.PLATFORM_ID if sender_uid else None,
                timestamp=when,
                timestamp_raw=stamp,
                time_basis=TimeBasis.UTC,
                kind=kind,
                text=text,
                attachments=attached,
                platform_message_id=block.attrs.get("data-message-id") or None,
                reply_to=block.attrs.get("data-reply-to") or None,
                edited=block.attrs.get("data-edited") == "true",
                mentions=tuple(body.mentions),
                location=location,
            )
        )
    return out
