"""The DPO sign-off reason names special-category data in words, never by entity id."""

from __future__ import annotations

import re

from sar_desk.review.signoff import SPECIAL_CATEGORY_TYPES, SPECIAL_CATEGORY_WORDS


def test_every_special_category_type_has_words_a_dpo_reads() -> None:
    assert set(SPECIAL_CATEGORY_WORDS) == set(SPECIAL_CATEGORY_TYPES)
    for entity, words in SPECIAL_CATEGORY_WORDS.items():
        assert words != entity
        assert not re.search(r"[A-Z]{2,}_|_", words), words  # no "UK_NHS"-style ids
