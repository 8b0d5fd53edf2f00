"""HCL / IBM Sametime Connect saved chat transcripts (the ``SametimeTranscripts`` folder).

Layout (formats-more.md section 1): ``<contact id>/YYYYMMDD/<user>log.html``, one page per
partner per day, plus ``[multi-way]/<YYYYMMDD…>{<chat name>}/*.html`` for group chats and
``personfolders.xml`` naming each contact folder. The page does not name the far-side partner,
so a one-to-one conversation is keyed on its contact folder. Pages may be the native HTML
(``messageBlock`` divs), the table form or the text form (``!started at …`` then
``<time>: <name>: <text>``); see `sametime_pages`.

Times are local wall-clock times without a date or zone: the date comes from the
``YYYYMMDD`` folder, else from the ``sametime:creationTime`` meta or ``!started at`` header
(ISO-like, or Java's ``Fri Jan 24 15:22:40 EST 2014``), then from date separators; a clock
that runs backwards by more than six hours means midnight passed. Times are read in the case
time zone, 12- or 24-hour.
Unconfirmed, so tolerated: the creationTime format, the charset (UTF-8 is tried first; pages
that are not UTF-8 are read as the charset their ``<meta>`` declares, else Windows-1252, with
a warning), the bracket contents of sender titles (kept as an e-mail id when they are one).
A message whose time cannot be read is reported with its line; system lines take the time of
the line before them or the chat's start (with a warning).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import ClassVar
from zoneinfo import ZoneInfo

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace, normalise_email
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.archive import ExportTree, decode_text, looks_binary, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.htmltree import parse_html
from sar_desk.importers.localtime import case_zone, clock, local, month_number
from sar_desk.importers.sametime_pages import Line, read_native, read_table, read_text

logger = logging.getLogger(__name__)

PLATFORM = "sametime"
_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NAMED = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (?:\d{1,2}:\d{2}:\d{2} (?:\S+ )?)?(\d{4})")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$")
_CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_MULTI = re.compile(r"\{(.+)\}$")
_ROLLOVER = timedelta(hours=6)
_START_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?")


def _date_in(text: str) -> date | None:
    for found in (_ISO.search(text), _DAY.match(text)):
        if found:
            try:
                return date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                return None
    named = _NAMED.search(text)
    month = month_number(named[1]) if named else None
    if named and month:
        try:
            return date(int(named[3]), month, int(named[2]))
        except ValueError:
            return None
    return None


def _kind(tree: ExportTree, name: str) -> str | None:
    low = name.lower()
    if low.endswith((".html", ".htm")):
        head = tree.head(name, 16 * 1024)
        table = b"tsDisplay" in head and (b'class="other' in head or b'class="myself' in head)
        if b"sametime:" in head or b"messageBlock" in head or table:
            return "html"  # native or table form: told apart once parsed
    elif low.endswith(".txt") and tree.head(name, 64).lstrip(b"\xef\xbb\xbf").startswith(
        b"!started at "
    ):
        return "text"
    return None


def _looks_like_sametime(tree: ExportTree) -> bool:
    names = [n for n in tree.names() if n.lower().endswith((".html", ".htm", ".txt"))]
    return any(_kind(tree, n) for n in names[:5])


def _folder_names(tree: ExportTree, report: ImportReport) -> dict[str, str]:
    """Contact folder → display name, from ``personfolders.xml`` (parsed with defusedxml)."""
    names: dict[str, str] = {}
    for name in tree.names():
        if name.rsplit("/", 1)[-1].lower() != "personfolders.xml":
            continue
        try:
            root = SafeET.fromstring(tree.read_bytes(name))
        except (SafeET.ParseError, DefusedXmlException):
            report.warn(f"{name} could not be read safely, so contact folders keep their ids.")
            continue
        for folder in root.iter("folder"):
            path, shown = folder.get("folderPath") or "", folder.get("displayName") or ""
            if path and shown.strip():
                names[path] = clean_whitespace(shown)
    return names


def _conversation(name: str, folders: dict[str, str]) -> tuple[str, str, date | None]:
    """Key, title and folder date of the page `name` (a path inside the export)."""
    parts = PurePosixPath(name).parts[:-1]
    for index, part in enumerate(parts):
        multi = _MULTI.search(part)
        if multi and _DAY.match(part):
            title = multi[1].replace("x2fx", "/")
            return f"multi-way/{part}", title, _date_in(part[:8])
        if re.fullmatch(r"\d{8}", part) and index > 0:
            contact = parts[index - 1]
            title = folders.get(contact) or contact.split("_OU=")[0].removeprefix("CN=")
            return contact, title, _date_in(part)
    stem = PurePosixPath(name).stem
    return stem, stem, None


def _decode(data: bytes, name: str, report: ImportReport) -> str:
    try:
        return decode_text(data, name)
    except ImportFormatError:
        if looks_binary(data[: 64 * 1024]):
            raise
    declared = _CHARSET.search(data[:4096])
    codec = declared.group(1).decode("ascii").lower() if declared else "windows-1252"
    try:
        text = data.decode(codec if codec not in ("utf-8", "utf8") else "windows-1252")
    except (LookupError, UnicodeDecodeError):
        codec = "windows-1252"
        text = data.decode(codec, errors="replace")
    report.warn(f"Some Sametime pages are not UTF-8; they were read as {codec}.")
    return text


class _Day:
    """Places a page's clock times on dates, noticing midnight."""

    def __init__(self, start: date | None, zone: ZoneInfo, warn: Callable[[str], None]) -> None:
        self.day = start
        self.zone = zone
        self.warn = warn
        self.previous: datetime | None = None

    def place(self, text: str) -> datetime | None:
        found = _CLOCK.match(text.strip())
        hms = clock(found[1], found[2], found[3], found[4], self.warn) if found else None
        if hms is None or self.day is None:
            return None
        when = local(self.zone, self.day.year, self.day.month, self.day.day, hms)
        if when is not None and self.previous is not None and when < self.previous - _ROLLOVER:
            self.day += timedelta(days=1)
            when = when + timedelta(days=1)
        self.previous = when or self.previous
        return when


