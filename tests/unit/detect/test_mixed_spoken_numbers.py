"""Numbers typed half in digits and half in words, and NHS numbers said after their cue."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.spoken_numbers import spoken_digits


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], ent) for s, e, ent, _sc in SeparatedNumberRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (
            "she said the number is 07700 900 six four one but",
            "07700 900 six four one",
            "PHONE_NUMBER",
        ),
        ("oh seven seven double oh 900 641 ta", "oh seven seven double oh 900 641", "PHONE_NUMBER"),
        ("text 07700 nine double oh, 641 later", "07700 nine double oh, 641", "PHONE_NUMBER"),
        ("landline 0117 four nine six 0721.", "0117 four nine six 0721", "PHONE_NUMBER"),
        (
            "NHS number four seven four, six nine one, seven oh two seven ta",
            "four seven four, six nine one, seven oh two seven",
            "UK_NHS",
        ),
        ("nhs no: 474 six nine one 7027", "474 six nine one 7027", "UK_NHS"),
    ],
)
def test_digits_and_words_together_spell_a_number(text: str, value: str, entity: str) -> None:
    assert _found(text) == [(value, entity)]


@pytest.mark.parametrize(
    "text",
    [
        "0800 one two three four five six",  # counting up after a prefix
        "0 1 2 three four five six seven eight nine",
        "table for two at 0930 two of us",
        "£07700 900 six four one",  # a price
        "0161 496 0000 one more thing",  # a whole number, then a word: twelve digits
        "ring 0161 496 and press one",
        "she said 07700 900 614 then hung up at 7 one",
        "tickets 2 for 10 one off",
        "year 2024 one two three four five",
        "on 07 12 2026 at nine",  # a date and a time
        # ten digits after the cue that fail the check digit, or count
        "NHS number four seven four six nine one seven oh two eight",
        "the nhs waited two three four five six seven eight nine ten",
        "nhs wait was 2 hours, then 3 more, then one",
    ],
)
def test_counts_prices_times_and_bad_check_digits_are_refused(text: str) -> None:
    assert [v for v in _found(text) if v[1] in ("PHONE_NUMBER", "UK_NHS")] == []


def test_a_digit_group_after_double_doubles_its_first_digit() -> None:
    assert spoken_digits("07700 nine double 44") == "077009444"
