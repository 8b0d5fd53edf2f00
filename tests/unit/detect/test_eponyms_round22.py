"""Round-22 things named after people (issue 15): trophies, cave passages, moves, typefaces.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
Each family has its person-safe counterpart: the same name used of a person stays a person.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.eponym_moves import (
    everyone_word,
    named_move,
    race_runner,
    typeface,
    typeface_place,
)
from sar_desk.detect.eponym_places import award_name, cave_name, named_trophy
from sar_desk.detect.not_people import never_person
from tests.unit.detect.conftest import bounds

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the Winifred Oakes Challenge Cup semi is on Friday", "Winifred Oakes"),
        ("who has the Albert Tranter Memorial Plate this year?", "Albert Tranter"),
        ("Gwen Pollard Trophy back from the engravers", "Gwen Pollard"),
        ("can you polish the Cyril Hatt Tankard before the dinner", "Cyril Hatt"),
        ("the Norah Fitch Perpetual Shield is in the cabinet", "Norah Fitch"),
        ("the Stanley Crewe Award goes to the best newcomer", "Stanley Crewe Award"),
        ("we retained the Beryl Quayle Rose Bowl 🏆", "Rose Bowl"),
        ("the ivor penhale salver is on the bar", "ivor penhale"),
        ("we lifted the Agnes Wardle Cup on Saturday", "Agnes"),
        ("Tommy Radcliffe Shield semi final draw tonight", "Tommy Radcliffe Shield"),
        ("the Lady Ormsby trophy is back in the cabinet", "Lady Ormsby"),
    ],
)
def test_a_name_before_an_award_kind_is_the_award(text: str, name: str) -> None:
    assert award_name(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the trophy was presented by Winifred Oakes", "Winifred Oakes"),
        ("Cyril Hatt won the cup again", "Cyril Hatt"),
        ("ask Norah Fitch, she has the shield", "Norah Fitch"),
        ("Mrs Plate rang about the raffle", "Mrs Plate"),
        ("tell gwen pollard cup of tea is ready", "gwen pollard"),
        ("give agnes the cup when she gets in", "agnes"),
        ("thank Lady Ormsby for the trophy", "Lady Ormsby"),
        ("Ada Hollins trophy photos are on the website", "Ada Hollins"),
    ],
)
def test_a_person_near_a_trophy_stays_a_person(text: str, name: str) -> None:
    assert not award_name(text, *bounds(text, name))
    assert not named_trophy(text, *bounds(text, name))


def test_the_full_name_of_a_trophy_in_a_trophy_message() -> None:
    text = "the Winifred Oakes is back from being engraved"
    assert named_trophy(text, *bounds(text, "Winifred Oakes"))
    family = "the Winifred Oakes family sent the trophy back"
    assert not named_trophy(family, *bounds(family, "Winifred Oakes"))
    plain = "the Winifred Oakes I know lives in Leeds"
    assert not named_trophy(plain, *bounds(plain, "Winifred Oakes"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tomasz and Ed pushed the survey past Ifan's Squeeze", "Ifan"),
        ("rigging Old Ned's Shaft on Saturday", "Old Ned"),
        ("water was over the Brannock Sump at noon", "Brannock"),
        ("callout: two cavers overdue in kit's crawl", "kit"),
        ("the ladder pitch into Pennock Pot was wet", "Pennock"),
        ("lead mine survey: Tresize Level flooded again", "Tresize"),
    ],
)
def test_a_cave_or_mine_passage_named_after_someone(text: str, name: str) -> None:
    assert cave_name(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nick Cave tickets for the caving club social", "Nick Cave"),
        ("Dave Gill led the cave rescue practice", "Dave Gill"),
        ("Ifan's level of fitness is fine for the trip", "Ifan"),
        ("Pete's dig at the treasurer was uncalled for", "Pete"),
        ("Amy Level 3 coaching starts on the survey day", "Amy"),
    ],
)
def test_a_person_by_a_cave_word_stays_a_person(text: str, name: str) -> None:
    assert not cave_name(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kezia finally landed a Losi grind on the ledge", "Losi"),
        ("the under 12s are learning the Cruyff turn at football", "Cruyff"),
        ("he keeps attempting McTwists on the vert ramp", "McTwists"),
        ("judges loved her Salchow and the Biellmann spin", "Salchow"),
        ("trick list: Nollie, Ollie, kickflip", "Ollie"),
        ("she nailed the Yurchenko on vault", "Yurchenko"),
    ],
)
def test_a_move_named_after_someone(text: str, name: str) -> None:
    assert named_move(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ollie landed a kickflip on the mini ramp", "Ollie"),
        ("Axel and Priya are at the rink till 6", "Axel"),
        ("the Okafors turn up late to every skate session", "Okafors"),
        ("the Smith twins booked the ramp", "Smith"),
    ],
)
def test_a_skater_with_a_moves_name_stays_a_person(text: str, name: str) -> None:
    assert not named_move(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("menu proofs: Garamond for the headings please", "Garamond"),
        ("swap the Fira Sans on the poster", "Fira Sans"),
        ("the Caslon looks cramped on the labels", "Caslon"),
        ("the Georgia font is too small on the sign", "Georgia"),
    ],
)
def test_a_typeface_in_a_message_about_type(text: str, name: str) -> None:
    assert typeface(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Georgia printed the labels yesterday", "Georgia"),
        ("Sam and Georgia did the signs", "Georgia"),
        ("Garamond rang about the rent", "Garamond"),
    ],
)
def test_a_person_with_a_typeface_name_stays_a_person(text: str, name: str) -> None:
    assert not typeface(text, *bounds(text, name))


def test_everyone_in_other_languages_is_not_a_name() -> None:
    assert everyone_word("wszyscy")
    assert everyone_word("Iedereen!")
    text = "Dzień dobry wszyscy"
    assert never_person(text, *bounds(text, "wszyscy"))
    assert not everyone_word("Tutti Frutti")
    assert not everyone_word("Priya")


def test_a_typeface_read_as_a_place() -> None:
    text = "we set the menu in Garamond with Bodoni headings"
    assert typeface_place(text, *bounds(text, "Garamond"))
    town = "the print shop in Georgia Street made the signs"
    assert not typeface_place(town, *bounds(town, "Georgia"))


def test_a_runner_on_a_race_card_is_a_dog() -> None:
    text = "race card: T4 Drumbeg Sally (Mr Ashworth) T5 Fleet Tilly (June Roe)"
    assert race_runner(text, *bounds(text, "Sally"))
    assert race_runner(text, *bounds(text, "Fleet Tilly"))
    assert not race_runner(text, *bounds(text, "June Roe"))
    tables = "bookings: T1 Sally x4 19:00, T2 June Roe x2 20:00"
    assert not race_runner(tables, *bounds(tables, "Sally"))
