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
Round 23: more heads (hangar, ring, lawn, zone, grandstand, office, bay with a name...), a tag
after the head ("Hangar B", "Ring 4"), and a place verb or preposition before the number as
well as "at" ("arrived 65 Sail Loft", "seen entering 9 Boat Shed", "walk past 12 Ring 3",
"stacked in 4 Kiln Room"; misspelt verbs too). After "in" or "on" a bare lower-case head is
a count ("all in 1 room"), so a name word, a tag or a capital is asked for there.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.recognizers.lane_words import is_cue

Span = tuple[int, int, str, float, str]

NOTE_SITE = "A house number on a building's or a room's name."

# The kinds of building or room a site's address names, singular only.
_HEAD = (
    r"(?:room|store|stand|pavilion|studio|barn|house|block|shop|hall|clubhouse|enclosure|loft|"
    r"annexe|annex|shed|workshop|lodge|bench|acre|cabin|hut|kiosk|lounge|unit|suite|"
    r"hangar|ring|lawn|zone|grandstand|office|tollhouse|gatehouse|boathouse|gallery|depot|"
    r"wing|plaza|bay)"
)
# A site's name word, in any script's letters ("Séance Room").
_WORD = r"[^\W\d_](?:[^\W\d_]|['’-])+"
# A tag after the head: a number or a capital letter ("Bench 2", "Hangar B").
_TAG = r"(?:[ \t]+(?:\d{1,2}|[A-H])(?![\w'’]|[:.]\d))?"
_SITE = re.compile(
    r"(?<![\w£$€.,:/#+@-])(?P<v>\d{1,4}[A-Da-d]?[ \t]+(?:(?i:the)[ \t]+)?"
    rf"(?P<name>(?:{_WORD}[ \t]+){{0,2}})(?P<head>(?i:{_HEAD})){_TAG})"
    r"(?=[ \t]*(?:[,.;:!?)\n]|$|[ \t]-[ \t]|—)|[ \t]+(?:before|after|every|by|for|on|wants|"
    r"is|was|are|were|needs|has|with|tonight|today|tomorrow)\b|[ \t]+\d{1,2}[:.]\d\d\b)"
)
# Where an address stands: after "at", "to", "from", a label's colon, a comma or a bracket.
_CUE_BEFORE = re.compile(r"(?i)(?:\b(?:at|to|from)|[:,(~])[ \t]*$")
# Verbs and prepositions of going to or being in a place ("arrived 65 Net Loft", "walk past
# 57 Ring 4", "enrobing in 12 Kiln Room"); misspelt ones are read too (`is_cue`).
_PLACE_WORDS = """arrived arrive arrives arriving reached entering entered enters into inside
    outside past in on"""
_PLACE_CUES = frozenset(_PLACE_WORDS.split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
# Words that count what the number counts: "2 bedroom house", "3 storey block", "4 man tent".
_COUNT_WORDS = """bed bedroom bedroomed storey story floor seat seater door car man person berth
    bay day week hour minute month year pound quid"""
_COUNTS = frozenset(_COUNT_WORDS.split())


# "at" as its own word right before the number: "meet at 5 the shop" (not "flat 5 the ...").
_AT_BEFORE = re.compile(r"(?i)(?<![\w'’])at[ \t]*$")


def site_streets(text: str) -> list[Span]:
    """Numbered sites in an address position (see above), as STREET_ADDRESS spans."""
    out: list[Span] = []
    for m in _SITE.finditer(text):
        start = m.start("v")
        if not _CUE_BEFORE.search(text[max(0, start - 8) : start]) and not _place_verb(text, m):
            continue
        number, *words = (w.casefold() for w in m.group("v").split())
        if words[0] == "the":
            hour = _AT_BEFORE.search(text[max(0, start - 16) : start]) is not None
            if number.isdigit() and int(number) <= 24 and hour:
                continue  # "meet at 5 the shop": an hour, then the place
            words = words[1:]
        names = m.group("name").casefold().split()
        if m.group("head").casefold() == "bay" and not names:
            continue  # "at 3 bay": a count of bays; "118 Mount Board Bay" names one
        if any(w in _COUNTS or w in STOP_WORDS for w in names):
            continue  # "2 bedroom house", "at 10 in the hall": a count, a time
        out.append((start, m.end("v"), "STREET_ADDRESS", 0.5, NOTE_SITE))
    return out


def _place_verb(text: str, m: re.Match[str]) -> bool:
    """Whether a place verb or preposition introduces the site (see `_PLACE_CUES`).

    After "in" or "on", a bare lower-case head is a count ("all in 1 room", "on 2 bench"): a
    name word, a tag or a capital is asked for ("in 39 Grandstand", "on 4 bench 2").
    """
    before = _WORD_BEFORE.search(text[max(0, m.start("v") - 14) : m.start("v")])
    if not before or not is_cue(before.group(1), _PLACE_CUES):
        return False
    if before.group(1).casefold() not in ("in", "on"):
        return True
    return (
        bool(m.group("name").strip())
        or m.group("head")[0].isupper()
        or (m.end("v") > m.end("head"))
    )
