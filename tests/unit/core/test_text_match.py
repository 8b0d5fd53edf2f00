"""The one term matcher: detection, the safety net and the leak check agree on a match."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sar_desk.core.text import TermMatcher, fold, replace_each

_NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüø", min_size=3, max_size=8)
_SEP = st.sampled_from(["-", "_", ".", " ", "", "  "])


def marked(matcher: TermMatcher, text: str) -> str:
    return matcher.sub(text, lambda term: f"<{term}>")[0]


@pytest.mark.parametrize(
    "written", ["ruth-okoro", "Ruth_Okoro", "ruth.okoro", "ruthokoro", "RUTH OKORO", "Rúth Okoro"]
)
def test_a_name_matches_across_separators_case_and_accents(written: str) -> None:
    matcher = TermMatcher(["Ruth Okoro"])
    assert marked(matcher, f"#{written}-case") == "#<Ruth Okoro>-case"


def test_the_longest_term_wins_whatever_the_order_of_the_terms() -> None:
    for terms in (["Ruth", "Ruth Okoro"], ["Ruth Okoro", "Ruth"]):
        matcher = TermMatcher(terms)
        assert marked(matcher, "#ruth-okoro-case and ruth") == "#<Ruth Okoro>-case and <Ruth>"


def test_overlapping_matches_are_merged_into_one_replacement() -> None:
    matcher = TermMatcher(["Anna Lee", "Lee Smith"])
    text, found = matcher.sub("ask anna lee smith now", lambda _t: "[X]")
    assert text == "ask [X] now"
    assert len(found) == 1


def test_short_terms_match_whole_words_only_and_keep_their_separator() -> None:
    matcher = TermMatcher(["Sam", "Al Li"])
    assert marked(matcher, "the same sample, Sam.") == "the same sample, <Sam>."
    assert marked(matcher, "alli and al-li") == "alli and <Al Li>"


def test_numbers_match_in_any_written_form_with_the_case_region() -> None:
    matcher = TermMatcher(["07700 900123"], "GB")
    for written in ("07700900123", "+44 (0)7700 900-123", "0044 7700 900 123", "(07700) 900123"):
        assert marked(matcher, f"ring {written}.") == "ring <07700 900123>.", written
    assert marked(matcher, "ref 1077009001234") == "ref 1077009001234"


def test_find_catches_what_a_renderer_does_to_text() -> None:
    matcher = TermMatcher(["Jordan Blake", "07911 654321", "سارة خليل"], "GB")
    for text in ("Jor-\ndan Blake", "J o r d a n B l a k e", "tel07911654321", "خليل سارة"):
        assert matcher.find(text), text
    assert matcher.find("nothing to see") == []


def test_replace_each_gives_every_term_its_own_marker_in_one_pass() -> None:
    pairs = [("Ruth", "[A]"), ("Ruth Okoro", "[B]")]
    assert replace_each("#ruth-okoro-case with Ruth", pairs) == "#[B]-case with [A]"


@settings(deadline=None)
@given(st.lists(_NAME, min_size=2, max_size=3), _SEP, st.sampled_from(["#", "", "x "]))
def test_a_name_written_with_any_separator_is_found_and_fully_replaced(
    parts: list[str], sep: str, prefix: str
) -> None:
    name = " ".join(parts)
    assume(sep or len(name.replace(" ", "")) >= 6)
    written = prefix + sep.join(p.upper() if i % 2 else p for i, p in enumerate(parts)) + "-case"
    matcher = TermMatcher([name, parts[0], parts[-1]])
    text, _found = matcher.sub(written, lambda _t: "[X]")
    assert matcher.find(text) == []
    assert fold(name).replace(" ", "") not in fold(text).replace(" ", "")


@settings(deadline=None)
@given(st.lists(_NAME, min_size=1, max_size=4, unique=True), st.randoms())
def test_matching_does_not_depend_on_the_order_of_the_terms(terms: list[str], rnd: object) -> None:
    text = " ".join(terms) + " " + "-".join(reversed(terms))
    shuffled = list(terms)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert TermMatcher(terms).spans(text) == TermMatcher(shuffled).spans(text)


@settings(deadline=None)
@given(st.text(max_size=60), st.lists(_NAME, min_size=1, max_size=3))
def test_spans_are_ordered_disjoint_and_inside_the_text(text: str, terms: list[str]) -> None:
    text = text + " " + terms[0]
    spans = TermMatcher(terms).spans(text)
    assert spans
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


def test_terms_of_separators_or_invisible_characters_only_match_nothing() -> None:
    matcher = TermMatcher(["-", "\u200b", "...", "Sam"])
    assert matcher.terms == ("Sam",)
    assert marked(matcher, "hello - Sam \u200b") == "hello - <Sam> \u200b"


def test_spans_point_at_the_text_as_written_around_characters_that_fold_to_more_or_less() -> None:
    text = "ﬀ Straße \u200b#Rúth\u200b-Okoro\u200e, 07700\u00a0900123"
    matcher = TermMatcher(["Ruth Okoro", "strasse", "07700 900123"], "GB")
    found = [text[s.start : s.end] for s in matcher.spans(text)]
    assert found == ["Straße", "Rúth\u200b-Okoro", "07700\u00a0900123"]
