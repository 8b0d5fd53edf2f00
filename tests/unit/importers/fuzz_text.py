"""Seeded WhatsApp, signal-export and sigtop chats for the differential fuzz (issue 14).

Each generator returns the file's text and the records an importer must give back, so a test
can compare record by record (sender, timestamp, text, kind). The chats carry what real exports
carry: every header style, direction marks in headers and after "Name: ", hours the AM/PM
marker does not allow, multi-line bodies with blank lines, system lines with and without a
sender, attachments, deletions, CRLF and a BOM. Bodies never contain digits, so no continuation
line can look like a header.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sar_desk.core.model import MessageKind

MARKS = "\u200e\u200f\u061c\u200b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
NBSP, NNBSP = "\u00a0", "\u202f"


@dataclass(frozen=True)
class Record:
    """What the importer must give back for one message."""

    sender: str | None
    when: datetime
    text: str
    kind: MessageKind
    line: int


@dataclass
class Chat:
    """A generated export: its text, the expected records and what the report must say."""

    text: str
    records: list[Record] = field(default_factory=list)
    odd_hours: int = 0
    day_first: bool | None = None
    preamble: int = 0


# --- WhatsApp header styles -------------------------------------------------------------------

Stamp = Callable[[datetime, bool, random.Random], str]
"""Renders a header's date and time; the flag asks for an hour the marker does not allow."""

_AFTER = [
    ("AM", "PM"),
    ("am", "pm"),
    ("a.m.", "p.m."),
    (f"a.{NBSP}m.", f"p.{NBSP}m."),
    ("a. m.", "p. m."),
    ("vorm.", "nachm."),
    ("\u03c0.\u03bc.", "\u03bc.\u03bc."),
    ("\u0635", "\u0645"),
]
_BEFORE = [
    ("\u5348\u524d", "\u5348\u5f8c"),
    ("\u4e0a\u5348", "\u4e0b\u5348"),
    ("\uc624\uc804", "\uc624\ud6c4"),
]


def _clock(when: datetime, twelve: tuple[str, str] | None, before: bool, odd: bool) -> str:
    """The time of day, 24-hour or with a marker; `odd` writes the clock hour as it is."""
    if twelve is None:
        return f"{when:%H}:{when:%M}"
    marker = twelve[1] if when.hour >= 12 else twelve[0]
    hour = when.hour if odd else (when.hour % 12 or 12)
    if before:
        return f"{marker}{hour}:{when:%M}"
    space = random.Random(when.toordinal()).choice([" ", NNBSP, NBSP])
    return f"{hour}:{when:%M}{space}{marker}"


@dataclass(frozen=True)
class Style:
    """One header shape: date order, separators, brackets, comma, seconds, clock."""

    order: str  # "dmy", "mdy" or "ymd"
    sep: str
    short_year: bool
    bracketed: bool
    comma: bool
    seconds: bool
    twelve: tuple[str, str] | None
    before: bool

    def stamp(self, when: datetime, odd: bool) -> str:
        year = f"{when:%y}" if self.short_year else f"{when:%Y}"
        day, month = f"{when.day:02d}", f"{when.month:02d}"
        parts = {"dmy": (day, month, year), "mdy": (month, day, year), "ymd": (year, month, day)}
        date = self.sep.join(parts[self.order])
        clock = _clock(when, self.twelve, self.before, odd)
        if self.seconds:
            clock = clock.replace(f":{when:%M}", f":{when:%M}:{when:%S}", 1)
        return f"{date}{',' if self.comma else ''} {clock}"

    def header(self, stamp: str, marks: Callable[[], str]) -> str:
        if self.bracketed:
            return f"{marks()}[{marks()}{stamp}{marks()}] "
        return f"{marks()}{stamp} - "

    @property
    def day_first(self) -> bool | None:
        return None if self.order == "ymd" else self.order == "dmy"


def whatsapp_style(rng: random.Random) -> Style:
    """A random header shape among those WhatsApp writes (and a few it might)."""
    order = rng.choice(["dmy", "mdy", "ymd"])
    clock = rng.random()
    twelve = None if clock < 0.4 else rng.choice(_BEFORE if clock > 0.9 else _AFTER)
    bracketed = rng.random() < 0.5
    comma = rng.random() < 0.7
    seconds = rng.random() < 0.6 if bracketed else rng.random() < 0.15
    sep = rng.choice("/.-") if order != "ymd" else rng.choice("/-")
    if bracketed and order == "ymd" and comma and twelve is None:
        sep = "/"  # "[2019-01-30, 20:49] Name:" is signal-export's shape, not WhatsApp's
    return Style(
        order=order,
        sep=sep,
        short_year=order != "ymd" and rng.random() < 0.4,
        bracketed=bracketed,
        comma=comma,
        seconds=seconds,
        twelve=twelve,
        before=twelve in _BEFORE,
    )


