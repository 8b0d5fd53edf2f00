"""Given names typed with their marks match the lists that hold them plain ("Bảo" as "Bao")."""

from __future__ import annotations

import pytest

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer

pytestmark = pytest.mark.usefixtures("shipped_lists")


def found(text: str) -> list[str]:
    return [text[s:e] for s, e, *_rest in NameListRecognizer().spans(text)]


def test_a_listed_name_matches_with_its_marks_as_well() -> None:
    lists = gazetteer.current()
    # The romanised list holds "Phuc" and "Bao" without tone marks.
    assert lists.is_first_name("Phuc")
    assert lists.is_first_name("Bao")
    assert lists.is_first_name("Phúc")
    assert lists.is_first_name("Bảo")
    assert not lists.is_first_name("Café")
    # Only the list kept without marks is read plain: "Jó" (Hungarian "good") is not "Jo".
    assert lists.is_first_name("Jo")
    assert not lists.is_first_name("Jó")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phúc said the hut is locked", ["Phúc"]),
        ("phúc is on nights", ["phúc"]),
        # Vietnamese letters sit in Latin Extended Additional, which the word pattern now reads.
        ("Bảo said the float is short", ["Bảo"]),
        ("the Café is shut till Monday", []),
        ("Jó reggelt mindenki, the hall is open", []),
    ],
)
def test_the_name_list_reads_marked_names(text: str, expected: list[str]) -> None:
    assert found(text) == expected
