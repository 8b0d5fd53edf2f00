"""UK phone numbers said in words: "oh seven seven double oh, nine double oh, three one four".

A voice note's transcript or a message typed as spoken gives the digits as words, with "oh",
"zero" or "nought" for 0 and "double"/"treble" before a repeated digit, in groups with commas.
A run of such words is a phone number only when it spells the 10 or 11 digits of a UK number
(a leading 0 and a UK prefix); counting aloud ("one two three go") spells too few.

People also switch half way, typing the digits they see and saying the rest ("07700 900 six
four one", "oh seven seven double oh 900 641"): a run of digit groups and number words, any
split, is read the same way (`MIXED_NUMBER`), and is a number only when it holds both, spells a
whole UK number and is no count ("0800 one two three four five six" counts up).
"""

from __future__ import annotations

import itertools
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


# Digit groups and number words together, at least three tokens ("07700 900 six four one").
_MIXED_TOKEN = rf"(?:{_TOKEN}|\d{{2,5}})"
MIXED_NUMBER = re.compile(
    rf"(?i)(?<![\w\-+£$.,/:]){_MIXED_TOKEN}(?:[ \t]*[,\-]?[ \t]+{_MIXED_TOKEN}){{2,}}"
    r"(?![\w\-]|[.,/:]\d)"
)
# Every mixed run has a digit and a number word side by side, in either order.
DIGIT_BY_WORD = re.compile(
    r"(?i)\d[ \t,\-]+(?:double |treble |triple )?(?:oh|zero|nought|nil|one|two|three|four|five|"
    r"six|seven|eight|nine)\b|\b(?:oh|zero|nought|nil|one|two|three|four|five|six|seven|"
    r"eight|nine)[ \t,\-]+\d"
)

# An NHS number said after its cue ("NHS number four eight five, 777 three four five six"):
# ten digits in words, or words and digit groups; the cue is what makes ten digits an NHS
# number rather than a count or a phone number without its 0.
SPOKEN_NHS = re.compile(
    rf"(?i)\bnhs\b[^\n\d]{{0,24}}?(?<![\w\-])(?P<v>{_MIXED_TOKEN}"
    rf"(?:[ \t]*[,\-]?[ \t]+{_MIXED_TOKEN}){{2,}})(?![\w\-]|[.,/:]\d)"
)
NHS_CUE = re.compile(r"(?i)\bnhs\b")


def spoken_digits(value: str) -> str:
    """The digits a run of number words spells ("double oh nine" → "009")."""
    out: list[str] = []
    repeat = 1
    for word in re.findall(r"[a-z]+|\d+", value.lower()):
        if word in _REPEATS:
            repeat = _REPEATS[word]
            continue
        digit = word if word.isdigit() else _DIGIT_WORDS.get(word, "")
        # "double 44" doubles the group's first digit only, as people say it
        out.append(digit[:1] * repeat + digit[1:])
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


def counting(digits: str, breaks: int = 4) -> bool:
    """Whether digits count up or down by one all along but for `breaks` steps.

    Four for a phone number, whose prefix breaks the count ("0800123456" after "0800"); a
    passport number allows one (`passport_forms`), since it may hold a short run ("533210498").
    """
    steps = [int(b) - int(a) for a, b in itertools.pairwise(digits)]
    return max(steps.count(1), steps.count(-1)) >= len(steps) - breaks


def mixed_uk_number(value: str) -> bool:
    """Whether digit groups and number words together spell a UK phone number.

    Both kinds must be there (all digits is a written number's rule, all words the spoken
    rule's); the whole spells 10 or 11 digits with a UK prefix and is no count.
    """
    if not re.search(r"\d", value) or not re.search(r"(?i)[a-z]", value):
        return False
    digits = spoken_digits(value)
    return 10 <= len(digits) <= 11 and is_uk_number(digits) and not counting(digits)


def spoken_nhs_digits(value: str) -> str:
    """The ten digits a said NHS number spells, or "" when the run is not one.

    At least one number word (ten digits alone are the NHS recognisers' business) and exactly
    ten digits; the caller checks the modulus-11 check digit.
    """
    if not re.search(r"(?i)[a-z]", value):
        return ""
    digits = spoken_digits(value)
    return digits if len(digits) == 10 and not counting(digits) else ""
