"""Towns no list has, read by where they stand (round 19, issue 15).

The place names here are made up ("Wenthorpe", "Hollowby Parva"): no list holds them, as no
list holds every village a blind corpus names.
"""

from __future__ import annotations

import pytest

from sar_desk.core.identity import name_key
from sar_desk.detect.case_things import case_things
from sar_desk.detect.place_slots import town_modifier
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the section secretary says the Wenthorpe pitch rent is going up", "Wenthorpe"),
        ("machine broken into at the Hollowby Parva garage overnight", "Hollowby Parva"),
        ("wind 28mph gusts at the wenthorpe fete, organiser not happy", "wenthorpe"),
        ("tea urn for the Wenthorpe village hall", "Wenthorpe"),
    ],
)
def test_a_town_before_a_site_after_the_is_a_town_modifier(text: str, value: str) -> None:
    assert town_modifier(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("wants the Kenco machine moved", "Kenco"),  # goods
        ("T2 (the Fred Perry table) booked", "Fred Perry"),  # furniture
        ("the Ransome stretch is flooded", "Ransome"),  # a stretch of river is no site
        ("Wenthorpe garage rang", "Wenthorpe"),  # no "the": a firm's or a person's
        ("the Wenthorpe garages", "Wenthorpe"),  # the word must end there
    ],
)
def test_goods_furniture_and_bare_names_are_no_town_modifier(text: str, value: str) -> None:
    assert not town_modifier(*span_of(text, value))


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (["says the Wenthorpe pitch rent is going up"], "Wenthorpe"),
        (["at the Hollowby Parva garage overnight"], "Hollowby Parva"),
        (["the Wenthorpe depot flooded", "the wenthorpe library again"], "Wenthorpe"),
    ],
)
def test_a_town_before_a_site_is_no_thing_for_the_case(texts: list[str], name: str) -> None:
    # Round 18 dropped the model's PERSON guess on these towns as things' names, and the town
    # then went unproposed (v21: 6 of 657 town spans).
    assert case_things(texts, [name]) == frozenset()


def test_a_thing_before_goods_is_still_a_thing() -> None:
    assert case_things(["wants the Kenco machine moved"], ["Kenco"]) == {name_key("Kenco")}
