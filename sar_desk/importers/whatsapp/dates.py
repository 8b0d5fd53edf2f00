"""The WhatsApp header grammar: the date and time that start each message, and day/month order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Final

from sar_desk.core.errors import AmbiguousDateOrderError, Hint
from sar_desk.importers.whatsapp.marks import (
    INVISIBLE,
    MARKER_AFTER,
    MARKER_BEFORE,
    has_invisible,
    is_pm,
)

_I = f"[{INVISIBLE}]*"
_SP = "[ \u00a0\u202f\u2009]"  # the spaces WhatsApp puts in headers; only ever matched, never kept

DAY_FIRST: Final = "day-first"
MONTH_FIRST: Final = "month-first"
YEAR_FIRST: Final = "year-first"

MAX_NAME: Final = 80
"""Longest sender name considered when a name itself contains ": "."""
_BUDDHIST_OFFSET = 543
_BUDDHIST_THRESHOLD = 2400  # no Gregorian WhatsApp date is this late; a Thai phone's year is


@dataclass(frozen=True, slots=True)
class HeaderStyle:
    """The shape of a header line, so that pasted headers of another shape stay message text.

    Attributes:
        bracketed: iOS style ``[date, time] Name:`` rather than Android ``date, time - Name:``.
        separator: The date separator: ``/``, ``.`` or ``-``.
        comma: Whether a comma (or Arabic comma) separates date and time.
        seconds: Whether times carry seconds.
        twelve_hour: Whether times carry AM/PM (or a localised marker).
        year_first: Whether dates are year/month/day.
        short_year: Whether the year has two digits.
    """

    bracketed: bool
    separator: str
    comma: bool
    seconds: bool
    twelve_hour: bool
    year_first: bool
    short_year: bool

    @property
    def label(self) -> str:
        """A short description for the import settings, e.g. ``android 24h dd/mm/yyyy``."""
        platform = "ios" if self.bracketed else "android"
        clock = "12h" if self.twelve_hour else "24h"
        year = "yy" if self.short_year else "yyyy"
        sep = self.separator
        date = f"{year}{sep}mm{sep}dd" if self.year_first else f"nn{sep}nn{sep}{year}"
        return f"{platform} {clock} {date}{', seconds' if self.seconds else ''}"


_SCAN_GROUPS: Final = frozenset({"br", "a", "sep", "b", "c", "comma", "P", "S", "ap"})
_NO_COLON_SPACE = r"(?:[^:\n]++|:(?! ))*+"  # possessive: no backtracking along long lines
_SCAN_TAIL: Final = (
    rf"(?:(?P<prefix>{_NO_COLON_SPACE}): (?:(?P<marked>[\u200e\u200f][^\n]*+)"
    rf"|(?:(?P<second>{_NO_COLON_SPACE}): )?)|(?P<line>[^\n]*+))"
)
# The same `marked` and `line` without sender names: a line with no ": " at all, or one whose
# text after the first ": " starts with a bidi mark (iOS system lines). It stops at the first
# ": " of ordinary messages instead of reading on for a second one.
_LINES_TAIL: Final = (
    rf"(?:(?P<line>{_NO_COLON_SPACE})(?=\n|\Z)"
    rf"|{_NO_COLON_SPACE}: (?P<marked>[\u200e\u200f][^\n]*+))?"
)


def _pattern(
    style: HeaderStyle | None, tolerant: bool, scan: bool = False, tail: str = _SCAN_TAIL
) -> re.Pattern[str]:
    r"""Compile the header regex for one style, or the generic one that accepts every style.

    Patterns start with the line break before the header: the regex engine then jumps from
    line break to line break instead of trying every character, which halves the time. Text
    is searched as ``"\\n" + block``. The tolerant variant allows invisible marks between
    tokens; it is slower, so it is only used on text that contains such marks. The scan
    variant captures only what the first pass counts (no time of day), plus the sender part.
    """
    inv = _I if tolerant else ""

    def cap(name: str, body: str) -> str:
        keep = not scan or name in _SCAN_GROUPS
        return f"(?P<{name}>{body})" if keep else f"(?:{body})"

    seconds_sep = cap("S", "[:.]") if scan else "[:.]"
    seconds_val = r"\d{2}" if scan else cap("S", r"\d{2}")
    if style is None:
        opening, closing = cap("br", r"\[") + "?", r"(?(br)\]|" + _SP + "-)"
        first, last = cap("a", r"\d{4}|\d{1,2}"), cap("c", r"\d{4}|\d{1,2}")
        sep, comma = cap("sep", "[./\\-]"), cap("comma", "[,\u060c]") + "?"
        seconds = f"(?:{seconds_sep}{seconds_val})?"
        ampm = f"(?:{inv}{_SP}*{cap('ap', MARKER_AFTER)})?"
        before = f"(?:{cap('P', MARKER_BEFORE)}{_SP}?{inv})?"
        same_sep = "(?P=sep)"
    else:
        opening = cap("br", r"\[") if style.bracketed else cap("br", "")
        closing = r"\]" if style.bracketed else _SP + "-"
        first = cap("a", r"\d{4}" if style.year_first else r"\d{1,2}")
        if style.year_first:
            last = cap("c", r"\d{1,2}")
        else:
            last = cap("c", r"\d{2}" if style.short_year else r"\d{4}")
        sep = cap("sep", re.escape(style.separator))
        same_sep = re.escape(style.separator)
        comma = cap("comma", "[,\u060c]" if style.comma else "")
        seconds = seconds_sep + seconds_val if style.seconds else cap("S", "")
        if style.twelve_hour:  # the marker before or after the time (a time with neither
            # is still read, as a 24-hour clock, rather than merged into the message above)
            ampm = f"(?:{inv}{_SP}*{cap('ap', MARKER_AFTER)})?"
            before = f"(?:{cap('P', MARKER_BEFORE)}{_SP}?{inv})?"
        else:
            ampm, before = cap("ap", ""), cap("P", "")
    day_or_month = cap("b", r"\d{1,2}")
    era = cap("be", _SP + "?BE") + "?"
    hour, minute = cap("H", r"\d{1,2}"), cap("M", r"\d{2}")
    stamp = (
        rf"{first}{inv}{sep}{inv} ?{inv}{day_or_month}{inv}{same_sep}{inv} ?{inv}"
        rf"{last}{inv}\.?{era}{inv}{comma}{inv}{_SP}*{inv}(?:klo )?"
        rf"{before}{hour}[:.]{minute}{seconds}{ampm}"
    )
    after = tail if scan else ""
    return re.compile(
        rf"\n{inv}{opening}{inv}{cap('stamp', stamp)}{inv}{closing}(?:{_SP}|(?=\n)|\Z){after}"
    )


@dataclass(frozen=True, slots=True)
class Grammar:
    r"""A header regex in two speeds: plain for clean text, tolerant for text with marks.

    Both match from the line break before a header, so search ``"\\n" + block``.
    """

    plain: re.Pattern[str]
    tolerant: re.Pattern[str]

    def pick(self, text: str) -> re.Pattern[str]:
        """The fastest regex that is correct for `text`."""
        return self.tolerant if has_invisible(text) else self.plain


GENERIC: Final = Grammar(_pattern(None, tolerant=False), _pattern(None, tolerant=True))
"""Matches a header of any supported style (used for sniffing)."""
SCAN: Final = Grammar(
    _pattern(None, tolerant=False, scan=True), _pattern(None, tolerant=True, scan=True)
)
"""Sender names by header: any style, only date parts and the sender part captured."""
SCAN_LINES: Final = Grammar(
    _pattern(None, tolerant=False, scan=True, tail=_LINES_TAIL),
    _pattern(None, tolerant=True, scan=True, tail=_LINES_TAIL),
)
"""The first pass's regex: any style, date parts, and the lines that may name the group."""


