"""What the spread pass may copy case-wide, and where it must not (issue 15, round 11).

The second pass (`propagate`) matches every name NER found in every message of the case. A
common English word found as part of a team's or a product's name ("Learner Voice", "Warm Home
Discount") would then be proposed wherever the word is written ("voice note", "home visit").
So a common word spreads only when it was found standing alone (in two messages, as any single
name), after a post, or beside a word that makes the span a person's name (`name_anchor`);
contractions ("I've") and chat shorthand ("addr") never spread; and a spread match is dropped
where the words around it show a thing (`not_people.never_person`) or a month range.
"""

from __future__ import annotations

import re
import unicodedata

from sar_desk.detect import gazetteer
from sar_desk.detect.lexical import CHAT_WORDS, is_typo_of_word
from sar_desk.detect.not_people import month_range, never_person
from sar_desk.detect.words import looks_like_name

_EDGE = ".,:;!?'’\"()[]‘“”"

# A contraction ("I've", "we'll", "didn't"): a word of English, whatever its capital.
_CONTRACTION = re.compile(r"(?i)^[a-z]+(?:['’](?:ve|ll|re|d|m|t|s)|n['’]t)$")


def shorthand(word: str) -> bool:
    """Whether a word is a contraction ("I've", "we'll") or chat shorthand ("addr", "pls")."""
    w = word.strip(_EDGE)
    return bool(_CONTRACTION.match(w)) or w.lower() in CHAT_WORDS


# The adjectives that open a nickname ("Big Jas", "Wee Shug", "Little Dev"): the nickname
# spreads whole, the adjective alone never ("big shop day").
_NICKNAME_OPENERS = frozenset({"big", "wee", "little", "lil", "auld", "old", "tall"})


def nickname_opener(word: str) -> bool:
    """Whether a word is the adjective of a nickname ("Big" of "Big Jas"), never a name alone."""
    return word.strip(_EDGE).casefold() in _NICKNAME_OPENERS


def dictionary_word(word: str) -> bool:
    """Whether a word is a common English word ("home", "voice", "security", "glory").

    The common list, not the large dictionary: that one has rare words that are names too
    ("aneurin" is a vitamin, Aneurin a Welsh given name). Callers keep listed names to their
    own rules.
    """
    low = word.strip(_EDGE).lower()
    if not low.isalpha():
        return False
    gaz = gazetteer.current()
    return gaz.is_common_word(low) or low in _unaccented(gaz)


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


_UNACCENTED: list[tuple[object, frozenset[str]]] = []


def _unaccented(gaz: gazetteer.Gazetteers) -> frozenset[str]:
    """The common words that carry accents, written without them ("cafe" of "café").

    Chat drops the accents of loanwords ("cafe", "fiance", "cliche"); the common list holds
    only the accented form, so without this "Cafe" of "Cafe Imports" read as no word at all,
    a name, and was spread to every "café" of the case. Built once per lists in use.
    """
    if not _UNACCENTED or _UNACCENTED[0][0] is not gaz:
        # Only a word with a letter beyond ASCII can fold to another (≈40,000 words, ≈100
        # accented): the rest need no Unicode decomposition.
        words = frozenset(f for w in gaz.common_words if not w.isascii() and (f := _fold(w)) != w)
        _UNACCENTED[:] = [(gaz, words)]
    return _UNACCENTED[0][1]


_TOKEN = re.compile(r"[^\s,;:()\[\]]+")


# A determiner right before a lower-case word makes it the noun ("at the sauna").
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|our|my|your|their)[ \t]+$")


def _lower_common_noun(value: str) -> bool:
    """A lower-case common word no name list holds ("sauna" of a spread "Sauna Host Ola").

    After a determiner such a word is the noun, wherever its capitalised form was found; a
    listed name that is a word ("rose", "dawn") is left to the spread, and so is the word
    anywhere else ("honesty rang": a given name no list holds).
    """
    word = value.strip(_EDGE)
    if " " in word or not word.islower() or not dictionary_word(word):
        return False
    gaz = gazetteer.current()
    return not (gaz.is_first_name(word) or gaz.is_surname(word))


def spread_blocked(text: str, start: int, end: int) -> bool:
    """Whether a spread name stands as a thing here, or in a month range ("Jan-Mar").

    A thing by `never_person`: "Ted" of "Ted Baker bag", "Luna's jabs".
    """
    if never_person(text, start, end) or (
        _DETERMINER_BEFORE.search(text[max(0, start - 8) : start]) is not None
        and _lower_common_noun(text[start:end])
    ):
        return True
    token = next((m for m in _TOKEN.finditer(text) if m.start() <= start < m.end()), None)
    return token is not None and month_range(token.group(0))


def name_anchor(word: str) -> bool:
    """Whether a word makes its span a person's name, not a team's or a product's.

    A listed name that is no common word ("Oyelaran"), or an unlisted word no dictionary has
    ("Dritan", "Hoxha", "Ndlovu-Hart"); not an acronym ("ESOL"), a typo of a word
    ("Disconut") nor shorthand. The spread pass copies a common word only beside one.
    """
    gaz = gazetteer.current()
    if (gaz.is_first_name(word) or gaz.is_surname(word)) and not dictionary_word(word):
        return True
    parts = [p for p in re.split(r"[-'’]", word) if p]  # "Ndlovu-Hart", "O'Dowd"
    return (
        bool(parts)
        and all(p.isalpha() for p in parts)
        and not word.isupper()
        # "Learner" of "Learner Voice", "Cafe" of "Cafe Imports" (the word "café")
        and not all(gaz.is_english(p) or dictionary_word(p) for p in parts)
        and not is_typo_of_word(word)  # "Disconut" of "Warm Home Disconut"
        and not shorthand(word)
        and looks_like_name(word)
    )
