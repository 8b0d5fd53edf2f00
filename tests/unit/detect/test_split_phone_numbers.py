"""A phone number broken over a line break is one number; numbers on neighbouring lines stay two."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer, split_number


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e, _entity, _score in UkPhoneRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first line ends with the start of the number, the next opens with the rest
        ("her emergency no: 07700\n900 733", ["07700\n900 733"]),
        ("ring me on 07700 900\n733 thanks", ["07700 900\n733"]),
        ("07700\n900733 is the one", ["07700\n900733"]),
        ("office 0113 496\n0000 ext 2", ["0113 496\n0000"]),
        # a cue then the whole number on the next line: the number alone, as before
        ("tel:\n07434-396-591", ["07434-396-591"]),
    ],
)
def test_a_number_split_over_two_lines_is_one_span(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two whole numbers on neighbouring lines are never run together
        ("07700 900123\n07700 900456", ["07700 900123", "07700 900456"]),
        ("home 0113 496 0000\n07700 900 733 mob", ["0113 496 0000", "07700 900 733"]),
        # a split number, then a whole one on the line after: two numbers
        ("on 07700\n900 733\n07700 900 734", ["07700\n900 733", "07700 900 734"]),
        # a whole number, then a house number opening the next line
        ("call 07700 900 733\n12 Acacia Road", ["07700 900 733"]),
        # digits that make no UK number once joined
        ("room 0113\n12 items", []),
        ("ref 01234\n5678 9012", []),
        ("codes 07700\n12", []),
    ],
)
def test_numbers_on_neighbouring_lines_stay_apart(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_split_number_needs_both_halves() -> None:
    assert split_number("07700\n900 733")
    assert not split_number("07700 900733\n12")  # the first line is a whole number already
    assert not split_number("077\n00900733")  # too little of the number on the first line
