"""Titles and ranks in any case before a family name, and Welsh patronymics (issue 15).

Invented names, written for these tests; none taken from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.relabel import trim_span, word_not_name

pytestmark = pytest.mark.usefixtures("shipped_lists")


def found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ent, _score in ChatNameRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sister quarmby is on the late", ["sister quarmby"]),
        ("ds thwackley rang about the statement", ["ds thwackley"]),
        ("DC Ollerenshaw wants the footage", ["DC Ollerenshaw"]),
        ("passed to cllr brattleby for a reply", ["cllr brattleby"]),
        ("revd. fennimore-platt takes the service", ["revd. fennimore-platt"]),
        ("Mrs St Clair-Hebden chairs the board", ["Mrs St Clair-Hebden"]),
        ("dr van der kolke is covering", ["dr van der kolke"]),
        ("Fr. Moynagh visits on fridays", ["Fr. Moynagh"]),
        ("Gwenllian ferch Rhydderch teaches harp", ["Gwenllian ferch Rhydderch"]),
        ("dafydd ap cynfelyn is the treasurer", ["dafydd ap cynfelyn"]),
    ],
)
def test_titled_family_names(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "her sister said no",
        "the sister ward is shut",
        "ds lite found in the drawer",
        "pc world had it cheaper",
        "mr said it was fine",
        "dr appt tmrw at 3",
        "mrs pls ring back",
        "SISTER WARD rota attached",
    ],
)
def test_words_after_titles_stay_words(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "kept"),
    [
        ("thanks cllr brattleby for that", 0, 22, "cllr brattleby"),
        ("Mrs St Clair-Hebden chairs it", 0, 19, "Mrs St Clair-Hebden"),
    ],
)
def test_model_spans_keep_the_title_and_rare_family_name(
    text: str, start: int, end: int, kept: str
) -> None:
    # The model's span wins over the rule's identical one; trimming must not strip the title,
    # and a rare dictionary word after a title is no reason to refuse it.
    s, e = trim_span(text, start, end)
    assert text[s:e] == kept
    assert not word_not_name(text, s, e, CaseContext())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("home visit done by Thảo yesterday", ["Thảo"]),
        ("đạt is covering the late", ["đạt"]),
        ("handover to Phượng, bay C", ["Phượng"]),
        ("ordered a phở and 2 bánh mì", []),  # a dish after an article or a number
        ("Chúc mừng năm mới mọi người", []),  # a Vietnamese clause, not a name
        ("café at Zoë's after work", []),  # accents other languages use are no cue
    ],
)
def test_lone_vietnamese_spelling_is_a_name(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_lone_vietnamese_name_survives_the_language_lists() -> None:
    text = "report back from thảo tomorrow"
    start = text.index("thảo")
    assert not word_not_name(text, start, start + 4, CaseContext())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oyelaran from the housing office rang twice", ["Oyelaran"]),
        ("Brisco from Settle is our new volunteer", ["Brisco"]),
        ("Merrin Aske, 4 Holm Garth, Kendal", ["Merrin Aske"]),
        ("Quenby Thorley, flat 2 Wharf House", ["Quenby Thorley"]),
        ("Leeds from the office is closed", []),  # a place opening the sentence
        ("The parcel from the depot is late", []),
        ("Hello from the team, we are here", []),
        ("Rose Cottage, 12 Mill Lane", []),  # a house name before its address
    ],
)
def test_unlisted_names_placed_by_structure(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_a_thing_somewhere_is_no_subject() -> None:
    assert found("Alexa in the kitchen is playing up again") == []
    assert found("Kindle at the library was broken") == []
