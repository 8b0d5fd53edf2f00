"""Given names shouted or stretched in chat: "KEELEY left her bag", "Ollieee", "TOMMMM" (issue 15).

Chat writes a name in capitals or holds a letter for feeling ("OLLIEEE where r u"). The model
and the lists read the word as an acronym or as nothing. A word counts as a name here when:

- it is in capitals (four letters or more: "CAS" is a service), or holds one letter three
  times or more in a row (a stretch);
- the line it is in has lower-case words too (a line all in capitals is a heading or a label);
- with each stretch held to one or two letters ("TOMMMM": "tom", "tomm"), the word is a listed
  given name that is no English word, place or listed non-name ("MAY", "BILL" and "SOOO" stay
  words), or a British "-z" clipped given name ("SHAZ" of Sharon, `pet_names.clipped_z`);
- no determiner stands right before it ("the KEELEY account").

None of these spans spreads through the case, so a wrong guess stays in its own message.
"""

from __future__ import annotations

import itertools
import re

from sar_desk.detect.gazetteer import Gazetteers, current, per_lists
from sar_desk.detect.lexical import lower_word_not_name
from sar_desk.detect.recognizers.pet_names import clipped_z
from sar_desk.detect.words import is_not_a_name

_STRETCH = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’][sS]$")  # compiled once: read at every word
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_DETERMINERS = frozenset(
    {"the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that", "some", "any"}
)
_MOST_FORMS = 16  # a word with many stretches is noise, not a name


def unstretched(word: str) -> set[str]:
    """The word with each run of three or more of a letter held to one or to two, lower case."""
    low = word.casefold()
    runs = list(_STRETCH.finditer(low))
    if not runs:
        return {low}
    if 2 ** len(runs) > _MOST_FORMS:
        return set()
    out = set()
    for counts in itertools.product((1, 2), repeat=len(runs)):
        parts, last = [], 0
        for m, n in zip(runs, counts, strict=True):
            parts.append(low[last : m.start()] + m.group(1) * n)
            last = m.end()
        out.add("".join(parts) + low[last:])
    return out


def _listed_given_name(low: str, gaz: Gazetteers) -> bool:
    if len(low) < 3 or not gaz.is_first_name(low):
        return False
    if gaz.is_word(low) or gaz.is_english(low) or gaz.is_common_word(low):
        return False
    return not gaz.is_place(low) and not is_not_a_name(low) and not lower_word_not_name(low)


def shouted_name(word: str, gaz: Gazetteers) -> bool:
    """Whether a word in capitals or stretched is a given name (see the module docstring)."""
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 3 or not letters[0].isupper():
        return False
    stretched = _STRETCH.search(word) is not None
    if not stretched and not word.isupper():
        return False  # an ordinary capitalised word is the model's and the lists' own
    if not stretched and len(letters) < 4:
        return False  # three capitals are as often a service's initials ("CAS callback")
    for form in unstretched(word):
        if _listed_given_name(form, gaz) or clipped_z(form.capitalize(), gaz):
            return True
    return False


@per_lists
def _shouted(word: str) -> bool:
    """`shouted_name` with the lists in use, remembered: every capitalised word asks it."""
    return shouted_name(word, current())


def shouted_name_at(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether ``words[i]`` is a shouted or stretched given name in a chat line."""
    w = words[i]
    if not w.group(0)[:1].isupper():
        return False
    word = _POSSESSIVE.sub("", w.group(0))
    if not (_shouted(word) if gaz is current() else shouted_name(word, gaz)):
        return False
    line_start = text.rfind("\n", 0, w.start()) + 1
    line_end = text.find("\n", w.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if _LOWER_WORD.search(line) is None:
        return False  # a heading or a label in capitals
    return not i or words[i - 1].group(0).casefold() not in _DETERMINERS


_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*")


def shouted_spans(text: str, gaz: Gazetteers) -> list[tuple[int, int]]:
    """Spans of the shouted or stretched given names of `text`, less a possessive "'s"."""
    if not gaz.first_names or (not any(c.isupper() for c in text)):
        return []
    words = list(_WORD.finditer(text))
    out = []
    for i, w in enumerate(words):
        if shouted_name_at(text, words, i, gaz):
            value = re.sub(r"['’][sS]$", "", w.group(0))
            out.append((w.start(), w.start() + len(value)))
    return out