def grammar(style: HeaderStyle) -> Grammar:
    """The header regexes for exactly one style (used for the second pass)."""
    return Grammar(_pattern(style, tolerant=False), _pattern(style, tolerant=True))


def match_line(line: str) -> re.Match[str] | None:
    """Match a single line against the generic header grammar."""
    return GENERIC.pick(line).match("\n" + line)


def style_of(match: re.Match[str]) -> HeaderStyle | None:
    """The style of a generic header match, or None when the digit counts make no date."""
    br, a, sep, c, comma, seconds, ampm, before = match.group(
        "br", "a", "sep", "c", "comma", "S", "ap", "P"
    )
    return make_style(br, a, sep, c, comma, seconds, ampm or before)


def make_style(
    br: str | None,
    a: str,
    sep: str,
    c: str,
    comma: str | None,
    seconds: str | None,
    ampm: str | None,
) -> HeaderStyle | None:
    """The style of a header from its parts, or None when the digit counts make no date."""
    year_first = len(a) == 4
    if len(c) == 4 if year_first else len(c) == 1:
        return None  # 2022/03/2022 or 27/03/2: not a date
    if br and year_first and sep == "-" and comma and not ampm:
        return None  # "[2026-01-12, 09:15] Me:" is signal-export's chat.md, not WhatsApp
    return HeaderStyle(
        bracketed=bool(br),
        separator=sep,
        comma=bool(comma),
        seconds=bool(seconds),
        twelve_hour=bool(ampm),
        year_first=year_first,
        short_year=not year_first and len(c) == 2,
    )


