"""Name folding: when two strings are the same name for SAR Desk.

Two strings are the same name when they are equal after folding: case (``casefold``), accents
and other combining marks (NFKD, marks dropped), compatibility forms (full-width letters,
Arabic presentation forms), invisible characters (`chars`), apostrophe style, and separators:
any run of whitespace, hyphens, dashes, underscores and dots is one space. So "Ruth Okoro",
"ruth-okoro", "RUTH_OKORO", "ruth.okoro" and "Rúth  Okoro" all fold to "ruth okoro".

`fold_map` folds a text for searching without collapsing separator runs and keeps a map from
each folded character back to the original, so a match in the folded text becomes a span in
the text as written (detection offsets, redaction of the original string).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from sar_desk.core.text.chars import INVISIBLE, JOINERS

#: Characters that separate the parts of a name or handle ("ruth-okoro", "ruth_okoro",
#: "ruth.okoro"); whitespace of every kind counts as well.
SEPARATORS: Final = "-_.\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fb"
_APOSTROPHES: Final = {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u0060": "'"}
_IGNORED: Final = frozenset(INVISIBLE + JOINERS)
_CACHE: dict[str, str] = {}


def _fold_piece(ch: str) -> str:
    if ch.isspace() or ch in SEPARATORS:
        return " "
    return _APOSTROPHES.get(ch, ch)


def fold_char(ch: str) -> str:
    """One character folded: "" (invisible), " " (separator), or its case- and mark-free form."""
    cached = _CACHE.get(ch)
    if cached is not None:
        return cached
    if ch in _IGNORED:
        folded = ""
    else:
        # casefold first: "İ".casefold() adds a combining dot that NFKD then lets us drop.
        decomposed = unicodedata.normalize("NFKD", ch.casefold())
        folded = "".join(_fold_piece(c) for c in decomposed if not unicodedata.combining(c))
        # A few compatibility forms casefold differently once decomposed ("ﬀ" -> "ff").
        folded = folded.casefold()
    _CACHE[ch] = folded
    return folded


class _FoldTable(dict[int, str]):
    """`str.translate` table that folds each character once, then from the cache.

    It remembers the characters that do not fold to exactly one character (invisible ones,
    "ß", "¼", ligatures): only text holding one of them needs an offset map. The pattern is
    rebuilt before such a character is cached, so no thread can see the cached character
    with a pattern that misses it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._irregular: set[str] = set()
        self._lock = threading.Lock()
        self.irregular: re.Pattern[str] = re.compile(r"(?!)")

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(folded) != 1:
            with self._lock:
                self._irregular.add(chr(code))
                chars = re.escape("".join(sorted(self._irregular)))
                self.irregular = re.compile(f"[{chars}]")
        self[code] = folded
        return folded


_TABLE = _FoldTable()


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded for searching, with the way back to the original offsets.

    Attributes:
        text: The folded text; separators are spaces, runs are not collapsed.
        origin: For each folded character, the index of the original character it came from
            (None when every character folded to exactly one, as for most text).
    """

    text: str
    origin: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``[start, end)`` (non-empty)."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def fold_map(text: str) -> Folded:
    """Fold `text` for searching, keeping a map back to the original offsets."""
    folded = text.translate(_TABLE)
    if _TABLE.irregular.search(text) is None:
        return Folded(folded)
    pieces = [fold_char(ch) for ch in text]
    origin = tuple(i for i, piece in enumerate(pieces) for _ in piece)
    return Folded("".join(pieces), origin)


def fold(text: str) -> str:
    """The folded form of `text`: the comparison key for names and protected terms."""
    return " ".join(fold_map(text).text.split())


# Remembered: detection asks for the key of the same few thousand names and words over and
# over (every guessed span, every check, both passes); the key depends on the string alone.
@lru_cache(maxsize=65536)
def name_key(value: str) -> str:
    """A comparison key for a display name ("~ Zoë O'Neill" and "zoe o'neill" are equal)."""
    return fold(value).lstrip("~ ")
