"""The spread pass and words written without their accents, and days run into names (round 19).

"Cafe" of a firm's name "Cafe Imports" read as no word at all (the common list holds "café"
only), so it spread to every "café" and "cafe" of the case; "Mon" of a rota line "Leeroy Mon,
Sabin Wed" spread as a family name to every "Mon" of the case.
"""

from __future__ import annotations

import pytest

from sar_desk.detect.propagate import propagation_names
from sar_desk.detect.spread_seeds import seed_items
from sar_desk.detect.spread_words import dictionary_word, name_anchor

pytestmark = pytest.mark.usefixtures("shipped_lists")


def _names(*seeds: str) -> list[str]:
    return propagation_names(seed_items([(i, s, "ask ") for i, s in enumerate(seeds)]))


@pytest.mark.parametrize("word", ["cafe", "Cafe", "fiance", "cliche", "entree"])
def test_a_loanword_without_its_accents_is_a_word(word: str) -> None:
    assert dictionary_word(word)
    assert not name_anchor(word)


def test_a_firm_named_by_words_does_not_spread() -> None:
    names = _names("Cafe Imports", "Cafe Imports", "Cafe Imports")
    assert "Cafe" not in names
    assert "Cafe Imports" not in names


def test_a_name_written_without_accents_still_spreads() -> None:
    # "Jose" and "Zoe" are names, not loanwords: the folding reads the common list only.
    names = _names("Jose Okafor", "zoe hartley")
    assert {"Jose", "Okafor", "Jose Okafor", "Zoe", "Hartley"} <= set(names)


def test_a_word_alone_found_twice_still_spreads() -> None:
    assert "Cafe" in _names("Cafe", "Cafe")  # as any dictionary word NER found alone


def test_a_day_run_into_a_name_is_no_part_of_it() -> None:
    names = _names("Leeroy Mon", "Sabin Wed", "Ama Mon")
    assert "Mon" not in names
    assert "Wed" not in names
    assert {"Leeroy", "Leeroy Mon", "Sabin", "Ama"} <= set(names)


def test_a_person_called_mon_found_alone_spreads() -> None:
    assert "Mon" in _names("Mon", "Mon")
    assert "Khin Mon" in _names("Khin Mon")
