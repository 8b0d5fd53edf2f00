"""Invisible and direction characters: the one list every part of SAR Desk strips.

Chat exports wrap names and numbers in bidi marks (WhatsApp puts U+200E before every
attachment line and around phone numbers), PDFs and web pages carry soft hyphens and zero-width
spaces, and an attacker can slip any of these inside a word to hide it from a plain substring
test. Importers, detection, search and the export leak check all strip the same set, so a name
with a mark inside is the same name everywhere.

Two tiers:
- `INVISIBLE` is removed wherever text is cleaned or compared.
- `JOINERS` (ZWNJ, ZWJ) are removed only for comparison: ZWJ holds emoji sequences such as
  family or flag emoji together, and ZWNJ changes how Persian is written, so stored text keeps
  them.
"""

from __future__ import annotations

import re
from typing import Final

#: Format characters that never change what a reader sees as the word: soft hyphen, the Arabic
#: letter mark, Mongolian vowel separator, zero-width space, LRM/RLM, the bidi embeddings and
#: overrides (U+202A-E), word joiner and invisible operators (U+2060-4), the bidi isolates
#: (U+2066-9), BOM.
INVISIBLE: Final = (
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
#: Zero-width non-joiner and joiner: ignored when comparing, kept in stored text.
JOINERS: Final = "\u200c\u200d"
#: The bidi marks a line may start with (WhatsApp marks system and attachment lines with them;
#: iOS also uses the Arabic letter mark).
DIRECTION_MARKS: Final = ("\u200e", "\u200f", "\u061c")
#: `INVISIBLE` as the body of a regular-expression character class (``f"[{INVISIBLE_CLASS}]"``).
INVISIBLE_CLASS: Final = re.escape(INVISIBLE)

_DROP = dict.fromkeys(map(ord, INVISIBLE), None)
# Spaces that `str.split` does not treat as plain spaces in every case, made explicit.
_SPACES = {ord("\u00a0"): " ", ord("\u202f"): " ", ord("\u2007"): " ", ord("\u2009"): " "}


def strip_invisible(value: str) -> str:
    """Remove the `INVISIBLE` characters (but keep ZWJ inside emoji)."""
    return value.translate(_DROP)


def has_invisible(value: str) -> bool:
    """Whether `value` holds any `INVISIBLE` character (fast for ASCII text)."""
    return not value.isascii() and any(ch in INVISIBLE for ch in value)


def clean_whitespace(value: str) -> str:
    """Strip invisible characters, turn NBSP and thin spaces into spaces, collapse and trim."""
    return " ".join(strip_invisible(value).translate(_SPACES).split())
