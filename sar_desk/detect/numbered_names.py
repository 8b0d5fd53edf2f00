"""A number before a guessed name that is not a house number (round 20).

`analyze` reads a name-like guess right after a house number as the street ("41 Pen-y-Graig").
Two shapes put a number before names without an address:

- a numbered list: "1 Ann Ode 2 Bo Lee 3 Cy Moss", the band of a peal or a rota, where the next
  or the previous number of the count heads another entry (`in_numbered_list`);
- a number with no address cue, listed given names or family names only, then a plain noun:
  "42 Douglas fir" counts trees, "6 Bramley apples" fruit; such a name is no person either
  (`counted_thing`).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.gazetteer import current

# Cues that make the words after a house number an address, whatever they are.
_CUE = re.compile(
    r"(?i)\b(?:at|on|off|to|from|towards?|near|opposite|outside|address(?:[ \t]+is)?:?|"
    r"lives|living|moved)[ \t]*$"
)


def in_numbered_list(text: str, number_at: int) -> bool:
    """Whether the number at `number_at` is one entry of a count: "1 Ann 2 Bo 3 Cy"."""
    m = re.match(r"\d{1,2}(?![\w])", text[number_at:])
    if m is None:
        return False
    n = int(m.group(0))
    after = re.search(rf"(?<![\w.,:/£$-]){n + 1}[ \t]+[^\W\d_]", text[number_at + m.end() :])
    before = n > 1 and re.search(rf"(?<![\w.,:/£$-]){n - 1}[ \t]+[^\W\d_]", text[:number_at])
    return bool(after or before)


_NUMBER_BEFORE = re.compile(r"(?<![\w.,:/£$-])\d{1,4}[ \t]+$")
_LOWER_AFTER = re.compile(r"[ \t]+([a-z]{2,})\b")


def counted_thing(text: str, start: int, end: int) -> bool:
    """Whether a guessed name is the kind of a counted thing: "42 Douglas fir", "6 Bramley apples".

    An uncued number, listed names only, then a plain lower-case noun (no stop word, nothing
    ending like a verb: "3 Ann Ode booked" stays a person).
    """
    number = _NUMBER_BEFORE.search(text, max(0, start - 8), start)
    after = _LOWER_AFTER.match(text, end)
    if (
        number is None
        or after is None
        or _CUE.search(text, max(0, number.start() - 20), number.start())
    ):
        return False
    gaz = current()
    words = re.findall(r"[^\W\d_][\w'’-]*", text[start:end])
    noun = after.group(1)
    return (
        bool(words)
        and all(gaz.is_first_name(w) or gaz.is_surname(w) for w in words)
        and gaz.is_common_word(noun)
        and noun not in STOP_WORDS
        and not noun.endswith(("ed", "s", "ing"))
    )
