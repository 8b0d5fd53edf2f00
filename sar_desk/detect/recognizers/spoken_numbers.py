"""UK phone numbers said in words: "oh seven seven double oh, nine double oh, three one four".

A voice note's transcript or a message typed as spoken gives the digits as words, with "oh",
"zero" or "nought" for 0 and "double"/"treble" before a repeated digit, in groups with commas.
A run of such words is a phone number only when it spells the 10 or 11 digits of a UK number
(a leading 0 and a UK prefix); counting aloud ("one two three go") spells too few.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.uk_phone_recognizer import is_uk_number

_DIGIT_WORDS = {
    "oh": "0",
    "zero": "0",
    "nought": "0",
    "nil": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_REPEATS = {"double": 2, "treble": 3, "triple": 3}

_WORD = r"(?:oh|zero|nought|nil|one|two|three|four|five|six|seven|eight|nine)"
_TOKEN = rf"(?:(?:double|treble|triple)[ -]?{_WORD}|{_WORD}|\d)"
# Words apart by spaces, commas or hyphens; at least six tokens (a doubled digit counts once).
SPOKEN_NUMBER = re.compile(
    rf"(?i)(?<![\w-]){_TOKEN}(?:[ \t]*[,\-]?[ \t]+{_TOKEN}|-{_TOKEN}){{5,}}(?![\w-])"
)
# Every spoken UK number starts with its 0 then a digit from 1 to 9 ("oh seven"): a text
# without that pair ("oh well", "zero chance") skips the rule.
ZERO_WORD = re.compile(
    r"(?i)\b(?:oh|zero|nought|nil)[ \t,\-]+(?:one|two|three|four|five|six|seven|eight|nine|[1-9])\b"
)


def spoken_digits(value: str) -> str:
    """The digits a run of number words spells ("double oh nine" → "009")."""
    out: list[str] = []
    repeat = 1
    for word in re.findall(r"[a-z]+|\d", value.lower()):
        if word in _REPEATS:
            repeat = _REPEATS[word]
            continue
        digit = word if word.isdigit() else _DIGIT_WORDS.get(word, "")
        out.append(digit * repeat)
        repeat = 1
    return "".join(out)


def spoken_uk_number(value: str) -> bool:
    """Whether number words spell a UK phone number: 10 or 11 digits, leading 0, UK prefix.

    Mostly words: a run that is mostly digits is a written number's business, not this rule's.
    """
    digits = spoken_digits(value)
    words = len(re.findall(r"(?i)[a-z]+", value))
    if words < 5 or not 10 <= len(digits) <= 11:
        return False
    return is_uk_number(digits)
