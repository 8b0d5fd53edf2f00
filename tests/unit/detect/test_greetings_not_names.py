"""Greetings and filler in other languages are masked as a whole (issue 15).

Phrases written for these tests (generic greetings, not taken from the evaluation corpora).
"""

from __future__ import annotations

import pytest

from sar_desk.detect.languages import foreign_clauses


@pytest.mark.parametrize(
    "text",
    [
        "Boa noite, obrigado por tudo",  # Portuguese
        "Bom dia meninas, tudo bem?",
        "Laba diena, ačiū už viską",  # Lithuanian (accents kept)
        "Sveiki, labai ačiū",
        "Theek hai bhai, kal baat karte hain",  # romanised Urdu / Hindi
        "Aap kaise hain ji",
        "Nos da bawb",  # Welsh, with a short particle
        "ta-ra for now",  # Northern English goodbye
        "Pellentesque habitant morbi tristique senectus et netus",  # Latin filler
        "Vestibulum ante ipsum primis in faucibus orci luctus",
    ],
)
def test_greetings_and_filler_are_foreign_clauses(text: str) -> None:
    spans = foreign_clauses(text)
    assert spans, text
    assert spans[0][0] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Tara rang about the rent",  # a name, not "ta ra"
        "Maria da Costa moved in",
        "will is on lates, ask kal instead",
        "Sam and Dia are both off",
    ],
)
def test_english_with_names_is_not_masked(text: str) -> None:
    assert foreign_clauses(text) == []
