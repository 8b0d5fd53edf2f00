"""Phone numbers whose digit groups are split unusually, and what stays refused (id20).

A space typed one digit late ("0161 4 960238"), an area code in brackets before a dash
("(0131)–496–0177") and a middle dot or dash with a space either side ("0161 · 496 · 0238")
still spell one eleven-digit UK number; dates, times, prices, counts, sort codes and version
numbers do not. The numbers are in Ofcom's drama ranges.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer


def _phones(text: str) -> list[str]:
    recognizers: list[RuleRecognizer] = [UkPhoneRecognizer(), SeparatedNumberRecognizer()]
    return [
        text[s:e] for r in recognizers for s, e, ent, _sc in r.spans(text) if ent == "PHONE_NUMBER"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the caretaker's number 0161 4 960238 if the alarm goes", "0161 4 960238"),
        ("ring (0131) 4 96 0177 after lunch", "(0131) 4 96 0177"),
        ("mobile 07700 9 00412, evenings only", "07700 9 00412"),
        ("landline 0161 · 496 · 0238 (ask for the warden)", "0161 · 496 · 0238"),
        ("call (0131)–496–0177 before five", "(0131)–496–0177"),
        ("office 0117 – 496 – 0721", "0117 – 496 – 0721"),
        ("fax it to (0117)/496/0721 please", "(0117)/496/0721"),
    ],
)
def test_unusually_split_numbers_are_phone_numbers(text: str, value: str) -> None:
    assert _phones(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "see you on 03.4.2024 at 12:30",  # a date and a time
        "booked for 01 4 2025, table for 6",  # a date with spaces
        "score 0114 4 96 at half time",  # too few digits for a number
        "raised £114,496,080 for the appeal",  # a price
        "sort code 01 · 14 · 49, account 60803127",  # a sort code and an account
        "update to v0114 4 960803 tonight",  # a version glued to its letter
        "rooms 0114 · 496 · 080 · 31",  # the join must hold three or fewer groups
        "count 0 · 1 · 2 · 3 · 4 · 5",  # counting
    ],
)
def test_dates_prices_counts_and_codes_stay_refused(text: str) -> None:
    assert _phones(text) == []
