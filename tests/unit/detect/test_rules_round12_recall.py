"""Round-12 recall rules (issue 15): streets named by Scottish street words at their end and
Welsh, Gaelic and Irish street words at their start, with no house number.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.unnumbered_street import UnnumberedStreetRecognizer

GAZ = Path(__file__).resolve().parents[3] / "resources" / "detect" / "gazetteers"


@pytest.fixture(autouse=True, scope="module")
def _lists() -> None:
    gazetteer.use(GAZ)


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
