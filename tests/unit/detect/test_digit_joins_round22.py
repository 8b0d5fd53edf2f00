"""Round 22: every mark typists put between digit groups, digits one by one, mistyped cues.

Synthetic numbers only: Ofcom's drama ranges (0113 496 0xxx, 07700 900xxx), NHS numbers built
to pass the modulus-11 check, NINOs and passport numbers made up for the test.
"""

from __future__ import annotations

import re

import pytest

from sar_desk.detect.recognizers.id_cues import PASSPORT_CUE
from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import (
    NinoCueRecognizer,
    PassportNumberRecognizer,
)


def _found(recognizer: object, text: str) -> list[tuple[str, str]]:
    spans = recognizer.spans(text)  # type: ignore[attr-defined]
    return [(text[s:e], ent) for s, e, ent, _sc in spans]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tel 0117 ~ 496 0721 after six", "0117 ~ 496 0721"),
        ("landline 0117~496~0721", "0117~496~0721"),
        ("ring 0161 • 496 • 0332", "0161 • 496 • 0332"),
        ("mob 07700 | 900 | 414", "07700 | 900 | 414"),
        ("07700\\900\\414 is hers", "07700\\900\\414"),
        ("07700=900=414", "07700=900=414"),
        ("call 0161:496:0332", "0161:496:0332"),
        ("call 0161,496,0332", "0161,496,0332"),
        ("0161   496   0332 she said", "0161   496   0332"),
        ("+44 ~ 7700 ~ 900 414", "+44 ~ 7700 ~ 900 414"),
        # digits one at a time, after the area code or all along, with any one join
        ("ring 0114 3 9 6 0217 before five", "0114 3 9 6 0217"),
        ("07700 9 0 0 4 1 4", "07700 9 0 0 4 1 4"),
        ("0-7-7-0-0-9-0-0-4-1-4", "0-7-7-0-0-9-0-0-4-1-4"),
        ("it's 0  7  7  0  0  9  0  0  4  1  4", "0  7  7  0  0  9  0  0  4  1  4"),
    ],
)
def test_phone_numbers_with_any_join(text: str, value: str) -> None:
    assert _found(SeparatedNumberRecognizer(), text) == [(value, "PHONE_NUMBER")]


@pytest.mark.parametrize(
    "text",
    [
        "slots 0930, 1015, 110 booked",  # a list of times: a comma then a space parts a list
        "version 0.11.3.496.0903",  # a mark between groups of several digits
        "1,0131,496,0106,7",  # cut out of a longer list
        "meeting on 12/03/2024 at 10:30:15",
        "https://maps.google.com/?q=51.501234,-0.123456",
        "coords 51.501234, -0.123456",
        "IMG_20240312_101522.jpg",
        "00000012-PHOTO-2024-03-12-10-15-22.jpg",
        "won 0 1 2 3 4 5 6 7 8 9 0",  # counting
        "score 6-4 7-5 0-6 and 3-6",
        "prices £0.50, £1.20, £3.40",
        "lottery 01 05 12 23 34 7",
        "from 0800 to 1700 on 01 12 2024",
        "0113 496 0903 2 times",  # twelve digits: not this rule's (the phone rules read it)
    ],
)
def test_lists_times_versions_and_counts_are_no_phone(text: str) -> None:
    assert [v for v in _found(SeparatedNumberRecognizer(), text) if v[1] == "PHONE_NUMBER"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nhs 943 | 476 | 5919", "943 | 476 | 5919"),
        ("NHS 943   476   5919", "943   476   5919"),
        ("nhs no 943~476~5919", "943~476~5919"),
        ("nhs 943:476:5919", "943:476:5919"),
    ],
)
def test_nhs_numbers_with_any_join(text: str, value: str) -> None:
    assert _found(SeparatedNumberRecognizer(), text) == [(value, "UK_NHS")]


def test_nhs_join_still_needs_the_check_digit() -> None:
    assert _found(SeparatedNumberRecognizer(), "nhs 943 | 476 | 5918") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("NI number AB~12~34~56~C on file", "AB~12~34~56~C"),
        ("nat ins: ab | 12 | 34 | 56 | c", "ab | 12 | 34 | 56 | c"),
        ("her NINO is JT:55:90:21:B", "JT:55:90:21:B"),
        ("ni no ZX•44•10•72•A", "ZX•44•10•72•A"),
        ("payslip shows JT~55~90~21~B", "JT~55~90~21~B"),  # printed pairs, issued prefix
    ],
)
def test_ninos_with_any_join(text: str, value: str) -> None:
    assert _found(NinoCueRecognizer(), text) == [(value, "UK_NINO")]


@pytest.mark.parametrize(
    "text",
    ["NI meeting on 10:30:00 a.m. in the hall", "NI training at 09:15:30 a.m. sharp"],
)
def test_a_word_and_a_clock_time_are_no_nino(text: str) -> None:
    assert _found(NinoCueRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pasprt no - 402117936 (seen)", "402117936"),  # a letter out and two swapped
        ("Psaport 402117936 on file", "402117936"),
        ("passsport: 402117936", "402117936"),  # a letter doubled
        ("pass no. 402117936 for the trip", "402117936"),
        ("passport 127~403~958", "127~403~958"),
        ("ppt no: 127 | 403 | 958", "127 | 403 | 958"),
        (
            "passport number for Ngozi Adaeze Okonkwo-Featherstonehaugh is three eight one, "
            "two two six, four zero seven",
            "three eight one, two two six, four zero seven",
        ),
    ],
)
def test_passports_by_mistyped_cues_and_any_join(text: str, value: str) -> None:
    assert _found(PassportNumberRecognizer(), text) == [(value, "UK_PASSPORT")]


@pytest.mark.parametrize(
    "text",
    [
        "bus pass no. 402117936 renewed",
        "parking pass number 402117936",
        "password 402117936 reset",
        "the passenger in seat 402117936",
        "passcode 402117936",
        "pass 402117936 to Ola",  # "pass" alone is a verb
    ],
)
def test_other_passes_and_words_near_pass_are_no_cue(text: str) -> None:
    assert _found(PassportNumberRecognizer(), text) == []


@pytest.mark.parametrize(
    ("word", "found"),
    [
        ("Passrot", True),
        ("paspsort", True),
        ("pssport", True),
        ("password", False),
        ("passover", False),
        ("assort", False),
        ("passportal", False),
    ],
)
def test_cue_takes_two_slips_and_no_english_word(word: str, found: bool) -> None:
    assert bool(re.fullmatch(PASSPORT_CUE, word)) is found
