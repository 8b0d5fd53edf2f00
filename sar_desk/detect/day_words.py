"""Weekdays where chat writes them: never a person's name (issue 15, round 20).

The model reads a day standing after a noun or a verb as a person: "committee meeting Tues",
"on site Weds", "she trains Friday", "used to ring Tuesdays". A day is a day where English puts
a day: after a determiner or a preposition of time, at a clause's start, or after a lower-case
word that is no title and no given name. A short form or a plural ("Weds", "Thurs", "Fridays")
is nobody's name wherever it stands. After a title or a given name a full day may be a family
name ("dr monday", "miroslav monday"), and "Sat", "Sun" and "Mon" are words and names too, so
those are left to where they stand.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.words import TITLES

_EDGE = ".,:;!?'’\"()[]‘“”"


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WEEKDAYS = _set("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs
fri sat
""")


# Where a weekday stands as the day: after a determiner, a preposition of time or at a
# clause's start ("our Saturday presenter", "see you Monday", "Saturday: Sam"). After a
# title or a name it may be a family name ("dr monday", "miroslav monday").
_DAY_PLACED = re.compile(
    r"(?:(?:^|[\s(])(?i:the|our|my|their|his|her|your|this|that|next|last|every|each|on|by|"
    r"till|until|before|after|since|for|from|to|of|see|you|from)|^|[.!?:;,\n(•*–—-])[ \t]*$"
)


# A day's short form or plural is no one's name wherever it stands ("on site Weds", "ring
# Tuesdays"); "Sat", "Sun" and "Mon" are left to the position rule (words and given names too).
_DAY_FORMS = _set("""
tue tues wed weds thu thur thurs fri mondays tuesdays wednesdays thursdays fridays saturdays
sundays
""")
# A lower-case word before the day ("committee meeting Tues", "she trains Friday"): a day in a
# clause. A title or a given name before it may make it a family name ("dr monday").
_LOWER_WORD_BEFORE = re.compile(r"(?:^|[\s(])([a-z][a-z'’-]*)[ \t]+$")


def weekday(value: str) -> bool:
    """Whether a span is a weekday's name ("Saturday"), short or long: never a person."""
    word = value.strip(_EDGE)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.casefold() in _WEEKDAYS or word.casefold() in _DAY_FORMS


def day_placed(text: str, start: int, end: int) -> bool:
    """Whether a weekday stands where a day does (`_DAY_PLACED`, a short form, a clause word)."""
    if text[start:end].strip(_EDGE).casefold() in _DAY_FORMS:
        return True
    before = text[max(0, start - 24) : start]
    if _DAY_PLACED.search(before[-12:]):
        return True
    lead = _LOWER_WORD_BEFORE.search(before)
    return lead is not None and lead.group(1) not in TITLES and not _listed(lead.group(1))


def _listed(low: str) -> bool:
    gaz = gazetteer.current()
    return gaz.is_first_name(low) or gaz.is_surname(low)


def day_in_clause(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a weekday standing where a day does."""
    return weekday(text[start:end]) and day_placed(text, start, end)
