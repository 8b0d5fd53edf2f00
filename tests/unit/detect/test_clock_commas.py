"""An hour and a comma after "at" is a time, not a house number (round 18).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _streets(text: str) -> list[str]:
    return [text[a:b] for a, b, *_rest in StreetAddressRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "vet came at 2, Master Saddler Yusuf held the pony",
        "fire drill at 10, Facilities in charge of the register",
        "mask fitting at 3, Health & Safety booked it",
        "briefing at 11, Estates will bring the keys",
    ],
)
def test_an_hour_then_a_clause_is_no_street(text: str) -> None:
    assert _streets(text) == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("parcel for her at 3, Mill Lane", "3, Mill Lane"),  # the street says what it is
        ("meet them at 4, Kingsmead", "4, Kingsmead"),  # a street-like ending
        ("she lives at 7, Ormond", "7, Ormond"),  # an address cue
        ("dropped it at 10 Ormond before lunch", "10 Ormond"),  # no comma: a house number
        ("left it at 41, Ormond", "41, Ormond"),  # no hour of the clock
    ],
)
def test_addresses_with_a_comma_after_the_number_stay(text: str, street: str) -> None:
    assert street in _streets(text)
