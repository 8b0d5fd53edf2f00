"""Numbered streets of everyday words, placed by a postcode, a town, a flat or a cue.

Issue 15, round 6. Every address here was written for these tests (invented streets and
people), none taken from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.anchored_street import anchored_streets
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def streets(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in StreetAddressRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("keys for 8 Primroses DE4 3QT in the key safe", ["8 Primroses"]),  # a postcode follows
        ("return to 14c orchids, sk3 9hp", ["14c orchids"]),
        ("bins missed at 52 willows, durham, again", ["52 willows"]),  # a listed town follows
        ("Mr Ode\n27 Swallows\nTruro\nTR1 2AB", ["27 Swallows"]),  # an address block
        ("send it to 3 Old Forge, Any Town, EX4 1AA", ["3 Old Forge"]),  # a town, a postcode
        ("leak reported at flat 6, 21 poplars overnight", ["flat 6, 21 poplars"]),  # a flat
        ("her address now 33 the chestnuts", ["33 the chestnuts"]),  # an address cue
        ("pls visit the tenant at 61 larches? nobody answers", ["61 larches"]),
        ("alarm going off at 9 the brambles at 3am", ["9 the brambles"]),
        ("gas leak round 40 Mill Side", ["40 Mill Side"]),
        ("leaflet for Tomasz Nowak, 18a rowans, he asked for large print", ["18a rowans"]),
        ("complaint about 5 Well Row hedges (150 back lane too)", ["5 Well Row", "150 back lane"]),
    ],
)
def test_streets_placed_by_the_address_around_them(text: str, expected: list[str]) -> None:
    assert streets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "booked for 3 nights, then home",  # things a number counts
        "she came on 4 occasions.",
        "ordered 12 tulips, red ones",  # a word of having before the number
        "see you at 10 tomorrow",  # a time word
        "at 12 noon, usual place",
        "meet at 3 kirsty, ok?",  # a time and a given name
        "at 5 the office shuts",  # a time, then a clause
        "bay 4 robins, bed 2",  # a count of beds
        "we need 40 bags for the clear-out",
    ],
)
def test_counts_times_and_clauses_are_not_streets(text: str) -> None:
    assert anchored_streets(text) == []
