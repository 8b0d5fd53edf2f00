"""imessage-exporter's HTML form: one page per chat, a ``div.message`` per message.

Grammar (formats-more.md section 3b): ``div.message > div.sent|div.received > p >
span.timestamp + span.sender``, then ``div.message_part > span.bubble`` bodies, with
``div.attachment`` media, ``div.tapbacks > div.tapback``, ``div.replies`` holding reply
messages (each read as its own record), ``span.deleted``/``span.unsent`` and ``div.edited``;
``div.announcement`` is a system event. Newer builds wrap the date in a link to
``sms://open?message-guid=GUID`` (kept as the message id) and add a read note after it.
Unconfirmed details are tolerated: a tapback's wording (``Loved by X`` is split, anything
else kept whole) and attachments given as ``a href`` instead of media tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from urllib.parse import parse_qs, urlparse

from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, MessageKind, Reaction
from sar_desk.importers.htmltree import Node
from sar_desk.importers.imessage.txt import ME, TAPBACK, TxtChat, parse_stamp

_MEDIA = {"img": "image", "video": "video", "audio": "audio", "source": "video"}
_NOT_BODY = {"tapbacks", "replies", "attachment", "timestamp", "sender", "edited"}


def looks_like_page(head: str) -> bool:
    """Whether a page's start looks like imessage-exporter HTML."""
    return ("message_part" in head or "sms://open" in head) and "timestamp" in head


def _is_message(node: Node) -> bool:
    if node.tag != "div":
        return False
    if node.classes & {"message", "announcement"}:
        return True
    # A reply is its own record unless it wraps a div.message (which is then the record).
    return "reply" in node.classes and node.first(lambda n: "message" in n.classes) is None


class HtmlChat(TxtChat):
    """One chat page; records are built the same way as the TXT form's."""

    def read_page(self, root: Node, report: ImportReport) -> Iterator[RawMessage]:
        """Stream the page's messages, replies after the message they sit under."""
        warn = self._warner(report)
        for node in root.find_all(_is_message, nested=True):
            raw = self._node(node, report, warn)
            if raw is not None:
                yield raw

    def _warner(self, report: ImportReport) -> Callable[[str], None]:
        return lambda message: report.warn(f"{self.name}: {message}")

    def _skip_at(self, node: Node, report: ImportReport, why: str) -> None:
        report.skip(f"{self.name} line {node.line}", why, node.line)

    def _node(
        self, node: Node, report: ImportReport, warn: Callable[[str], None]
    ) -> RawMessage | None:
        stamp = node.first(lambda n: "timestamp" in n.classes)
        if stamp is None:
            self._skip_at(node, report, "has no timestamp, so the message was not placed.")
            return None
        link = stamp.first(lambda n: n.tag == "a")
        shown = clean_whitespace((link or stamp).text())
        placed = parse_stamp(shown if link else stamp.text().strip(), self.zone, warn)
        when = placed[0] if placed else None
        if when is None:
            self._skip_at(node, report, f"has a time SAR Desk cannot read ({shown!r}).")
            return None
        if "announcement" in node.classes:
            text = node.text(skip=lambda n: "timestamp" in n.classes)
            return self._html_raw(node, shown, when, None, MessageKind.SYSTEM, text)
        who = node.first(lambda n: "sender" in n.classes)
        sender = clean_whitespace(who.text()) if who is not None else ""
        if not sender and node.first(lambda n: "sent" in n.classes) is not None:
            sender = ME
        raw = self._html_message(node, shown, when, sender)
        if link is not None:
            guid = parse_qs(urlparse(link.attrs.get("href", "")).query).get("message-guid")
            raw.platform_message_id = guid[0] if guid else None
        return raw

    def _html_message(self, node: Node, shown: str, when: datetime, sender: str) -> RawMessage:
        def not_body(n: Node) -> bool:
            return bool(n.classes & _NOT_BODY) or _is_message(n) or n.tag in _MEDIA

        parts = [
            p
            for p in node.find_all(lambda n: "message_part" in n.classes)
            if not self._in_reply(p, node)
        ]
        text = "\n".join(p.text(skip=not_body) for p in parts).strip()
        files = self._media(node)
        kind = MessageKind.MEDIA if files and not text else MessageKind.MESSAGE
        gone = node.first(lambda n: bool(n.classes & {"deleted", "unsent"}) and not _is_message(n))
        if gone is not None and gone.parent is not None and not self._in_reply(gone, node):
            kind, text = MessageKind.DELETED, ""
        raw = self._html_raw(node, shown, when, sender or None, kind, text)
        raw.attachments = tuple(files)
        raw.reactions = self._tapbacks(node)
        raw.edited = node.first(lambda n: "edited" in n.classes) is not None
        return raw

    def _in_reply(self, inner: Node, outer: Node) -> bool:
        """Whether `inner` sits in a reply message below `outer` (it belongs to that reply)."""
        node = inner.parent
        while node is not None and node is not outer:
            if _is_message(node):
                return True
            node = node.parent
        return False

    def _media(self, node: Node) -> list[Attachment]:
        found = []
        for item in node.find_all(lambda n: "attachment" in n.classes):
            if self._in_reply(item, node):
                continue
            for media in item.iter():
                src = media.attrs.get("src", "") if media.tag in _MEDIA else ""
                src = src or (media.attrs.get("href", "") if media.tag == "a" else "")
                if src:
                    found.append(self._file(src, _MEDIA.get(media.tag, "")))
                    break
            else:
                found.append(Attachment(name=item.text() or "attachment (missing)"))
        return found

    def _tapbacks(self, node: Node) -> tuple[Reaction, ...]:
        out = []
        for item in node.find_all(lambda n: "tapback" in n.classes, nested=True):
            if "tapbacks" in item.classes or self._in_reply(item, node):
                continue
            text = item.text()
            split = TAPBACK.match(text)
            out.append(
                Reaction(emoji=split.group(1), actor=split.group(2))
                if split
                else Reaction(emoji=text)
            )
        return tuple(out)

    def _html_raw(
        self,
        node: Node,
        shown: str,
        when: datetime,
        sender: str | None,
        kind: MessageKind,
        text: str,
    ) -> RawMessage:
        record = self._record_at(node.line)
        return self._raw(record, shown, when, sender, kind, text, ())
