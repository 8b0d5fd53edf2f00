"""Places a guess names that are no one's personal data: a body's buildings, and days.

The model calls a council's or a club's named building or ground a place: "pigeons at the
County Hall roof", "ashes scattered in the Garden of Remembrance", "Town Hall steps". Such a
name is made of common English words only, with a building's or a ground's kind as its head;
it says where an organisation is, never where a person lives, so it is not proposed. A name
with any word that is no common English word ("Brynmor Hall", "Kettering General"), or that a
place list has whole ("Mansfield Woodhouse"), stays a place. A street's suffix never heads such
a name ("Church Lane"), so streets are left to the address rules.

A list that reads "Hall" of "the County Hall" as a family name is wrong there too: a guessed
person inside such a name after "the" is the site's word (`in_body_site`); "ask Hall" and
"Cheers Hall" have no article and keep the person.

A street's or a site's word alone after "the" ("Friends of the Park" read as "Park") names no
place ("Street" alone may be the town in Somerset), nor
does the nation closing a body's name ("Crown Estate Scotland", `org_heads`), and a weekday
where a day stands ("school trip Fri", `day_words`) is no place either.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.day_words import day_in_clause
from sar_desk.detect.org_heads import nation_of_a_body
from sar_desk.detect.words import PLACE_WORDS

_EDGE = ".,:;!?'’\"()[]‘“”"


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The kinds of building and ground a public body, a church or a club names.
_SITE_HEADS = _set("""
hall remembrance memorial crematorium cemetery chapel centre center library museum gallery
theatre stadium infirmary chambers offices headquarters pavilion clubhouse
room stand loft annexe annex workshop studio store barn shed lounge
""")
_JOINERS = frozenset({"the", "of", "and", "&"})


def body_site(value: str) -> bool:
    """Whether a name is a body's building or ground: common words, a site's kind last."""
    words = [w.strip(_EDGE).casefold() for w in value.split()]
    words = [w for w in words if w and w not in _JOINERS]
    gaz = gazetteer.current()
    if len(words) < 2 or words[-1] not in _SITE_HEADS or gaz.is_place(value.strip(_EDGE)):
        return False
    return all(w.isalpha() and gaz.is_common_word(w) and not gaz.is_place(w) for w in words)


# "the" right before the span: "the Park" is a site; "Street" alone may be the Somerset town.
_THE_BEFORE = re.compile(r"(?i)(?<![\w'’-])the[ \t]+$")


def lone_place_word(text: str, start: int, end: int) -> bool:
    """Whether a guessed place is one street or site word after "the" ("Friends of the [Park]")."""
    word = text[start:end].strip(_EDGE)
    if word.casefold() not in PLACE_WORDS or gazetteer.current().is_place(word):
        return False
    return _THE_BEFORE.search(text[max(0, start - 8) : start]) is not None


# Months and their short forms that nobody and no place is called, a month wherever they
# stand ("confirmed for Feb", "see you in Sept"); "Jan", "May", "June", "April", "August" and
# "Dec" (Declan) are names too, so only a date makes them months (`word_positions`).
MONTHS_NOBODY_IS_CALLED = frozenset(
    {"feb", "febr", "apr", "aug", "sep", "sept", "oct", "nov"}
    | {"february", "september", "october", "november"}
)


def not_a_place(text: str, start: int, end: int) -> bool:
    """Whether a guessed place is a body's site ("the County Hall"), "Park" alone, or a day."""
    value = text[start:end]
    return (
        body_site(value)
        or lone_place_word(text, start, end)
        or day_in_clause(text, start, end)
        or nation_of_a_body(text, start, end)  # "Scotland" of "Crown Estate Scotland"
        or short_day(text, start, end)  # "return it by Sun"
        or post_office_box(text, start, end)  # "PO box UB9 3BN"
        or value.strip(_EDGE).casefold() in MONTHS_NOBODY_IS_CALLED  # "in Sept"
    )


# "Box" is a Wiltshire village, and the box of a post office box.
_PO_BEFORE = re.compile(r"(?i)(?<![\w'’-])p[ \t]?\.?[ \t]?o\.?[ \t]+$")


def post_office_box(text: str, start: int, end: int) -> bool:
    """Whether a guessed place is the "Box" of "PO Box" ("P.O. box 12", "PO BOX")."""
    if text[start:end].strip(_EDGE).casefold() != "box":
        return False
    return _PO_BEFORE.search(text[max(0, start - 8) : start]) is not None


# "Sun", "Mon" and "Sat" are words and given names, so `day_words` leaves them to where they
# stand; as a place after a preposition of time they are the day ("return it by Sun").
_SHORT_DAYS = frozenset({"sun", "mon", "sat"})
_TIME_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:by|on|till|until|before|after|next|this|every)[ \t]+$"
)


def short_day(text: str, start: int, end: int) -> bool:
    """Whether a guessed place is "Sun", "Mon" or "Sat" after a preposition of time."""
    if text[start:end].strip(_EDGE).casefold() not in _SHORT_DAYS:
        return False
    return _TIME_BEFORE.search(text[max(0, start - 10) : start]) is not None


# "the", then capitalised words (joined by "of", "and" or "&"), on one line.
_SITE_PHRASE = re.compile(
    r"(?i:\bthe)[ \t]+([A-Z][a-z]+(?:[ \t]+(?:(?:of|and|&)[ \t]+)?[A-Z][a-z]+){1,3})"
)


def in_body_site(text: str, start: int, end: int) -> bool:
    """Whether a guessed person lies inside a body's site after "the" ("the County [Hall]")."""
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    return any(
        m.start(1) <= start and end <= m.end(1) and body_site(m.group(1))
        for m in _SITE_PHRASE.finditer(text, lo, hi)
    )
