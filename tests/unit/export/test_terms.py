from __future__ import annotations

import pytest

from sar_desk.export.terms import TermMatcher, TermReplacer, normalise

TERMS = ["Jordan Blake", "07911 654321", "سارة خليل", "Sam"]


@pytest.mark.parametrize(
    "text",
    [
        "JORDAN BLAKE",
        "jordan\nblake",
        "Jordan  \n  Blake",
        "Jor-\ndan Blake",
        "Jor\u200bdan Blake",
        "Ｊｏｒｄａｎ Ｂｌａｋｅ",
        "Jor\ndan\nBlake",
        "call +44 (0)7911 654 321",
        "07911-654-321",
        "٠",
        "خليل سارة",
    ],
)
def test_finds_planted_forms(text):
    hits = TermMatcher(TERMS, "GB").find(text)
    if text == "٠":
        assert hits == []
    else:
        assert hits, text


def test_short_terms_match_whole_words_only():
    matcher = TermMatcher(TERMS, "GB")
    assert matcher.find("the same sample") == []
    assert matcher.find("Ask Sam.")


def test_normalise_drops_invisible_characters_and_folds_separators():
    assert normalise("  A\u00adB\u200d  c ") == "ab c"
    assert normalise("Ruth_Okoro") == normalise("ruth.okoro") == normalise("RUTH-OKORO")


def test_replacer_reports_each_occurrence():
    text, found = TermReplacer(TERMS).sub("jordan   blake met SAM", lambda t: "[X]")
    assert text == "[X] met [X]"
    assert found == ["Jordan Blake", "Sam"]
