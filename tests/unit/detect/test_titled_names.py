"""Titles and ranks in any case before a family name, and Welsh patronymics (issue 15).

Invented names, written for these tests; none taken from an evaluation corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.relabel import trim_span, word_not_name

LISTS = Path(__file__).resolve().parents[3] / "resources" / "detect" / "gazetteers"


@pytest.fixture(autouse=True)
def _lists() -> None:
    gazetteer.use(LISTS)


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
