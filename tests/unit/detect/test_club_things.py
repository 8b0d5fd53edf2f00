"""Bodies, kit, platforms and cricket calls a club's chat names (issue 15, round 21).

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.address_words import spoken_not_named
from sar_desk.detect.brands import vehicle
from sar_desk.detect.club_things import (
    acronym_product,
    board_computer,
    coined_compound,
    national_body,
)
from sar_desk.detect.languages import foreign_clauses
from sar_desk.detect.not_people import never_person
from sar_desk.detect.recognizers.anchored_street import anchored_streets
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.spread_words import spread_blocked
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Welsh Curling entry for Jo is late", "Welsh Curling"),
        ("the Scottish Athletics form is in", "Scottish Athletics"),
        ("British Canoeing licence renewed", "British"),
        ("England Netball fixtures are out", "England Netball"),
    ],
)
def test_a_nation_before_a_sport_is_a_body(text: str, value: str) -> None:
    assert national_body(*span_of(text, value))
    assert never_person(*span_of(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [("Tom Welsh rang about fees", "Tom Welsh"), ("ask Jo English about it", "Jo English")],
)
def test_a_family_name_that_is_a_nation_word_stays_a_name(text: str, value: str) -> None:
    assert not national_body(*span_of(text, value))
    assert not never_person(*span_of(text, value))


def test_a_word_before_pi_is_a_board() -> None:
    assert board_computer(*span_of("Banana Pi club tonight", "Banana"))
    assert board_computer(*span_of("bring the Banana Pi please", "Banana Pi"))
    assert not board_computer(*span_of("Priya Pi is here", "Priya"))


def test_a_hyphenated_pair_of_common_words_is_a_coinage() -> None:
    assert coined_compound("Pay-Play")
    assert not coined_compound("Rose-Hill")  # a listed name in it: double-barrelled
    assert not coined_compound("Okafor-Lane")


def test_an_acronym_before_a_common_noun_is_a_product() -> None:
    assert acronym_product("QR Reader")
    assert not acronym_product("JD Morgan")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kestrel controller is dead again", "Kestrel"),
        ("the Dunlop one works fine", "Dunlop"),
        ("Slazenger bat for Jo, £90", "Slazenger"),
        ("Fenwick order: 3 helmets", "Fenwick"),
    ],
)
def test_a_brand_before_kit_is_no_person(text: str, value: str) -> None:
    assert never_person(*span_of(text, value))


def test_a_person_before_a_verb_like_kit_word_stays() -> None:
    assert not never_person(*span_of("Sam bats first today", "Sam"))


def test_a_two_word_make_is_a_vehicle() -> None:
    assert vehicle(*span_of("his old Range Rover is for scrap", "Range Rover"))
    assert not vehicle(*span_of("Martin Rover is here", "Martin Rover"))


def test_cricket_calls_are_filler() -> None:
    assert spoken_not_named("howzat")
    assert spoken_not_named("owzat")


def test_nepali_thanks_are_a_foreign_clause() -> None:
    assert foreign_clauses("dhanyabad sabai lai")


def test_a_lower_case_common_noun_is_not_spread() -> None:
    assert spread_blocked(*span_of("the sauna is lit at 7", "sauna"))
    assert not spread_blocked(*span_of("ask the rose about it", "rose"))  # a listed name
    assert not spread_blocked(*span_of("honesty rang back", "honesty"))  # no determiner


def test_a_trading_name_closes_with_its_goods() -> None:
    text = "the tent supplier is Hale Tents, quote due"
    assert never_person(*span_of(text, "Hale Tents"))
    assert not never_person(*span_of("Hale Jones is the supplier", "Hale Jones"))


@pytest.mark.parametrize("text", ["we won by 6 wickets at home", "lost by 40 runs, again"])
def test_a_cricket_margin_is_no_street(text: str) -> None:
    assert anchored_streets(text) == []


def test_junior_in_lower_case_is_the_adjective() -> None:
    text = "ratings for junior league: Ana Holt 1200, Bo Lee 1100"
    spans = NameListRecognizer().spans(text)
    assert [text[s:e] for s, e, *_ in spans] == ["Ana Holt", "Bo Lee"]


def test_a_platform_label_before_counted_fields_is_no_person() -> None:
    text = "Pitchbook: 4 new bookings — 1 cancellation"
    assert never_person(*span_of(text, "Pitchbook"))
    text = "Ledgerly CloudPrint: job 42 — 300 pages — done"
    assert never_person(*span_of(text, "Ledgerly"))


def test_a_speaker_before_a_plain_sentence_stays() -> None:
    assert not never_person(*span_of("Priya: 4 of us are coming at 7", "Priya"))
    text = "Ola Mensah: NI QQ123456C | NHS 999 000 1111 | mob 07700 900123"
    assert not never_person(*span_of(text, "Ola Mensah"))  # a person's details


def test_mr_and_a_word_stays_a_name() -> None:
    assert not never_person(*span_of("Mr Goblet only does email", "Mr Goblet"))
