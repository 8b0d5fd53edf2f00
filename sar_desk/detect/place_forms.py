"""The short names of UK towns whose listed name has a qualifier (issue 15).

GeoNames lists a town by its full name ("Great Dunmow", "High Bentham", "Wainfleet All
Saints", "Chipping Sodbury", "Bognor Regis"), but people write the short one ("Dunmow",
"Bentham", "Wainfleet", "Sodbury", "Bognor"). The qualifiers are a closed class of English
place-naming: a size or position before the name (Great, Little, High, Upper, North, Chipping,
Market...) and a church's dedication, a river or the sea, or a Latin tag after it (All Saints,
St Mary, -on-Sea, -upon-Tyne, Regis, Magna, Spa). Each short form is derived from the shipped
list (no new source); one that is an English word or a listed given name or family name is
left out ("Milton" of "New Milton", "Eaton" of "Long Eaton"), as `uk_places_extra.txt` leaves
such names out, so people keep their names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Words before a town's own name that qualify it.
_BEFORE_WORDS = """
great little high low long much north south east west upper lower nether over old
chipping market kings king's bishops bishop's steeple castle church west-end
"""
_BEFORE = frozenset(_BEFORE_WORDS.split())
# Words or hyphenated tails after a town's own name ("Wainfleet All Saints", "Hay-on-Wye").
_AFTER = re.compile(
    r"(?i)^(?P<own>[a-z][a-z']{3,})"
    r"(?:[ -](?:on|upon|under|by|in|next|le|cum|juxta|super)[ -].+"
    r"| (?:all saints|st\.? [a-z]+|saint [a-z]+|regis|magna|parva|spa|bay|sands|spa town)$)"
)


def short_forms(places: Iterable[str], taken: Callable[[str], bool]) -> dict[str, str]:
    """Short names (case-folded) of listed places, to their written form ("dunmow": "Dunmow").

    Args:
        places: The listed places as written.
        taken: Whether a word is already something else (an English word, a listed name or a
            listed place); such a short form is not added.
    """
    out: dict[str, str] = {}
    for place in places:
        words = place.split()
        own = ""
        if len(words) == 2 and words[0].casefold() in _BEFORE:
            own = words[1]
        elif (m := _AFTER.match(place)) is not None:
            own = m.group("own")
        if len(own) < 4 or not own.isalpha() or not own[:1].isupper():
            continue
        key = own.casefold()
        if key not in out and not taken(key):
            out[key] = own
    return out
