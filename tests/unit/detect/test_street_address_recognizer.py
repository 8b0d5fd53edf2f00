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
    # No street suffix: placed by a listed town, a postcode or the end of a line (issue 15).
    ("the new flat is 14 Quarrybank in Clitheroe", ["14 Quarrybank"]),
    ("post it to 7a Tollgarth, Selby", ["7a Tollgarth"]),
    ("forms for 88 Saltings, TR1 2AB", ["88 Saltings"]),
    ("letter sent to Obinna Selby, 52 Ropery", ["52 Ropery"]),
    ("we took 2 Volunteers, then lunch", []),
    ("2 volunteers in Clitheroe", []),
    # Other suffixes and Welsh street words first (round 4).
    ("Fraser Lee (127A Bridge End) says", ["127A Bridge End"]),
    ("send it to 12 Heol y Nant, please", ["12 Heol y Nant"]),
    ("4 Clos Cae Mawr", ["4 Clos Cae Mawr"]),
    # Wholly lower case, placed by a cue, a bracket, punctuation, a town or a postcode.
    ("janet (141 kestrel close) says the boiler went", ["141 kestrel close"]),
    ("keys back for 15 orchard rise, ruby moved out", ["15 orchard rise"]),
    ("staying at 105a netherhall, tr1 2ab", ["105a netherhall"]),
    ("garden at 11 kilnhurst is overgrown", ["11 kilnhurst"]),
    ("cert for flat 10, 92 birchgrove, bs5 1fy, tenant", ["flat 10, 92 birchgrove"]),
    ("give me 5 mins walk, then", []),
    ("took 2 dogs to the park, ok", []),
    ("we met at 3 outside", []),
    ("the 2 kids walk.", []),
    # Not addresses.
    ("we need 3 more people", []),
    ("£12 High value", []),
    ("version 2.12 Park", []),
    ("3 big close calls", []),
]


# The towns ("Selby") and English words ("outside") these cases lean on come from the shipped
# lists: without them the table passed only after another test had loaded them.
@pytest.mark.usefixtures("shipped_lists")
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_addresses(text: str, expected: list[str]) -> None:
    spans = StreetAddressRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected
