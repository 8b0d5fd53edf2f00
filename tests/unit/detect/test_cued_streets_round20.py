"""Round 20: a house number after a place preposition, closed by a verb or a comma (issue 15).

A number after "on", "off", "towards" or a resident's "at" followed by a few words that end the
phrase is where someone lives, whatever the words; counts, times, numbered lists of people and
numbers before a clause's subject are not. Every phrase was written for these tests (invented
streets and people), none taken from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.numbered_names import in_numbered_list
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.relabel import street_start

pytestmark = pytest.mark.usefixtures("shipped_lists")


def streets(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in StreetAddressRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        # a street with a suffix, then two capitalised words and a speech verb: not a time
        (
            "tenant Orla Quill on 63 Brackenthwaite Lane says the gutter leaks",
            "63 Brackenthwaite Lane",
        ),
        ("Lorcan Pye at 118 Tanyard Row wants a skip on Friday", "118 Tanyard Row"),
        ("neighbour ivo pye on 7 Limekiln Wynd says the bins went", "7 Limekiln Wynd"),
        # everyday words as a street, placed by a preposition and closed by a verb
        ("the grit bins at 57 boathouse need filling", "57 boathouse"),
        ("Mrs Quill off 94 Orchid Room asked about the keys", "94 Orchid Room"),
        ("Mrs Quill off 94 Orchid Room aksed about the keys", "94 Orchid Room"),
        ("neighbour ivo on 31 the ginnel says the hedge is high", "31 the ginnel"),
        ("the van went towards 12 Upper Kilngate, the tracker says", "12 Upper Kilngate"),
        ("our client at 5 lantern yard, penrith, wants a callback", "5 lantern yard"),
        ("resident orla on 22 heol y felin says the drain is blocked", "22 heol y felin"),
        # two digits are never "four digits": the phrase ends the message
        ("the bins were not emptied on 16 Wherry Chare", "16 Wherry Chare"),
        ("post it to Flat 4, 27 Bryn-y-mor. Thanks", "Flat 4, 27 Bryn-y-mor"),
    ],
)
def test_a_cued_number_and_closed_words_make_an_address(text: str, street: str) -> None:
    assert street in streets(text)


@pytest.mark.parametrize(
    "text",
    [
        "the console crashed on screen 2, Ivo Pye restarted it",
        "no flights above 15, Orla says the gusts are bad",
        "coach is Orla Quill, 40 voices, need the main hall",
        "kiln held at 1280 overnight, Ivo checks it at six",
        "the van driver dropped off 6 crates today",
        "furnace ran at 1150 Steady, Ivo checks it",
        "she sang with them for 30 yaers, a long time",
        "tide low 10:40, Kingsleigh and Ivo on the sands",
        "at 5 mum said it was fine",
        "3 Orla Quill 4 Ivo Pye 5 Lorcan Pye (c) rang the quarter",
    ],
)
def test_counts_times_and_lists_are_no_address(text: str) -> None:
    assert streets(text) == []


def test_a_time_then_a_person_speaking_is_still_no_address() -> None:
    assert streets("call at 4 Maeve Dunphy said she would") == []


def test_a_numbered_list_of_people_is_no_house() -> None:
    text = "band: 1 Orla Quill 2 Ivo Pye 3 Lorcan Pye"
    assert in_numbered_list(text, text.index("2 Ivo"))
    assert street_start(text, text.index("Ivo")) is None


def test_a_cued_number_and_a_name_like_street_is_still_a_house() -> None:
    text = "she lives at 41 Pen-y-Graig with her sister"
    assert street_start(text, text.index("Pen")) == text.index("41")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sofa bed (2 seater) and a desk", []),
        ("memo to Mr Ode, archive (4 depts)", []),
        ("she wrote down the wrong address (41c larkspurs)", ["41c larkspurs"]),
        ("lot 61, Marisol says it is a copy", []),
        ("peg 23 Orla Quill DNF", []),
        ("order for Ivo Pye, 9 loaves, collect at noon", []),
        ("meet at 12 Wherry Row, 8 signed up so far", ["12 Wherry Row"]),
    ],
)
def test_counted_things_in_lists_and_brackets_are_no_address(
    text: str, expected: list[str]
) -> None:
    assert streets(text) == expected


def test_a_numbered_thing_before_the_number_keeps_a_name_from_being_a_street() -> None:
    text = "match sheet:\npeg 17 Orla Quill DNW"
    assert street_start(text, text.index("Orla")) is None
