"""Forms of address never spread alone; a given name beside its family name is a person (req21).

Invented names, written for these tests; none taken from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from sar_desk.core.identity import name_key
from sar_desk.detect.case_things import case_things
from sar_desk.detect.leading_posts import without_leading_post
from sar_desk.detect.ner_spans import name_before_number
from sar_desk.detect.propagate import propagation_names
from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.words import is_not_a_name

pytestmark = pytest.mark.usefixtures("shipped_lists")


def found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in ChatNameRecognizer().spans(text)]


@pytest.mark.parametrize(
    "word",
    [
        *("Capt", "capt", "Cpt", "Col", "Lt", "Sgt", "Cpl", "Insp", "Supt", "Cllr", "Revd"),
        *("Fr", "Coach", "Skipper", "Sensei", "Padre", "Maestro"),
    ],
)
def test_a_title_or_rank_alone_is_no_name_and_never_spreads(word: str) -> None:
    assert is_not_a_name(word)
    # Found alone in three messages ("Capt" read as a name by NER), it is still not spread.
    assert propagation_names([(1, word), (2, word), (3, word)]) == []


def test_a_title_before_a_full_name_spreads_only_the_name() -> None:
    names = propagation_names([(1, "Capt Wenna Trelawny"), (2, "Capt Wenna Trelawny")])
    assert "Capt" not in names
    assert "Wenna Trelawny" in names or "Trelawny" in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Coach Ó hEochaidh and the juniors are in", ["Coach Ó hEochaidh"]),
        ("Skipper Trevarrow has the log", ["Skipper Trevarrow"]),
        ("Sensei Odawara marks the grading", ["Sensei Odawara"]),
    ],
)
def test_a_club_form_of_address_before_a_family_name_is_a_name(
    text: str, expected: list[str]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["the coach leaves at nine", "Coach parking is full", "Skipper said the tide turns"],
)
def test_a_club_form_of_address_before_a_word_is_not_a_name(text: str) -> None:
    assert not any(f.casefold().startswith(("coach", "skipper")) for f in found(text))


def test_a_given_name_matched_inside_a_full_name_is_person_evidence() -> None:
    texts = ["Wilfred the llama bit a child", "Wilfred Price from the shop"]
    # Both the lone name and the full name are proposals; the full name is matched whole.
    assert name_key("Wilfred") not in case_things(texts, ["Wilfred", "Wilfred Price"])


def test_a_double_barrelled_family_name_with_a_listed_part_shows_a_person() -> None:
    texts = ["Wilfred the llama bit a child", "Wilfred Price-Zawadzki from the shop"]
    assert case_things(texts, ["Wilfred"]) == frozenset()
    # Still a thing when nothing shows a person.
    assert case_things(texts[:1], ["Wilfred"]) == {name_key("Wilfred")}


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Wenna Trelawny-Odawa 1385", "Wenna Trelawny-Odawa"),
        ("Bronwen Gatti 7:02", "Bronwen Gatti"),
        ("WO2 Pritchard", None),  # a rank with a digit: left to the other rules
        ("Ticket 40012", None),  # one word and a number: a reference
        ("Bronwen Gatti 7:02 late", None),  # the number is not at the end
    ],
)
def test_a_full_name_before_a_number_is_cut_at_the_name(span: str, expected: str | None) -> None:
    text = f"ladder: {span}, next"
    start = text.index(span)
    end = name_before_number(text, start, start + len(span))
    assert (text[start:end] if end is not None else None) == expected


def test_a_given_name_inside_a_full_name_that_is_a_thing_stays_a_thing() -> None:
    texts = ["the boat Wilfred Price needs antifouling", "Wilfred Price is on the slip"]
    texts += ["Wilfred the llama bit a child"]
    things = case_things(texts, ["Wilfred", "Wilfred Price"])
    assert name_key("Wilfred") in things


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A name that opens with an English word ("Pa", "Ka") after a post still loses it.
        ("Match Captain pa nhia: the team sheet", "Captain pa", "pa"),
        ("Head Bookbinder Ka Yan: the vellum is in", "Bookbinder Ka Yan", "Ka Yan"),
        # Nothing after the post reads as a name: left as it was.
        ("Club Captain Office hours", "Captain Office", "Captain Office"),
    ],
)
def test_a_post_before_a_name_that_opens_with_a_word_is_cut(
    text: str, span: str, expected: str
) -> None:
    start = text.index(span)
    a, b = without_leading_post(text, start, start + len(span))
    assert text[a:b] == expected
