"""UK numbers joined by separators no other rule reads, and phone numbers read out (issue 15).

People retype a number with whatever their keyboard offers: "07700_900_233" (a field that
refused spaces), "474/691/7027" (an NHS number off a paper form), "IV27-4JY" (a postcode
with a hyphen), "0 1 1 7 4 9 6 0 7 2 1" (read out digit by digit). Each rule takes one
separator, the same all along, and proposes the value only when its digits make a valid
number of the right kind: a UK phone number's length and prefix, the NHS number's
modulus-11 check digit, the postcode grammar. Spoken numbers are in `spoken_numbers`.
"""

from __future__ import annotations

import itertools
import re

from sar_desk.detect.recognizers.base import Rule, RuleRecognizer
from sar_desk.detect.recognizers.digit_joins import (
    AFTER_DIGIT,
    BEFORE_DIGIT,
    CLOSE,
    GAP,
    JOIN,
    ODD_JOIN,
    OPEN,
)
from sar_desk.detect.recognizers.id_rows import nhs_column
from sar_desk.detect.recognizers.phone_slips import o_for_zero_numbers, unzeroed_mobiles
from sar_desk.detect.recognizers.spoken_numbers import (
    DIGIT_BY_WORD,
    MIXED_NUMBER,
    NHS_CUE,
    SPOKEN_NHS,
    SPOKEN_NUMBER,
    ZERO_WORD,
    mixed_uk_number,
    spoken_digits,
    spoken_nhs_digits,
    spoken_uk_number,
)
from sar_desk.detect.recognizers.uk_phone_recognizer import (
    is_uk_number,
    national_digits,
    phone_rule_shape,
)

# Not glued to a word, a path, a price or a longer number ("v2_07700_900_233", "a/474/...",
# "1,0131,496,0106").
_PRE = r"(?<![A-Za-z0-9_+/.\-£$])" + AFTER_DIGIT + rf"(?<!\d{JOIN}[ ])"
_POST = r"(?![A-Za-z0-9_]|[/.\-]\d)" + BEFORE_DIGIT

# Joins the phone rules do not read: every mark of `digit_joins` but a plain hyphen or dot.
_JOIN = ODD_JOIN
# A phone number in groups joined by one of them ("07700_900_233", "01632/960785",
# "07700·900·372", "0151–496–0451", "0117~496~0721"), with spaces either side of it ("0113 ·
# 496 · 0449", "0131 ~ 496 0106"), by a run of spaces ("0113   496   0449"), the area code in
# brackets or not ("(0121)–496–0732"), or after +44 by any one join, a dot or hyphen included
# ("+44.7700.900.958"). The join is the same all along, or the area code alone stands apart by
# it and the rest by spaces ("0151 / 496 0678"); a hyphen or a dot counts when spaces stand
# either side of it ("0115 - 496 - 0968"), a plain hyphen or dot being the phone rules'.
# A comma then a space parts a list ("slots 0930, 1015, 110"): a comma joins only touching
# both groups or with spaces either side.
_PHONE_JOIN = rf"(?:{_JOIN}|(?!,){_JOIN}[ \t]+|[ \t]+{JOIN}[ \t]+|[ \t]{{2,}})"
_PHONE_JOINED = re.compile(
    _PRE
    + rf"(?:(?:0\d{{2,4}}|{OPEN}0\d{{2,4}}{CLOSE})(?P<s>{_PHONE_JOIN})\d{{2,7}}"
    + r"(?:(?:(?P=s)|[ \t]+)\d{2,4}){0,2}|"
    + rf"\+44(?P<t>[ \t]*{JOIN}[ \t]*)\d{{2,4}}(?:(?:(?P=t)|[ \t]+)\d{{2,7}}){{1,3}})"
    + _POST
)
# Groups of any size, one join the same all along, after the trunk 0 alone or the area code:
# digits typed one at a time after the area code ("0113 4 9 6 0903"), the whole number so with
# any mark ("0-7-7-0-0-9-0-0-1-2-3") or with runs of spaces. `_spaced_number` holds it to a
# whole UK number that does not count.
_PHONE_GROUPS = re.compile(
    _PRE
    + rf"(?:0|0\d{{1,4}}|{OPEN}0\d{{2,4}}{CLOSE})(?P<g>{GAP})\d{{1,5}}(?:(?P=g)\d{{1,5}}){{1,10}}"
    + _POST
)
# A space, then a dash of print that no phone rule reads ("0118 496–0872", an en or em
# dash where a hyphen was meant).
_PHONE_PRINT_DASH = re.compile(_PRE + r"0\d{2,4}[ \t]\d{3,4}[ \t]?[–—][ \t]?\d{3,4}" + _POST)
# The trunk 0 typed apart from the rest ("0 7700 900414", "0 7700 900 414", London's
# "0 20 7946 0303").
_PHONE_LONE_ZERO = re.compile(_PRE + r"0 \d{2,4} \d{3,4}[ ]?\d{3,4}" + _POST)
# Every digit on its own ("0 1 1 7 4 9 6 0 7 2 1"): a number read out slowly or typed so.
_PHONE_SPACED = re.compile(_PRE + r"0(?:[ \u00a0]\d){9,10}(?![ \u00a0]\d)" + _POST)


