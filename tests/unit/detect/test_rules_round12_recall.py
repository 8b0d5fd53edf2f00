"""Round-12 recall rules (issue 15): streets named by Scottish street words at their end and
Welsh, Gaelic and Irish street words at their start, with no house number.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer
from sar_desk.detect.recognizers.unnumbered_street import UnnumberedStreetRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _values(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in UnnumberedStreetRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("the skip is blocking Saltmarket Wynd again", "Saltmarket Wynd"),
        ("she moved to Mill Vennel in the spring", "Mill Vennel"),
        ("lights out all along Kirkgate Brae tonight", "Kirkgate Brae"),
        ("parked up on Wester Loan by the church", "Wester Loan"),
        ("keys left under the mat on Heol y Dderwen", "Heol y Dderwen"),
        ("the flat above the shop on Stryd y Ffynnon", "Stryd y Ffynnon"),
        ("bins missed on Lôn Eithin this week", "Lôn Eithin"),
        ("meet me at Rathad na Tràghad after work", "Rathad na Tràghad"),
        ("her cousin lives on Sràid na h-Aibhne", "Sràid na h-Aibhne"),
        ("the van is outside Cnoc an Fhraoich", "Cnoc an Fhraoich"),
    ],
)
def test_celtic_and_scottish_street_words_make_a_street(text: str, street: str) -> None:
    assert _values(text) == [street]


@pytest.mark.parametrize(
    "text",
    [
        "my Student Loan came through at last",
        "applied for a Payday Loan, never again",
        "Lon said the heol thing was a joke",
        "the wynd was cold up the brae",
    ],
)
def test_loans_and_lower_case_words_are_not_streets(text: str) -> None:
    assert _values(text) == []


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in NameListRecognizer().noted_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ask holly okonkwo-carr about the rota", "holly okonkwo-carr"),
        ("shauna adeyemi-hughes dropped the keys off", "shauna adeyemi-hughes"),
        ("can you call miss lam back before five", "miss lam"),
    ],
)
def test_lower_case_double_barrelled_and_short_titled_names(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "dont miss rice pudding day",
        "a holly well-kept hedge",
        "you will miss lunch again",
    ],
)
def test_words_after_miss_and_hyphenated_words_stay_words(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wee Shug is on the door tonight", "Shug"),
        ("ask wee eck if the van is back", "eck"),
    ],
)
def test_wee_before_a_name_that_is_no_word(text: str, name: str) -> None:
    found = [text[s:e] for s, e, *_ in NicknameRecognizer().noted_spans(text)]
    assert found == [name]


@pytest.mark.parametrize("text", ["just a wee bit late", "a wee dram after the shift"])
def test_wee_before_a_word_is_no_name(text: str) -> None:
    assert NicknameRecognizer().noted_spans(text) == []
