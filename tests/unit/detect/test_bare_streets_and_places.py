"""Suffix-less streets and placed UK towns (issue 15, round 5): what the shape and the words
around a value decide, on synthetic text written for these rules."""

from __future__ import annotations

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.recognizers.uk_place_recognizer import (
    UkPlaceRecognizer,
    place_word,
    placed_in_address,
)

pytestmark = pytest.mark.usefixtures("shipped_lists")


def spans(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in recognizer.spans(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("boiler out at 31 Glyncorrwg since friday", ["31 Glyncorrwg"]),
        ("parcel left at 7b Cwm-yr-Eglwys, no answer", ["7b Cwm-yr-Eglwys"]),
        ("keys for Flat 3, 58 Dolwar Fach are in the safe", ["Flat 3, 58 Dolwar Fach"]),
        ("the viewing at 12 Strathbungo went fine", ["12 Strathbungo"]),
    ],
)
def test_numbered_names_without_a_suffix_are_streets(text: str, expected: list[str]) -> None:
    assert spans(StreetAddressRecognizer(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "meet at 3 Ottilie about it",  # a time and a listed given name
        "at 4 Priyanka Okafor rang",  # a time and someone who then speaks
        "bay 3 Strathbungo ward",  # numbers that count beds, years, pages
        "year 9 Glyncorrwg trip",
        "took 2 Co-codamol at lunch",  # things had or given
        "the 3 Musketeers again",
        "I got 3 Stars on the review",  # common English words
        "5 Mins walk from here",
        "see you at 10 tmrw",
        "call at 10 Teams link below",  # a product
    ],
)
def test_counts_times_and_words_are_not_streets(text: str) -> None:
    assert spans(StreetAddressRecognizer(), text) == []


def test_lower_case_bare_streets_need_a_cue_and_an_end() -> None:
    street = StreetAddressRecognizer()
    assert spans(street, "dropped the form at 31 glyncorrwg, no reply") == ["31 glyncorrwg"]
    assert spans(street, "moved to flat 2, 8 strathbungo in may") == ["flat 2, 8 strathbungo"]
    assert spans(street, "31 glyncorrwg needs a visit") == []  # no cue before it
    assert spans(street, "back at 10 tmrw, ok") == []  # a chat word, not a street


def test_lower_case_welsh_street_words_place_themselves() -> None:
    street = StreetAddressRecognizer()
    assert spans(street, "surveyor says 6 ffordd y gamlas needs a new roof") == [
        "6 ffordd y gamlas"
    ]
    assert spans(street, "4 Heol Dewi SA1 2AB") == ["4 Heol Dewi"]  # not the postcode district


def test_towns_that_are_words_only_after_a_place_word() -> None:
    places = UkPlaceRecognizer()
    assert spans(places, "her sister moved to Reading last year") == ["Reading"]
    assert spans(places, "grew up near Bath") == ["Bath"]
    assert spans(places, "Reading the file now") == []
    assert spans(places, "she has a Bachelor of Law") == []  # "of" places no word-town
    assert spans(places, "the Street team") == []


def test_lower_case_towns_where_they_stand_as_places() -> None:
    places = UkPlaceRecognizer()
    assert spans(places, "the train from wigan was cancelled") == ["wigan"]
    assert spans(places, "new flat is 9 brook row, ebbw vale") == ["ebbw vale"]
    assert spans(places, "wigan was cancelled") == []  # no place word
    assert spans(places, "going from reading to writing") == []  # a word as well as a town


def test_address_context_and_lower_case_guesses() -> None:
    text = "74 Mill Lane, Stafford, ST16 2AB"
    assert placed_in_address(text, 14, 22)
    assert placed_in_address("write to Stafford ST16 2AB", 9, 17)
    assert not placed_in_address("Stafford rang back", 0, 8)
    assert not place_word("is she in tdy or wfh", 17, 20, "wfh")
    assert place_word("moved to spain", 9, 14, "spain")
    assert place_word("Wfh all week", 0, 3, "Wfh")  # capitalised: NER's guess stands


def test_months_and_dates_are_not_towns_or_streets() -> None:
    assert spans(UkPlaceRecognizer(), "the hearing was put back to March") == []
    assert spans(StreetAddressRecognizer(), "Sent: 14 Febuary 10:32") == []
    assert spans(StreetAddressRecognizer(), "due 14 Febuary 2027") == []


def test_word_towns_and_common_words_are_loaded_apart_from_the_place_list() -> None:
    gaz = gazetteer.current()
    assert gaz.is_word_place("Reading")
    assert not gaz.is_place("reading")
    assert gaz.is_common_word("Stars")
    assert not gaz.is_common_word("glyncorrwg")


def test_a_capitalised_common_word_is_a_street_only_when_placed() -> None:
    street = StreetAddressRecognizer()
    assert spans(street, "the parcel went to 27 Poplars.") == ["27 Poplars"]
    assert spans(street, "sorted 27 Poplars and the rest") == []
    assert spans(street, "asked for 3 boxes.") == []  # lower case: never a common word


def test_more_street_suffixes_and_house_number_labels() -> None:
    street = StreetAddressRecognizer()
    assert spans(street, "keys are at 8 Hazel Croft") == ["8 Hazel Croft"]
    assert spans(street, "bins at 3 larch wynd not collected") == ["3 larch wynd"]
    assert spans(street, "she lives at no. 6 Glyncorrwg") == ["6 Glyncorrwg"]


def test_saints_and_towns_placed_by_what_follows_them() -> None:
    gaz = gazetteer.current()
    assert gaz.is_place("St. Andrews")
    assert gaz.is_place("Saint Andrews")
    places = UkPlaceRecognizer()
    assert spans(places, "her mum moved to St. Andrews") == ["St. Andrews"]
    assert placed_in_address("seen at Stafford General", 8, 16)
    assert placed_in_address("the Leek office rang", 4, 8)


def test_a_lower_case_word_town_only_inside_an_address() -> None:
    places = UkPlaceRecognizer()
    assert spans(places, "9 brook row, sale, m33 7xy") == ["sale"]
    assert spans(places, "the sale in town") == []


def test_the_streets_apostrophes_hyphens_and_possessives() -> None:
    street = StreetAddressRecognizer()
    assert spans(street, "keys at 14 The Hawthorns, ask") == ["14 The Hawthorns"]
    assert spans(street, "see page 3 The Herald") == []
    assert spans(street, "post for 9 st anne's close, ok") == ["9 st anne's close"]
    gaz = gazetteer.current()
    assert gaz.is_place("Newcastle-upon-Tyne")
    assert gaz.is_place("stoke on trent")
    assert spans(UkPlaceRecognizer(), "the Truro's food bank rang") == ["Truro"]


def test_years_and_references_are_not_houses() -> None:
    street = StreetAddressRecognizer()
    assert spans(street, "under the Housing Act 1996 Sch 2 Pt 1") == []
    assert spans(street, "see 12 Reg 4 of the rules") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes, 4 left.", []),  # a shop's stock, not a house at the end of a line
        ("Sorry, 2 Spare.", []),
        ("Invoice for Mrs Lee, 12 Kilnhurst", ["12 Kilnhurst"]),
    ],
)
def test_a_line_ending_in_everyday_words_after_a_number_is_no_address(
    text: str, expected: list[str]
) -> None:
    assert spans(StreetAddressRecognizer(), text) == expected
