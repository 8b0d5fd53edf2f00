"""What around a name-list hit says it is the person, not the word (`case_terms.CaseMatcher`).

A known or propagated name that is also a word ("holly", "storm", "will") is read from its
neighbours: an article before it, a compound after it, a sentence it opens, a number it labels.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect import gazetteer
from sar_desk.detect.lexical import CHAT_WORDS
from sar_desk.detect.words import NOT_NAMES, named_in_lower_case

_DETERMINER = re.compile(
    r"(?i)\b(?:the|a|an|my|your|his|her|our|their|this|that|some|will|can|to|on|of|i|you|we|"
    r"they|he|she|it|who)\s+$"
)


# What follows a label: a number, or a phone number's "+" ("tel +44 20", "ext 4471").
LABEL_OF = re.compile(r"[:.]?\s?\(?\+?\d")

# A known person's name opening a note: "'s" ("myrtle's solicitor"), a task ("grant to ring").
# Or the person addressed: "bill pls book the surveyor", "lee u coming", "joy can you"; or
# one of a pair of people: "holly and I went round".
_KNOWN_AFTER = re.compile(
    r"(?:['’]s\b| to [a-z]{2,}| (?:pls|plz|please|u|ur|you|can|could|would|are|r|have|did|do)\b"
    r"| (?:and|n|&) (?:i|me|we|us|my|her|his)\b)",
    re.IGNORECASE,
)


def known_cue(text: str, start: int, end: int) -> bool:
    """Whether a lower-case known name opening a sentence reads as the person."""
    return named_in_lower_case(text, start, end) or bool(_KNOWN_AFTER.match(text, end))


def word_follows(text: str, end: int) -> bool:
    """Whether a lower-case content word follows, as in a compound ("holly wreath").

    Function words and chat words ("and", "please", "pls") do not: "holly please check".
    """
    match = re.match(r" ([a-z]+)\b", text[end : end + 30])
    if match is None:
        return False
    word = match.group(1)
    return (
        gazetteer.current().is_english(word)
        and word not in STOP_WORDS
        and word not in NOT_NAMES
        and word not in CHAT_WORDS
    )


def opens_sentence(text: str, start: int) -> bool:
    """Whether `start` opens the text or follows sentence punctuation or a line break."""
    head = text[:start].rstrip()
    return not head or head[-1] in ".!?:\n"


# What follows a name that opens a sentence when it is the person ("Will rang", "May said").
REPORTED = re.compile(
    r"\s+(?:said|says|rang|called|phoned|emailed|texted|asked|told|came|went|left|wrote|"
    r"\w{3,}ed)\b",
    re.IGNORECASE,
)


def sentence_start(text: str, start: int) -> bool:
    """Like `opens_sentence`, looking past an opening quote or bracket."""
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


def after_determiner(text: str, start: int) -> bool:
    """Whether an article, possessive, pronoun or modal comes right before `start`."""
    return bool(_DETERMINER.search(text[max(0, start - 8) : start]))
