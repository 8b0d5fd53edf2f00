"""Which names the second pass spreads: each seed text judged once (split from `propagate`).

A name spreads only when it was seen written as a name: a full name of two or three words
(and its parts) after one sighting, a single word after two, never a UK place, a suffix-less
street name, a post or a word that is only ever a word. `propagate` matches what is chosen
here in every message of the case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar, cast

from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import HONORIFICS, SURNAME_PARTICLES
from sar_desk.detect.cues import RELATIONS, ROLES
from sar_desk.detect.languages import is_foreign_word
from sar_desk.detect.posts import never_spreads
from sar_desk.detect.spread_words import (
    dictionary_word,
    name_anchor,
    nickname_opener,
    shorthand,
)
from sar_desk.detect.words import (
    PLACE_WORDS,
    is_not_a_name,
    looks_like_name,
)
from sar_desk.detect.world_greetings import is_world_greeting

_Test = TypeVar("_Test", bound=Callable[..., bool])
# Weekdays as rotas and diaries shorten them: after a name they are the day, not a surname.
_DAYS_SHORT = frozenset(
    {"mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun"}
)
# What one seed text adds (`_judged`): full-name keys, keys seen, (key, shown form) pairs.
_Judged = tuple[list[str], list[str], list[tuple[str, str]]]


def propagation_names(items: Iterable[tuple[int, str]], min_messages: int = 2) -> list[str]:
    """PERSON strings worth matching everywhere in the case (upstream #859's second pass).

    Args:
        items: ``(message_id, text)`` of PERSON findings made by `PROPAGATION_SOURCES`.
        min_messages: In how many different messages a single name must have been found, so
            that a single NER mistake is not copied across the case. A full name of two or
            more words spreads when found once ("Reece Entwistle" names one person), with
            its parts.

    Returns:
        Names (and each word of multi-word names) that look like names and are not street,
        place, product or placeholder words.
    """
    seen: dict[str, set[int]] = {}
    shown: dict[str, str] = {}
    full: set[str] = set()
    judged: dict[str, _Judged | None] = {}  # the same names are seeds in many messages
    for message_id, text in items:
        if text not in judged:
            judged[text] = _judged(text)
        found = judged[text]
        if found is None:
            continue
        # Replayed in the order the text was judged, so the last shown form wins as before.
        full.update(found[0])
        for key in found[1]:
            seen.setdefault(key, set()).add(int(message_id))
        shown.update(found[2])
    # The parts of a full name found once are that person's names too ("Carys" of "Carys
    # Okoro", when NER only ever tags the surname).
    parts = {name_key(w) for k in full for w in k.split() if len(w) >= 3}
    # Only names seen written as names ("Priya", not "NHS" or "reply") are spread.
    return sorted(
        shown[k]
        for k, ids in seen.items()
        if k in shown and (len(ids) >= min_messages or k in full or k in parts)
    )


def _judged(text: str) -> _Judged | None:
    """What one seed text adds: full-name keys, keys seen, and (key, shown form) in order.

    A function of the text alone (and the gazetteer in use), so `propagation_names` judges
    each distinct seed text once however many messages it was found in.
    """
    full: list[str] = []
    seen: list[str] = []
    shown: list[tuple[str, str]] = []
    words = text.lstrip("@").split()
    if not words:
        return None
    gaz = gazetteer.current()
    titled = 0  # "Revd Canon Ashdown": every post before the name
    while titled < len(words) - 1 and _post(words[titled]):
        titled += 1
    lead = words[0].casefold()
    # A dictionary word spreads when NER found it alone (in two messages, as any single
    # name), beside a listed name that is no word ("Glory" of "Glory Okafor") or after a
    # post ("Rabbi Goldsmith"); as a word of "Warm Home Discount" never.
    given = _foreign_given_name(words)
    anchored = (
        len(words) == 1
        or bool(titled)
        or any(name_anchor(w) for w in words)
        or (gaz.is_first_name(words[0]) and words[0][:1].isupper())
    )
    if (
        len(words) >= 2
        and (titled or lead in SURNAME_PARTICLES)
        and all(_spreadable(w, True) for w in words[max(titled, 1) :])
    ):
        # "Sister Savage", "Ní Bhriain": the person behind the post, or the whole family
        # name, spreads as written; the post or the particle alone ("Sister", "Ní") never.
        value = " ".join(words)
        full.append(name_key(value))
        rest = words[max(titled, 1) :]
        candidates = {_capitalised(value), *(_capitalised(w) for w in rest)}
    elif _full_name(words, anchored) or given:
        # "Gurpreet Abernethy" (a surname that is also a village), "ivy webb" in lower
        # case: the full name spreads, and each part that may spread on its own.
        value = " ".join(words)
        key = name_key(value)
        full.append(key)
        seen.append(key)
        shown.append((key, value if _title_case(value) else _capitalised(value)))
        candidates = {_capitalised(w) for w in words if _spreadable(_capitalised(w), anchored)}
        if given:
            candidates.add(words[0])  # "Hafiz" of "Hafiz Kiggundu"
    elif _particle_name(words):
        # "Balwinder de Gruchy", "Sanduni Ruiz de Alda": the given name and the family name
        # spread, and the whole name; the particle alone never.
        value = " ".join(words)
        full.append(name_key(value))
        candidates = {_capitalised(value), words[0], _capitalised(" ".join(words[1:]))}
    elif (
        len(words) == 2
        and nickname_opener(words[0])
        and words[0][:1].isupper()
        and _spreadable(words[1], anchored)
    ):
        candidates = {" ".join(words), words[1]}  # "Big Jas" and "Jas"; "Big" never
    elif all(_spreadable(w, anchored) for w in words):
        candidates = {" ".join(words), *words}
    else:
        return None
    if len(words) >= 2:
        # "Leeroy Mon" of a rota ("Leeroy Mon, Sabin Wed"): the day NER ran into the name is
        # no part of it. The whole spreads; the day alone only when found alone, as any name.
        candidates = {c for c in candidates if " " in c or c.casefold() not in _DAYS_SHORT}
    for candidate in candidates:
        key = name_key(candidate)
        seen.append(key)
        if _title_case(candidate):
            shown.append((key, candidate))
    return full, seen, shown


def _capitalised(value: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in value.split())


def _per_gazetteer(test: _Test) -> _Test:
    """`test` remembered per word (or words) and flags while the same gazetteer is in use.

    The same names are found thousands of times in a case; each is judged once.
    """
    memo: dict[object, bool] = {}
    used: list[object] = [None]

    @wraps(test)
    def remembered(value: Any, *flags: Any, **named: Any) -> bool:
        gaz = gazetteer.current()
        if used[0] is not gaz or len(memo) > 100_000:
            memo.clear()
            used[0] = gaz
        key = (tuple(value) if isinstance(value, list) else value, flags, tuple(named.items()))
        if key not in memo:
            memo[key] = test(value, *flags, **named)
        return memo[key]

    return cast("_Test", remembered)


def _post(word: str) -> bool:
    low = word.casefold()
    return low in HONORIFICS and not gazetteer.current().is_surname(low)


@_per_gazetteer
def _foreign_given_name(words: list[str]) -> bool:
    """Whether a title-case full name opens with a word another language's list holds.

    "Hafiz Kiggundu": "hafiz" is a word of the farewell "khuda hafiz", so alone it never
    spreads; before a family name that no list has as a given name and no dictionary has
    ("Kiggundu") it is that person's given name. A courtesy before a given name ("Diolch
    Sian") or a word ("Bore Da") stays out: the last word must be no listed given name.
    """
    if not 2 <= len(words) <= 3 or not _title_case(" ".join(words)):
        return False
    first, last = words[0], words[-1]
    gaz = gazetteer.current()
    if not (is_foreign_word(first) and looks_like_name(first)) or gaz.is_first_name(last):
        return False
    if is_world_greeting(first):
        return False  # "Diolch", "Namaste": a courtesy on its own, whatever follows
    rest_ok = all(_spreadable(w, True) for w in words[1:])
    return rest_ok and name_anchor(last) and not is_not_a_name(" ".join(words))


@_per_gazetteer
def _particle_name(words: list[str]) -> bool:
    """Whether a given name stands before a family name with a lower-case particle in it.

    "Balwinder de Gruchy", "Sanduni Ruiz de Alda": NER finds the whole name, which is no
    two- or three-word title-case name. The given name must be a listed given name or a
    word no dictionary has, capitalised; the words after it capitalised name words.
    """
    if not 3 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    at = next((i for i, w in enumerate(words[1:-1], 1) if w in SURNAME_PARTICLES), 0)
    rest = [w for i, w in enumerate(words[1:], 1) if i != at]
    if not at or not all(w[:1].isupper() and _spreadable(w, True) for w in rest):
        return False
    first = words[0]
    gaz = gazetteer.current()
    if not (gaz.is_first_name(first) or name_anchor(first)) or not _spreadable(first):
        return False
    value = " ".join(words)
    return not (is_not_a_name(value) or gaz.is_place(value))


@_per_gazetteer
def _full_name(words: list[str], anchored: bool = False) -> bool:
    """Whether two or three words name one person ("Gurpreet Abernethy", "ivy webb").

    Each must be a possible name word, the first one a name that may spread, the whole not a
    place; in lower case only with a listed first name and surname.
    """
    if not 2 <= len(words) <= 3:
        return False
    cased = [_capitalised(w) for w in words]
    if not all(looks_like_name(w) and w.casefold() not in PLACE_WORDS for w in cased):
        return False
    value = " ".join(words)
    gaz = gazetteer.current()
    if is_not_a_name(value) or gaz.is_place(value) or not _spreadable(cased[0], anchored):
        return False
    if _title_case(value):
        return True
    return gaz.is_first_name(words[0]) and (gaz.is_surname(words[-1]) or _title_case(value))


_STREET_LIKE = re.compile(
    r"(?i).{3,}(?:gate|grove|field|fields|mead|acres?|bank|side|brook|hurst|wood|lands|dale|croft)$"
)


@_per_gazetteer
def _spreadable(word: str, anchored: bool = False) -> bool:
    """Whether one word of a NER name may be matched across the case.

    `anchored`: the word was found beside a listed name or after a post, so a dictionary word
    ("Glory", "Goldsmith") may be a name; shorthand and contractions never are.
    """
    if not looks_like_name(word) or word.casefold() in PLACE_WORDS or is_not_a_name(word):
        return False
    low = word.casefold()
    gaz = gazetteer.current()
    post = low in HONORIFICS and not gaz.is_surname(low)  # "Mrs Lord" is a person
    if low in SURNAME_PARTICLES or post or low in ROLES or low in RELATIONS:
        return False  # "Sister", "Coroner", "nan": how a person is addressed, not who
    if never_spreads(word):
        return False  # "clerk" of "Parish Clerk", "port" of "Port Health Officer"
    named = gaz.is_first_name(word) or gaz.is_surname(word)
    if not named and (
        shorthand(word) or nickname_opener(word) or (not anchored and dictionary_word(word))
    ):
        return False  # "Home" of "Warm Home Discount", "I've", "addr", "Big" of "Big Jas"
    if word.isupper() and len(word) <= 3 and not named:
        return False  # "NI", "DWP": an abbreviation, matched in any case it would be "ni"
    # A UK town or a suffix-less street name NER called a person ("Bude", "Westgate").
    return named or not (gaz.is_place(word) or _STREET_LIKE.match(word))


def _title_case(value: str) -> bool:
    return all(w[:1].isupper() and any(c.islower() for c in w[1:]) for w in value.split())
