"""Names in a product's slot (issue 15, round 15): goods, horses, system notices, trademarks.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.not_people import never_person
from sar_desk.detect.product_slots import (
    contained_goods,
    counted_goods,
    generic_mark,
    goods_after,
    horse,
    paired_brand,
    product_slot,
    racehorse_or_band,
    sold_goods,
    system_notice,
)
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two pints of Old Barnaby please", "Barnaby"),
        ("a bottle of Jack Hollins's, for the raffle", "Jack Hollins's"),
        ("grab a tin of Uncle Ferdie from the shelf", "Ferdie"),
    ],
)
def test_a_name_after_a_container_is_goods(text: str, value: str) -> None:
    assert contained_goods(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gideon and Martha's Mild on the guest taps till fri", "Gideon"),
        ("Gideon and Martha's Mild on the guest taps till fri", "Martha"),
        ("Lady Wren's on offer, 2 for £20", "Lady Wren's"),
        ("Farmer Jory is sold out", "Farmer Jory"),
        ("we ran out of Sailor Jem again", "Sailor Jem"),
        ("Rosalind on tap from monday", "Rosalind"),
    ],
)
def test_a_name_a_bar_sells_is_goods(text: str, value: str) -> None:
    assert sold_goods(*span_of(text, value))


def test_a_drink_after_a_name_is_goods_and_a_count_before_it_too() -> None:
    assert goods_after(*span_of("Hetty gin for the cocktail night", "Hetty"))
    assert goods_after(*span_of("get more Bramwell liquid, we're out", "Bramwell"))
    assert counted_goods(*span_of("order: 4 x Old Barnaby, 2 x lemonade", "Barnaby"))
    assert counted_goods(*span_of("only 3 Wilfred's left in the chiller", "Wilfred"))


def test_an_ampersand_brand_needs_goods_talk() -> None:
    text = "Nell & Orrin's in the shop freezer"
    assert paired_brand(*span_of(text, "Nell"))
    assert paired_brand(*span_of(text, "Orrin"))
    assert not paired_brand(*span_of("Nell & Orrin's wedding is on sat", "Nell"))
    assert not paired_brand(*span_of("see you at Nell & Orrin's tonight", "Orrin"))


def test_racehorses_and_bands() -> None:
    assert racehorse_or_band(*span_of("a tenner on Midnight Maud in the 3.15 🐎", "Midnight Maud"))
    assert racehorse_or_band(*span_of("each way on Lady Primrose for the 2:40", "Lady Primrose"))
    assert not racehorse_or_band(*span_of("£5 on Dorian finishing first", "Dorian"))
    assert not racehorse_or_band(*span_of("a tenner on Dorian in the 10.30 meeting", "Dorian"))
    gig = "tickets for Jimmy Jive & the Twisters at the club sat"
    assert racehorse_or_band(*span_of(gig, "Jimmy Jive"))
    assert racehorse_or_band(*span_of(gig, "Jimmy"))
    assert not racehorse_or_band(*span_of("tea with Dorian & the Smiths on sunday", "Dorian"))


def test_horses_notices_and_trademarks() -> None:
    assert horse(*span_of("Clover threw a shoe on the hack", "Clover"))
    assert horse(*span_of("Duke and Clover both need the farrier", "Clover"))
    assert horse(*span_of("Primrose calved at 3am, heifer", "Primrose"))
    assert horse(*span_of("Clover's hooves need oiling", "Clover's"))
    assert not horse(*span_of("Dorian threw a shoe at the telly", "Dorian"))
    assert not horse(*span_of("Dorian's stable after the op", "Dorian"))
    assert not horse(*span_of("right on Dorian's tail", "Dorian"))
    assert not horse(*span_of("Dorian is lame lol", "Dorian"))
    notice = "Tamsin's Lessons: booking confirmed for 10:00"
    assert system_notice(*span_of(notice, "Tamsin's Lessons"))
    assert generic_mark(*span_of("the Zamboni's leaking again", "Zamboni"))
    assert not generic_mark(*span_of("ask Mr Zamboni about it", "Zamboni"))
    assert not generic_mark(*span_of("12 Zamboni Way", "Zamboni"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a pint with Dorian later?", "Dorian"),
        ("it's Dorian's round", "Dorian"),
        ("that's Dorian's pint on the side", "Dorian"),
        ("Dorian's sandwich order is wrong", "Dorian"),
        ("bought Dorian a pint for his birthday", "Dorian"),
        ("tea with Mrs Khanom at 3", "Mrs Khanom"),
        ("a box of Dorian's things in the office", "Dorian"),
        ("Dorian, Guinness on tap again?", "Dorian"),
        ("Dorian and Priya on the guest list", "Dorian"),
        ("Priya on the bar tonight", "Priya"),
        ("got a great shot of Dorian on the ramp", "Dorian"),
        ("in the case of Mrs Khanom we wait", "Mrs Khanom"),
        ("Tamsin's Notes: ring her back", "Tamsin"),
        ("Dorian put Guinness on tap", "Dorian"),
        ("a pint of lager with Dorian", "Dorian"),
        ("Clover walked in late", "Clover"),
        ("Morning all, Paulette Polish at the magistrates 10am", "Paulette"),
        ("Dorian squash on tuesday?", "Dorian"),
        ("Dorian Porter rang", "Dorian"),
        ("Dorian bitter about the rota", "Dorian"),
    ],
)
def test_a_person_beside_goods_stays_a_person(text: str, value: str) -> None:
    assert not product_slot(*span_of(text, value))
    assert not never_person(*span_of(text, value))


def test_the_rules_reach_never_person() -> None:
    assert never_person(*span_of("Rosalind on tap from monday", "Rosalind"))
    assert never_person(*span_of("Clover threw a shoe on the hack", "Clover"))
