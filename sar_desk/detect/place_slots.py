"""A town no list has, known by where it stands in an address (issue 15, round 15).

No gazetteer shipped with SAR Desk holds every UK village ("Pennant Melangell", "Rhigos",
"Hesket Newmarket"), and the model often calls an unknown capitalised word a person. Where it
stands says what it is: after a numbered street and a comma ("12 Lido Road, Rhigos"), before
a postcode ("Rhigos, SA59 2ZL"), or before a public service that only a town's name
stands before ("Rhigos magistrates", "Rhigos A&E", "Rhigos primary", "Rhigos town hall"),
after "the" before a site or a local event ("the Rhigos pitch", "the Rhigos fete"), or at
the end of a journey ("a lift to Rhigos sat", "the ferry to Rhigos is off"; round 20).
There, a span none of whose words is a listed given name is the town (`unlisted_town`), so
it is proposed as a place and never spreads as a person; a family name there ("Tynan
primary") stays the place the model called it (`relabel`), and so does a firm's name the
model reads there ("Orford Ness council", `analyze`).

A span with a listed given name ("12 Mill Road, Siobhan said") or a title ("4 MOTs booked,
Dr Iqbal-Shah on ramp 2") stays a person; so does a name the case knows (the caller checks
the case's index first). Between a numbered street and a postcode nobody writes a person, so
there even a town made of given names or English words is the town (session 18: "92 Harbour
Ope, Spurn YO2 7HT", "19 Tan Yard Bank, Andreas DN32 9JJ", "Winterborne Kingston, SA37 2QF").
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.field_commas import as_commas
from sar_desk.detect.recognizers.town_positions import after_journey
from sar_desk.detect.recognizers.uk_place_recognizer import (
    AFTER_STREET,
    TOWN_BEFORE_POSTCODE,
    placed_in_address,
)
from sar_desk.detect.town_sites import facility_after, town_modifier
from sar_desk.detect.words import TITLES

_EDGE = ".,:;!?'’\"()[]‘“”"


def unlisted_town(text: str, start: int, end: int) -> bool:
    """Whether a PERSON guess at ``text[start:end]`` stands in an address's town slot.

    Only when no word of it is a listed given name, not every word is a common English word
    ("Bubble Wrap"), and it is at most three words long.
    """
    words = [w.strip(_EDGE) for w in text[start:end].split()]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 3 or "\n" in text[start:end]:
        return False
    if words[0].casefold().rstrip(".") in TITLES:
        return False  # "4 MOTs booked, Dr Iqbal-Shah on ramp 2": a titled name is a person
    if in_town_slot(text, start, end):
        return True  # "12 Lido Road, Andreas DN32 9JJ": the town, whatever its words
    gaz = gazetteer.current()
    if all(gaz.is_common_word(w.casefold()) for w in words):
        return False  # "Bubble Wrap", "the Premier Inn": English words, a product's or a firm's
    if _closing_an_address(text, start, end, words):
        return True  # "54a Tanners Drang, Milton Abbot — asking": a village no list has
    for word in words:
        for part in word.split("-"):
            if part and gaz.is_first_name(part):
                return False  # "Siobhan", "Mary-Jane": a person may stand there too
    if town_modifier(text, start, end):
        return True  # "says the Calcethorpe pitch rent is going up"
    # "the ferry to Gwaun-Cae-Gurwen is off": a journey ends at a place, not at a person
    return (
        placed_in_address(text, start, end)
        or facility_after(text, end)
        or after_journey(text, start, end)
    )


# Where the town closing an address ends: the text's or the line's end, a comma, a full stop or
# a dash set off by spaces ("..., Hurst Green", "..., Milton Abbot — asking whether").
_CLAUSE_END = re.compile(r"[ \t]*(?:$|[\n,.;!?)])|[ \t]+[—–-](?:[ \t]|$)")


def _closing_an_address(text: str, start: int, end: int, words: list[str]) -> bool:
    """Two or three capitalised words after a numbered street and a comma, ending the clause.

    Not a given name followed by a word that is no English word ("12 Mill Road, Sarah Jones,
    rang", "Priya-Marie Achterberg"): that is how a person is written; "Milton Abbot", "Hurst
    Green", "Jackson Bridge", "Earl Sterndale" and "Fenny Bentley" are not.
    """
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    if not AFTER_STREET.search(text[max(0, start - 60) : start]) or not _CLAUSE_END.match(
        text, end
    ):
        return False
    gaz = gazetteer.current()
    first = words[0]
    given = any(gaz.is_first_name(p) for p in first.split("-")) and not gaz.is_common_word(first)
    return not (given and not gaz.is_common_word(words[-1]))


def in_town_slot(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in the town of a numbered street, a town and a postcode.

    The place recogniser's own reading of an address ("211 Mill Parade, March, TR7 2XH"), so a
    name the model guessed there is the same town the recogniser found.
    """
    if "\n" in text[start:end]:
        return False
    text = as_commas(text)  # as the recogniser reads it: "4 Brook Row ~ Kirkby ~ LA6 2AB"
    window = TOWN_BEFORE_POSTCODE.finditer(text, max(0, start - 70), min(len(text), end + 12))
    return any(m.start("town") <= start and end <= m.end("town") for m in window)
