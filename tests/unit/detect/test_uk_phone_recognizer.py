"""Table test: UK phone numbers in every written form, including the Ofcom drama range."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer, national_digits

CASES = [
    ("call 07911 123456 now", ["07911 123456"]),
    ("call 07911123456 now", ["07911123456"]),
    ("07911 123 456", ["07911 123 456"]),
    ("+44 7911 123456", ["+44 7911 123456"]),
    ("+447911123456", ["+447911123456"]),
    ("+44 (0)7911 123456", ["+44 (0)7911 123456"]),
    ("0044 7911 123456", ["0044 7911 123456"]),
    ("drama 07700 900123 and +44 7700 900456", ["07700 900123", "+44 7700 900456"]),
    ("office (0113) 496 0000", ["(0113) 496 0000"]),
    ("call me on (07438) 766084 pls", ["(07438) 766084"]),  # a mobile in brackets
    ("mobile (07447) 177 192", ["(07447) 177 192"]),
    ("office 0113 496 0000", ["0113 496 0000"]),
    ("london 020 7946 0123", ["020 7946 0123"]),
    ("+44 20 7946 0123", ["+44 20 7946 0123"]),
    ("01632 960000", ["01632 960000"]),
    ("0161-496-0442", ["0161-496-0442"]),
    ("freephone 0800 123 4567", ["0800 123 4567"]),
    # Other groupings people type: London and mobiles as 4-3-4, any number read in pairs.
    ("old office 0207 946 0318", ["0207 946 0318"]),
    ("her mob is 0784 402 1196", ["0784 402 1196"]),
    ("+44 784 402 1196 from abroad", ["+44 784 402 1196"]),
    ("ring 01632 96 04 71 after 5", ["01632 96 04 71"]),
    ("+44 1632 96 04 71", ["+44 1632 96 04 71"]),
    ("ref 0123 45 67 89", []),  # too few digits
    ("dated 2026 04 11 10", []),  # no leading 0
    ("call 0407 946 0318", []),  # no UK number starts 04
    # Premium rate, the drama range among them: eleven digits, given as anyone's number.
    ("his mobile is 0909 879 0123 after six", ["0909 879 0123"]),
    ("landline 09098790456", ["09098790456"]),
    ("code 0909 879 012", []),  # ten digits: no 09 number is that short
    # Not phones: NHS numbers, ticket ids, dates, money, too many digits, no leading 0.
    ("NHS 943 476 5919", []),
    ("ticket INC01134960000", []),
    ("on 12/03/2026 at 09:15", []),
    ("£07.50", []),
    ("07911 1234567 8", []),
    ("ref 7911 123456", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_uk_numbers(text: str, expected: list[str]) -> None:
    spans = UkPhoneRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected
    assert all(t == "PHONE_NUMBER" for _s, _e, t, _sc in spans)


def test_national_digits_normalises_international_forms() -> None:
    assert national_digits("+44 (0)7911 123456") == "07911123456"
    assert national_digits("0044 20 7946 0123") == "02079460123"
