"""Passport numbers and NINOs spelt the ways phone numbers are, and what stays refused (id19)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer, PassportNumberRecognizer


def _values(recognizer: RuleRecognizer, text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _sc in recognizer.spans(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("his passport: 4 1 2 7 9 3 5 8 6 (read out over the phone)", "4 1 2 7 9 3 5 8 6"),
        ("his paspsort: 4 1 2 7 9 3 5 8 6 (read out)", "4 1 2 7 9 3 5 8 6"),
        ("passport no 412-793-586", "412-793-586"),
        ("passport 412.793.586 ok", "412.793.586"),
        ("pport 412/793/586 in the file", "412/793/586"),
        ("passport number four one two seven nine three five eight six", None),
        ("passport 412 793 five eight six", "412 793 five eight six"),
        ("4 1 2 7 9 3 5 8 6 is his passport", "4 1 2 7 9 3 5 8 6"),
        ("passport: 4, 1, 2, 7, 9, 3, 5, 8, 6", "4, 1, 2, 7, 9, 3, 5, 8, 6"),
    ],
)
def test_passport_number_spelt_after_or_before_its_cue(text: str, value: str | None) -> None:
    expected = value or "four one two seven nine three five eight six"
    assert _values(PassportNumberRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "passport: 1 2 3 4 5 6 7 8 9",  # counting
        "passport renewal 12.03.2029 at 10:30",  # a date and a time
        "passport fee £88.50 paid 2 3 2024",  # a price and a date
        "passport photos: 3 copies, 2 sizes",  # counts
        "passport sort code 20-00-00",  # a sort code
        "passport ref 4 1 2 7 9 3 5 8 6",  # another number's label
        "passport booking no: 4-1-2-7-9-3-5-8-6",
        "passport version 4.1.2.7.9.3.5.8.6",
        "passport expires 1 2 2029 renewal 4 5",
        "4 1 2 7 9 3 5 8 6 photos printed",  # no cue
        "passport 4 1 2 7 9 3 5 8",  # eight digits
    ],
)
def test_spelt_passport_refusals(text: str) -> None:
    assert _values(PassportNumberRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("NI: JT 1 2 7 4 0 3 C thanks", "JT 1 2 7 4 0 3 C"),
        ("his NI number is J-T-1-2-7-4-0-3-C", "J-T-1-2-7-4-0-3-C"),
        ("nino is jt one two seven four oh three c ok", "jt one two seven four oh three c"),
        ("national insurance: JT 12 seven four 0 3 B", "JT 12 seven four 0 3 B"),
    ],
)
def test_nino_spelt_after_its_cue(text: str, value: str) -> None:
    assert _values(NinoCueRecognizer(), text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "NI: on 1 2 7 4 0 3 a",  # a small word, not a prefix
        "NI number is 1 2 7 4 0 3 a",
        "NI: 12 03 2024 at 10 30 a.m.",  # a date and a time
        "NI dept: QA 1 2 3 4 5 people C",  # a count
        "JT 1 2 7 4 0 3 C on the shelf",  # no cue
    ],
)
def test_spelt_nino_refusals(text: str) -> None:
    assert _values(NinoCueRecognizer(), text) == []


def test_nino_list_parted_by_middle_dots_with_unissued_prefixes() -> None:
    text = "Payroll wants NI numbers: Ola Reyes JT620504D · Kit TN082246C · Ib Moss ZZ881466B"
    assert _values(NinoCueRecognizer(), text) == ["JT620504D", "TN082246C", "ZZ881466B"]
    # another label's value in the same list stays unproposed
    labelled = "NI numbers: Ola JT620504D, ref TN311258A, order: ZZ881466B"
    assert _values(NinoCueRecognizer(), labelled) == ["JT620504D"]


def test_london_number_with_its_trunk_zero_apart() -> None:
    text = "landline for the farm office 0 20 7946 0425, ask for Ola"
    assert _values(SeparatedNumberRecognizer(), text) == ["0 20 7946 0425"]
    assert _values(SeparatedNumberRecognizer(), "scores 0 20 30 40 this week") == []
