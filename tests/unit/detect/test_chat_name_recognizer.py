"""Table test: names as chat addresses them."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer

CASES = [
    ("hi sam, can you check", ["sam"]),
    ("Thanks Priya Shah!", ["Priya Shah"]),
    ("morning dave", ["dave"]),
    ("cc jo", ["jo"]),
    ("can you ask kiran about it", ["kiran"]),
    ("ping @sam.patel please", ["sam.patel"]),
    ("ok. hey Megan", ["Megan"]),
    ("morning siobhan\nStuart DOB 07/08/1972", ["siobhan"]),
    # Not names: pronouns, groups, words, e-mail addresses, word-names in lower case.
    ("hi all", []),
    ("thanks everyone", []),
    ("tell them tomorrow", []),
    ("ask him", []),
    ("email sam@example.org", []),
    ("thanks will do", []),
    # Broadcast mentions name nobody; a person's handle after them still counts.
    ("see report @here", []),
    ("@channel heads up, @everyone too", []),
    ("@here ask @herewood.j", ["herewood.j"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_addressed_names(text: str, expected: list[str]) -> None:
    spans = ChatNameRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected
