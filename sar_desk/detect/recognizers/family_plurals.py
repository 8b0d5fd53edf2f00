"""A family named by its surname in the plural: "the Okoros", "the Abernethys" (issue 15).

English names a household by its family name with "the" and a plural ending: "the Okoros at
number 9", "the Joneses next door". No list has the plural and the model reads the capitalised
word after "the" as a team or a place. The shape is telling when the singular is a family name:
listed as one and no English word or place, or written as a name elsewhere in the same text
("Mrs Abernethy ... the Abernethys"). A plural that is itself an English word ("the Banks",
"the Greens", "the Rangers") is left alone. The hook is in `gazetteer_recognizers`.
"""

from __future__ import annotations

import re

from sar_desk.detect.gazetteer import Gazetteers

NOTE = 'A family named by its surname in the plural ("the Okoros").'
Span = tuple[int, int, str, float, str]


def _singulars(word: str) -> list[str]:
    out = [word[:-1]]
    if word.endswith(("ses", "zes", "xes", "shes", "ches")):
        out.append(word[:-2])  # "the Joneses", "the Marches"
    return out


def _family_name(single: str, text: str, gaz: Gazetteers) -> bool:
    low = single.casefold()
    if gaz.is_english(low) or gaz.is_place(low) or gaz.is_common_word(low):
        return False
    if gaz.is_surname(low):
        return True
    # the singular written elsewhere in the text as a capitalised word: "Mrs Abernethy"
    return re.search(rf"(?<![\w'’]){re.escape(single)}(?![\w'’])", text) is not None


def plural_family(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> Span | None:
    """``words[i]`` as a family in the plural after "the", or None (see module docstring)."""
    if i == 0 or words[i - 1].group(0).casefold() != "the":
        return None
    w = words[i]
    word = w.group(0)
    if text[words[i - 1].end() : w.start()] != " " or len(word) < 5 or not word.endswith("s"):
        return None
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return None  # "the Okoros"; "the OKOROS" and "the okoros" are left to other rules
    low = word.casefold()
    if gaz.is_english(low) or gaz.is_place(low) or gaz.is_word_place(low):
        return None  # "the Banks", "the Greens", "the Downs"
    if any(_family_name(s, text, gaz) for s in _singulars(word)):
        return (w.start(), w.end(), "PERSON", 0.55, NOTE)
    return None
