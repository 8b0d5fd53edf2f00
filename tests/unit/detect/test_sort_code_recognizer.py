"""Table test: sort codes with account numbers."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.sort_code_recognizer import SortCodeAccountRecognizer

CASES = [
    ("pay 12-34-56 12345678 today", ["12-34-56 12345678"]),
    ("sort code 12-34-56, account 12345678", ["12-34-56, account 12345678"]),
    ("12345678 sort code 12-34-56", ["12345678 sort code 12-34-56"]),
    ("her sort code: 123456", ["123456"]),
    ("s/c 20-00-00", ["20-00-00"]),
    # Not bank details: a date, a lone 8-digit reference, a phone.
    ("due 12-03-26 please", []),
    ("order 12345678 shipped", []),
    ("call 07911 123456", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_bank_details(text: str, expected: list[str]) -> None:
    spans = SortCodeAccountRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected
