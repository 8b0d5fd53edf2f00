"""A lone word in Vietnamese spelling inside English text is a person's name (issue 15).

Vietnamese writes its tones with letters that English, and every other language written in
the Latin script, lacks (ằ, ệ, ơ, ư, đ: Unicode's Latin Extended Additional block and the
horned and barred letters). English text quotes such a word on its own almost only as a
name ("visit by Hằng", "hằng doing the home visit"). A clause of Vietnamese has several such
words side by side, and a dish after an article or a number is a thing ("a phở", "2 chả
giò"): neither is taken.
"""

from __future__ import annotations

import re

_TONED = "[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0\u0110\u0111]"
_LETTERS = r"[^\W\d_]"
# One toned or horned letter: every TONED_NAME holds one, so a text without it skips the rule.
TONED = re.compile(_TONED)

TONED_NAME = re.compile(
    # at a line's start, or after a word all in ASCII that is no article or number
    r"(?:^[ \t(]*|(?<!\S)(?!(?i:an?|the)[ \t]|\d)[!-~]+[ \t]+)"
    rf"(?P<v>{_LETTERS}*{_TONED}{_LETTERS}*)(?![\w'’])"
    # not before another word with a letter outside ASCII
    r"(?![ \t]+[A-Za-z]*[^\x00-\x7f\s])",
    re.MULTILINE,
)


def toned_word(value: str) -> bool:
    """Whether ``value`` is one word in Vietnamese spelling (a tone or a horned letter)."""
    return bool(re.fullmatch(rf"{_LETTERS}*{_TONED}{_LETTERS}*", value))


def lone_toned_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a Vietnamese-spelled word standing alone in English.

    Word lists of other languages would call it a word ("hằng" is also "constant"), but on
    its own in an English sentence it is the name (see module docstring).
    """
    if not toned_word(text[start:end]):
        return False
    line = text.rfind("\n", 0, start) + 1
    return any(m.span("v") == (start, end) for m in TONED_NAME.finditer(text, line, end + 80))
