"""Round-8 recall cues for word-names in lower case (issue 15): general cues of English.

Invented names and streets, written for these tests; none taken from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hazel and her dad came to the open day", ["hazel"]),
        ("ivy at 27 tanner row has the spare key", ["ivy"]),
        ("dawn at 6a kiln close says the bins were missed", ["dawn"]),
        ("pat in HR has the forms", ["pat"]),
        ("will did the gritting run at 5", ["will"]),
        ("will took the minutes last week", ["will"]),
    ],
)
def test_word_names_placed_as_people(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e, _t, _c in NameListRecognizer().spans(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "dawn at 6am was freezing",
        "summer in UK has been wet",
        "will do it at 12 noon",
        "will take the minutes",
    ],
)
def test_word_names_not_placed_stay_words(text: str) -> None:
    assert NameListRecognizer().spans(text) == []
