"""Round-14 precision rules (issue 15): named machines and buildings, storms, role mailboxes.

Phrases written for these tests (not taken from the evaluation corpora); names are invented.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.languages import foreign_clauses
from sar_desk.detect.mask import regions
from sar_desk.detect.spread_seeds import lower_common_word, seed_items
from sar_desk.detect.thing_names import named_storm
from tests.unit.detect.conftest import span_of

pytestmark = pytest.mark.usefixtures("shipped_lists")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Storm Maeve has brought the marquee down", "Storm Maeve"),
        ("ward shut after storm damage (storm maeve)", "storm maeve"),
    ],
)
def test_storm_and_a_given_name_is_the_storm(text: str, value: str) -> None:
    assert named_storm(*span_of(text, value))


def test_storm_and_a_family_name_is_a_person() -> None:
    assert not named_storm(*span_of("Storm Okafor has brought the cakes", "Storm Okafor"))


def test_what3words_is_masked_as_coordinates() -> None:
    text = "pick up from ///apple.river.stone by the gate"
    found = regions(text)
    assert [(text[r.start : r.end], r.kind) for r in found] == [
        ("///apple.river.stone", "coordinates")
    ]


def test_lower_case_common_words_do_not_seed_the_spread() -> None:
    assert lower_common_word("donor")
    assert not lower_common_word("amber")  # a given name written in lower case
    assert not lower_common_word("Donor")
    rows = [(1, "donor", "the "), (2, "donor", "a "), (3, "amber", "with ")]
    assert seed_items(rows) == [(3, "amber")]


def test_welsh_and_polish_phrases_are_foreign_clauses() -> None:
    assert foreign_clauses("Iawn, wela i di fory")
    assert any(lang == "polish" for *_s, lang in foreign_clauses("numer bez kropek"))
