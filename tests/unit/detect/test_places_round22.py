"""Places and addresses in more positions, and sites that are no one's place (round 22).

Villages here are made up ("Hollinthwaite", "Carrowby", "Pennock Magna") or, where a listed
village is needed, one of the shipped village list that no corpus names ("Cropredy").
"""

from __future__ import annotations

import pytest

from sar_desk.detect.civic_places import not_a_place
from sar_desk.detect.field_commas import as_commas
from sar_desk.detect.recognizers.site_streets import site_streets
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _places(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _sc, _n in UkPlaceRecognizer().noted_spans(text)]


def _streets(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _sc, _n in StreetAddressRecognizer().noted_spans(text)]


def test_delimiters_read_as_commas_keep_every_offset() -> None:
    text = "Ann Lee ~ 4 Brook Row ~ Carrowby ~ LA6 2AB ~ 07700 900123"
    read = as_commas(text)
    assert len(read) == len(text)
    assert read.startswith("Ann Lee,  4 Brook Row,  Carrowby,")
    # One delimiter, or two different ones, is no list of fields.
    assert as_commas("it costs ~ 20 quid") == "it costs ~ 20 quid"
    assert as_commas("red | blue · green") == "red | blue · green"
    # Nor is a line with no postcode: "45, Jupiter," would read as a house and a street.
    log = "21:10 · M31 · Dev/21:45 · Jupiter · mere/22:30"
    assert as_commas(log) == log


@pytest.mark.parametrize(
    ("text", "town", "street"),
    [
        ("Ann Lee ~ 41 Netherby ~ Carrowby ~ LA22 9NJ ~ 07700 900456", "Carrowby", "41 Netherby"),
        ("joss carver | 7b wharfside | hollinthwaite | dl11 6ln", "hollinthwaite", "7b wharfside"),
        (
            "Flat 3, 22 Mill Ope · Pennock Magna · CA10 1QA · 07700 900111",
            "Pennock Magna",
            "Flat 3",
        ),
    ],
)
def test_a_line_of_delimited_fields_gives_its_town_and_street(
    text: str, town: str, street: str
) -> None:
    assert town in _places(text)
    assert any(s.startswith(street) for s in _streets(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the vicar at Hollinthwaite says the hymn board is ours", "Hollinthwaite"),
        ("the chapel at Carrowby wants the quote by Friday", "Carrowby"),
        ("the farmer at Pennock Magna let his dog off again", "Pennock Magna"),
        ("the warden at hollinthwaite says no", "hollinthwaite"),
        ("signed up today, phone 07700 900123, lives Carrowby", "Carrowby"),
        ("Dev rang from Hollinthwaite about the puppy", "Hollinthwaite"),
        ("she went to Carrowby for a week, back Mon", "Carrowby"),
        ("can you take the van to Pennock Magna tmrw", "Pennock Magna"),
        ("needs a lift from Hollinthwaite on Sunday, text her", "Hollinthwaite"),
        ("weather: Dev might move the Carrowby job to Weds", "Carrowby"),
        ("the bunting at cropredy, crew meet at 8", "cropredy"),
        ("the lad from Carrowby (Dev) who found the cat rang", "Carrowby"),
    ],
)
def test_a_village_no_list_has_is_placed_by_its_clause(text: str, value: str) -> None:
    assert value in _places(text)


@pytest.mark.parametrize(
    "text",
    [
        "the nurse glared at Okonkwo says nothing",  # looked at a person
        "the message at Priya says call back",  # a given name
        "she shouted at Dev is what happened",
        "she lives Monday to Friday at her dad's",  # a day
        "say thanks to dean, he did the lot",  # a name in lower case after "to"
        "sold at Accounts is fine",  # English words
        "a card from Priya (my cousin) came",  # a given name before a bracket
    ],
)
def test_people_and_words_in_those_clauses_stay_out(text: str) -> None:
    assert _places(text) == []


def test_a_town_that_starts_like_a_weekday_is_still_a_town() -> None:
    # "Fridaythorpe" begins like "Friday" and is a village; "on Sat" closes the phrase.
    assert "Satterthorne" in _places("craft stall at Satterthorne on Sat, two tables")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can you drop the cones off at 71b Changing Room before 7", "71b Changing Room"),
        ("boiler service: 12A Bowls Pavilion, every 3rd Weds", "12A Bowls Pavilion"),
        ("survey for Ann Lee, 9B Wax Room, B35 0SY", "9B Wax Room"),
        ("the tack is at 40 tack store, grab it", "40 tack store"),
        ("left the oars at 131 the boat shed, grab them", "131 the boat shed"),
    ],
)
def test_a_house_number_on_a_sites_name_is_an_address(text: str, value: str) -> None:
    assert value in [text[s:e] for s, e, *_ in site_streets(text)]


@pytest.mark.parametrize(
    "text",
    [
        "she wants a 2 bedroom house, near school",
        "meet at 10 in the hall",
        "meet at 6 the boat shed.",
        "we need 6 rooms at the hotel",
    ],
)
def test_counts_and_times_are_no_sites_address(text: str) -> None:
    assert site_streets(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the kettle in the Drying Room is broken", "the Drying Room"),
        ("we sat in the Members Lounge all day", "the Members Lounge"),
        ("hand the keys back to the Boat Store by Sun", "Sun"),
    ],
)
def test_a_bodys_room_and_a_short_day_are_no_place(text: str, value: str) -> None:
    assert not_a_place(*span_of(text, value))


def test_a_town_and_a_sunday_word_elsewhere_stay_places() -> None:
    assert not not_a_place(*span_of("moved to Sunderland", "Sunderland"))
    assert not not_a_place(*span_of("saw the Sun at noon", "Sun"))
