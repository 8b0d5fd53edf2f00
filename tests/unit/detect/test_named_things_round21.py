"""Round-21 names given to things (issue 15): storms, openings, engines, machines, ghosts, boats.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.case_things import case_things
from sar_desk.detect.famous_things import famous_thing
from sar_desk.detect.not_people import never_person
from sar_desk.detect.thing_names import named_storm
from tests.unit.detect.conftest import bounds

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Storm Wilfreda warning, the pier is shut", "Storm Wilfreda"),
        ("Storm Quillon is coming Sunday so the fete is off", "Storm Quillon"),
        ("Storm Idris may cancel the regatta", "Storm Idris"),
        ("nobody goes out on the lake in Storm Ellis please", "Storm Ellis"),
        ("storm quillon could cancel the match", "storm quillon"),
    ],
)
def test_a_storm_said_to_come_or_hit_is_weather(text: str, name: str) -> None:
    assert named_storm(text, *bounds(text, name))
    assert never_person(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Storm Cadwaladr rang about the invoice", "Storm Cadwaladr"),
        ("notes sent to Storm Ellis for comment", "Storm Ellis"),
        ("Storm Okafor is coming Friday to the office", "Storm Okafor"),  # a family name
        ("storm cadwaladr is coming to the meeting", "storm cadwaladr"),
    ],
)
def test_a_person_called_storm_stays_a_person(text: str, name: str) -> None:
    assert not named_storm(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Priya played the Ruy Lopez and got mated in 20 moves", "Ruy Lopez"),
        ("Caro-Kann again? that opening is so solid", "Caro-Kann"),
        ("club night: the Winawer lines, bring your own pawns", "Winawer"),
        ("Sicilian Dragon talk on Friday", "Sicilian Dragon"),
        ("anyone fancy the King's Indian tonight", "King's Indian"),
        ("we looked at the Albin Countergambit", "Albin Countergambit"),
        ("Flying Scotsman loco at the gala Saturday", "Flying Scotsman"),
        ("the Duchess of Sutherland is in steam Sunday", "Sutherland"),
    ],
)
def test_a_named_opening_or_locomotive_is_a_thing(text: str, name: str) -> None:
    assert famous_thing(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ruy Lopez rang about the rota", "Ruy Lopez"),  # no chess here: a person
        ("the Duchess of Sutherland opened the fete", "Sutherland"),  # no railway
        ("Ellen Winawer is on leave", "Ellen Winawer"),
        ("played the Petrov Defence against Ellen", "Ellen"),
    ],
)
def test_a_person_beside_no_opening_or_railway_stays(text: str, name: str) -> None:
    assert not famous_thing(text, *bounds(text, name))


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (["the big lathe is called Hilda Mae, book it on the sheet"], "Hilda Mae"),
        (["the printer is named Doreen and she jams daily"], "Doreen"),
        (["the kids love the ghost story about Old Tobiah"], "Old Tobiah"),
        (["the Annie Croft has a split hull, don't take her out"], "Annie Croft"),
        (["the farm dog is Brutus, mind your fingers"], "Brutus"),
    ],
)
def test_a_machine_ghost_boat_or_animal_name_is_a_thing(texts: list[str], name: str) -> None:
    assert case_things(texts, [name]) == {name.casefold()}


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        # a person elsewhere in the case wins
        (["the printer is named Doreen", "ask Doreen about the rota"], "Doreen"),
        (["the Annie Croft has a split hull", "Annie Croft said she'd fix it"], "Annie Croft"),
        # a person, not a thing: a trade before "called", no part after "has"
        (["the new cleaner is called Doreen"], "Doreen"),
        (["Annie Croft has a new phone"], "Annie Croft"),
        (["our tenor is Doreen this term"], "Doreen"),
        (["the rota is Doreen then Brutus"], "Doreen"),
    ],
)
def test_a_person_keeps_the_name(texts: list[str], name: str) -> None:
    assert case_things(texts, [name]) == frozenset()


def test_a_name_after_a_describing_or_maker_word_is_read_alone() -> None:
    texts = ["the kiln is called Big Mavis, it runs hot", "the laser is named Zyntex Reg"]
    assert case_things(texts, ["Mavis", "Reg"]) == {"mavis", "reg"}
    # a given name before it makes a person's whole name: "called Jo Mavis"
    assert case_things(["the kiln tech is called Jo Mavis"], ["Mavis"]) == frozenset()


def test_storm_spread_alone_reads_the_whole_phrase() -> None:
    text = "the juniors are on the water in Storm Idris, call me"
    start = text.index("Storm")
    assert named_storm(text, start, start + len("Storm"))
    text = "notes sent to Storm Idris for comment"
    start = text.index("Storm")
    assert not named_storm(text, start, start + len("Storm"))