class SametimeImporter:
    """HCL/IBM Sametime saved transcripts (folder, zip or one page)."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "HCL / IBM Sametime saved chat transcripts"
    shapes: ClassVar[str] = (
        "The SametimeTranscripts folder (contact folders with YYYYMMDD day folders of "
        "<name>log.html pages, [multi-way] group chats, personfolders.xml) as a folder or zip, "
        "or one saved page: native HTML (messageBlock), the table HTML or the text form "
        "('!started at …'). Not read: RTF saves, server-side chat logging (CLData, MongoDB)."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds a Sametime transcript page."""
        return sniff_tree(path, _looks_like_sametime)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every transcript page's records, page by page.

        Raises:
            ImportFormatError: No Sametime transcript is in the input.
        """
        zone = case_zone(options.timezone, "Sametime")
        report.limitations.extend(
            [
                "Sametime transcripts are saved by the client on one computer: they hold only "
                "the chats that user's client saved, not the server's record.",
                "Transcript times have no time zone; they are read in the case time zone.",
                "Inline images and emoticons are shown by their text; image files are not kept.",
            ]
        )
        with ExportTree(path) as tree:
            pages = [(n, k) for n in tree.names() if (k := _kind(tree, n))]
            if not pages:
                raise ImportFormatError(
                    f"{path.name} holds no Sametime transcript (no page with Sametime's "
                    "messageBlock markup and no text transcript starting '!started at'). "
                    "Choose the SametimeTranscripts folder or a saved chat."
                )
            folders = _folder_names(tree, report)
            for name, kind in pages:
                yield from self._page(tree, name, kind, folders, zone, report)
            logger.info("sametime transcripts read: %d pages", len(pages))

    def _page(
        self,
        tree: ExportTree,
        name: str,
        kind: str,
        folders: dict[str, str],
        zone: ZoneInfo,
        report: ImportReport,
    ) -> Iterator[RawMessage]:
        key, title, day = _conversation(name, folders)
        text = _decode(tree.read_bytes(name), name, report)
        if kind == "text":
            lines, headers, orphans = read_text(text)
            for line_no in orphans:
                report.skip(f"{name} line {line_no}", "comes before any message.", line_no)
            started = headers.get("started at", "")
        else:
            root = parse_html(text, name)
            lines = read_native(root) or read_table(root)
            meta = root.first(lambda n: n.attrs.get("name") == "sametime:creationTime")
            started = meta.attrs.get("content", "") if meta else ""
        days = _Day(day or _date_in(started), zone, lambda m: report.warn(f"{name}: {m}"))
        # The chat's start time places system lines that come before the first message.
        start_clock = _START_CLOCK.search(started)
        last = (
            days.place(start_clock.group(0))
            if start_clock and days.day == _date_in(started)
            else None
        )
        for line in lines:
            if line.kind == "date":
                days.day = _date_in(line.text) or days.day
                continue
            when = days.place(line.clock) if line.clock else None
            if line.kind == "system" and when is None and last is not None:
                report.warn(
                    "Sametime system lines carry no time; each was placed at the time of the "
                    "line before it (or the chat's start)."
                )
                when = last
            if when is None:
                why = "no date for the page" if days.day is None else f"time {line.clock!r}"
                report.skip(
                    f"{name} line {line.line_no}",
                    f"could not be placed in time ({why}), so it was not imported.",
                    line.line_no,
                )
                continue
            last = when
            yield self._record(line, when, key, title, name)

    def _record(self, line: Line, when: datetime, key: str, title: str, name: str) -> RawMessage:
        email = normalise_email(line.detail) if line.detail else None
        system = line.kind == "system"
        return RawMessage(
            platform=PLATFORM,
            conversation_key=key,
            conversation_title=title,
            sender=None if system else (line.sender or None),
            sender_id=None if system else email,
            sender_id_kind=IdentifierKind.EMAIL if email and not system else None,
            timestamp=when,
            timestamp_raw=line.clock,
            time_basis=TimeBasis.CASE_TZ,
            kind=MessageKind.SYSTEM if system else MessageKind.MESSAGE,
            text=line.text,
            location=f"{name} line {line.line_no}",
            line_no=line.line_no,
        )
