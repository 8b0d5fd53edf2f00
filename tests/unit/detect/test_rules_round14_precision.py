"""Round-14 precision rules (issue 15): named machines and buildings, storms, role mailboxes.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.languages import foreign_clauses
from sar_desk.detect.mask import regions
from sar_desk.detect.named_kinds import named_building, named_machine
from sar_desk.detect.not_people import never_person
from sar_desk.detect.posts import is_post
from sar_desk.detect.role_mailboxes import role_mailbox
from sar_desk.detect.set_phrases import set_phrase_word
from sar_desk.detect.spread_seeds import lower_common_word, seed_items
from sar_desk.detect.spread_words import spread_blocked
from sar_desk.detect.thing_names import named_storm, trade_brand
from sar_desk.detect.words import is_not_a_name
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Winifred the snowplough is parked at the yard", "Winifred"),
        ("Winifred the Snowplough is parked at the yard", "Snowplough"),
        ("the club's minibus is called Doris now", "Doris"),
        ("Percy, the old tractor, won't start", "Percy"),
    ],
)
def test_a_name_beside_a_machine_kind_names_the_machine(text: str, value: str) -> None:
    assert named_machine(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Olwen the van driver is off sick", "Olwen"),
        ("gave the keys to Olwen, the tractor needs diesel", "Olwen"),
        ("Olwen drove the van to Leeds", "Olwen"),
    ],
)
def test_a_person_near_a_vehicle_stays_a_person(text: str, value: str) -> None:
    assert not named_machine(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("patient moved to Lister ward overnight", "Lister"),
        ("records are kept at Cavell wing", "Cavell"),
    ],
)
def test_a_name_before_a_ward_or_a_building_names_the_place(text: str, value: str) -> None:
    assert named_building(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("please tell Priya Ward about the rota", "Priya"),
        ("meeting at Priya house later", "Priya"),
        ("Priya's house was broken into", "Priya"),
        ("handover to Priya on ward 6", "Priya"),
        ("handover to Priya Ward at 8", "Priya"),
        # a named building is part of an address: left to the place rules, still proposed
        ("training is in Aneurin Seacole House, room 4", "Seacole House"),
        ("the Seacole house is closed for repairs", "Seacole"),
    ],
)
def test_a_person_near_a_building_word_stays_a_person(text: str, value: str) -> None:
    assert not named_building(*span_of(text, value))


def test_cash_and_carry_is_a_wholesaler_in_lower_case_only() -> None:
    text = "run to the cash & carry for oil"
    assert set_phrase_word(*span_of(text, "cash"))
    assert set_phrase_word(*span_of(text, "carry"))
    assert not set_phrase_word(*span_of("Cash and Carrie both rang", "Cash"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Storm Maeve has brought the marquee down", "Storm Maeve"),
        ("ward shut after storm damage (storm maeve)", "storm maeve"),
    ],
)
def test_storm_and_a_given_name_is_the_storm(text: str, value: str) -> None:
    assert named_storm(*span_of(text, value))


def test_storm_and_a_family_name_is_a_person() -> None:
    assert not named_storm(*span_of("Storm Okafor has brought the cakes", "Storm Okafor"))


@pytest.mark.parametrize(
    "address",
    [
        "enquiries@parish.example.org",
        "No-Reply@shop.example.com",
        "info2@club.example.co.uk",
        "customer.services@council.example.gov.uk",
    ],
)
def test_role_mailboxes_are_no_persons(address: str) -> None:
    assert role_mailbox(address)


@pytest.mark.parametrize(
    "address",
    [
        "priya.okafor@mail.example.com",
        "rose.hill@x.example.org",
        "jbaker@x.example.net",
        "autumn.fields@x.example.org",  # plain English words may be a person's name
    ],
)
def test_personal_addresses_are_not_role_mailboxes(address: str) -> None:
    assert not role_mailbox(address)


def test_what3words_is_masked_as_coordinates() -> None:
    text = "pick up from ///apple.river.stone by the gate"
    found = regions(text)
    assert [(text[r.start : r.end], r.kind) for r in found] == [
        ("///apple.river.stone", "coordinates")
    ]


def test_lower_case_common_words_do_not_seed_the_spread() -> None:
    assert lower_common_word("donor")
    assert not lower_common_word("amber")  # a given name written in lower case
    assert not lower_common_word("Donor")
    rows = [(1, "donor", "the "), (2, "donor", "a "), (3, "amber", "with ")]
    assert seed_items(rows) == [(3, "amber")]


def test_welsh_and_polish_phrases_are_foreign_clauses() -> None:
    assert foreign_clauses("Iawn, wela i di fory")
    assert any(lang == "polish" for *_s, lang in foreign_clauses("numer bez kropek"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Storm Maeve has brought the marquee down", "Storm"),
        ("Storm Maeve has brought the marquee down", "Maeve"),
    ],
)
def test_the_spread_pass_skips_storms(text: str, value: str) -> None:
    assert spread_blocked(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Storm Okafor has the keys", "Storm"),
        ("ask amber for the keys", "amber"),
        ("ask marvel for the keys", "marvel"),  # a lower-case nickname no list has
    ],
)
def test_the_spread_pass_keeps_names(text: str, value: str) -> None:
    assert not spread_blocked(*span_of(text, value))


@pytest.mark.parametrize("value", ["Head Butcher", "Senior Plumber", "Donor Carer", "Head Barista"])
def test_a_trade_with_its_qualifier_is_a_post(value: str) -> None:
    assert is_post(value)


@pytest.mark.parametrize("value", ["Baker", "Cook", "Priya Baker", "Chef Tomasz"])
def test_a_trade_that_is_a_family_name_or_beside_a_name_is_not_a_post(value: str) -> None:
    assert not is_post(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the Wobbly rep came by with samples", "Wobbly"),
        ("for sale: Cosi bassinet, collect only", "Cosi"),
    ],
)
def test_a_brand_before_goods_is_no_person(text: str, value: str) -> None:
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize("word", ["Chłopaki", "chlopaki", "mâine"])
def test_a_listed_foreign_word_alone_is_not_a_name(word: str) -> None:
    assert is_not_a_name(word)


@pytest.mark.parametrize("value", ["Royal Mail", "Parcelforce", "Evri"])
def test_parcel_carriers_are_trade_brands(value: str) -> None:
    assert trade_brand(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("carol singers meet at the lychgate at 6", "carol"),
        ("their ruby anniversary party is sat", "ruby"),
        ("tears of joy at the nativity", "joy"),
        ("the lunchtime rush was mad", "rush"),
        ("back to school in jan 🎒", "jan"),
        ("the heather is purple on the fells", "heather"),
        ("moving to days in Jan 🎉", "Jan 🎉"),
        ("notes added to case 40211 today", "case"),
    ],
)
def test_a_name_word_in_a_set_phrase_is_the_word(text: str, value: str) -> None:
    assert set_phrase_word(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("carol rang about the service charge", "carol"),
        ("ask ruby if the wedding is on", "ruby"),
        ("joy is covering the rush on friday", "joy"),
        ("in jan's absence ask tom", "jan"),
        ("Carol singers meet at 6", "Carol"),
        ("heather rang about the rota", "heather"),
        ("booked in with Jan on monday", "Jan"),
        ("ring case on 07700 900123", "case"),
    ],
)
def test_a_name_word_outside_a_set_phrase_stays_a_name(text: str, value: str) -> None:
    assert not set_phrase_word(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PD Rocco found the suspect in the garden", "PD Rocco"),
        ("Biscuit's owner rang, he's limping", "Biscuit"),
        ("chips from Big Ron's Chippy tonight?", "Ron's Chippy"),
        ("meet at Tony's Cafe at 10", "Tony"),
    ],
)
def test_police_dogs_owned_animals_and_businesses_are_no_persons(text: str, value: str) -> None:
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tony's cafe shift starts at 10", "Tony"),
        ("Tony's mum owns the flat", "Tony"),
        ("DC Rocco found the suspect", "DC Rocco"),
    ],
)
def test_possessive_people_stay_people(text: str, value: str) -> None:
    assert not never_person(*span_of(text, value))
