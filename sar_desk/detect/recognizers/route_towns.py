"""Towns in a route written with arrows: "Totland → Breasclete → Stanway" (round 23).

A delivery round, a rota or a journey is written as places joined by arrows ("→", "->",
"=>", "➡"). When one stop of such a chain is a listed town or village, the chain is a route
and every other stop is a place too, though no list has it: the village lists stop somewhere
and the model reads an unknown word between arrows as nothing. A chain with no listed stop is
a route too when every stop is a capitalised word no list has at all: no English word, given
name, family name, product or organisation word ("Draft → Review", "Zoom → Teams", "Okafor →
Lee" are not routes of places).

A stop is one to three words. Capitalised stops are kept unless a word is a listed given
name, a title, a weekday or a month (a person or a time may be a stop: "Ann → Bo → Cy" is a
rota of people, and has no listed place anyway). In a wholly lower-case route a stop that is
an everyday English word is refused ("tea → coffee → leeds" says nothing about "tea").
"""

from __future__ import annotations

import re

from sar_desk.core.calendar import DAY_AND_MONTH_NAMES
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.words import ORG_WORDS, PRODUCTS, TITLES

Span = tuple[int, int, str, float, str]

NOTE_ROUTE = "A stop in a route of places joined by arrows."

_ARROW = r"[ \t]*(?:→|->|=>|➡️?|⟶)[ \t]*"
_STOP = r"[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*){0,2}"
_ROUTE = re.compile(rf"(?<![\w'’-]){_STOP}(?:{_ARROW}{_STOP})+(?![\w'’-])")
_ARROW_SPLIT = re.compile(_ARROW)


def _listed(stop: str, gaz: Gazetteers) -> bool:
    return gaz.is_place(stop) or gaz.is_village(stop)


def _stop_ok(stop: str, gaz: Gazetteers, lower: bool) -> bool:
    if not lower and not all(w[0].isupper() for w in stop.split()):
        return False  # "draft → review → Leeds": a lower-case word in a capitalised route
    for word in stop.casefold().split():
        if word in DAY_AND_MONTH_NAMES or word in TITLES or gaz.is_first_name(word):
            return False
        if lower and gaz.is_common_word(word):
            return False
    return True


def _edge(
    text: str, start: int, end: int, gaz: Gazetteers, lower: bool, first: bool
) -> tuple[int, int]:
    """The route's first or last stop cut to the words that can be a stop.

    The pattern may take words of the sentence with it ("minibus from Leeds → York"): the first
    stop keeps its trailing capitalised words, the last its leading ones; in lower case one word,
    unless the whole run is a listed place.
    """
    words = list(re.finditer(r"\S+", text[start:end]))
    if _listed(text[start:end], gaz):
        return start, end
    keep = 0
    order = list(reversed(words)) if first else words
    for w in order:
        if lower and keep == 1:
            break
        if not lower and not w.group(0)[0].isupper():
            break
        keep += 1
    if not keep:
        return start, start
    kept = order[:keep]
    a, b = min(w.start() for w in kept), max(w.end() for w in kept)
    return start + a, start + b


def _unknown_word(stop: str, gaz: Gazetteers) -> bool:
    """Whether a capitalised stop is no word, name or product any list has ("Quistbury")."""
    if not all(w[0].isupper() for w in stop.split()):
        return False
    return not any(
        gaz.is_common_word(w)
        or gaz.is_english(w)
        or gaz.is_surname(w)
        or w in PRODUCTS
        or w in ORG_WORDS
        for w in stop.casefold().split()
    )


def route_town_spans(text: str, gaz: Gazetteers) -> list[Span]:
    """The unlisted stops of arrow-joined routes that hold a listed place, as LOCATION spans."""
    out: list[Span] = []
    for m in _ROUTE.finditer(text):
        stops: list[tuple[int, int]] = []
        pos = m.start()
        for arrow in _ARROW_SPLIT.finditer(m.group(0)):
            stops.append((pos, m.start() + arrow.start()))
            pos = m.start() + arrow.end()
        stops.append((pos, m.end()))
        lower = m.group(0) == m.group(0).lower()
        stops[0] = _edge(text, *stops[0], gaz, lower, first=True)
        stops[-1] = _edge(text, *stops[-1], gaz, lower, first=False)
        values = [text[a:b] for a, b in stops]
        anchored = any(_listed(v, gaz) for v in values)
        if not anchored and not all(v and _unknown_word(v, gaz) for v in values):
            continue
        for (a, b), value in zip(stops, values, strict=True):
            if value and not _listed(value, gaz) and _stop_ok(value, gaz, lower):
                out.append((a, b, "LOCATION", 0.5, NOTE_ROUTE))
    return out
