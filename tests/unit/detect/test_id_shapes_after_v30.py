"""Identifier groupings found after corpus v30's run (development-set fixes)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer, nhs_check_digit_ok
from sar_desk.detect.recognizers.uk_id_recognizer import PassportNumberRecognizer


def _found(recognizer: object, text: str) -> list[tuple[str, str]]:
    spans = recognizer.spans(text)  # type: ignore[attr-defined]
    return [(text[s:e], entity) for s, e, entity, _sc in spans]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("passport (old style, written in 2 bits on the form): 5021 77408", "5021 77408"),
        ("ppt 50 2177 408", "50 2177 408"),
        ("5021 77408 is her passport", "5021 77408"),
        ("passport no 123456789", "123456789"),  # the usual shapes still
        ("passport: 123 456 789", "123 456 789"),
    ],
)
def test_nine_digits_in_any_grouping_after_a_passport_cue(text: str, value: str) -> None:
    assert _found(PassportNumberRecognizer(), text) == [(value, "UK_PASSPORT")]


@pytest.mark.parametrize(
    "text",
    [
        "passport 12 3 456789",  # a lone digit among groups: the spelt rules judge those
        "passport 123 456 789 0",  # ten digits
        "passport 5021 77408 12",  # eleven
        "passport: 1 2 3 4 5 6 7 8 9",  # a count
    ],
)
def test_runs_that_are_not_nine_grouped_digits_are_refused(text: str) -> None:
    assert _found(PassportNumberRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nhs # for Ola is 401 0237 597 per the discharge letter", "401 0237 597"),
        ("NHS: 40 1023 7597", "40 1023 7597"),
        ("NHS/CHI 4010 237 597, IDDSI level 4", "4010 237 597"),
    ],
)
def test_ten_digits_in_any_grouping_after_an_nhs_cue(text: str, value: str) -> None:
    assert (value, "UK_NHS") in _found(SeparatedNumberRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "nhs # for Ola is 401 0237 598",  # the check digit fails
        "nhs team rang 3 times, 12 34 56 78 90",  # fails the check too
        "ring 401 0237 597 about the van",  # no cue
    ],
)
def test_grouped_ten_digits_need_the_cue_and_the_check_digit(text: str) -> None:
    assert all(entity != "UK_NHS" for _v, entity in _found(SeparatedNumberRecognizer(), text))


def test_the_nhs_cue_reaches_past_a_long_name_but_not_a_trunk_zero() -> None:
    text = "nhs # for Zelimkhan Dhondup-Ishikawa is 401 0237 597"
    assert ("401 0237 597", "UK_NHS") in _found(SeparatedNumberRecognizer(), text)
    # Ten digits opening with 0 are a landline without a digit, though these pass the check.
    assert nhs_check_digit_ok("0123456789")
    assert all(e != "UK_NHS" for _v, e in _found(SeparatedNumberRecognizer(), "nhs: 01 2345 6789"))
