"""Reading WhatsApp chat text into records: a cheap header scan, then a streaming parse.

Both passes work on blocks of whole lines (about a megabyte each) and let the regex engine find
header lines, which is several times faster than a Python loop over lines. The scan (first pass)
settles what only the whole file can tell: the header style, the day/month order, who the
senders are and the group's name. The parse (second pass) streams records, holding at most one
message and one block.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from sar_desk.core.identity import normalise_phone
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.whatsapp.dates import (
    MAX_NAME,
    SCAN,
    HeaderStyle,
    OrderEvidence,
    StampReader,
    grammar,
    make_style,
    strip_marks,
    to_int,
)
from sar_desk.importers.whatsapp.events import classify, group_name, system_body, system_event

PLATFORM = "whatsapp"
_MARKS = ("\u200e", "\u200f")
_PHONE_IN_TEXT = re.compile(r"\+?\d[\d \u00a0\u202f().\-]{6,}\d")
_BEFORE_FIRST = (
    "does not start with a WhatsApp date and time and comes before the first message, "
    "so it belongs to no message"
)
Sender = tuple[str, str | None, IdentifierKind | None]


@dataclass
class _StyleTally:
    style: HeaderStyle | None
    count: int = 0
    evidence: OrderEvidence = field(default_factory=OrderEvidence)


@dataclass
class Scan:
    """What the first pass learned about a chat file.

    Attributes:
        headers: Header lines of the main style.
        style: The main header style (None when the file has no header at all).
        evidence: Day/month evidence from the distinct dates of the main style.
        prefixes: How often each text before a ": " follows a header (sender candidates).
        other_style: Header-like lines of another style (kept as message text).
        group: The group name from a "created group" line, if any.
        lines: Lines in the file.
    """

    headers: int = 0
    style: HeaderStyle | None = None
    evidence: OrderEvidence = field(default_factory=OrderEvidence)
    prefixes: Counter[str] = field(default_factory=Counter)
    other_style: int = 0
    group: str | None = None
    lines: int = 0


_HeaderParts = tuple[str, str, str, str, str, str, str, str, str, str, str, str]


def scan(blocks: Iterable[str]) -> Scan:
    """First pass: header styles, day/month evidence, sender candidates and the group name.

    The regex engine finds and counts header lines in C (``findall`` then ``Counter``); the
    Python loop only visits each block's distinct (style, date, sender) combinations, a few per
    day, and nothing but the tallies outlives a block.
    """
    tallies: dict[tuple[str, ...], _StyleTally] = {}
    dated: set[tuple[object, ...]] = set()
    found = Scan()
    last = "\n"
    for block in blocks:
        found.lines += block.count("\n")
        last = block[-1:] or last
        counts: Counter[_HeaderParts] = Counter(SCAN.pick(block).findall("\n" + block))
        for parts, count in counts.items():
            _tally(parts, count, tallies, dated, found)
    if last != "\n":
        found.lines += 1  # a final line without a line break
    valid = {key: tally for key, tally in tallies.items() if tally.style is not None}
    if valid:
        best = max(valid, key=lambda key: valid[key].count)
        found.style = valid[best].style
        found.headers = valid[best].count
        found.evidence = valid[best].evidence
        found.other_style = sum(t.count for k, t in valid.items() if k != best)
    return found


def _tally(
    parts: _HeaderParts,
    count: int,
    tallies: dict[tuple[str, ...], _StyleTally],
    dated: set[tuple[object, ...]],
    found: Scan,
) -> None:
    """Add `count` identical header shapes to the style tallies and sender candidates."""
    br, a, sep, b, c, comma, sec, ampm, prefix, marked, second, line = parts
    key = (br, sep, comma, sec, ampm and "m", str(len(a)), str(len(c)))
    tally = tallies.get(key)
    if tally is None:
        tally = tallies[key] = _StyleTally(make_style(br, a, sep, c, comma, sec, ampm))
    if tally.style is None:
        return
    tally.count += count
    if (key, a, b) not in dated:
        dated.add((key, a, b))
        tally.evidence.add(to_int(a), to_int(b))
    if prefix or marked or second:
        found.prefixes[prefix] += count
        if second and len(prefix) + len(second) < MAX_NAME:
            found.prefixes[f"{prefix}: {second}"] += count
    if found.group is None and (marked or line):
        found.group = group_name(strip_marks(marked or line).strip())


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
    """Second pass: turns blocks of lines into `RawMessage` records in file order."""

    def __init__(self, found: Scan, context: Context, report: ImportReport) -> None:
        if found.style is None:
            raise ValueError("RecordParser needs a scan that found headers")
        self._grammar = grammar(found.style)
        self._stamps = StampReader(context.order, context.zone)
        self._prefixes = found.prefixes
        self._context = context
        self._report = report
        self._senders: dict[str, Sender] = {}

    def parse(self, blocks: Iterable[str]) -> Iterator[RawMessage]:
        r"""Yield one record per header line, with the lines that follow it as its body.

        Every line ends up in a record, except lines before the first header, which are
        reported as skipped. Header-like lines whose date is impossible in the file's order,
        or whose style differs from the file's, stay message text.

        Args:
            blocks: The file's text in blocks that each end with a line break (except the
                last), with line breaks normalised to ``\\n``.
        """
        read, record = self._stamps.read, self._record
        head: re.Match[str] | None = None
        stamp: datetime | None = None
        first = 0
        carry = ""  # the current record's text from earlier blocks (a block ends mid-record)
        line = 1  # the line number at `pos`
        for block in blocks:
            text = "\n" + block  # the patterns match from the line break before a header
            pos = 1
            for m in self._grammar.pick(block).finditer(text):
                when = read(m)
                if when is None:
                    continue
                start = m.start() + 1
                if head is not None and stamp is not None:
                    body = text[pos:start]
                    if carry:
                        body, carry = carry + body, ""
                    yield record(head, stamp, first, body)
                elif start > pos:
                    self._skip(text[pos:start], line)
                line += text.count("\n", pos, start)
                head, stamp, first, pos = m, when, line, m.end()
            if head is not None:
                carry += text[pos:]
            elif pos < len(text):
                self._skip(text[pos:], line)
            line += text.count("\n", pos)
        if head is not None and stamp is not None:
            yield self._record(head, stamp, first, carry)

    def _skip(self, text: str, line: int) -> None:
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for offset in range(len(lines)):
            self._report.skip(f"line {line + offset}", _BEFORE_FIRST, line + offset)

    def _split(self, rest: str) -> int:
        """Where the sender ends: the first ": ", or a later one if a known name contains ": "."""
        colon = rest.find(": ")
        if colon < 0:
            if rest.endswith(":") and self._prefixes.get(rest[:-1], 0) >= 2:
                return len(rest) - 1  # a known sender whose first body line is empty
            return -1
        more = rest.find(": ", colon + 2)
        if more < 0 or more > MAX_NAME:
            return colon
        shortest = self._prefixes.get(rest[:colon], 0)
        best = colon
        while 0 < more <= MAX_NAME:
            # Every line "Dr" starts continues "Dr: Who: ..."; Sam also writes lines that do
            # not start "Sam: Re: ". A sender whose every message starts "X: " stays ambiguous.
            count = self._prefixes.get(rest[:more], 0)
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

    def _record(self, m: re.Match[str], when: datetime, n: int, body_raw: str) -> RawMessage:
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
                self._prefixes.get(prefix, 0) >= 2 or system_event(strip_marks(rest)) is None
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
            m["stamp"],
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
