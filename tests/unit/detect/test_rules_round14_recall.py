"""Round-14 recall rules (issue 15): given names shouted in capitals or stretched in chat, and
two capitals as someone's initials by a person cue ("TQ said", "ask BK").

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.initials import initials_regex
from sar_desk.detect.recognizers.loose_initials import LooseInitialsRecognizer
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer
from sar_desk.detect.recognizers.shouted_names import unstretched
from sar_desk.detect.recognizers.vouched import vouched_name

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _nick(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in NicknameRecognizer().noted_spans(text)]


def test_a_stretch_is_held_to_one_or_two_letters() -> None:
    assert unstretched("TOMMMM") == {"tom", "tomm"}
    assert unstretched("Ellieeee") == {"ellie", "elliee"}
    assert unstretched("Kate") == {"kate"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KEELEY left the float in the safe 🙈", "KEELEY"),
        ("where's NATASHA got to", "NATASHA"),
        ("CALLUMMM 🎉🎉 happy birthday", "CALLUMMM"),
        ("Ellieeee ur a star", "Ellieeee"),
        ("GAZZA's van is on the drive", "GAZZA"),
        ("omg SHAZZA you legend", "SHAZZA"),
    ],
)
def test_shouted_and_stretched_given_names_in_chat(text: str, name: str) -> None:
    assert name in _nick(text)


@pytest.mark.parametrize(
    "text",
    [
        "SOOOO tired after that shift",  # a stretched word, no name
        "YESSSS we did it",
        "NOOOO not again",
        "the DVLA letter came",  # an acronym
        "BILL is due friday",  # a name that is a word
        "MAY half term rota",
        "STAFF ROTA: KEELEY, NATASHA",  # a line all in capitals is a heading
        "the KEELEY account is closed",  # after a determiner
    ],
)
def test_shouted_words_and_headings_stay_words(text: str) -> None:
    assert _nick(text) == []


def _initials(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in LooseInitialsRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("TQ said the alarm code changed", "TQ"),
        ("van keys are back. RW has gone home", "RW"),
        ("can you ask BK for the float", "BK"),
        ("Thanks LJ, sorted", "LJ"),
    ],
)
def test_two_capitals_with_a_person_cue_are_initials(text: str, name: str) -> None:
    assert _initials(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "GM said the budget is fixed",  # a post
        "ask HR about the contract",
        "ask TL for the rota",
        "ask me later",
        "tell IT the printer jammed",
        "ask MK Dons for tickets",  # a club: a capitalised word after
        "jw said it's fine",  # lower case stays a word or a typo
    ],
)
def test_posts_bodies_and_words_are_not_initials(text: str) -> None:
    assert _initials(text) == []


def test_the_models_initials_stand_when_a_rule_vouches_for_them() -> None:
    assert vouched_name("TQ said the alarm code changed", 0, 2) == (0, 2)
    assert vouched_name("GM said the budget is fixed", 0, 2) is None


def test_a_third_partys_initials_that_are_an_acronym_sign_things() -> None:
    pattern = initials_regex(["PA"])
    assert pattern is not None
    assert pattern.search("PA signed the risk assessment") is not None
    assert pattern.search("the PA job advert went out") is None


def test_a_short_given_name_before_a_rotas_arrow() -> None:
    assert "Bo" in _nick("Bo 👉 tills, Priyesh 👉 float")
    assert "Al" in _nick("kitchen: Al -> pots; Wendell -> prep")


@pytest.mark.parametrize("text", ["ok -> done", "ty -> all", "so -> next week", "Re 👉 the form"])
def test_chat_words_before_an_arrow_stay_words(text: str) -> None:
    assert _nick(text) == []


def test_three_capitals_are_a_service_not_a_name() -> None:
    assert _nick("rash and fever, CAS callback within 20 mins") == []


def test_initials_in_brackets_own_an_item_of_minutes() -> None:
    text = "panel actions:\n- Odalys: ramp quote (TQ)\n- stairlift approved (rb), review in May"
    assert _initials(text) == ["TQ", "rb"]
    assert _initials("- flour, 2 bags (kg)\n- transfer to payroll (HR)\n- ship (UK)") == []
    assert _initials("the quote came to £40 (TQ)") == []  # not an item of a list
