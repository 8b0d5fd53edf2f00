"""Table test: street addresses."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

CASES = [
    ("moved to 12 High Street last week", ["12 High Street"]),
    ("Flat 3, 4 Mill Lane", ["Flat 3, 4 Mill Lane"]),
    ("27b Victoria Road", ["27b Victoria Road"]),
    ("at 5 St James Close.", ["5 St James Close"]),
    ("lives at 9 mill lane now", ["9 mill lane"]),
    ("flat 2, 14 station road", ["flat 2, 14 station road"]),
    # Not addresses.
    ("we need 3 more people", []),
    ("£12 High value", []),
    ("version 2.12 Park", []),
    ("3 big close calls", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_addresses(text: str, expected: list[str]) -> None:
    spans = StreetAddressRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected
