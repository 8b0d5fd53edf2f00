"""Words that are never names by their shape or the dictionary, whatever corpus they come from.

NER and the name lists read chat's own words as names: "gorgeous" after "hiya", a typo such as
"plmuber" or "tihs" (an unknown lower-case word looks like a foreign name to the model),
shorthand ("pls", "nat ins"), keyboard mash ("sdfg sdfg"), a label typed in odd capitals
("NiNo"). Each check below is general: a dictionary of English (SCOWL, shipped with the name
lists), one swap of neighbouring letters for typos, the shape of a keyboard row, and the capital
patterns real surnames have (McDonald, O'Neill, DeShawn). A word any name list has is never
refused by the dictionary checks, so "rose", "joy" or "tadhg" are left to the context rules.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from sar_desk.detect import gazetteer

# Chat shorthand and abbreviations: in lower case these are words, never a person's name.
_CHAT = """
    pls plz omg lol lols brb wfh ooo tbh imo imho idk fyi btw asap eta aka ty thx tx np nvm ffs
    smh rn atm cba ttyl gtg hmu tho cos coz ur gd gr8 sum1 some1 any1 no1 every1 b4 tmrw tmw
    mins hrs wks yrs approx appt info dept mgr ref tel mob nb nat ins obvs defo probs lmk lmao
    rofl xx xxx haha hehe hmm ok okay kk yep yup nah soz sry cya thnx pic pics vid vids
    giz gizza bostin bosting
"""
# Staff shorthand in UK casework: correspondence, accounts, identifier labels, posts ("wm"
# watch manager, "pcso"), days; and contractions typed without the apostrophe ("theres").
_SHORTHAND = """
    corr corres addy addr acc accs acct accts ni nino n.ins nins num ppt dob nhsno yot wm cm
    pcso tues weds thurs tmrw tomoz theres thats whats heres wheres whos hows im ive youre
    theyre weve didnt doesnt isnt wasnt cant wont shouldnt couldnt wouldnt arent werent hasnt
    havent
"""
CHAT_WORDS = frozenset(_CHAT.split()) | frozenset(_SHORTHAND.split())

_VOWELS = frozenset("aeiouy")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = frozenset(pair for row in _ROWS for a, b in pairwise(row) for pair in (a + b, b + a))
# The capital patterns of real names: "Okafor", "Wiśniewski", "McDonald", "MacLeod", "O'Neill",
# "D'Souza", "DeShawn", "LaToya", "Lloyd-Williams", "Sha'Ron" and "La'Tisha" (a short
# capitalised head, an apostrophe, a capitalised given name). Anything else mixing capitals
# and small letters ("NiNo", "iPhone", "PowerApps") is a label or a product.
_PREFIX = re.compile(r"^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|St\.?)(?=[^\W\d_])")

_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]{0,3}['’][A-Z][a-z]{2,}(?:['’]s)?$")


def _letters(word: str) -> str:
    return word.strip(".,:;!?'’\"()").lower()


def is_listed_name(word: str) -> bool:
    """Whether a name list has `word` as a given name or a family name."""
    gaz = gazetteer.current()
    return gaz.is_first_name(word) or gaz.is_surname(word)


def is_typo_of_word(word: str) -> bool:
    """Whether swapping two neighbouring letters of `word` gives an English word ("plmuber")."""
    w = _letters(word)
    if len(w) < 4 or not w.isalpha():
        return False
    gaz = gazetteer.current()
    return any(
        gaz.is_english(w[:i] + w[i + 1] + w[i] + w[i + 2 :])
        for i in range(len(w) - 1)
        if w[i] != w[i + 1]
    )


@lru_cache(maxsize=65536)
def is_mash(word: str) -> bool:
    """Whether a word is keyboard mash: a run along one keyboard row, no vowel, one letter."""
    w = _letters(word)
    if len(w) < 3 or not w.isalpha():
        return False
    if len(set(w)) == 1 or not set(w) & _VOWELS:
        return True  # "aaaa", "hjkl", "xcvb"
    return len(w) >= 4 and all(w[i : i + 2] in _NEIGHBOURS for i in range(len(w) - 1))


def lower_word_not_name(word: str, typos: bool = True) -> bool:
    """Whether a lower-case word is an English word, shorthand, a typo or mash, not a name.

    Only for words written in lower case and (shorthand apart) not in any name list: a
    dictionary word that is also a name ("holly", "robin") is decided by its context elsewhere.
    `typos`: also a word one slip from a dictionary word; not for a word next to names, where
    an unlisted name may be one slip from a word by chance ("carys", "crays").
    """
    w = word.strip('.,:;!?"()')
    if not w or w != w.lower():
        return False
    low = w.lower()
    if low in CHAT_WORDS:
        return True  # shorthand wins over the lists in lower case: "nat ins", "ty"
    if is_listed_name(w):
        return False
    if is_mash(low):
        return True
    if not low.isalpha():
        return False
    return gazetteer.current().is_english(low) or (typos and is_typo_of_word(low))


def word_not_name(word: str) -> bool:
    """Whether a word in any case is an English word (not a listed name), shorthand or mash.

    For cues that expect a name ("hiya ___", "cc ___"): "Hiya Gorgeous", "ring asking".
    """
    w = word.strip('.,:;!?"()')
    if not w or is_listed_name(w):
        return False
    low = w.lower()
    return low in CHAT_WORDS or is_mash(low) or gazetteer.current().is_english(low)


def odd_capitals(word: str) -> bool:
    """Whether a word mixes capitals and small letters in a way no name does ("NiNo")."""
    w = word.strip('.,:;!?"()')
    if w.islower() or w.isupper() or (w[:1].isupper() and w[1:].islower()):
        return False  # the common shapes, decided without looking at each letter
    if not (any(c.isupper() for c in w) and any(c.islower() for c in w)):
        return False
    if not all(c.isalpha() or c in "-'’" for c in w):
        return False
    return not all(_name_part(part) for part in w.split("-"))


# A part of a hyphened place name: a capitalised word, a small joining word or a Roman numeral
# ("Ruyton-XI-Towns", "Gwaun-Cae-Gurwen", "Cwm-y-Glo").
_PLACE_PART = re.compile(r"[A-Z][a-z]+|[a-z]{1,4}|[IVX]{1,4}")


def inner_capitals(word: str) -> bool:
    """Whether one word holds two or more capitals after its first ("NHSmail", "WhatsApp").

    Not a hyphened name each of whose parts is a capitalised word, a small joining word or a
    Roman numeral: a Welsh or English village's name ("Gwaun-Cae-Gurwen", "Ruyton-XI-Towns").
    """
    if sum(c.isupper() for c in word[1:]) < 2:
        return False
    parts = word.split("-")
    return len(parts) < 2 or not all(_PLACE_PART.fullmatch(p) for p in parts)


def _name_part(part: str) -> bool:
    if _APOSTROPHE_NAME.match(part):
        return True  # "Sha'Ron", "De'Andre": capitals on both sides of the apostrophe
    prefix = _PREFIX.match(part)
    if prefix and part[prefix.end()].isupper():
        part = part[prefix.end() :]  # "McDonald" -> "Donald"; "Davies" stays "Davies"
    return bool(part) and part[0].isupper() and all(c.islower() or c in "'’" for c in part[1:])


def repeated_words(value: str) -> bool:
    """Whether a span is one word said again and again ("sdfg sdfg", "blah blah blah")."""
    words = [w.casefold() for w in value.split()]
    return len(words) >= 2 and len(set(words)) == 1


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS_AND_DAYS = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu thur fri sat sun"
)
# Words that put a date after them: "expires jan", "due feb", "until thu" (not "from":
# "a text from jan").
_DATE_CUES = _words(
    """
    expires expired expiry exp due until till til since in next last mid early late
    before after every this
    """
)


def calendar_word(text: str, start: int, end: int) -> bool:
    """Whether a lower-case span is a month or day written short ("visa expires jan").

    Only with a date cue before it or a number next to it ("3 jan", "jan 2026"): "ask jan"
    stays a name, and so does "jan's".
    """
    value = text[start:end]
    if value != value.lower() or value not in _MONTHS_AND_DAYS:
        return False
    if text[end : end + 2] in ("'s", "’s"):
        return False
    before = re.findall(r"[\w']+", text[max(0, start - 16) : start])
    after = text[end : end + 6].strip()
    if before[-2:-1] in (["end"], ["start"], ["middle"], ["beginning"]) and before[-1] == "of":
        return True  # "end of jan"; not "a friend of jan"
    return bool(
        (before and (before[-1] in _DATE_CUES or before[-1].isdigit()))
        or re.match(r"['’]?\d", after)
    )