_WORDS = [
    "the",
    "tenant",
    "called",
    "again",
    "about",
    "the",
    "damp",
    "in",
    "the",
    "flat,",
    "can",
    "we",
    "book",
    "a",
    "visit?",
    "ok:",
    "fine",
    "-",
    "thanks",
    "[see",
    "below]",
    "<b>",
    "é",
    "ñ",
    "ß",
    "😀",
    "👨\u200d👩\u200d👧",
    "❤️",
    "Zoë",
]
_NAMES = ("Priya Shah", "Tom Reid", "Jo Bloggs", "Zoë 🌻", "+44 7700 900123", "~ Sam Vale")


def _words(rng: random.Random, low: int = 1, high: int = 10) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))


def _body(rng: random.Random) -> str:
    """A plain message: one or more lines, maybe with a blank line inside."""
    lines = [_words(rng)]
    while rng.random() < 0.25:
        lines.append("" if rng.random() < 0.2 else _words(rng))
    if lines[-1] == "":
        lines.append(_words(rng))
    return "\n".join(lines)


def _marks(rng: random.Random, rate: float) -> Callable[[], str]:
    return lambda: rng.choice(MARKS) if rng.random() < rate else ""


def _strip(text: str) -> str:
    return "".join(ch for ch in text if ch not in MARKS)


def whatsapp_chat(seed: int, count: int = 30) -> Chat:
    """A random WhatsApp chat in one random header style, with the records it must give back."""
    rng = random.Random(seed)
    style = whatsapp_style(rng)
    marks = _marks(rng, 0.15 if rng.random() < 0.6 else 0.0)
    chat = Chat(text="", day_first=style.day_first)
    lines: list[str] = []
    if rng.random() < 0.2:
        lines.append("exported by the phone")  # before the first header: reported, not lost
        chat.preamble = 1
    when = datetime(rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(13, 28), 0, 0, 0)
    for _ in range(count):
        when += timedelta(seconds=rng.randint(1, 40_000))
        odd = style.twelve is not None and (when.hour == 0 or when.hour > 12) and rng.random() < 0.3
        chat.odd_hours += odd
        stamp = style.header(style.stamp(when, odd), marks)
        expected_when = when if style.seconds else when.replace(second=0)
        sender, body, text, kind = _whatsapp_body(rng, style, marks)
        number = len(lines) + 1
        lines.extend(f"{stamp}{sender}{body}".split("\n"))
        name = _strip(sender[:-2]) if sender else None
        if name and name.startswith("~"):
            name = name[1:].lstrip()
        if kind is MessageKind.SYSTEM:
            name = None
        chat.records.append(Record(name, expected_when, text, kind, number))
    newline = "\r\n" if rng.random() < 0.3 else "\n"
    chat.text = ("\ufeff" if rng.random() < 0.2 else "") + newline.join(lines) + newline
    return chat


def _whatsapp_body(
    rng: random.Random, style: Style, marks: Callable[[], str]
) -> tuple[str, str, str, MessageKind]:
    """(sender part with ": ", body as written, expected text, expected kind)."""
    name = rng.choice(_NAMES)
    who = f"{marks()}{name}{marks()}: " if not name.startswith("+") else f"\u202a{name}\u202c: "
    roll = rng.random()
    if roll < 0.06:  # Android system line: no sender
        line = rng.choice(["Priya Shah added Tom Reid", "Jo Bloggs left", "You're now an admin"])
        return "", line, line, MessageKind.SYSTEM
    if roll < 0.09:  # iOS group event under the group's name, with a leading mark
        return (
            "Repairs Group: ",
            "\u200ePriya Shah added Jo Bloggs",
            ("Priya Shah added Jo Bloggs"),
            MessageKind.SYSTEM,
        )
    if roll < 0.13:
        lrm = "\u200e" if style.bracketed else rng.choice(["", "\u200e"])
        return (
            who,
            f"{lrm}This message was deleted",
            "This message was deleted",
            (MessageKind.DELETED),
        )
    if roll < 0.19:
        if style.bracketed:
            file = "00000042-PHOTO-2024-01-02-10-11-12.jpg"
            caption = _words(rng) if rng.random() < 0.5 else ""
            gap = f"{caption} " if caption else ""
            return who, f"{gap}\u200e<attached: {file}>", caption, MessageKind.MEDIA
        caption = _words(rng) if rng.random() < 0.5 else ""
        rest = f"\n{caption}" if caption else ""
        body = f"{rng.choice(['', chr(0x200E)])}IMG-20240102-WA0001.jpg (file attached){rest}"
        return who, body, caption, MessageKind.MEDIA
    if roll < 0.22:
        return who, rng.choice(["<Media omitted>", "\u200eimage omitted"]), "", MessageKind.MEDIA
    body = _body(rng)
    lead = rng.choice(["\u200e", "\u200f", "\u2068", "\u200b"]) if rng.random() < 0.15 else ""
    written = lead + body.replace(" ", f" {marks()}", 1)
    return who, written, _strip(written), MessageKind.MESSAGE


