"""Facebook Messenger "Download your information" in HTML form (``message_N.html`` pages).

Sibling of `messenger` (the JSON form). Two page layouts are read (formats-more.md section 4),
matched on single class tokens because Meta's class hashes drift between releases:

- card layout (about 2022 on): a message is ``_a6-g`` with sender ``_a6-h`` (a ``div`` or, in
  2025, an ``h2``), body ``_a6-p``, time ``_a72d`` and reactions ``ul._a6-q``;
- legacy layout (2018-2022): a message is a ``uiBoxWhite`` box with sender ``_2lel``, body
  ``_2let``, time ``_2lem`` and reactions ``ul._tqp``; header boxes (no time, no body) are
  not messages.

Pages run newest first, so parts are read from the highest number down and each page is
reversed: records stream oldest first, one page in memory at a time. The pre-2018 single
``messages.htm`` is read by `messenger_html_old`. Times carry no zone and
are read in the case time zone (unconfirmed: which zone Meta prints). Accepted time shapes:
``Jun 01, 2025 3:31:29 pm``, ``Jul 12, 2024 4:54:10pm``, ``Jan 05, 2019, 8:16 PM``,
``05 Jan 2019, 20:16`` and ``05.01.2019, 20:16``. A block whose time cannot be read is reported
with its line; a block with no sender is kept as a system event.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree, decode_text, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.htmltree import Node, parse_html
from sar_desk.importers.localtime import case_zone, clock, local, month_number
from sar_desk.importers.messenger_html_old import looks_old, read_old

logger = logging.getLogger(__name__)

PLATFORM = "messenger-html"
_PART = re.compile(r"(?:^|/)message_(\d+)\.html?$", re.IGNORECASE)
_OLD = re.compile(r"(?:^|/)messages\.html?$", re.IGNORECASE)
_CARD = {"block": "_a6-g", "sender": "_a6-h", "body": "_a6-p", "time": "_a72d", "react": "_a6-q"}
_LEGACY = {
    "block": "uiBoxWhite",
    "sender": "_2lel",
    "body": "_2let",
    "time": "_2lem",
    "react": "_tqp",
}
_NAMED = re.compile(
    r"^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([ap]\.?m\.?)?$",
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    r"^(\d{1,2})\.? ([A-Za-z]{3,9})\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([ap]\.?m\.?)?$",
    re.IGNORECASE,
)
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$")
_REACTION = re.compile(r"^(\W+?)\s*(\w.*?)(?:\s*\(([^()]*)\))?$")
_MEDIA_TAGS = {"img": "image", "video": "video", "audio": "audio", "source": "video"}


def parse_time(
    text: str, zone: ZoneInfo, warn: Callable[[str], None] | None = None
) -> datetime | None:
    """A Messenger page's printed time in `zone`, or None when it is not one we know."""
    value = clean_whitespace(text)
    if found := _NAMED.match(value):
        mon, day, year, hour, minute, second, marker = found.groups()
    elif found := _DAY_FIRST.match(value):
        day, mon, year, hour, minute, second, marker = found.groups()
    elif found := _DOTTED.match(value):
        day, month, year, hour, minute, second = found.groups()
        hms = clock(hour, minute, second)
        return local(zone, int(year), int(month), int(day), hms) if hms else None
    else:
        return None
    number = month_number(mon)
    hms = clock(hour, minute, second, marker, warn)
    if number is None or hms is None:
        return None
    return local(zone, int(year), number, int(day), hms)


def _file_warning(report: ImportReport, name: str) -> Callable[[str], None]:
    return lambda message: report.warn(f"{name}: {message}")


