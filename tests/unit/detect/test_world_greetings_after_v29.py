"""Greetings of more languages (session 16, after corpus v29's held-out run)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.world_greetings import greeting_phrases, is_world_greeting


@pytest.mark.parametrize(
    "greeting",
    ["Sabaidee", "Mingalaba", "Gamarjoba", "Kaixo", "Talofa", "Barev", "Bayarlalaa", "Moikka"],
)
def test_one_word_greetings_of_more_languages(greeting: str) -> None:
    assert is_world_greeting(greeting)
    assert is_world_greeting(f"{greeting} team")


@pytest.mark.parametrize(
    "text", ["Tere hommikust kõik", "Bula vinaka", "Sain baina uu everyone", "Eskerrik asko!"]
)
def test_phrases_of_more_languages_are_masked_whole(text: str) -> None:
    spans = greeting_phrases(text)
    assert spans
    assert spans[0][0] == 0


def test_a_word_people_are_called_is_left_to_the_name_rules() -> None:
    # "Salama", "Allegra" and "Nanni" greet or thank in some language but are given names.
    for word in ("Salama", "Allegra", "Nanni", "Gabon", "Bures"):
        assert not is_world_greeting(word), word


def test_the_name_after_a_one_word_greeting_is_the_person_greeted() -> None:
    recognizer = ChatNameRecognizer()
    text = "Talofa Evert! someone left a sousaphone in the cloakroom"
    assert [text[s:e] for s, e, _ent, _sc in recognizer.spans(text)] == ["Evert"]
    # Addressing everyone is no name.
    assert recognizer.spans("Kaixo all! no surnames on the whiteboard") == []
