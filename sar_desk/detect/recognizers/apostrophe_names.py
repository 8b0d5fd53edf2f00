"""Given names with an apostrophe inside: "La'Toya", "Re'Shawn", "De'Andre" (issue 15).

The name lists hold such names run together ("latoya") or only their second part ("shawn"),
and the model, which splits "La'Toya" at the apostrophe, often drops the whole. English puts an
apostrophe inside a word almost only in contractions ("don't", "we'll", "o'clock", "y'all"),
whose second part is short or an English word, so the shape is telling when the parts are
checked: two parts of letters, the second of three letters or more and a listed given name
or no English word, the whole no English word or place.

- a capital on each side ("La'Toya", "Re'Shawn's") is a name wherever it stands;
- capitalised first part only ("La'toya") when a name list has a part or a person cue stands by;
- lower case ("re'shawn") when the run-together form or a second part that is no English word
  is a listed given name, or a person cue of `name_words` stands by, or a list with a name.

Family names in O' and D' ("O'Dowd", "D'Souza") are left to the surname rules. The hook is in
`hyphen_names`, which reads the same words; none of these spans spreads through the case.
"""

from __future__ import annotations

import re

from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.recognizers.name_lists import in_a_list_of_names
from sar_desk.detect.recognizers.name_words import word_name_cued
from sar_desk.detect.words import is_not_a_name

NOTE = "A given name with an apostrophe inside (its parts read as a name, not a contraction)."
APOSTROPHE = re.compile(r"['’]")
# Surname prefixes another rule reads ("O'Dowd", "D'Souza", "Mc'..." typed oddly).
_SURNAME_PARTS = frozenset({"o", "d", "mc", "mac"})


def _title(part: str) -> bool:
    return part[:1].isupper() and (len(part) == 1 or part[1:].islower())


def apostrophe_name(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether ``words[i]`` is a given name with an apostrophe inside (see module docstring)."""
    word = re.sub(r"['’]s$", "", words[i].group(0))
    parts = APOSTROPHE.split(word)
    if len(parts) != 2:
        return False
    first, second = parts
    if not (first.isalpha() and second.isalpha()) or len(second) < 3 or len(first) > 5:
        return False
    a, b = first.casefold(), second.casefold()
    if a in _SURNAME_PARTS:
        return False
    joined = a + b
    whole = word.casefold()
    if any(gaz.is_english(w) or gaz.is_place(w) for w in (whole, joined)) or is_not_a_name(word):
        return False
    english_second = gaz.is_english(b)
    listed_second = gaz.is_first_name(b)
    if english_second and not listed_second:
        return False  # "y'know", "g'night", "s'pose": a contraction of a word
    if _title(first) and _title(second) and second[:1].isupper():
        return True  # "La'Toya", "Re'Shawn"
    listed = gaz.is_first_name(joined) or (listed_second and not english_second)
    cued = word_name_cued(text, words, i) or in_a_list_of_names(text, words, i, gaz, frozenset())
    if _title(first) and second.islower():
        return listed or cued  # "La'toya"
    if word.islower():
        return (listed and len(first) >= 2) or cued  # "re'shawn", "ask de'andre"
    return False