# --- signal-export chat.md --------------------------------------------------------------------


def signal_chat(seed: int, count: int = 30) -> Chat:
    """A random signal-export chat.md with the records it must give back."""
    rng = random.Random(seed)
    marks = _marks(rng, 0.15 if rng.random() < 0.5 else 0.0)
    chat = Chat(text="")
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append("# Housing team")
        chat.preamble = 1
    when = datetime(rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28))
    for _ in range(count):
        when += timedelta(seconds=rng.randint(1, 40_000))
        seconds = rng.random() < 0.1
        clock = f"{when:%H:%M:%S}" if seconds else f"{when:%H:%M}"
        sender = rng.choice(["Me", "Priya Shah", "Tom Reid", "Zoë 🌻", "+44 7700 900123"])
        roll = rng.random()
        if roll < 0.1:
            body, text, kind = "![photo.jpg](media/photo.jpg)", "", MessageKind.MEDIA
        elif roll < 0.2:
            words = _words(rng)
            body, text, kind = f"{words} [letter.pdf](media/letter.pdf)", words, MessageKind.MESSAGE
        else:
            body = _body(rng)
            written = body.replace(" ", f" {marks()}", 1)
            body, text, kind = written, _strip(written).strip(), MessageKind.MESSAGE
        number = len(lines) + 1
        header = f"{marks()}[{when:%Y-%m-%d}, {clock}] {marks()}{sender}{marks()}: "
        lines.extend(f"{header}{body}".split("\n"))
        expected_when = when if seconds else when.replace(second=0)
        chat.records.append(Record(sender, expected_when, text, kind, number))
    chat.text = "\n".join(lines) + "\n"
    return chat


# --- sigtop text ------------------------------------------------------------------------------

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _rfc(when: datetime) -> str:
    offset = when.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return (
        f"{_DAYS[when.weekday()]}, {when.day:02d} {_MONTHS[when.month - 1]} {when.year} "
        f"{when:%H:%M:%S} {sign}{minutes // 60:02d}{minutes % 60:02d}"
    )


def sigtop_chat(seed: int, count: int = 30) -> Chat:
    """A random sigtop text conversation with the records it must give back (aware times)."""
    rng = random.Random(seed)
    zone = timezone(timedelta(minutes=rng.choice([0, 60, -300, 330])))
    chat = Chat(text="")
    lines: list[str] = []
    if rng.random() < 0.2:
        lines.extend(["sigtop export of one conversation", ""])
        chat.preamble = 1
    when = datetime(rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28), tzinfo=zone)
    for _ in range(count):
        when += timedelta(seconds=rng.randint(1, 40_000))
        outgoing = rng.random() < 0.4
        name = rng.choice(["Priya Shah", "Tom Reid", "Zoë 🌻"])
        number = len(lines) + 1
        lines.append(
            f"To: {name}" if outgoing else f"From: {name} (+4477009001{rng.randint(10, 99)})"
        )
        lines.append(f"Sent: {_rfc(when)}")
        if not outgoing:
            lines.append(f"Received: {_rfc(when + timedelta(seconds=2))}")
        photo = rng.random() < 0.15
        if photo:
            lines.append("Attachment: photo.jpg (image/jpeg, 52311 bytes)")
        if rng.random() < 0.1:
            lines.append("Reaction: 👍 from Me")
        text = "" if photo and rng.random() < 0.5 else _body(rng)
        if rng.random() < 0.05:  # a pasted field-like line inside the text stays text
            text = f"From: {name}\nSent: yesterday" + (f"\n{text}" if text else "")
        lines.append("")
        if text:
            lines.extend([*text.split("\n"), ""])
        kind = MessageKind.MEDIA if photo and not text else MessageKind.MESSAGE
        chat.records.append(Record("Me" if outgoing else name, when, text, kind, number))
    chat.text = "\n".join(lines) + "\n"
    return chat