def _guess(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in ("jpg", "jpeg", "png", "gif", "webp", "heic"):
        return "image"
    if ext in ("mp4", "mov", "webm"):
        return "video"
    if ext in ("m4a", "aac", "ogg", "mp3", "opus", "wav"):
        return "audio"
    return "file"


def _media_key(uri: str) -> str:
    """The part of a media path from ``messages/`` on, to match it whatever the zip's root."""
    uri = uri.replace("\\", "/").lstrip("/")
    at = uri.find("messages/")
    return uri[at:] if at != -1 else uri


def _thread_key(name: str, tree: ExportTree) -> str:
    folder = name.rsplit("/", 1)[0] if "/" in name else tree.path.parent.name
    at = folder.find("messages/")
    return folder[at + len("messages/") :] if at != -1 else folder


class _Page:
    """One ``message_N.html`` page."""

    def __init__(self, name: str, root: Node, zone: ZoneInfo, media: set[str]) -> None:
        self.name = name
        self.root = root
        self.zone = zone
        self.media = media
        card = root.first(lambda n: "_a6-g" in n.classes) is not None
        self.cls = _CARD if card else _LEGACY
        title = root.first(lambda n: n.tag == "title")
        self.title = title.text() if title is not None else ""

    def blocks(self) -> list[Node]:
        block = self.cls["block"]
        return list(self.root.find_all(lambda n: block in n.classes))

    def _part(self, block: Node, role: str) -> Node | None:
        token = self.cls[role]
        return block.first(lambda n: token in n.classes)

    def record(self, block: Node, key: str, title: str, report: ImportReport) -> RawMessage | None:
        where = f"{self.name} line {block.line}"
        stamp = self._part(block, "time")
        body = self._part(block, "body")
        if stamp is None and body is None:
            return None  # a header box (participants, title), not a message
        warn = _file_warning(report, self.name)
        when = parse_time(stamp.text(), self.zone, warn) if stamp is not None else None
        if when is None or stamp is None:
            shown = stamp.text() if stamp is not None else "no time"
            report.skip(
                where,
                f"has a time SAR Desk cannot read ({shown!r}), so the message was not placed.",
                block.line,
            )
            return None
        sender_node = self._part(block, "sender")
        sender = clean_whitespace(sender_node.text()) if sender_node is not None else ""
        react = self.cls["react"]
        text = body.text(skip=lambda n: react in n.classes) if body is not None else ""
        files = self._files(body) if body is not None else []
        kind = MessageKind.MEDIA if files and not text else MessageKind.MESSAGE
        return RawMessage(
            platform=PLATFORM,
            conversation_key=key,
            conversation_title=title,
            sender=sender or None,
            sender_id=None,
            sender_id_kind=None,
            timestamp=when,
            timestamp_raw=stamp.text(),
            time_basis=TimeBasis.CASE_TZ,
            kind=kind if sender else MessageKind.SYSTEM,
            text=text,
            attachments=tuple(files),
            reactions=self._reactions(block),
            location=where,
            line_no=block.line,
        )

    def _files(self, body: Node) -> list[Attachment]:
        found: list[Attachment] = []
        seen: set[str] = set()
        for node in body.iter():
            src = node.attrs.get("src", "") if node.tag in _MEDIA_TAGS else ""
            if node.tag == "a" and "/messages/" in f"/{node.attrs.get('href', '')}":
                src = node.attrs.get("href", "")
            if not src or src.startswith(("data:", "http:", "https:")) or src in seen:
                continue  # data: URIs are icons; web links stay in the text
            seen.add(src)
            kind = "sticker" if "stickers_used" in src else _MEDIA_TAGS.get(node.tag, _guess(src))
            key = _media_key(src)
            present = key in self.media
            found.append(
                Attachment(
                    name=src.rsplit("/", 1)[-1],
                    type=kind,
                    present=present,
                    path=src if present else None,
                )
            )
        return found

    def _reactions(self, block: Node) -> tuple[Reaction, ...]:
        react = self.cls["react"]
        lists = block.find_all(lambda n: n.tag == "ul" and react in n.classes)
        out = []
        for items in lists:
            for item in items.find_all(lambda n: n.tag == "li"):
                found = _REACTION.match(item.text())
                if found:
                    out.append(Reaction(emoji=found.group(1), actor=found.group(2)))
        return tuple(out)


def _pages(tree: ExportTree) -> list[str]:
    if tree.kind == "file":
        return tree.names() if tree.path.suffix.lower() in (".html", ".htm") else []
    return [n for n in tree.names() if _PART.search(n) or _OLD.search(n)]


def _looks_like_page(head: bytes) -> bool:
    text = head.decode("utf-8", errors="replace")
    if looks_old(text):
        return True
    card = "_a6-g" in text and ("_a6-h" in text or "_a72d" in text)
    legacy = "_2lel" in text and "_2let" in text
    return "<html" in text.lower() and (card or legacy)


def _looks_like_download(tree: ExportTree) -> bool:
    return any(_looks_like_page(tree.head(n)) for n in _pages(tree)[:3])


def _part_number(name: str) -> int:
    found = _PART.search(name)
    return int(found.group(1)) if found else 1


class MessengerHtmlImporter:
    """Facebook Messenger HTML download (zip, folder or one ``message_N.html`` page)."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "Facebook Messenger download (HTML)"
    shapes: ClassVar[str] = (
        "message_1.html, message_2.html, … in thread folders of a 'Download your information' "
        "HTML download (messages/inbox, archived_threads, filtered_threads, message_requests, "
        "e2ee_cutover; 2018-2022 and card layouts) or the pre-2018 html/messages.htm, as a zip, "
        "the unpacked folder or one page."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds ``message_N.html`` pages with Messenger's message classes."""
        return sniff_tree(path, _looks_like_download)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every thread's messages, oldest first within each thread.

        Raises:
            ImportFormatError: No Messenger HTML pages are in the input.
        """
        zone = case_zone(options.timezone, "Messenger")
        report.limitations.extend(
            [
                "Messenger gives senders by display name only (no account ids), so two people "
                "with the same name cannot be told apart.",
                "The HTML download prints times without a time zone; they are read in the "
                "case time zone.",
                "End-to-end encrypted Messenger chats are not in this download.",
            ]
        )
        with ExportTree(path) as tree:
            pages = _pages(tree)
            if not pages or not any(_looks_like_page(tree.head(n)) for n in pages[:3]):
                raise ImportFormatError(
                    f"{path.name} holds no Messenger message_1.html pages. Choose the HTML "
                    "download from 'Download your information' (or import the JSON one)."
                )
            media = {_media_key(n) for n in tree.names() if not _PART.search(n)}
            threads: dict[str, list[str]] = defaultdict(list)
            for name in pages:
                if looks_old(tree.head(name).decode("utf-8", errors="replace")):
                    text = decode_text(tree.read_bytes(name), name)
                    yield from read_old(parse_html(text, name), name, zone, report)
                else:
                    threads[_thread_key(name, tree)].append(name)
            for key in sorted(threads):
                yield from self._thread(tree, key, threads[key], zone, media, report)
            logger.info("messenger html download read: %d threads", len(threads))

    def _thread(
        self,
        tree: ExportTree,
        key: str,
        names: list[str],
        zone: ZoneInfo,
        media: set[str],
        report: ImportReport,
    ) -> Iterator[RawMessage]:
        for name in sorted(names, key=_part_number, reverse=True):
            page = _Page(
                name, parse_html(decode_text(tree.read_bytes(name), name), name), zone, media
            )
            title = page.title or key.rsplit("/", 1)[-1]
            records = [r for b in page.blocks() if (r := page.record(b, key, title, report))]
            if len(records) > 1 and records[0].timestamp > records[-1].timestamp:
                records.reverse()  # newest first on the page; oldest first out
            yield from records
