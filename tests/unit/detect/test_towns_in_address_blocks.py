"""Towns inside addresses, word-towns after a place word, and model places cut to size.

Issue 15, round 6. Every address and sentence here was written for these tests (invented
streets, people and postcodes), none taken from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.ner_spans import pieces
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def places(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in UkPlaceRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("4 Orchard Way\nKnotty Ash\nL14 6XY", "Knotty Ash"),  # a line between street and postcode
        ("22 Sandpipers, Little Pennock, DL3 7QQ", "Little Pennock"),  # unlisted, in the slot
        ("9 heol y bryn\nmold\nch7 1aa", "mold"),  # a word-town in lower case
        ("post it to 51 Tannery Row, March, PE15 8AA please", "March"),  # a month in the slot
        ("c/o her sister, 3 Kiln Yard, march", "march"),  # closing an address
    ],
)
def test_the_town_slot_of_an_address_is_a_town(text: str, town: str) -> None:
    assert town in places(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("we're moving to March end of the month", "March"),  # a month cannot take another time
        ("clinic in March tomorrow, 2pm", "March"),
        ("the train from March was cancelled", "March"),
        ("her last address was in deal, before the move", "deal"),
        ("physio in mold weds?", "mold"),
        ("opening the looe shop in spring", "looe"),  # a listed town before "shop"
    ],
)
def test_towns_placed_by_the_words_around_them(text: str, town: str) -> None:
    assert town in places(text)


@pytest.mark.parametrize(
    "text",
    [
        "the hearing moved to March",  # a month
        "see you in March",
        "we had 12 in March and 3 in April",
        "sorry, item not in stock, thanks",  # everyday phrases with a word-town in them
        "lost in battle.",
        "shall we deal with it today",
    ],
)
def test_months_and_everyday_phrases_stay_words(text: str) -> None:
    assert places(text) == []


def test_a_model_place_is_cut_at_line_breaks_and_before_a_postcode() -> None:
    text = "12 Cherry Garth\nHolt NR25 6AA"
    start = text.index("Cherry")
    postcode = text.index("NR25")
    cut = pieces(text, start, len(text) - 4, [(postcode, len(text))])
    assert [text[a:b] for a, b in cut] == ["Cherry Garth", "Holt"]
    assert pieces("Leeds, W/Yorks", 0, 5, []) == [(0, 5)]  # nothing to cut
    assert pieces("a\nw/\nb", 0, 6, []) == []  # a letter and a slash are no place
