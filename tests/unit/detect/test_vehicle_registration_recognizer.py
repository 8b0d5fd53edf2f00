"""Table test: vehicle registrations, case-sensitive, never the P45 tax form."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.vehicle_registration_recognizer import (
    VehicleRegistrationRecognizer,
)

CASES = [
    ("parked AB12 CDE outside", ["AB12 CDE"]),
    ("reg AB12CDE", ["AB12CDE"]),
    ("old plate K123 ABC", ["K123 ABC"]),
    # Lower case, the tax forms, and words.
    ("ab12 cde", []),
    ("send the P45 the", []),
    ("SEND THE P45 ASAP", []),
    ("P60 FOR", []),
    ("ITEM AB12", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_registrations(text: str, expected: list[str]) -> None:
    spans = VehicleRegistrationRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected
