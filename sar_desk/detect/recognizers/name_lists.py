"""A word-name joined to a plain name in a list: "kofi n amber", "ayesha, amber and jo" (issue 15).

Split from `name_words`: a list of people is a cue for each of its members, so a word-name
joined by "and", "n", "&" or a comma to a name that is no word is a name too.
"""

from __future__ import annotations

import re
from collections.abc import Set

from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.recognizers.name_words import JOINERS, sentence_start
from sar_desk.detect.words import TITLES


def unambiguous_name(word: str, gaz: Gazetteers, never: Set[str]) -> bool:
    """A listed name that is no word, place or stop word."""
    low = word.casefold()
    return (
        (gaz.is_first_name(low) or gaz.is_surname(low))
        and low not in never
        and not gaz.is_word(low)
        and not gaz.is_place(low)
    )


def in_a_list_of_names(
    text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers, never: Set[str]
) -> bool:
    """Whether a word-name is joined to a plain name: "kofi n amber", "ayesha, amber and jo"."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(words) and words[j].group(0).casefold() in JOINERS:
            j += step  # "and", "n", "or" are words themselves
        if not 0 <= j < len(words):
            continue
        a, b = (words[j], words[i]) if j < i else (words[i], words[j])
        joint = " ".join(text[a.end() : b.start()].split()).casefold()
        if joint in JOINERS and _plain_name_at(text, words, j, gaz, never):
            if step == 1 and joint in (",", "&") and _ends_a_phrase(text, words, i, gaz, never):
                continue  # "arm bruised, lucky, Selma hit", "black nail, Ngaire saw it"
            return True
    return False


# A house number and up to two words before the word: it names a street, not a phrase.
_AFTER_HOUSE_NUMBER = re.compile(r"\b\d{1,4}[A-Za-z]?[ \t]+(?:[^\W\d_]+[ \t]+){0,2}$")


def _ends_a_phrase(
    text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers, never: Set[str]
) -> bool:
    """Whether a common word before a comma and a name closes a phrase, not starts a list.

    "arm bruised, lucky, Selma hit the stop", "black nail, Ngaire saw it", "leaving early &
    Zaynab covers", "rich tea, Guðmundur fuming": the word before it is no name and no list
    mark, joined by a space (the same phrase) or a comma (another clause). A list of people
    opens a message or follows a name or a joiner ("ayesha, amber and jo", "kofi, amber,
    jo"); a cue before the word is read by `name_words` first ("with amber, jo").
    """
    if i == 0 or not gaz.is_common_word(words[i].group(0).casefold()):
        return False
    if _AFTER_HOUSE_NUMBER.search(text[max(0, words[i].start() - 40) : words[i].start()]):
        return False  # "lives at 12 wheal rose, porthtowan": a street's words, left as read
    prev = words[i - 1]
    gap = text[prev.end() : words[i].start()].strip()
    if gap not in ("", ","):
        return False
    word = prev.group(0)
    low = word.casefold()
    named = unambiguous_name(word, gaz, never) or low.rstrip(".") in TITLES
    named = named or (word[:1].isupper() and not gaz.is_english(low))  # "Kofi, amber"
    return low not in JOINERS and not named


def _plain_name_at(
    text: str, words: list[re.Match[str]], j: int, gaz: Gazetteers, never: Set[str]
) -> bool:
    """A name that is not a word: listed, after a title, or capitalised and in no dictionary.

    "Mrs O'Connor", or "Rukhsana" in mid-sentence (no list has it).
    """
    word = words[j].group(0)
    if unambiguous_name(word, gaz, never) or word.casefold() in TITLES:
        return True
    if j > 0 and words[j - 1].group(0).casefold().rstrip(".") in TITLES:
        return True
    if (
        j + 1 < len(words)
        and text[words[j].end() : words[j + 1].start()] == " "
        and unambiguous_name(words[j + 1].group(0), gaz, never)
        and gaz.is_surname(words[j + 1].group(0))
    ):
        return True  # "rose mensah": a family name makes a full name of a word-name
    low = word.casefold()
    if word.islower() and len(word) > 2 and word.isalpha() and not lower_word_not_name(word):
        return low not in never and not gaz.is_place(low)  # "iris / shabnam": no word, a name
    return (
        word[:1].isupper()
        and word[1:].islower()
        and not sentence_start(text, words[j].start())
        and not gaz.is_english(low)
        and not gaz.is_place(low)
        and low not in never
    )


# Given names on the lists that are, in lower case, nearly always the everyday noun or verb
# (round 12): "paid in cash", "council tax", "charity shop", "no reason", "job card", "add me".
EVERYDAY_NOUNS = frozenset(
    {"cash", "council", "charity", "reason", "job", "add", "link", "junior", "senior"}
)
# What names a person outright, so even such a word is a name right after it ("thanks
# charity", "her son cash"): a given name is a given name when it is said to be one.
_NAMING_CUE = frozenset(
    {"named", "called", "cc", "hi", "hey", "hiya", "dear", "thanks", "ask", "tell", "told"}
    | {"son", "daughter", "mum", "dad", "wife", "husband", "partner", "brother", "sister"}
)


def named_by_cue(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether ``words[i]`` comes right after a word that names a person, or is a possessive."""
    if words[i].group(0).endswith(("'s", "’s")):
        return True
    return i > 0 and words[i - 1].group(0).casefold() in _NAMING_CUE
