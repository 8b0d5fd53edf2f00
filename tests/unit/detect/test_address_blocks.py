"""A town that closes a street address is proposed with it, as one address (issue 15)."""

from __future__ import annotations

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId
from sar_desk.detect.address_blocks import join_address_blocks

M = MessageId(7)


def _find(text: str, value: str, entity: str, message: MessageId = M) -> Finding:
    start = text.index(value)
    return Finding(
        message, ProposalField.TEXT, start, start + len(value), value, entity, 0.7, "rule"
    )


def _joined(text: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    found = [_find(text, value, entity) for value, entity in spans]
    out = join_address_blocks(found, {M: text})
    assert all(text[f.start : f.end] == f.text for f in out if f.start is not None)
    return sorted((f.text, f.entity_type) for f in out)


def test_the_town_after_a_comma_joins_the_street_and_the_postcode_stays_apart() -> None:
    text = "complaint came from Glenda at 4 Tanners Row, Hexley HX3 2LB on Friday"
    got = _joined(
        text,
        ("4 Tanners Row", "STREET_ADDRESS"),
        ("Hexley", "LOCATION"),
        ("HX3 2LB", "UK_POSTCODE"),
    )
    assert got == [("4 Tanners Row, Hexley", "STREET_ADDRESS"), ("HX3 2LB", "UK_POSTCODE")]


def test_an_address_over_lines_takes_each_place_that_follows() -> None:
    text = "new address:\nFlat 2, 19 Orchard Close\nBrackley,\nNorthamptonshire"
    got = _joined(
        text,
        ("19 Orchard Close", "STREET_ADDRESS"),
        ("Brackley", "LOCATION"),
        ("Northamptonshire", "LOCATION"),
    )
    assert got == [("19 Orchard Close\nBrackley,\nNorthamptonshire", "STREET_ADDRESS")]


def test_a_place_further_on_in_the_sentence_stays_its_own_proposal() -> None:
    text = "she left 4 Tanners Row and moved to Hexley last spring"
    got = _joined(text, ("4 Tanners Row", "STREET_ADDRESS"), ("Hexley", "LOCATION"))
    assert got == [("4 Tanners Row", "STREET_ADDRESS"), ("Hexley", "LOCATION")]


def test_places_without_a_street_and_other_messages_are_untouched() -> None:
    text = "visiting Hexley, then Leyburn"
    other = MessageId(8)
    found = [
        _find(text, "Hexley", "LOCATION"),
        _find(text, "Leyburn", "LOCATION"),
        Finding(other, ProposalField.SENDER, None, None, "Jo Bloggs", "PERSON", 0.9, "hdr"),
    ]
    assert sorted(join_address_blocks(found, {M: text}), key=lambda f: f.text) == sorted(
        found, key=lambda f: f.text
    )
