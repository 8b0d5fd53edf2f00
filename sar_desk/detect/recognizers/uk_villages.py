"""UK villages and small towns (`Gazetteers.villages`), capitalised or placed by the words around.

The town lists stop at places of 1,000 people; most towns a blind corpus still missed were
villages ("our client in Cropredy", "moved to Steeple Aston", "12 Mill Lane, Peasenhall"). The
village list (GeoNames cities500) is read as the towns are: a capitalised village is a place
unless a title or a given name stands just before it ("Mrs Langton", "Tom Hopwood": a family
name). A village's name is often a family name no list has, so a bare "Hopwood" may be a person:
the model's PERSON label wins over this one where it sees a person (its score is higher), and
either way the word is proposed. In lower case a village is a place only where a place word
stands before it ("from peasenhall") or it stands in an address (after a numbered street,
before a postcode, before "library" or "station"), as the lower-case towns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sar_desk.core.calendar import DAY_NAMES, MONTH_NAMES
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.lexical import is_listed_name
from sar_desk.detect.words import TITLES

Span = tuple[int, int, str, float, str]
# `uk_place_recognizer._placed`: (text, start, end, name) -> whether a place word or an
# address places the span; `name` drops the weak cues ("to", "at").
Placed = Callable[[str, int, int, bool], bool]

NOTE_VILLAGE = "UK village in the village list."
_CALENDAR = MONTH_NAMES | DAY_NAMES


def village_spans(
    text: str, words: list[re.Match[str]], gaz: Gazetteers, placed: Placed
) -> list[Span]:
    """The villages of `text` read as places, longest first at each word (up to three words)."""
    if not gaz.villages:
        return []
    out: list[Span] = []
    taken = -1
    for i, w in enumerate(words):
        if w.start() < taken or w.group(0).casefold() not in gaz.village_heads:
            continue
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            end = words[i + n - 1].end()
            value = text[w.start() : end]
            if "\n" in value or not gaz.is_village(value):
                continue
            if _village_at(text, words, i, value, gaz, placed):
                out.append((w.start(), end, "LOCATION", 0.55, NOTE_VILLAGE))
                taken = end
            break
    return out


def _village_at(
    text: str,
    words: list[re.Match[str]],
    i: int,
    value: str,
    gaz: Gazetteers,
    placed: Placed,
) -> bool:
    start = words[i].start()
    end = start + len(value)
    lower = value.islower()
    if not (lower or _capitalised(value)) or value.casefold() in _CALENDAR:
        return False  # "steeple Aston": not as a place is written
    if not lower:
        # Measured on corpora v2-v14 (round 13): asking a place word of capitalised villages
        # too found fewer towns on v10-v14 and changed no person figure or negative.
        return not title_or_name_before(text, words, i, gaz)
    # In lower case a village must be placed: strong cues only ("from peasenhall"; not "to").
    # "to" or "at" places one that closes its phrase and is no one's name (round 22: "the
    # marquee at frant, crew meet at 7"): "talk to dean," is a person, "at frant," a village.
    if placed(text, start, end, True):
        return True
    closes = re.match(r"[ \t]*(?:[,.;:!?)\n]|$)", text[end:]) is not None
    return closes and not is_listed_name(value) and placed(text, start, end, False)


def _capitalised(value: str) -> bool:
    # "Steeple Aston", "Norton St Philip", "Kirkby-in-Furness", "Hatfield Broad Oak".
    parts = [p for p in re.split(r"[ \-]", value) if p]
    return parts[0][:1].isupper() and parts[-1][:1].isupper()


def title_or_name_before(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether a title or a capitalised given name stands just before ``words[i]``.

    "Mrs Langton", "Tom Hopwood": the word is then a family name, not a place (the place
    lists' recognisers share this test).
    """
    if i == 0 or text[words[i - 1].end() : words[i].start()] not in (" ", ". "):
        return False
    prev = words[i - 1].group(0)
    low = prev.casefold().rstrip(".")
    return low in TITLES or (prev[:1].isupper() and gaz.is_first_name(low))
