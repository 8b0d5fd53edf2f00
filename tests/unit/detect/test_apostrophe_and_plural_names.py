"""Given names with an apostrophe inside and families in the plural (issue 15)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.recognizers.hyphen_names import HyphenatedNameRecognizer


def names(recognizer: object, text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in recognizer.spans(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La'Toya rang about the cleans", ["La'Toya"]),
        ("Re'Shawn's van is outside", ["Re'Shawn"]),
        ("Da'Quorvin fixed the lock", ["Da'Quorvin"]),  # no list has it: the capitals say so
        ("La'toya rang", ["La'toya"]),  # a listed run-together form
        ("tell re'shawn the cert's ready", ["re'shawn"]),  # a listed second part
        ("ask ka'lorvin if she's in", ["ka'lorvin"]),  # a person cue
    ],
)
def test_apostrophe_given_names(text: str, expected: list[str], shipped_lists: None) -> None:
    assert names(HyphenatedNameRecognizer(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "y'know it's fine, g'night, s'pose so, y'all",
        "back at six o'clock, ha'penny, c'mon then",
        "I'd say it's fine, don't worry, we'll see, they're off",
        "the fo'c'sle and rock'n'roll at Hallowe'en",
        "O'Dowd and D'Souza rang",  # family names: the surname rules read these
        "ka'lorvin on the list",  # lower case, nothing listed, no cue
    ],
)
def test_contractions_and_surnames_are_not_apostrophe_names(text: str, shipped_lists: None) -> None:
    assert names(HyphenatedNameRecognizer(), text) == []


def test_hyphenated_names_still_found(shipped_lists: None) -> None:
    assert names(HyphenatedNameRecognizer(), "Ji-woo and La'Toya rang") == ["Ji-woo", "La'Toya"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Okoros at number 9 want monthly cleans", ["Okoros"]),
        ("the Pritchards said hi", ["Pritchards"]),
        ("Mrs Zelvanty rang, the Zelvantys are away", ["Zelvantys"]),  # its singular here
    ],
)
def test_families_in_the_plural(text: str, expected: list[str], shipped_lists: None) -> None:
    assert [v for v in names(NameListRecognizer(), text) if v.endswith("s")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "the Greens won, the Rangers lost, the Hills are lovely",
        "the Zelvantys are away",  # no list has the singular, nor the text
        "Okoros at number 9",  # no "the"
        "the okoros at number 9",
    ],
)
def test_plurals_that_are_not_families(text: str, shipped_lists: None) -> None:
    assert [v for v in names(NameListRecognizer(), text) if v.endswith("s")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dot paid cash for the cleans", ["dot"]),
        ("dot paid her back on friday", ["dot"]),
        ("the bill paid in cash to the firm", []),  # an article: the word
        ("bill paid in full", []),  # no cue
    ],
)
def test_a_word_name_that_pays_is_a_person(
    text: str, expected: list[str], shipped_lists: None
) -> None:
    assert names(NameListRecognizer(), text) == expected
