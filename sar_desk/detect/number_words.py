"""What a number before a word measures, dates or counts, so the word is no street (issue 15).

A house number before a name-like word makes a street with no suffix ("41 Pen-y-Graig"), but
a number also weighs, times and dates: "she went from 10 stone to 12", "seen on 12 Jan", "3
miles out". And "from 3 kirsty to jo" moves something between two people (a shift, a
caseload), where "from 34a paradise to the shop" is a trip from a street. The words are a
closed class of English units, months and days.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer

_MEASURES_WORDS = """
    stone lb lbs pound pounds kg kilo kilos gram grams ounce ounces mile miles metre metres
    meter meters foot feet inch inches hour hours hr hrs min mins minute minutes second seconds
    week weeks day days month months year years time times quid pence percent degrees
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december mon tue tues wed weds thu thur thurs fri
    sat sun monday tuesday wednesday thursday friday saturday sunday
"""
MEASURES = frozenset(_MEASURES_WORDS.split())
_TO_NUMBER_OR_NAME = re.compile(r"[ \t]+to[ \t]+(?P<w>\d|[^\W\d_]+)")


def measured(word: str) -> bool:
    """Whether a word after a number is a unit, a month or a day ("stone", "Jan")."""
    return word.casefold() in MEASURES


def range_or_swap(text: str, end: int) -> bool:
    """Whether "to" and a number or a given name follow ``end`` ("... to 12", "... to jo")."""
    to = _TO_NUMBER_OR_NAME.match(text, end)
    if to is None:
        return False
    word = to.group("w")
    return word.isdigit() or gazetteer.current().is_first_name(word)
