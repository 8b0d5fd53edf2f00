"""A house number before a building's or a room's name, in an address position (round 22).

Some addresses are a number on a site rather than a street: "drop it off at 106a Fitting
Room before 7", "maintenance: 107A Marquee Store, every 2nd Thurs", "left the kit at 128 the
clubhouse, can someone grab it", "survey for Ann Lee, 9B Wax Room, B35 0SY". The street rules
want a suffix ("Lane"), a street-like ending ("-gate") or a word no dictionary has, and a
site's name is plain English, so such an address was missed.

Read here: a house number (an optional letter after it), an optional "the", up to two words
and a building's or a room's word last (room, store, stand, pavilion, studio, barn, block...,
optionally numbered: "Bench 4"), standing after "at", "to", a label's colon or a comma, and
closing its phrase (punctuation, the line's end, "before", "every", a verb). A count is no
house: plural words are not heads ("at 6 rooms"), and a number that counts beds, floors or
seats before the head ("2 bedroom house", "3 storey block") makes none, nor does a time
before a phrase ("meet at 10 in the hall": stop words are no site's name; "meet at 5 the
shop": an hour before "the").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

Span = tuple[int, int, str, float, str]

NOTE_SITE = "A house number on a building's or a room's name."

# The kinds of building or room a site's address names, singular only.
_HEAD = (
    r"(?:room|store|stand|pavilion|studio|barn|house|block|shop|hall|clubhouse|enclosure|loft|"
    r"annexe|annex|shed|workshop|lodge|bench|acre|cabin|hut|kiosk|lounge|unit|suite)"
)
_WORD = r"[A-Za-z][a-z'’-]+"
_SITE = re.compile(
    r"(?<![\w£$€.,:/#+@-])(?P<v>\d{1,4}[A-Da-d]?[ \t]+(?:(?i:the)[ \t]+)?"
    rf"(?:{_WORD}[ \t]+){{0,2}}(?i:{_HEAD})(?:[ \t]+\d{{1,2}})?)"
    r"(?=[ \t]*(?:[,.;:!?)\n]|$|[ \t]-[ \t]|—)|[ \t]+(?:before|after|every|by|for|on|wants|"
    r"is|was|needs|has|tonight|today|tomorrow)\b)"
)
# Where an address stands: after "at", "to", "from", a label's colon, a comma or a bracket.
_CUE_BEFORE = re.compile(r"(?i)(?:\b(?:at|to|from)|[:,(~])[ \t]*$")
# Words that count what the number counts: "2 bedroom house", "3 storey block", "4 man tent".
_COUNT_WORDS = """bed bedroom bedroomed storey story floor seat seater door car man person berth
    bay day week hour minute month year pound quid"""
_COUNTS = frozenset(_COUNT_WORDS.split())


def site_streets(text: str) -> list[Span]:
    """Numbered sites in an address position (see above), as STREET_ADDRESS spans."""
    out: list[Span] = []
    for m in _SITE.finditer(text):
        start = m.start("v")
        if not _CUE_BEFORE.search(text[max(0, start - 8) : start]):
            continue
        number, *words = (w.casefold() for w in m.group("v").split())
        if words[0] == "the":
            if number.isdigit() and int(number) <= 24 and text[:start].rstrip().endswith("at"):
                continue  # "meet at 5 the shop": an hour, then the place
            words = words[1:]
        if any(w in _COUNTS or w in STOP_WORDS for w in words):
            continue  # "2 bedroom house", "at 10 in the hall": a count, a time
        out.append((start, m.end("v"), "STREET_ADDRESS", 0.5, NOTE_SITE))
    return out
