"""Table test: dates of birth found by their labels."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.date_of_birth_recognizer import DateOfBirthRecognizer

CASES = [
    ("DOB 14/03/1987", ["14/03/1987"]),
    ("dob: 1/2/90", ["1/2/90"]),
    ("d.o.b 3rd March 1990", ["3rd March 1990"]),
    ("D.O.B. 3 Mar 1990", ["3 Mar 1990"]),
    ("born on 1 Feb 1979", ["1 Feb 1979"]),
    ("she was born 12.11.1985 in Leeds", ["12.11.1985"]),
    ("date of birth is 1985-11-12", ["1985-11-12"]),
    ("Date of birth: March 4, 1970", ["March 4, 1970"]),
    # Dates that are not birth dates.
    ("meeting on 14/03/2026", []),
    ("the baby was due 3 March", []),
    ("DOB not known", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_dates_of_birth(text: str, expected: list[str]) -> None:
    spans = DateOfBirthRecognizer().spans(text)
    assert [text[s:e] for s, e, _t, _sc in spans] == expected
