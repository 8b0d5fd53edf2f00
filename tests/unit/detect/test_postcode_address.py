"""Addresses anchored by the postcode that closes them, whatever the street's own words."""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.recognizers.postcode_address import postcode_addresses
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def streets(text: str) -> list[str]:
    return [text[s:e] for s, e, *_rest in postcode_addresses(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 Kiln Row, Harbury CV33 9HX", ["14 Kiln Row"]),
        (
            "keys for Flat 4, 22c Ravensholt PL15 8EW - left at reception",
            ["Flat 4, 22c Ravensholt"],
        ),
        ("new address: 7 Larkspurs, Tavistock, PL19 0DB", ["7 Larkspurs"]),
        ("9 bryn-y-coed\nllanrwst\nll26 0aq", ["9 bryn-y-coed"]),
        ("flat 2, 58 tobar an dùin, portree, iv51 9gq", ["flat 2, 58 tobar an dùin"]),
        ("3 Mill Side\nWest Kirby CH48 4DB", ["3 Mill Side"]),
        ("she is at 41 cygnets se229lp: no contact", ["41 cygnets"]),
        ("12 Back Lane, DN22 7AB", ["12 Back Lane"]),
        # A listed town typed straight after the street without a comma is not the street.
        ("3 Kiln Row Harbury CV33 9HX", ["3 Kiln Row"]),
    ],
)
def test_a_postcode_closes_an_address(text: str, expected: list[str]) -> None:
    assert streets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "paid 20 for parking near SW1A 1AA",  # stop words: no street
        "we have 3 boxes for TR1 2AB",  # a count of things had
        "room 5 the annexe, TR1 2AB",
        "on 12 March, SW1A 1AA",  # a date
        "give it 10 mins, LS1 4DY",  # a unit
        "12 Foo Lane QQ1 2AB",  # no postcode starts with Q
        "4 Pond Close, CV33 9HXX",  # not a full postcode
        "Kiln Row, Harbury CV33 9HX",  # no house number: left to the other rules
        "PO Box 12, Truro TR1 2AB",  # a box and a town
        "the X42 to Penzance TR18 2AB",  # a bus route and a town
        "Ellis, aged 42, Holsworthy EX22 6AA",
    ],
)
def test_not_addresses(text: str) -> None:
    assert streets(text) == []


def test_the_street_recogniser_keeps_the_longest_reading() -> None:
    text = "inventory for Flat 9, 31b Whinlatter BT53 1EX, tenant gone"
    found = [text[s:e] for s, e, *_rest in StreetAddressRecognizer().spans(text)]
    assert found == ["Flat 9, 31b Whinlatter"]


def test_street_and_postcode_are_both_proposed(fake_detector: InProcessDetector) -> None:
    text = "forms to 126 tithegarth, ch7 3qb please"
    found = analyze_all(fake_detector, [(MessageId(1), text)], CaseContext(Regime.SAR))
    got = {(f.entity_type, f.text) for f in found}
    assert ("STREET_ADDRESS", "126 tithegarth") in got
    assert ("UK_POSTCODE", "ch7 3qb") in got
    assert all(f.score >= 0.5 for f in found)
