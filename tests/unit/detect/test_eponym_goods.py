"""Round-23 things named after people (issue 15): cultivars, listed boats, sleights, makers, faces.

Phrases and names written for these tests (not taken from the evaluation corpora). Each family
has its person-safe counterpart: the same name used of a person stays a person.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.eponym_goods import entry_end
from sar_desk.detect.not_people import _thing, never_person
from sar_desk.detect.relabel import trim_span
from tests.unit.detect.conftest import bounds

pytestmark = pytest.mark.usefixtures("shipped_lists")


THINGS = [
    # cultivars: before a plant word, quoted after one, in a list, after growing words
    ("she planted a Jessie Rowe rose by the shed", "Jessie Rowe"),
    ("the Wilfred Tanner apples are ready to pick", "Wilfred Tanner"),
    ("clematis 'Nelly Tate' is flowering", "Nelly Tate"),
    ("roses by the gate: Jessie Rowe, Lady Clara, Tom Bright", "Lady Clara"),
    ("roses by the gate: Jessie Rowe, Lady Clara, Tom Bright", "Tom Bright"),
    ("we lifted two sacks of Kerr Pilot for the veg show", "Kerr Pilot"),
    ("crumble came out well, used Howgate as always", "Howgate"),
    ("show entries (apples): Ada Rowe - Jessie Tate, Bob Hale - Lady Clara", "Jessie Tate"),
    # boats and animals in a list opened after their plural kind
    ("boats on the mooring list: Auntie Vi, Skipper Tom, Heron", "Auntie Vi"),
    ("boats on the mooring list: Auntie Vi, Skipper Tom, Heron", "Skipper Tom"),
    # sleights named after whoever published them, in a message about magic
    ("Dai is teaching the Kelner card switch tonight, bring a deck", "Kelner"),
    ("the Vernon touch is the hardest move in the lecture", "Vernon"),
    # makers before their goods
    ("Rabone levels are in the blue box", "Rabone"),
    ("she left her Hetton mallet in the shed", "Hetton"),
    ("he bought a Pendry yesterday, folds in half", "Pendry"),
    ("she borrowed my Rabone, needs it back by Friday", "Rabone"),
    # typefaces read from the words around them, listed or not
    ("the menu is set in Pelham, looks great", "Pelham"),
    ("try Pelham italic for the captions", "Pelham"),
    ("Caslon on the title blocks, not Garamond, Tom", "Garamond"),
    ("Bodoni for the drawings please", "Bodoni"),
]

PEOPLE = [
    ("Maris said the roses are in", "Maris"),
    ("Jessie's roses won again", "Jessie"),
    ("Ethel rose from her chair slowly", "Ethel"),
    ("potatoes: Sam to lift them on Tuesday", "Sam"),
    ("Ethel is on the boat", "Ethel"),
    ("boats: Ethel is on the boat tonight", "Ethel"),
    ("Kelner did the card tricks at the gala", "Kelner"),
    ("bring Sam chisels tomorrow", "Sam"),
    ("Sam's chisels are blunt", "Sam"),
    ("Pelham said the posters are late", "Pelham"),
    ("the show is set in Truro", "Truro"),
]


@pytest.mark.parametrize(("text", "name"), THINGS)
def test_named_things_are_not_people_or_places(text: str, name: str) -> None:
    start, end = bounds(text, name)
    assert never_person(text, start, end)
    assert _thing(text, "LOCATION", start, end)


@pytest.mark.parametrize(("text", "name"), PEOPLE[:-1])
def test_the_same_names_used_of_people_stay_people(text: str, name: str) -> None:
    start, end = bounds(text, name)
    assert not never_person(text, start, end)


def test_a_town_a_story_is_set_in_stays_a_place() -> None:
    text, name = PEOPLE[-1]
    start, end = bounds(text, name)
    assert not _thing(text, "LOCATION", start, end)


def test_a_name_run_on_into_a_show_entry_stops_before_the_dash() -> None:
    text = "sweet pea show entries: Ada Rowe - Jessie Tate, Bob Hale - Lady Clara"
    start = text.index("Ada")
    assert trim_span(text, start, text.index(",")) == (start, start + len("Ada Rowe"))


def test_a_dash_in_a_list_of_tasks_is_left_alone() -> None:
    text = "keys signed out: plant room - Ada Rowe, roof - Bob Hale"
    start = text.index("plant")
    assert entry_end(text, start, text.index(",")) == text.index(",")


def test_the_rest_of_a_listed_rose_s_name_may_follow_the_span() -> None:
    text = "roses by the gate: Jessie Rowe, Lady Clara Bright, Tom Bright"
    start, end = bounds(text, "Lady Clara")
    assert never_person(text, start, end)
    start, end = bounds("potatoes: Sam to lift them", "Sam")
    assert not never_person("potatoes: Sam to lift them", start, end)


def test_a_lower_case_word_name_keeps_its_run_on() -> None:
    # Cut to "sunny", the name would be dropped as a word: over-redacting the rose is safer.
    text = "rose show entries: sunny - jessie tate, ada rowe - lady clara"
    assert entry_end(text, 19, text.index(",")) == text.index(",")


def test_a_place_before_the_thing_used_stays_a_place() -> None:
    text = "the group are using the Kippen hall on weds"
    start, end = bounds(text, "Kippen")
    assert not _thing(text, "LOCATION", start, end)
    text = "we bought the Okafors' old van"
    start, end = bounds(text, "Okafors")
    assert not never_person(text, start, end)