def to_int(digits: str) -> int:
    """Read ASCII or non-Latin decimal digits (Arabic-Indic, Devanagari...) as an integer."""
    if digits.isascii():
        return int(digits)
    value = 0
    for ch in digits:
        value = value * 10 + unicodedata.decimal(ch)
    return value


@dataclass(slots=True)
class OrderEvidence:
    """What the first pass saw about day/month order in headers of the main style."""

    first_over_12: int = 0
    second_over_12: int = 0
    differing: int = 0

    def add(self, first: int, second: int) -> None:
        """Count one header's first two date components."""
        if first > 12 and second > 12:
            return  # impossible either way; says nothing about the order
        if first > 12:
            self.first_over_12 += 1
        elif second > 12:
            self.second_over_12 += 1
        elif first != second:
            self.differing += 1


def decide_order(
    style: HeaderStyle, evidence: OrderEvidence, day_first: bool | None, name: str
) -> str:
    """Choose day-first, month-first or year-first for a file.

    A component over 12 decides. The user's explicit choice always wins. When both readings
    give different dates and nothing decides, the user must choose.

    Raises:
        AmbiguousDateOrderError: No date settles the order and the user did not choose one.
    """
    if style.year_first:
        return YEAR_FIRST
    if day_first is not None:
        return DAY_FIRST if day_first else MONTH_FIRST
    if evidence.first_over_12 or evidence.second_over_12:
        # Both can occur when a message quotes a foreign header; the majority is the file's.
        return DAY_FIRST if evidence.first_over_12 >= evidence.second_over_12 else MONTH_FIRST
    if evidence.differing == 0:
        return DAY_FIRST  # every date reads the same either way (e.g. 3/3, 5/5)
    raise AmbiguousDateOrderError(
        f"{name}: every date in this chat could be read day-first or month-first "
        "(no day is above 12), so SAR Desk cannot tell whether 03/04 means 3 April or "
        "March 4. Import it again saying the date order: day first (UK phones) or month "
        "first (US phones).",
        hint=Hint.DATE_ORDER,
    )


_Day = tuple[int, int, int, tzinfo | None]
_UNSEEN: Final[_Day] = (0, 0, 0, None)  # a cache miss, told apart from a cached None


