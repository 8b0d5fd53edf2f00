"""Round-14 recall rules (issue 15): given names shouted in capitals or stretched in chat.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer
from sar_desk.detect.recognizers.shouted_names import unstretched

GAZ = Path(__file__).resolve().parents[3] / "resources" / "detect" / "gazetteers"


@pytest.fixture(autouse=True, scope="module")
def _lists() -> None:
    gazetteer.use(GAZ)


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
