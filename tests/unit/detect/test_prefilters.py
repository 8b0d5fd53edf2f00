"""The round-15 gates let a costly pattern skip a text only when it could not match there."""

from __future__ import annotations

import re

import pytest

from sar_desk.detect.prefilters import atoms, folded
from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.recognizers.titled_names import (
    _TITLES,
    PATRONYMIC,
    PATRONYMIC_GATE,
    TITLED,
    TITLED_GATE,
)
from sar_desk.detect.recognizers.uk_id_recognizer import (
    NinoCueRecognizer,
    PassportNumberRecognizer,
)
from sar_desk.detect.world_greetings import _GATE, _MULTI, GREETING_IN_TEXT, greeting_phrases


def test_atoms_refuse_syntax_the_folding_does_not_understand() -> None:
    assert atoms(r"lt[ \t]+col") == ["l", "t", r"[ \t]+", "c", "o", "l"]
    assert atoms("l/?cpl") == ["l", "/?", "c", "p", "l"]
    for branch in ("a(b)", "ab|cd", "x*", "a.b"):
        with pytest.raises(ValueError, match="unsupported"):
            atoms(branch)


def test_a_folded_alternation_matches_exactly_the_strings_its_branches_do() -> None:
    branches = ["lt", r"lt[ \t]+col", "lieutenant", "l/?cpl", "mr", "mrs"]
    plain = re.compile("(?:" + "|".join(branches) + ")")
    tree = re.compile(folded(atoms(b) for b in branches))
    probes = ["lt", "lt  col", "lieutenant", "lcpl", "l/cpl", "mr", "mrs", "m", "l", "lt co", ""]
    for probe in probes:
        assert bool(tree.fullmatch(probe)) == bool(plain.fullmatch(probe)), probe


# Lines that hold a title before a name, and lines that only look close to it.
TITLED_LINES = [
    "spoke to Sgt Pritchard about it",
    "Lt Col Fanshawe wants the report",
    "ask dr. van der berg first",
    "sister mcbride is on tonight",
    "pc 4521 and ds voss attended",
    "Air Vice-Marshal Okoro visited",
    "L/Cpl Jones and LCpl Evans",
    "Mrs\tAhmed rang",
    "nothing titled here at all",
    "the doctor's car, mister",
]


@pytest.mark.parametrize("line", TITLED_LINES)
def test_every_titled_name_starts_where_its_gate_matches(line: str) -> None:
    gate_starts = {m.start() for m in TITLED_GATE.finditer(line)}
    for m in TITLED.finditer(line):
        assert m.start() in gate_starts
    if not gate_starts:
        assert TITLED.search(line) is None


def test_the_title_gate_knows_every_title_and_rank() -> None:
    for branch in (b for t in _TITLES for b in t.split("|")):
        written = branch.replace(r"[ \t]+", " ").replace("/?", "/")
        assert TITLED_GATE.match(f"{written} Pritchard"), written


def test_patronymics_hold_their_gate() -> None:
    line = "Siân ap Gruffydd and Rhys ab Owen"
    assert [m.group("v") for m in PATRONYMIC.finditer(line)] == ["Siân ap Gruffydd", "Rhys ab Owen"]
    assert PATRONYMIC_GATE.search(line)
    assert not PATRONYMIC_GATE.search("a map of the ward")


def test_chat_names_still_found_behind_the_gates() -> None:
    spans = ChatNameRecognizer().spans("Hằng is on with Sgt Pritchard and Siân ap Gruffydd")
    assert len(spans) == 3


def test_every_listed_greeting_passes_the_greeting_gate() -> None:
    for phrase in _MULTI:
        line = f"well {phrase} everyone"
        assert GREETING_IN_TEXT.search(line), phrase
        assert _GATE.search(line), phrase
    assert greeting_phrases("Kia ora koutou, and dia dhuit") == [(0, 14), (20, 29)]
    assert greeting_phrases("the kia was parked by the ora") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("passport no. 123 456 789 for Ola", ["123 456 789"]),
        ("ppt 123456789", ["123456789"]),
        ("passport at 10:30 on the 4th, 12 copies", []),
    ],
)
def test_passport_rules_need_nine_digits(text: str, expected: list[str]) -> None:
    found = PassportNumberRecognizer().spans(text)
    assert [text[s:e] for s, e, *_ in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NI number AB 12 34 56 C please", ["AB 12 34 56 C"]),
        ("Mr Quayle - TN204411B", ["TN204411B"]),
        ("NI number to follow at 10:30", []),
    ],
)
def test_nino_rules_need_six_digits(text: str, expected: list[str]) -> None:
    found = NinoCueRecognizer().spans(text)
    assert [text[s:e] for s, e, *_ in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her ex rupinder is here", ["rupinder"]),
        ("my fiancée priya's car", ["priya"]),
        ("rang Zebedee today", ["Zebedee"]),
        ("Bo 👉 tills, Priyesh 👉 float", ["Bo"]),
        ("my sister said no", []),
    ],
)
def test_nickname_rules_behind_their_gates(
    text: str, expected: list[str], shipped_lists: None
) -> None:
    from sar_desk.detect.recognizers.nicknames import NicknameRecognizer

    found = NicknameRecognizer().spans(text)
    assert [text[s:e] for s, e, *_ in found] == expected