class StampReader:
    """Turns header matches into aware datetimes with the case zone's offset, caching dates.

    Timestamps carry a fixed UTC offset (the case zone's offset at that instant) rather than
    the zone itself: a zone-aware time inside the spring gap never compares equal to anything
    (PEP 495), which would break de-duplication across exports.
    """

    def __init__(self, order: str, zone: tzinfo) -> None:
        self._order = order
        self._zone = zone
        self._dates: dict[tuple[str, str, str, str | None], _Day | None] = {}
        self._offsets: dict[timedelta | None, tzinfo] = {}
        self.odd_hours = 0
        """Times read so far whose hour the AM/PM marker does not allow (read as 24-hour)."""

    def date(self, a: str, b: str, c: str, be: str | None) -> _Day | None:
        """Year, month, day and the day's fixed offset (None on a clock-change day).

        Returns None when the components make no date in this order.
        """
        key = (a, b, c, be)
        try:
            return self._dates[key]
        except KeyError:
            pass
        first, second, third = to_int(a), to_int(b), to_int(c)
        if self._order == YEAR_FIRST:
            year, month, day = first, second, third
        elif self._order == DAY_FIRST:
            year, month, day = third, second, first
        else:
            year, month, day = third, first, second
        if year < 100:
            year += 2000  # WhatsApp exports start in 2009; two-digit years are this century
        if be is not None or year > _BUDDHIST_THRESHOLD:
            year -= _BUDDHIST_OFFSET
        result: _Day | None
        try:
            start = datetime(year, month, day, tzinfo=self._zone).utcoffset()
            end = datetime(year, month, day, 23, 59, 59, tzinfo=self._zone).utcoffset()
            result = (year, month, day, self._fixed(start) if start == end else None)
        except ValueError:
            result = None
        self._dates[key] = result
        return result

    @property
    def days(self) -> dict[tuple[str, str, str, str | None], _Day | None]:
        """Dates read so far by their ``(a, b, c, be)`` parts (for callers that inline `at`)."""
        return self._dates

    def _fixed(self, offset: timedelta | None) -> tzinfo:
        fixed = self._offsets.get(offset)
        if fixed is None:
            fixed = self._offsets[offset] = timezone(offset or timedelta(0))
        return fixed

    def read(self, match: re.Match[str]) -> datetime | None:
        """The header's instant, or None when the date or time is impossible in this order.

        Local times are read in the case zone with ``fold=0``: an autumn time that occurs
        twice is the first (summer-time) one, and a spring time that never existed is read
        with the offset in force before the gap. Both choices are deterministic.
        """
        a, b, c, be, hour, minute, second, ampm, before = match.group(
            "a", "b", "c", "be", "H", "M", "S", "ap", "P"
        )
        return self.at(a, b, c, be, hour, minute, second, ampm or before)

    def at(
        self,
        a: str,
        b: str,
        c: str,
        be: str | None,
        hour_s: str,
        minute_s: str,
        second_s: str | None,
        ampm: str | None,
    ) -> datetime | None:
        """`read` from the header's parts: date components, era, hour, minute, second, AM/PM."""
        day = self._dates.get((a, b, c, be), _UNSEEN)
        if day is _UNSEEN:
            day = self.date(a, b, c, be)
        if day is None:
            return None
        hour = int(hour_s)  # int() reads any Unicode decimal digits, as to_int does
        if ampm:
            if 1 <= hour <= 12:
                hour = hour % 12 + (12 if is_pm(ampm) else 0)
            elif hour <= 23:
                # "00:04 AM", "23:59 PM": real exports write these; the clock value wins.
                self.odd_hours += 1
            else:
                return None
        minute = int(minute_s)
        second = int(second_s) if second_s else 0
        year, month, mday, fixed = day
        try:
            if fixed is not None:
                return datetime(year, month, mday, hour, minute, second, tzinfo=fixed)
            local = datetime(year, month, mday, hour, minute, second, tzinfo=self._zone)
        except ValueError:
            return None
        return local.replace(tzinfo=self._fixed(local.utcoffset()))
