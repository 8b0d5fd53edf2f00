"""UK phone numbers in every common written form, including numbers libphonenumber rejects.

Presidio's `PhoneRecognizer` only reports numbers libphonenumber calls *valid*, so Ofcom's
drama range (07700 900xxx) and newly allocated ranges are missed (presidio.md §6.4). A
redaction must not depend on that, so this recogniser checks shape instead: a national
number of 10 or 11 digits starting 01, 02, 03, 05, 07 or 08, or of 11 starting 09 (or the
same after +44 / 0044, with an optional "(0)").
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import DIGIT, Rule, RuleRecognizer
from sar_desk.detect.recognizers.digit_joins import CLOSE, OPEN

_SEP = r"[ \-.\u00a0]?"
# Any bracket around the area code or the "(0)" (`digit_joins`): "[0141] 496 0423".
_O = OPEN + "?"
_C = CLOSE + "?"
# The country code may stand in brackets itself ("(+44) 7911 123456"), as forms print it.
_INTL = rf"(?:\+44|0044|{OPEN}(?:\+44|0044){CLOSE})[ \-\u00a0]?(?:{OPEN}0{CLOSE}[ \-\u00a0]?)?"
# Boundaries: not glued to letters, digits or '+' (ticket ids such as INC01134960000).
_PRE = r"(?<![\w+])"
_POST = r"(?![\w])"

_FORMS = [
    rf"0?7\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}",  # mobiles: 07911 123456, 07911 123 456
    rf"{OPEN}07\d{{3}}{CLOSE}{_SEP}\d{{3}}{_SEP}\d{{3}}",  # (07911) 123456, as on a letterhead
    rf"{_O}02\d{_C}{_SEP}\d{{4}}{_SEP}\d{{4}}",  # 020 7946 0000, (020) 7946 0000
    rf"{_O}0[1358]\d{{2}}{_C}{_SEP}\d{{3}}{_SEP}\d{{4}}",  # 0113 496 0000, 0800 123 4567
    rf"{_O}01\d{{3}}{_C}{_SEP}\d{{3}}{_SEP}\d{{3}}",  # 01632 960 000, 01632 960000
    # As people also group them: London and mobiles in fours and threes ("0207 946 0000",
    # "0791 112 3456"), and any number read out in pairs ("01632 96 00 00").
    rf"{_O}0[27]\d{{2}}{_C}{_SEP}\d{{3}}{_SEP}\d{{4}}",
    rf"{_O}0[1-9]\d{{3}}{_C}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}",
]
# Any other grouping of a whole number ("028 90 180683", Belfast's 3-2-6; "0113 4960031"): an
# area code of three to five digits and up to three more groups, holding the eleven digits of
# a full UK number (a ten-digit "0123 45 67 89" after "ref" is as likely a reference). The
# first group after the area code may be one digit, a space typed one digit late ("0114 4
# 960803", "(0118) 4 96 0353"); the eleven-digit check still holds it to a whole number.
_ANY_GROUPING = rf"{_O}0[1-9]\d{{1,3}}{_C}{_SEP}\d{{1,7}}(?:{_SEP}\d{{2,7}}){{0,2}}"
_INTL_FORMS = [
    rf"{_INTL}7\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}",
    rf"{_INTL}2\d{_SEP}\d{{4}}{_SEP}\d{{4}}",
    rf"{_INTL}[1358]\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{4}}",
    rf"{_INTL}1\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}",
    rf"{_INTL}[27]\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{4}}",
    rf"{_INTL}[1-9]\d{{3}}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}",
]


_BRACKETED_ZERO = re.compile(OPEN + "0" + CLOSE)


def national_digits(value: str) -> str:
    """The number as national digits ("+44 (0)7911 123456" → "07911123456")."""
    digits = re.sub(r"\D", "", _BRACKETED_ZERO.sub("", value))
    if value.lstrip(" \t([{").startswith("+44"):
        digits = "0" + digits[2:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    return digits


def is_uk_number(value: str) -> bool:
    """Whether a matched string has the digit count and prefix of a UK number."""
    digits = national_digits(value)
    if digits[:2] == "09":
        # premium rate (Ofcom's drama range is 0909 879 0xxx): always eleven digits; in chat
        # it is given as someone's number like any other ("her number is 0909 ...")
        return len(digits) == 11
    return len(digits) in (10, 11) and digits[:2] in ("01", "02", "03", "05", "07", "08")


def _mobile_has_zero(value: str) -> bool:
    # The first form allows a missing 0 only after +44/0044; a bare "7911 123456" is not a
    # number anyone writes for a UK phone and would catch reference numbers.
    return value.lstrip("([{<").startswith("0") and is_uk_number(value)


def _eleven_digits(value: str) -> bool:
    return _mobile_has_zero(value) and len(national_digits(value)) == 11


_WHOLE = re.compile("(?:" + "|".join([*_FORMS, _ANY_GROUPING]) + ")")
# A number broken by a line break ("07700⏎900 733", a phone's copy or a narrow screen): the
# first line ends with the start of a number (a 0, then four or more digits in at most two
# groups), the next line opens with the rest.
_SPLIT = re.compile(
    r"(?<![\w+])"
    + _O
    + r"0\d{1,4}"
    + _C
    + r"(?:[ \-.]\d{1,4})?[ \t]*\n[ \t]*\d{2,7}(?:[ \-.]\d{2,4}){0,2}(?!\w)"
)


def phone_rule_shape(value: str) -> bool:
    """Whether a national number's written groups are a shape this recogniser reads."""
    return _WHOLE.fullmatch(value) is not None


def split_number(value: str) -> bool:
    """Whether two lines' digits make one UK number that neither line holds on its own.

    The halves joined by a space must have a shape a whole number has (`_FORMS`), so two
    numbers on neighbouring lines ("07700 900123⏎07700 900456") are never run together, nor a
    number with a count or a time on the next line.
    """
    first, _sep, rest = value.partition("\n")
    first, rest = first.strip(), rest.strip()
    if len(re.sub(r"\D", "", first)) < 4 or is_uk_number(first) or is_uk_number(rest):
        return False
    joined = f"{first} {rest}"
    return _WHOLE.fullmatch(joined) is not None and _mobile_has_zero(joined)


class UkPhoneRecognizer(RuleRecognizer):
    """UK landlines and mobiles: 07..., (07911) ..., +44 7..., (0113) ..., 020 ..., 01632 960000."""

    NEEDS = DIGIT

    ENTITIES = ("PHONE_NUMBER",)
    RULES = (
        Rule(
            "uk-intl",
            re.compile(_PRE + "(?:" + "|".join(_INTL_FORMS) + ")" + _POST),
            0.75,
            validate=is_uk_number,
        ),
        Rule(
            "uk-national",
            re.compile(_PRE + "(?:" + "|".join(_FORMS) + ")" + _POST),
            0.7,
            validate=_mobile_has_zero,
        ),
        Rule(
            "uk-any-grouping",
            re.compile(_PRE + _ANY_GROUPING + _POST),
            0.7,
            validate=_eleven_digits,
        ),
        Rule("uk-split-line", _SPLIT, 0.7, validate=split_number),
        # WhatsApp writes a mention of someone not in the phone's contacts as "@447911123456".
        Rule("mention", re.compile(r"(?<![\w@])@(?P<v>\d{10,15})(?!\d)"), 0.8),
    )
    CONTEXT = ("phone", "mobile", "tel", "telephone", "number", "call", "ring", "text", "whatsapp")