def _eleven_digit_number(value: str) -> bool:
    digits = national_digits(value)
    return len(digits) == 11 and is_uk_number(value)


def _spaced_number(value: str) -> bool:
    """A UK number's digits, not a count ("0 1 2 3 4 5 6 7 8 9") or one digit repeated."""
    digits = national_digits(value)
    if not is_uk_number(value) or len(set(digits)) < 3:
        return False
    steps = [int(b) - int(a) for a, b in itertools.pairwise(digits)]
    # counting up or down ("0 1 2 3 4 5 6 7 8 9 0"): nearly every step is one
    return max(steps.count(1), steps.count(-1)) < len(steps) - 2


_DIGIT_GROUP = re.compile(r"\d+")
_BRACKETS = re.compile(f"{OPEN}|{CLOSE}")
_NOT_DIGIT = re.compile(r"\D+")


def _grouped_number(value: str) -> bool:
    """A whole UK number in `_PHONE_GROUPS`, in a form no other phone rule reads.

    Apart by one space, some digit stands alone ("0113 4 9 6 0903"; whole groups are the phone
    rules') or the first group is two digits ("07 700 900 461"); by a run of spaces, any
    groups; by a mark, every group after the first but one is a single digit (a mark between
    groups of several digits, "0.11.3.496.0903", is a version's or the joined rule's).
    """
    if len(national_digits(value)) != 11 or not _spaced_number(value) or phone_rule_shape(value):
        return False
    first, *rest = _DIGIT_GROUP.findall(value)
    if len(first) == 2:
        # The prefix cut after its second digit, the rest in whole groups ("07 700 900 461"),
        # which no phone rule reads; not a run of pairs ("lottery 01 05 12 23 34 7").
        return all(len(g) >= 3 for g in rest)
    joins = set(_NOT_DIGIT.findall(_BRACKETS.sub("", value)))
    if joins == {" "}:
        return any(len(g) == 1 for g in rest)
    if all(not j.strip() for j in joins):
        return True
    return sum(len(g) > 1 for g in rest) <= 1


def nhs_check_digit_ok(value: str) -> bool:
    """Whether ten digits pass the NHS number's modulus-11 check."""
    digits = [int(c) for c in re.sub(r"\D", "", value)]
    if len(digits) != 10:
        return False
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9] and len(set(digits)) > 1


