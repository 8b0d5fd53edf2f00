"""NINOs in any separator and case by their cue, and what must stay unproposed (issue 15)."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.nino_shapes import not_a_word_and_date
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer


def values(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in NinoCueRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kit's NI on the agency sheet: JT-55-90-21-B", ["JT-55-90-21-B"]),
        ("kit's ni on the agency sheet: jt-55-90-21-b", ["jt-55-90-21-b"]),
        ("ni: ab.12.34.56.c", ["ab.12.34.56.c"]),
        ("NI AB/123456/C", ["AB/123456/C"]),
        ("NINO AB 12-34-56C", ["AB 12-34-56C"]),
        ("national insurance QQ12-34-56 c", ["QQ12-34-56 c"]),
        ("JT-55-90-21-B is her NI", ["JT-55-90-21-B"]),
    ],
)
def test_any_separator_and_case_after_a_cue(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_uncued_pairs_need_one_separator_and_an_issued_prefix() -> None:
    assert values("Kit AB-12-34-56-C") == ["AB-12-34-56-C"]
    assert values("Kit ab.12.34.56.c") == ["ab.12.34.56.c"]
    assert values("Kit TN-12-34-56-A ok") == []  # unissued prefix, no cue
    assert values("Kit AB-12.34-56-C ok") == []  # mixed separators, no cue
    assert values("Kit Ab-12-34-56-c ok") == []  # mixed case, no cue


@pytest.mark.parametrize(
    "text",
    [
        "order AB-12-34-56-C",
        "Order no: AB-12-34-56-C",
        "ref: ab.12.34.56.c",
        "reg AB12 CDE parked outside",
        "order no AB-123456-C",
        "NI number paid up to 12.03.24 a while ago",
        "ni on 12/03/24 a form",
        "call 07-12-34-56-A",
    ],
)
def test_codes_dates_and_registrations_are_not_ninos(text: str) -> None:
    assert values(text) == []


def test_a_word_then_a_date_is_not_a_nino_but_a_prefix_is() -> None:
    assert not not_a_word_and_date("to 12.03.24 a")
    assert not_a_word_and_date("AB 55-90-21 B")  # 55 is no day
    assert not_a_word_and_date("AB-12-03-24-C")
