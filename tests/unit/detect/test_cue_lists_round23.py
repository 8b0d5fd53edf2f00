"""Round 23: a cue governs its list, and an area code may stand in any bracket.

Synthetic values only: Ofcom's drama ranges (0113 496 0xxx, 0161 496 0xxx, 07700 900xxx),
made-up nine-digit passport numbers and NINO-shaped codes, invented names.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import (
    NinoCueRecognizer,
    PassportNumberRecognizer,
)
from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer


def _values(recognizer: object, text: str) -> list[str]:
    spans = recognizer.noted_spans(text)  # type: ignore[attr-defined]
    return [text[s:e] for s, e, *_rest in spans]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "ferry on friday, passport nos: piet van ash 310742586, oona 472019853",
            ["310742586", "472019853"],
        ),
        (
            "Passports — Revd Cull 310742586; Ms Ó Dálaigh-Vey 472019853 and Bo 583120974",
            ["310742586", "472019853", "583120974"],
        ),
        ("passport numbers: 310742586 (oona), 472019853 (bo)", ["310742586", "472019853"]),
        # the list ends at a word no name holds
        (
            "passport numbers — ada 310742586, bo 472019853; total 583120974",
            ["310742586", "472019853"],
        ),
        ("pp no. for the trip - Ada: 310742586 / Bo - 472019853", ["310742586", "472019853"]),
        ("Passport numbers:\n- Ada Quell 310742586\n- Bo: 472019853", ["310742586", "472019853"]),
        (
            "passports: ada 3-1-0-7-4-2-5-8-6, bo four seven two oh one nine eight five three",
            ["3-1-0-7-4-2-5-8-6", "four seven two oh one nine eight five three"],
        ),
    ],
)
def test_every_value_of_a_passport_list_is_read(text: str, values: list[str]) -> None:
    assert _values(PassportNumberRecognizer(), text) == values


@pytest.mark.parametrize(
    "text",
    [
        "passport 310742586, and her claim number is 472019853",
        "passport 310742586 and booking ref 472019853",
        "passport number 310742586, 4 copies of 472019853",
        "passport 310742586, paid £120, invoice 472019853",
        "Passport numbers:\n- ada 310742586\n- order 472019853",
        "passport 310742586. Stock count for the hall was 472019853",
    ],
)
def test_a_list_ends_at_another_label_a_sentence_or_a_count(text: str) -> None:
    assert _values(PassportNumberRecognizer(), text) == ["310742586"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("NI numbers:\n- ada TN402177B\n- bo FQ552031A", ["TN402177B", "FQ552031A"]),
        ("nat ins:\nada TN402177B\nbo FQ552031A\n\nref TN311258A", ["TN402177B", "FQ552031A"]),
        ("NI nos - ada TN402177B and bo FQ552031A", ["TN402177B", "FQ552031A"]),
    ],
)
def test_a_nino_list_below_its_cue_is_read(text: str, values: list[str]) -> None:
    assert _values(NinoCueRecognizer(), text) == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ring Ada on [0113] 496 0527 after four", "[0113] 496 0527"),
        ("home {0161} 496 0318, ask for Bo", "{0161} 496 0318"),
        ("| Ada | <0113> 496 0942 |", "<0113> 496 0942"),
        ("mob [07700] 900 418", "[07700] 900 418"),
        ("[020] 7946 0371 is the office", "[020] 7946 0371"),
        ("+44 [0] 113 496 0527 from abroad", "+44 [0] 113 496 0527"),
    ],
)
def test_an_area_code_in_any_bracket(text: str, value: str) -> None:
    assert _values(UkPhoneRecognizer(), text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tel [0113]~496~0527", "[0113]~496~0527"),
        ("tel {0161}–496–0318", "{0161}–496–0318"),
        ("tel <0113> 4 9 6 0942", "<0113> 4 9 6 0942"),
    ],
)
def test_an_area_code_in_any_bracket_with_odd_joins(text: str, value: str) -> None:
    assert _values(SeparatedNumberRecognizer(), text) == [value]


@pytest.mark.parametrize(
    "text",
    ["see [1] 496 0423", "rows [2] to [14] of 496", "x <3> 4960 and {12} 496"],
)
def test_brackets_round_short_numbers_make_no_phone(text: str) -> None:
    assert _values(UkPhoneRecognizer(), text) == []
    assert _values(SeparatedNumberRecognizer(), text) == []
