"""The last word of an organisation's name, read alone as a given name (issue 15, round 18).

"Registration Council audit next month", "the Housing Trust wrote", "Parish Board meets":
name lists hold everyday words as given names ("Council", "Trust"), and a recogniser that
reads a lone word then proposes the head of the organisation's name as a person. English
names a body with a head noun of its kind (`words.ORG_WORDS`, `units.UNIT_HEADS`) after
capitalised words that say what it does; those words are dictionary words, not names.

A guess may also open such a name: "Royal Pigeon Racing Association", where a list reads
"Royal Pigeon" as a person. When capitalised dictionary words that no list has and then such a
head follow the guess on its line, the guess is the organisation's first words
(`opens_org_name`); "Sam Patel Foundation" (no word between) is left to the other rules.

A body may also be named by common words and the nation or town it serves: "Crown Estate
Scotland", "Sport England", "Historic Wales" (`area_body`); a given name among the words
("Rose Wales") leaves it to the other rules.

So a one-word guess that is such a head, right after a capitalised dictionary word that no
name list has, is the organisation's: "Rose Hall", "Sam Trust" and "Grace Church" have a
given name before them and are left to the other rules, and a head that is a family name too
("Hall", "House", "Church") is never read so ("Cheers Hall" may be someone).
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.units import UNIT_HEADS
from sar_desk.detect.words import ORG_WORDS, TITLES

_EDGE = ".,:;!?'’\"()[]‘“”"
# The word right before the span, on the same line, one space or tab between.
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]$")


def royal_body(value: str) -> bool:
    """Whether a span is a body named "Royal ..." ("Royal Welsh", "Royal Sussex Lodge").

    Regiments, charters, hospitals and societies open with "Royal"; a person's name does not,
    so unless a later word is a listed given name ("Royal Jones" may be someone called Royal),
    the span is a body's.
    """
    words = [w.strip(_EDGE) for w in value.split()]
    if len(words) < 2 or words[0] != "Royal":
        return False
    gaz = gazetteer.current()
    return not any(gaz.is_first_name(w) for w in words[1:])


def org_head(text: str, start: int, end: int) -> bool:
    """Whether a one-word span heads an organisation's name ("Council" of "Parish Council")."""
    word = text[start:end].strip(_EDGE)
    for mark in ("'s", "’s"):
        word = word.removesuffix(mark)
    low = word.casefold()
    gaz = gazetteer.current()
    if " " in word or not word[:1].isupper() or low not in ORG_WORDS | UNIT_HEADS:
        return False
    if gaz.is_surname(low):
        return False  # "Cheers Hall", "tell House": a family name after a greeting or a verb
    before = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    if before is None:
        return False
    lead = before.group(1).casefold()
    return (
        lead not in TITLES
        and gaz.is_english(lead)
        and not gaz.is_first_name(lead)
        and not gaz.is_surname(lead)
    )


# Capitalised words after the guess, then the organisation's head ("[Royal Pigeon] Racing
# Association"); the head's own following word is not read.
_ORG_AFTER = re.compile(r"((?:[ \t]+[A-Z][a-z]+){1,3})[ \t]+([A-Z][a-z]+)(?![\w'’-])")
_MORE_HEADS = frozenset({"society", "federation", "league", "union", "institute", "commission"})


def opens_org_name(text: str, start: int, end: int) -> bool:
    """Whether a guess is the first words of an organisation's name ("Royal Pigeon" ...)."""
    match = _ORG_AFTER.match(text, end)
    if match is None or not text[start:end][:1].isupper():
        return False
    head = match.group(2).casefold()
    if head not in ORG_WORDS and head not in UNIT_HEADS and head not in _MORE_HEADS:
        return False
    gaz = gazetteer.current()
    return all(
        gaz.is_english(w.casefold())
        and not gaz.is_first_name(w.casefold())
        and not gaz.is_surname(w.casefold())
        for w in match.group(1).split()
    )


# The nations a UK body is named for ("Sport England"); towns come from the place list.
_NATIONS = frozenset({"england", "scotland", "wales", "cymru", "ireland", "britain", "uk"})


def area_body(value: str) -> bool:
    """Whether common words then a nation or a town name a body ("Crown Estate Scotland")."""
    words = [w.strip(_EDGE) for w in value.split()]
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w):
        return False
    gaz = gazetteer.current()
    last = words[-1].casefold()
    if last not in _NATIONS and not gaz.is_place(words[-1]):
        return False
    return all(
        len(w) >= 3
        and w.casefold().rstrip(".") not in TITLES  # "Ms Featherstone": a person
        and gaz.is_common_word(w.casefold())
        and not gaz.is_first_name(w.casefold())
        for w in words[:-1]
    )


# Capitalised common words right before a nation ("Crown Estate [Scotland]").
_CAPS_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][a-z]+[ \t]+){1,3})$")


def nation_of_a_body(text: str, start: int, end: int) -> bool:
    """Whether a guessed nation closes a body's name ("Scotland" of "Crown Estate Scotland")."""
    if text[start:end].strip(_EDGE).casefold() not in _NATIONS:
        return False
    before = _CAPS_BEFORE.search(text[max(0, start - 40) : start])
    return before is not None and area_body(before.group(1) + text[start:end])
