"""Given names that are words, known by the family name they keep company with (issue 15).

Some given names are everyday English words: names of virtue or circumstance given in southern
Africa and among Puritans ("Nobody", "Given", "Trust", "Memory", "Charity"), and the indefinite
pronoun among them is even a stop word. The model reads such a name as the word and misses the
whole person, family name too ("Nobody Okafor has joined"), in every message, so the spread
pass never has a seed.

The evidence that lifts the word is case-wide, as the spread pass's is: a family name from the
surname list that is in no dictionary and names no place, preceded in at least
`MIN_MESSAGES` messages by the same word, and by that word in most of its sightings. One
person's full name is written the same way again and again; a verb or a greeting before a
family name ("ask Okafor", "thanks Okafor") varies from message to message. The pair spreads
as one name (and its family name with it, `spread_names`); the word alone does not, since a
dictionary word never spreads from a full name's parts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable

from sar_desk.core.identity import name_key
from sar_desk.detect import gazetteer
from sar_desk.detect.case_things import thing_key
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.posts import is_post

# In how many messages the pair must be written, and what share of the family name's
# sightings it must be: a person's name recurs in one form, a verb before it does not.
MIN_MESSAGES = 3
MIN_SHARE = 0.6

# Two words joined by blanks only (no full stop, comma or line break between them).
_PAIR = re.compile(
    r"(?<![\w'’@.-])([^\W\d_]{3,})[ \t]+(?=([^\W\d_][\w'’]*(?:-[^\W\d_]+)?)(?![\w@]))"
)


# Every word of every text is asked (`_WORD`), so the answer is remembered per word.
_WORD = re.compile(r"[^\W\d_][\w'’]*")


@gazetteer.per_lists
def _family(word: str) -> bool:
    """A listed family name in no dictionary, no given name, no place."""
    gaz = gazetteer.current()
    low = word.casefold()
    return (
        len(low) >= 3
        and gaz.is_surname(low)
        and not gaz.is_english(low)
        and not gaz.is_word(low)
        and not gaz.is_first_name(low)
        and not gaz.is_place(word)
    )


def _same_case(given: str, family: str) -> bool:
    """Both capitalised ("Nobody Okafor") or both lower case ("nobody okafor")."""
    if given.islower() and family.islower():
        return True
    return given[:1].isupper() and given[1:].islower() and family[:1].isupper()


def paired_names(texts: Iterable[str], things: Container[str] = frozenset()) -> list[str]:
    """Full names "<word> <family name>" the case writes consistently (see the module).

    Args:
        texts: Every message text of the case (each counted once per message).
        things: Keys (`case_things.thing_key`) of names the case shows to be things; a pair
            among them is not returned, so the job and the evaluation drop the same ones.

    Returns:
        The pairs in title case ("Nobody Okafor"), sorted.
    """
    family_seen: Counter[str] = Counter()
    pair_seen: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], str] = {}
    for text in texts:
        families: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        for m in _PAIR.finditer(text):
            given, family = m.group(1), m.group(2)
            if not _same_case(given, family) or not _family(family):
                continue
            key = (name_key(given), name_key(family))
            families.add(key[1])
            if given.casefold() in HONORIFICS or is_post(given):
                continue  # "Sister Okafor", "Chair Okafor": a title, other rules read it
            if not gazetteer.current().is_english(given.casefold()):
                continue  # other given names are the model's and the lists' to find
            if _place(f"{given} {family}"):
                continue  # "Port Talbot", "Bishops Cleeve": a town named with a family name
            pairs.add(key)
            shown[key] = f"{given[:1].upper()}{given[1:].lower()} {family[:1].upper()}{family[1:]}"
        # A family name written alone counts against every pair: "Okafor said" as well.
        families.update(name_key(w) for w in _WORD.findall(text) if _family(w))
        family_seen.update(families)
        pair_seen.update(pairs)
    return sorted(
        shown[key]
        for key, n in pair_seen.items()
        if n >= MIN_MESSAGES
        and n >= MIN_SHARE * family_seen[key[1]]
        and thing_key(shown[key]) not in things
    )


@gazetteer.per_lists
def _place(value: str) -> bool:
    gaz = gazetteer.current()
    return gaz.is_place(value) or gaz.is_village(value) or gaz.is_word_place(value)
