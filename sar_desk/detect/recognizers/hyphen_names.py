"""Hyphenated given names no list has, of any origin: "Ji-woo", "Jaxon-Lee", "T-J" (round 11).

The name lists hold few hyphenated given names, and the chat-tuned model, which sees "Ji",
"-" and "woo" as three tokens, often drops the whole. English writes few words this way that
are not in the dictionary, so the shape is telling when the parts are checked:

- two parts of two letters or more, one a listed given name or no English word, the first
  not a prefix ("pre-op", "non-assoc", "wi-fi", "co-op"), the second no suffix ("-ish",
  "-based"); the whole no English word, place or known non-name. Capitalised ("Ji-woo",
  "Alfie-Ray") that is a name wherever it stands; in lower case ("ji-woo") only where a person
  cue of `name_words` stands by ("tip off from ji-woo", "ji-woo says", "ji-woo's flat") or in a
  list with another name;
- two single letters ("T-J", "t-j"): initials run together, only with a person cue
  ("T-J from the foodbank is lovely", "ask t-j").

None of these spans spreads through the case, so a wrong guess stays in its own message.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.recognizers.apostrophe_names import APOSTROPHE, apostrophe_name
from sar_desk.detect.recognizers.apostrophe_names import NOTE as APOSTROPHE_NOTE
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.name_lists import in_a_list_of_names
from sar_desk.detect.recognizers.name_words import word_name_cued
from sar_desk.detect.words import is_not_a_name


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The same word shape as the name-list recogniser: hyphens stay inside a word.
_WORD = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’\-]*")
# First parts that make an English compound, not a name: "pre-op", "wi-fi", "hi-vis".
_PREFIXES = _set(
    """
    pre post non re co de ex anti mid semi sub multi self hi wi lo bi tri inter intra over
    under out cross half part well ill long short e x u uni mini micro mega ultra pro counter
    dis mis un in on off up down all no yo ho ha he la na ta tv cd dvd uk us eu nhs gp covid
    brexit
    """
)
# Second parts that make an adjective of any word: "Zoom-based", "covid-free", "Tesco-ish".
_SUFFIXES = _set(
    """
    ish esque like based free related wise style type friendly proof ready only led run
    funded owned sized shaped fest gate ed ing er ers ly s
    """
)
Span = tuple[int, int, str, float, str]


def _name_parts(first: str, second: str, gaz: Gazetteers) -> bool:
    """Whether two parts of two letters or more read as a given name, not a compound."""
    a, b = first.casefold(), second.casefold()
    if a in _PREFIXES or b in _SUFFIXES or not (first.isalpha() and second.isalpha()):
        return False
    if not (_name_like(first, gaz) or _name_like(second, gaz)):
        return False  # "drop-in", "follow-up", "zoom-call": two words make a compound
    # both parts everyday words that a name list also has ("may-day") are a compound
    return not (gaz.is_common_word(a) and gaz.is_common_word(b) and not gaz.is_first_name(b))


def _name_like(part: str, gaz: Gazetteers) -> bool:
    """A listed given name, or no English word, typo or shorthand ("Ji" of "Ji-woo")."""
    low = part.casefold()
    if gaz.is_first_name(low):
        return True
    return not gaz.is_english(low) and not lower_word_not_name(low)


def hyphenated_name(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether ``words[i]`` is a hyphenated given name (see the module docstring)."""
    w = words[i]
    word = re.sub(r"['’]s$", "", w.group(0))
    parts = word.split("-")
    if len(parts) != 2 or not all(parts):
        return False
    first, second = parts
    low = word.casefold()
    if gaz.is_english(low) or gaz.is_place(low) or gaz.is_word_place(low):
        return False
    if is_not_a_name(word):
        return False
    cued = word_name_cued(text, words, i) or in_a_list_of_names(text, words, i, gaz, frozenset())
    if len(first) == 1 and len(second) == 1:
        if not (first.isalpha() and second.isalpha()):
            return False
        same_case = word.isupper() or word.islower()
        return same_case and cued  # "T-J from the foodbank is", "ask t-j"
    if len(first) < 2 or len(second) < 2 or not _name_parts(first, second, gaz):
        return False
    if first[:1].isupper() and not first[1:].isupper():
        return not second.isupper() or len(second) <= 2  # "Ji-woo", "Jaxon-Lee", not "Covid-DE"
    return word.islower() and cued


class HyphenatedNameRecognizer(RuleRecognizer):
    """Hyphenated given names and run-together initials (see module docstring)."""

    ENTITIES = ("PERSON",)
    RULES = ()
    NOTE: ClassVar[str] = "A hyphenated given name (its parts read as a name, not a word)."

    def noted_spans(self, text: str) -> list[Span]:
        """Every hyphenated word, or one with an apostrophe inside, that reads as a given name."""
        hyphen, apostrophe = "-" in text, APOSTROPHE.search(text) is not None
        if not (hyphen or apostrophe):
            return []
        gaz = current()
        if not gaz.first_names:
            return []
        words = [
            w
            for w in _WORD.finditer(text)
            if not (w.start() and text[w.start() - 1].isdigit())
            and not text[w.end() : w.end() + 1].isdigit()
        ]
        out: list[Span] = []
        for i, w in enumerate(words):
            token = w.group(0)
            if "-" in token.strip("-"):
                if not hyphenated_name(text, words, i, gaz):
                    continue
                note = self.NOTE
            elif apostrophe and APOSTROPHE.search(token) and apostrophe_name(text, words, i, gaz):
                note = APOSTROPHE_NOTE  # "La'Toya", "re'shawn" (apostrophe_names)
            else:
                continue
            value = re.sub(r"['’]s$", "", token)
            out.append((w.start(), w.start() + len(value), "PERSON", 0.55, note))
        return out