def _spoken_nhs(value: str) -> bool:
    """A said NHS number: its check digit holds, or it is read out in the NHS 3-3-4 groups.

    A number read over the phone is often misheard or mistyped by one digit, and then fails
    the check; after its cue and in the card's own grouping ("four eight five, seven seven
    seven, three four five six") it is still the person's number to redact. A 0 first is a
    phone number's trunk prefix, not an NHS number's.
    """
    digits = spoken_nhs_digits(value)
    if not digits:
        return False
    if nhs_check_digit_ok(digits):
        return True
    groups = [spoken_digits(g) for g in re.split(r"[ \t]*[,\-][ \t]*", value.strip())]
    return [len(g) for g in groups] == [3, 3, 4] and digits[0] != "0" and len(set(digits)) > 2


# 3-3-4 with one join throughout ("474/691/7027", "474 ~ 691 ~ 7027", "474   691   7027");
# Presidio's NhsRecognizer reads one space or hyphen too.
_NHS_JOINED = re.compile(_PRE + rf"\d{{3}}(?P<s>{GAP})\d{{3}}(?P=s)\d{{4}}" + _POST)

# Ten digits after an NHS cue in a grouping the card never uses ("nhs # 401 0237 597",
# "NHS: 40 1023 7597", "nhs # for Zelimkhan Dhondup is ...", or one digit to a form's box,
# "4 8 7 9 1 5 8 9 0 9"); the cue and the check digit
# together make it the number, as a count or a phone number without its 0 would fail one or
# the other.
_NHS_GROUPS_AFTER_CUE = re.compile(
    r"(?i)\bnhs\b[^\n\d]{0,40}?(?<![\w\-.])(?P<v>\d{1,8}(?:[ \t]\d{1,8}){1,9})"
    r"(?![\w\-]|[ \t]\d|[.,/:]\d)"
)


def _ten_digits_checked(value: str) -> bool:
    # A 0 first is a phone number's trunk prefix ("01234 567890" less a digit), as for
    # `_spoken_nhs`.
    digits = re.sub(r"\D", "", value)
    return len(digits) == 10 and digits[0] != "0" and nhs_check_digit_ok(digits)


# The postcode grammar (outward code by its letter rules, inward digit and two letters), in
# capitals, joined by a hyphen, dot, underscore or slash instead of the space ("IV27-4JY",
# "DN34/5RT").
_OUTWARD = (
    r"(?:[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y]|[A-PR-UWYZ]\d[A-HJKPSTUW]|"
    r"[A-PR-UWYZ][A-HK-Y]\d\d?|[A-PR-UWYZ]\d\d?)"
)
_INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"
# The area's two letters typed apart from the district's digits ("NE 99 4QD"): a postcode
# only with the inward code after one space, in one case (one letter apart is a room or a
# size: "room B 12 3AB", "size M 10 2XL").
_POSTCODE_SPLIT = re.compile(
    r"(?i)(?<![A-Za-z0-9_/.\-])[A-PR-UWYZ][A-HK-Y][ \t]\d\d?[ \t]" + _INWARD + r"(?![A-Za-z0-9_])"
)
# Labels that make a code a product's or a parcel's ("ref AB12-3CD").
_CODE_LABELS = ("ref", "sku", "part", "order", "code", "model", "item")
_POSTCODE_JOINED = re.compile(
    r"(?i)(?<![A-Za-z0-9_/.\-])"
    + "".join(rf"(?<!\b(?i:{w}) )" for w in _CODE_LABELS)
    + _OUTWARD
    # "DN34/5RT", a dash a word processor made of a hyphen ("S97–2XQ"), or two spaces copied
    # off a form ("BS98  1TL")
    + r"(?:[-._/–—]|[ \t]{2,3})"
    + _INWARD
    + r"(?![A-Za-z0-9_]|[-./]\w)"
)


def _one_case(value: str) -> bool:
    """A postcode typed in capitals or in small letters, not a mixed-case code ("Ab12-3cD")."""
    return value.isupper() or value.islower()


