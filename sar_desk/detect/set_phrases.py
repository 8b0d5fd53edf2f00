"""Given names that chat writes as plain words inside set phrases (issue 15, round 14).

Many English words are given names too ("carol", "ruby", "joy", "heather", "rush", "jan"),
and chat writes names in lower case, so a lower-case word alone proves nothing. Inside a
set phrase of English it is the word: "carol service", "ruby wedding", "pure joy", "the
friday rush", "heather on the moor", "back in jan". Only the lower-case word is read so
("Ruby wedding dress fitting" may be Ruby's), and only inside the phrase; the phrases are
general English, not a corpus's wording.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
# a month after a preposition of time, closing the phrase ("back in jan", "till may 🎉")
_MONTH_PHRASE = (
    rf"\b(?:in|until|till|since|next|last|early|mid|late)[ \t]+(?:{_MONTHS})\.?"
    r"(?=[ \t]*(?:$|[\n,.;:!?)]|[\u2600-\u27bf\U0001f300-\U0001faff]))"
)
_MONTH_AFTER_PREPOSITION = re.compile(_MONTH_PHRASE)
# Each pattern covers the whole phrase; a lower-case span inside a match is the word.
_PHRASES = re.compile(
    r"\bcash[ \t]*(?:and|&|n['’]?)[ \t]*carry\b|"
    r"\bcarols?[ \t]+(?:service|services|singing|singers|concert|concerts|sheets?)\b|"
    r"\b(?:pure|sheer|such|tears[ \t]+of|bundle[ \t]+of|full[ \t]+of)[ \t]+joy\b|"
    r"\b(?:lunch|lunchtime|dinner|teatime|breakfast|morning|evening|school|christmas|xmas|"
    r"sugar|mad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
    r"rush[ \t]+hour)[ \t]+rush\b|"
    # a case reference, not the family name Case ("case 488213"; a phone has ten digits)
    r"\bcase[ \t]+(?:no\.?|number|ref\.?|#)?[ \t]*\d{3,9}\b|"
    r"\bruby[ \t]+(?:wedding|anniversary)\b"
)
_TRAILING_EMOJI = re.compile(r"[\s\u2600-\u27bf\U0001f300-\U0001faff\ufe0f]+$")
_HEATHER = re.compile(r"\bheather\b")
_MOOR = re.compile(r"(?i)\b(?:moors?|moorland|heath|in bloom|purple|hillsides?|fells?)\b")


@lru_cache(maxsize=256)
def _found(lower: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Where the month phrases and the set phrases stand in a lower-cased text.

    A message holds several guessed names: each is checked against the same text, so the
    text is searched once, not once per span.
    """
    months = tuple(m.span() for m in _MONTH_AFTER_PREPOSITION.finditer(lower))
    phrases = tuple(m.span() for m in _PHRASES.finditer(lower))
    return months, phrases


def set_phrase_word(text: str, start: int, end: int) -> bool:
    """Whether a lower-case span is a word of a set phrase ("carol service", "in jan")."""
    value = text[start:end]
    # "in Jan 🎉": a month after a preposition of time is the month in any case
    end = start + len(_TRAILING_EMOJI.sub("", value))
    months, phrases = _found(text.lower())
    if any(a <= start and end <= b for a, b in months):
        return True
    if value != value.lower() or (text[end : end + 2] in ("'s", "’s") and value != "heather"):
        return False
    if any(a <= start and end <= b for a, b in phrases):
        return True
    # heather is the plant where the message speaks of moors or bloom
    return bool(_HEATHER.fullmatch(value.strip(".,!?"))) and bool(_MOOR.search(text))
