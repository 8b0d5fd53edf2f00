"""UK villages and small towns (`Gazetteers.villages`) where the words around them say "place".

The town lists stop at places of 1,000 people; most towns a blind corpus still missed were
villages ("our client in Stiffkey", "moved to Steeple Aston", "12 Mill Lane, Peasenhall"). The
village list (GeoNames cities500) holds names that are family names more often than the list of
family names knows ("Langton", "Hopwood"), so a village is a place only where a place word
stands before it ("in", "near", "lives at"), or where it stands in an address (after a numbered
street, before a postcode, before "library" or "surgery"): the same test as the towns that are
everyday words. Never after a title or a given name ("Mrs Langton", "Tom Hopwood").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sar_desk.core.calendar import DAY_NAMES, MONTH_NAMES
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.words import TITLES

Span = tuple[int, int, str, float, str]
# `uk_place_recognizer._placed`: (text, start, end, name) -> whether a place word or an
# address places the span; `name` drops the weak cues ("to", "at": "talk to Langton").
Placed = Callable[[str, int, int, bool], bool]

NOTE_VILLAGE = "UK village in the place list, placed by the words around it."
_CALENDAR = MONTH_NAMES | DAY_NAMES


def village_spans(
    text: str, words: list[re.Match[str]], gaz: Gazetteers, placed: Placed
) -> list[Span]:
    """The placed villages of `text`, longest first at each word (up to three words)."""
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
        return False  # "STIFFKEY" shouted, "steeple Aston": not as a place is written
    if not lower and _name_before(text, words, i, gaz):
        return False
    # One word may be a family name no list has ("talk to Langton"): strong cues only; a
    # lower-case village has to be placed the same way ("from peasenhall").
    one_word = " " not in value
    return placed(text, start, end, one_word or lower)


def _capitalised(value: str) -> bool:
    # "Steeple Aston", "Norton St Philip", "Kirkby-in-Furness", "Hatfield Broad Oak".
    parts = [p for p in re.split(r"[ \-]", value) if p]
    return parts[0][:1].isupper() and parts[-1][:1].isupper()


def _name_before(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """A title or a capitalised given name just before: "Mrs Langton", "Tom Hopwood"."""
    if i == 0 or text[words[i - 1].end() : words[i].start()] not in (" ", ". "):
        return False
    prev = words[i - 1].group(0)
    low = prev.casefold().rstrip(".")
    return low in TITLES or (prev[:1].isupper() and gaz.is_first_name(low))