# Cheap gates, one per rule: what every match holds (most texts with a digit hold a time,
# a date or a price, and none of these).
_JOINED_GATE = re.compile(rf"{_JOIN}[ \t]*\d|\+44|\d[ \t]+[-.][ \t]+\d|\d[ \t]{{2,}}\d")
_GROUPS_GATE = re.compile(r"(?<!\d)" + OPEN + r"?0\d{0,4}" + CLOSE + r"?[^\w\n]{1,9}\d")
_LONE_ZERO_GATE = re.compile(r"0 \d{2}")
_SPACED_GATE = re.compile(r"\d \d \d \d")
_NHS_GATE = re.compile(rf"\d{{3}}{GAP}\d{{3}}")
_POSTCODE_GATE = re.compile(r"(?:[-._/–—]|[ \t]{2})\d[A-Za-z]{2}")
_SPLIT_GATE = re.compile(r"[A-Za-z][ \t]\d\d?[ \t]\d[A-Za-z]{2}")


class SeparatedNumberRecognizer(RuleRecognizer):
    """Phone, NHS and postcode values with an unusual separator, and phone numbers in words."""

    ENTITIES = ("PHONE_NUMBER", "UK_NHS", "UK_POSTCODE")
    RULES = (
        Rule("phone-joined", _PHONE_JOINED, 0.7, validate=_eleven_digit_number, needs=_JOINED_GATE),
        Rule(
            "phone-lone-zero",
            _PHONE_LONE_ZERO,
            0.7,
            validate=_eleven_digit_number,
            needs=_LONE_ZERO_GATE,
        ),
        Rule(
            "phone-spaced-digits", _PHONE_SPACED, 0.7, validate=_spaced_number, needs=_SPACED_GATE
        ),
        Rule(
            "phone-any-groups",
            _PHONE_GROUPS,
            0.7,
            validate=_grouped_number,
            needs=_GROUPS_GATE,
        ),
        Rule("phone-print-dash", _PHONE_PRINT_DASH, 0.7, validate=_eleven_digit_number),
        Rule("phone-in-words", SPOKEN_NUMBER, 0.6, validate=spoken_uk_number, needs=ZERO_WORD),
        Rule(
            "phone-digits-and-words",
            MIXED_NUMBER,
            0.6,
            validate=mixed_uk_number,
            needs=DIGIT_BY_WORD,
        ),
        Rule(
            "nhs-joined",
            _NHS_JOINED,
            0.6,
            entity="UK_NHS",
            validate=nhs_check_digit_ok,
            needs=_NHS_GATE,
        ),
        Rule(
            "nhs-groups-after-cue",
            _NHS_GROUPS_AFTER_CUE,
            0.6,
            entity="UK_NHS",
            validate=_ten_digits_checked,
            needs=NHS_CUE,
        ),
        Rule(
            "nhs-in-words",
            SPOKEN_NHS,
            0.6,
            entity="UK_NHS",
            validate=_spoken_nhs,
            needs=NHS_CUE,
        ),
        Rule(
            "postcode-joined",
            _POSTCODE_JOINED,
            0.6,
            entity="UK_POSTCODE",
            validate=_one_case,
            needs=_POSTCODE_GATE,
        ),
        Rule(
            "postcode-split",
            _POSTCODE_SPLIT,
            0.6,
            entity="UK_POSTCODE",
            validate=_one_case,
            needs=_SPLIT_GATE,
        ),
    )
    CONTEXT = ("phone", "mobile", "number", "nhs", "postcode", "call", "ring")

    def noted_spans(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """The rules' matches, then slipped phones and NHS numbers in a column.

        Slipped phone numbers come from `phone_slips`, the NHS column from `id_rows`.
        """
        found = super().noted_spans(text)
        extra = [(s, e, "PHONE_NUMBER") for s, e in unzeroed_mobiles(text)]
        extra += [(s, e, "PHONE_NUMBER") for s, e in o_for_zero_numbers(text)]
        extra += [(s, e, "UK_NHS") for s, e in nhs_column(text)]
        for start, end, entity in extra:
            if all(end <= s or start >= e for s, e, *_rest in found):
                found.append((start, end, entity, 0.7, ""))
        return sorted(found)
