"""Round-16 precision rules (issue 15): names beside their kind, makes, weekdays, particles.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.day_words import weekday
from sar_desk.detect.kind_names import (
    article_thing,
    greeted_group,
    kind_headed,
    lone_particle,
    maker_before_wares,
    post_after_word,
)
from sar_desk.detect.not_people import never_person
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Oven Maud is smoking again, open a window", "Oven Maud"),
        ("Oven Maud is smoking again", "Maud"),
        ("can you empty the mixer Gladys before you go", "Gladys"),
        ("our tractor Old Winifred needs diesel", "Old Winifred"),
        ("Little Edna (the green dinghy) has a hole", "Little Edna"),
        ("the Lady Agnes (our narrowboat) is moored up", "Lady Agnes"),
    ],
)
def test_a_name_headed_by_its_kind_is_a_thing(text: str, value: str) -> None:
    assert kind_headed(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Maud from the oven room rang", "Maud"),
        ("our driver Gladys is off sick", "Gladys"),
        ("Train Gladys on the till please", "Gladys"),
        ("Van Okoye rang about the invoice", "Van Okoye"),
        ("Maud's van (the white one) is outside", "Maud"),
    ],
)
def test_a_person_beside_a_kind_word_stays_a_person(text: str, value: str) -> None:
    assert not kind_headed(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("she rides a Pashley to work", "Pashley"),
        ("booked the Chimneyman for Friday", "Chimneyman"),
        ("the Porter said the lift is out", "Porter"),
    ],
)
def test_a_make_or_a_job_after_an_article_is_no_person(text: str, value: str) -> None:
    assert article_thing(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mr Porter rang about the lift", "Mr Porter"),
        ("ask Porter about the lift", "Porter"),
        ("Sam Thatcher rang", "Sam Thatcher"),
        ("a Priya from the council rang", "Priya"),
        ("the Okafor case is closed", "Okafor"),
        ("the Okafor family moved out", "Okafor"),
        ("the Porters were in", "Porters"),
        ("the Sam Okafor who rang", "Sam"),
    ],
)
def test_people_after_an_article_are_kept(text: str, value: str) -> None:
    assert not article_thing(*span_of(text, value))
    assert not never_person(*span_of(text, value))


@pytest.mark.parametrize("value", ["Saturday", "tuesday", "Weds", "Sunday's"])
def test_a_weekday_is_never_a_person(value: str) -> None:
    assert weekday(value)
    assert never_person(*span_of(f"our {value} reader is off", value))


def test_a_name_is_not_a_weekday() -> None:
    assert not weekday("Satya")
    assert not never_person(*span_of("our Satya reader is off", "Satya"))


@pytest.mark.parametrize("value", ["van", "de", "von", "van dashcam"])
def test_a_lower_case_particle_alone_is_no_person(value: str) -> None:
    assert lone_particle(value)
    assert never_person(*span_of(f"check the {value} footage", value))


@pytest.mark.parametrize("value", ["Van", "van dijk", "de souza", "dan van dijk"])
def test_a_particle_with_a_name_is_kept(value: str) -> None:
    assert not lone_particle(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a Moorcroft vase and two Wedgwood plates in lot 9", "Moorcroft"),
        ("fit a Chubb deadlock on the back door", "Chubb"),
        ("Pashley and Dawes parts came today", "Pashley"),
        ("a Susie Cooper teapot, chipped", "Susie"),
    ],
)
def test_a_maker_before_its_wares_is_no_person(text: str, value: str) -> None:
    assert maker_before_wares(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Priya's vase is in lot 9", "Priya"),
        ("Priya plates up the starters", "Priya"),
        ("ask Priya", "Priya"),
    ],
)
def test_a_person_near_wares_is_kept(text: str, value: str) -> None:
    assert not maker_before_wares(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [("Morning plasterers, skip due at 8", "plasterers"), ("Hi glaze people 👋", "glaze")],
)
def test_a_greeted_group_is_no_person(text: str, value: str) -> None:
    assert greeted_group(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"), [("Morning james", "james"), ("hi priya, all ok?", "priya")]
)
def test_a_greeted_person_is_kept(text: str, value: str) -> None:
    assert not greeted_group(*span_of(text, value))


def test_a_trade_closing_a_post_is_no_person() -> None:
    text = "Ola (Warehouse Porter) signed for it"
    assert post_after_word(*span_of(text, "Porter"))
    assert never_person(*span_of(text, "Porter"))


@pytest.mark.parametrize(
    ("text", "value"),
    [("(Sam Porter) signed", "Porter"), ("Ask Porter", "Porter"), ("the Mr Porter", "Porter")],
)
def test_a_trade_after_a_name_or_at_the_start_is_kept(text: str, value: str) -> None:
    assert not post_after_word(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [("call ines von tromp back", "von"), ("mr van den hoek rang", "den")],
)
def test_a_particle_inside_a_lower_case_name_is_kept(text: str, value: str) -> None:
    assert not never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the Wozniak famly want to swap days", "Wozniak"),
        ("left the gate open at the Llandeilo house", "Llandeilo"),
        ("sent to 12 Ceann a Bhruthaich, PA1 1AA", "Bhruthaich"),
    ],
)
def test_a_name_before_its_noun_or_after_a_gaelic_particle_is_kept(text: str, value: str) -> None:
    assert not article_thing(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dr friday left her phone", "friday"),
        ("solicitor Miro Monday from Leeds", "Monday"),
        ("miro monday wants the footage", "monday"),
    ],
)
def test_a_weekday_family_name_after_a_title_or_a_given_name_is_kept(text: str, value: str) -> None:
    assert not never_person(*span_of(text, value))


def test_a_street_after_a_house_number_and_the_is_no_make() -> None:
    assert not article_thing(*span_of("at 55 The Rookery, crew sent", "Rookery"))


@pytest.mark.parametrize(
    ("text", "value"),
    [("the delivery van footage shows it", "van"), ("Acacia jars mislabelled", "Acacia")],
)
def test_a_particle_before_a_word_and_a_make_before_jars_are_no_person(
    text: str, value: str
) -> None:
    assert never_person(*span_of(text, value))


def test_a_particle_between_a_lower_case_name_and_a_stop_word_is_kept() -> None:
    assert not never_person(*span_of("ludo nguyen van and Hiwot", "van"))


def test_a_name_after_a_capitalised_word_and_of_the_is_kept() -> None:
    assert not article_thing(*span_of("moving to 19a Back o' the Mill, LL34 1ZY", "Mill"))
