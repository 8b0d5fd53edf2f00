"""Table test: vCard name and number lines pasted into chat."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.contact_card_recognizer import ContactCardRecognizer

CARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Patel;Sam;;;\nFN:Sam Patel\n"
    "TEL;TYPE=CELL:+44 7911 654321\nEND:VCARD"
)

CASES = [
    (
        CARD,
        [("Patel;Sam;;;", "PERSON"), ("Sam Patel", "PERSON"), ("+44 7911 654321", "PHONE_NUMBER")],
    ),
    ("FN:Jo Bloggs", [("Jo Bloggs", "PERSON")]),
    ("the FN: field is empty", []),
    ("TEL:123", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_card_lines(text: str, expected: list[tuple[str, str]]) -> None:
    spans = ContactCardRecognizer().spans(text)
    assert [(text[s:e], t) for s, e, t, _sc in spans] == expected
