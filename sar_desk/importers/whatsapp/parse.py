"""Reading WhatsApp chat text into records: the streaming second pass.

The first pass (`scan`) has settled what only the whole file can tell: the header style, the
day/month order and the group's name. This pass cuts each block of whole lines (about a
megabyte) at its headers with one ``re.split`` and streams records, holding at most one
message and one block.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from sar_desk.core.identity import normalise_phone
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, TimeBasis
from sar_desk.core.text import DIRECTION_MARKS
from sar_desk.importers.whatsapp.dates import (
    GENERIC,
    MAX_NAME,
    StampReader,
    grammar,
    style_of,
)
from sar_desk.importers.whatsapp.events import classify, is_plain, system_body, system_event
from sar_desk.importers.whatsapp.marks import has_invisible, strip_marks
from sar_desk.importers.whatsapp.scan import Scan

PLATFORM = "whatsapp"
_MARKS = DIRECTION_MARKS  # the direction marks iOS puts before system and media bodies
_PHONE_IN_TEXT = re.compile(r"\+?\d[\d \u00a0\u202f().\-]{6,}\d")
_BEFORE_FIRST = (
    "does not start with a WhatsApp date and time and comes before the first message, "
    "so it belongs to no message"
)
Sender = tuple[str, str | None, IdentifierKind | None]
_FIRST_LINES = 5  # line numbers a per-file warning lists
_NAME_WINDOW = MAX_NAME + 2  # where a second ": " makes the sender name ambiguous
# The split pattern's groups, in order: the whole header, then the parts `StampReader.at`
# reads; each record in `re.split`'s output is these plus the text up to the next header.
_SPLIT_GROUPS = ("stamp", "a", "b", "c", "be", "P", "H", "M", "S", "ap")
_STRIDE = len(_SPLIT_GROUPS) + 2
_UNREAD_STYLE_GROUPS = ("br", "sep", "comma")  # captured by the scan, not needed here


def _splitter(header: re.Pattern[str]) -> Callable[[str], list[Any]]:
    """``re.split`` for one header style, capturing the whole header and `_SPLIT_GROUPS`."""
    source = header.pattern
    for name in _UNREAD_STYLE_GROUPS:
        source = source.replace(f"(?P<{name}>", "(?:")
    pattern = re.compile(f"({source})")
    order = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
    if tuple(order) != _SPLIT_GROUPS or pattern.groups != len(_SPLIT_GROUPS) + 1:
        raise AssertionError(f"unexpected header groups: {order}")
    return pattern.split


@dataclass(frozen=True, slots=True)
class Context:
    """Everything the second pass needs besides the text.

    Attributes:
        key: Conversation key.
        title: Conversation title.
        region: Default region for national-format phone numbers.
        order: ``day-first``, ``month-first`` or ``year-first``.
        zone: The case time zone applied to the export's local times.
        media: Files in the export by base name: ``(path in export, size)``.
    """

    key: str
    title: str
    region: str
    order: str
    zone: tzinfo
    media: dict[str, tuple[str, int]]


class RecordParser:
    """Second pass: turns blocks of lines into `RawMessage` records in file order.

    Each block is cut at its header lines by one ``re.split`` (in C), which hands back every
    header's parts and the text up to the next header; the Python loop then only sees records.
    An ordinary message from a known sender is built inline with a few string checks; anything
    that might be a system event, media, a deletion, an edit or an odd sender name takes the
    full path (`_record`).
    """

    def __init__(
        self,
        found: Scan,
        context: Context,
        report: ImportReport,
        names: Callable[[], Counter[str]],
    ) -> None:
        """Prepare to parse.

        Args:
            found: The first pass's findings (with a header style).
            context: Conversation, region, date order, zone and media.
            report: Where skipped lines go.
            names: Counts sender candidates over the whole file (`sender_names`); called
                at most once, and only if a sender is in doubt.
        """
        if found.style is None:
            raise ValueError("RecordParser needs a scan that found headers")
        header = grammar(found.style)
        self._split_plain = _splitter(header.plain)
        self._split_tolerant = _splitter(header.tolerant)
        self._stamps = StampReader(context.order, context.zone)
        self._count_names = names
        self._names: Counter[str] | None = None
        self._context = context
        self._report = report
        self._senders: dict[str, Sender] = {}
        self._style = found.style
        # Only a file the first pass found other header shapes in pays for looking for them.
        self._other_style = self._report_other_style if found.other_style else None
        self.odd_hour_lines: list[int] = []
        """The first lines whose hour the AM/PM marker does not allow (read as 24-hour)."""

    def parse(self, blocks: Iterable[str]) -> Iterator[RawMessage]:
        r"""Yield one record per header line, with the lines that follow it as its body.

        Every line ends up in a record, except lines before the first header, which are
        reported as skipped. Header-like lines whose date is impossible in the file's order,
        or whose style differs from the file's, stay message text.

        Args:
            blocks: The file's text in blocks that each end with a line break (except the
                last), with line breaks normalised to ``\\n``.
        """
        context, record, senders = self._context, self._record, self._senders
        stamps = self._stamps
        stamp_at = stamps.at
        other = self._other_style
        platform, key, title = PLATFORM, context.key, context.title
        case_tz, plain = TimeBasis.CASE_TZ, MessageKind.MESSAGE
        days = self._stamps.days
        when: datetime | None
        head: tuple[str, datetime, int] | None = None  # the record being read: stamp, time, line
        body = ""  # its text so far (a record can run across blocks)
        line = 1  # the line number of the block's first line
        for block in blocks:
            split = self._split_tolerant if has_invisible(block) else self._split_plain
            # The patterns match from the line break before a header, so the block gets one;
            # parts[0] is then that line break and whatever precedes the block's first header.
            parts = split("\n" + block)
            lead = parts[0]
            unclaimed = ""  # text before the file's first header, reported line by line
            if head is not None:
                # The block's added line break is the previous block's last one: keep one.
                body = (body[:-1] if body.endswith("\n") else body) + lead
                if other is not None:
                    other(lead, line, head[2])
            else:
                unclaimed = lead
            cur = line + lead.count("\n")
            pieces = iter(parts)
            next(pieces)
            for whole, stamp, a, b, c, be, pre, hh, mm, ss, ap, text in zip(
                *(pieces,) * _STRIDE, strict=True
            ):
                # The day's date and fixed offset are cached; a 24-hour time on an ordinary day
                # is then one constructor call. 12-hour times and clock-change days go through
                # the reader.
                day = days.get((a, b, c, be))
                if day is not None and day[3] is not None and not ap and not pre:
                    try:
                        when = datetime(
                            day[0], day[1], day[2], int(hh), int(mm), int(ss or 0), tzinfo=day[3]
                        )
                    except ValueError:  # 24:00, 12:61: not a time, so not a header
                        when = None
                else:
                    odd = stamps.odd_hours
                    when = stamp_at(a, b, c, be, hh, mm, ss, ap or pre)
                    if stamps.odd_hours != odd and len(self.odd_hour_lines) < _FIRST_LINES:
                        self.odd_hour_lines.append(cur)
                if when is None:  # impossible in this order: the line stays text, reported
                    if head is not None:
                        body += whole + text
                        self._unreadable(cur, stamp, head[2])
                        if other is not None and "\n" in text:
                            other(text, cur + 1, head[2])
                    else:
                        unclaimed += whole + text
                    cur += 1 + text.count("\n")
                    continue
                if head is None:
                    if unclaimed:
                        self._skip(unclaimed[1:] + "\n", line)
                        unclaimed = ""
                elif (
                    (colon := body.find(": ")) > 0
                    and body.find("\n", 0, colon) < 0
                    and body.find(": ", colon + 2, _NAME_WINDOW) < 0
                ):
                    # The common case, settled here: "Sender: plain text" from a sender already
                    # seen, the name ending at the first ": " of the first line with no second
                    # ": " near it. Anything else takes the full path (_record).
                    sender = senders.get(body[:colon])
                    words = body[colon + 2 :].rstrip("\n")
                    if sender is not None and is_plain(words):
                        yield RawMessage(
                            platform,
                            key,
                            title,
                            *sender,
                            head[1],
                            head[0],
                            case_tz,
                            plain,
                            words,
                            (),
                            None,
                            None,
                            False,
                            (),
                            (),
                            f"line {head[2]}",
                            head[2],
                        )
                    else:
                        yield record(*head, body)
                else:
                    yield record(*head, body)
                head, body = (stamp, when, cur), text
                if other is not None and "\n" in text:
                    other(text, cur + 1, cur)
                cur += 1 + text.count("\n")
            if head is None and len(unclaimed) > 1:
                self._skip(unclaimed[1:], line)
            line += block.count("\n")
        if head is not None:
            yield record(*head, body)
        if stamps.odd_hours:
            self._report_odd_hours(stamps.odd_hours)

    def _report_odd_hours(self, count: int) -> None:
        lines = ", ".join(f"{n:,}" for n in self.odd_hour_lines)
        more = ", ..." if count > len(self.odd_hour_lines) else ""
        self._report.warn(
            f"{count:,} message times have an hour their AM/PM marker does not allow (such as "
            f"00:04 AM or 23:59 PM; lines {lines}{more}); they were read as a 24-hour clock, "
            "so 00:04 AM is 00:04 and 23:59 PM is 23:59."
        )

    def _unreadable(self, n: int, stamp: str, owner: int) -> None:
        """Report a header of the file's shape whose date or time is impossible."""
        self._report.skip(
            f"line {n}",
            f"starts like a message header but '{strip_marks(stamp)}' is not a date and time "
            f"in this chat's order, so it was kept as text of the message at line {owner}",
            n,
        )

    def _report_other_style(self, text: str, base: int, owner: int) -> None:
        """Report header-like lines of another shape inside a message's text (line `base` on).

        `text` starts with the rest of a line, then each following line after a line break.
        """
        for match in GENERIC.pick(text).finditer(text):
            style = style_of(match)
            if style is None or style == self._style:
                continue
            n = base + text.count("\n", 0, match.start())
            self._report.skip(
                f"line {n}",
                f"looks like a message header in another format ({style.label}) than the "
                f"rest of the chat, so it was kept as text of the message at line {owner} "
                "(pasted or quoted text)",
                n,
            )

    def _skip(self, text: str, line: int) -> None:
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for offset in range(len(lines)):
            self._report.skip(f"line {line + offset}", _BEFORE_FIRST, line + offset)

    def _known(self, name: str) -> int:
        """How many headers in the whole file are followed by `name` and ": "."""
        if self._names is None:
            self._names = self._count_names()
        return self._names.get(name, 0)

    def _split(self, rest: str) -> int:
        """Where the sender ends: the first ": ", or a later one if a known name contains ": "."""
        colon = rest.find(": ")
        if colon < 0:
            if rest.endswith(":") and self._known(rest[:-1]) >= 2:
                return len(rest) - 1  # a known sender whose first body line is empty
            return -1
        more = rest.find(": ", colon + 2)
        if more < 0 or more > MAX_NAME:
            return colon
        shortest = self._known(rest[:colon])
        best = colon
        while 0 < more <= MAX_NAME:
            # Every line "Dr" starts continues "Dr: Who: ..."; Sam also writes lines that do
            # not start "Sam: Re: ". A sender whose every message starts "X: " stays ambiguous.
            count = self._known(rest[:more])
            if count >= 2 and count == shortest:
                best = more
            more = rest.find(": ", more + 2)
        return best

    def _sender(self, raw: str) -> Sender:
        name = " ".join(strip_marks(raw).replace("\u00a0", " ").replace("\u202f", " ").split())
        if name.startswith("~"):
            name = name[1:].lstrip()  # "~ Name": a non-contact shown by their profile name
        phone = normalise_phone(name, self._context.region)
        known = self._senders[raw] = (name, phone, IdentifierKind.PHONE if phone else None)
        return known

    def _record(self, stamp: str, when: datetime, n: int, body_raw: str) -> RawMessage:
        eol = body_raw.find("\n")
        rest = body_raw if eol < 0 else body_raw[:eol]
        split = rest.find(": ")
        if split < 0 or rest.find(": ", split + 2, MAX_NAME + 2) >= 0:
            split = self._split(rest)  # no sender, or a name that may itself contain ": "
        sender: Sender | None = None
        if split >= 0:
            prefix = rest[:split]
            sender = self._senders.get(prefix)
            if sender is None and (
                system_event(strip_marks(rest)) is None or self._known(prefix) >= 2
            ):
                sender = self._sender(prefix)
        if sender is None:
            body = system_body(strip_marks(body_raw).strip())
        else:
            text = body_raw[split + 2 :].rstrip("\n")
            if text.isascii():
                body = classify(text, False)
            else:
                body = classify(strip_marks(text), text[:1] in _MARKS)
            if body.kind is MessageKind.SYSTEM:
                sender = None
        context = self._context
        attachments = tuple(self._attachment(*file) for file in body.files) if body.files else ()
        if sender is None:
            name, sender_id, id_kind = None, None, None
            mentions = _phones(body.text, context.region)
        else:
            name, sender_id, id_kind = sender
            mentions = ()
        return RawMessage(
            PLATFORM,
            context.key,
            context.title,
            name,
            sender_id,
            id_kind,
            when,
            stamp,
            TimeBasis.CASE_TZ,
            body.kind,
            body.text,
            attachments,
            None,
            None,
            body.edited,
            (),
            mentions,
            f"line {n}",
            n,
        )

    def _attachment(self, name: str, kind: str) -> Attachment:
        found = self._context.media.get(name.rsplit("/", 1)[-1])
        if found is None:
            return Attachment(name=name, type=kind, present=False)
        return Attachment(name=name, type=kind, present=True, path=found[0], size=found[1])


def _phones(text: str, region: str) -> tuple[str, ...]:
    """E.164 numbers written in a system line ("Priya added +44 7911 123456")."""
    found: list[str] = []
    for candidate in _PHONE_IN_TEXT.findall(text):
        phone = normalise_phone(candidate, region)
        if phone is not None and phone not in found:
            found.append(phone)
    return tuple(found)
