"""Name folding and invisible characters: when two strings are the same name."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sar_desk.core.text import (
    INVISIBLE,
    INVISIBLE_CLASS,
    JOINERS,
    clean_whitespace,
    fold,
    fold_char,
    fold_map,
    name_key,
    strip_invisible,
)

# Letters, digits and the separators folding treats as one space.
_WORDS = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd"), max_codepoint=0x2FF), min_size=1
)
_SEPARATOR = st.sampled_from([" ", "-", "_", ".", "  ", " - ", "\u00a0", "\u2010", "\t"])
_INVISIBLES = st.text(alphabet=st.sampled_from(INVISIBLE + JOINERS), max_size=3)


@pytest.mark.parametrize(
    "written",
    ["Ruth Okoro", "ruth-okoro", "Ruth_Okoro", "ruth.okoro", "RUTH  OKORO", "Rúth Okoro"],
)
def test_the_same_name_folds_to_the_same_key(written: str) -> None:
    assert fold(written) == "ruth okoro"


def test_folding_handles_compatibility_forms_invisible_marks_and_apostrophes() -> None:
    assert fold("Ｊｏｒｄａｎ") == "jordan"
    assert fold("Jor\u200bdan\u200e Bla\u00adke") == "jordan blake"
    assert fold("O\u2019Neill") == fold("o'neill")
    assert fold("İpek") == fold("ipek")


def test_name_key_drops_the_whatsapp_tilde() -> None:
    assert name_key("~\u00a0Zoë  O'Neill") == name_key("zoe o'neill") == "zoe o'neill"


def test_clean_whitespace_keeps_joiners_in_emoji() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_whitespace(f"\u202a {family}\u00a0x \u202c") == f"{family} x"
    assert strip_invisible("a\u200eb\ufeffc") == "abc"


def test_invisible_class_is_a_regex_class_of_the_same_characters() -> None:
    import re

    pattern = re.compile(f"[{INVISIBLE_CLASS}]")
    assert all(pattern.fullmatch(ch) for ch in INVISIBLE)
    assert not pattern.search("abc \u200d")


@settings(deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=4), st.lists(_SEPARATOR, min_size=3, max_size=3))
def test_any_separators_between_the_parts_fold_the_same(words: list[str], seps: list[str]) -> None:
    spaced = " ".join(words)
    joined = words[0] + "".join(s + w for s, w in zip(seps, words[1:], strict=False))
    assert fold(joined) == fold(spaced)


@settings(deadline=None)
@given(st.text(max_size=40), _INVISIBLES, st.integers(min_value=0, max_value=40))
def test_invisible_characters_never_change_the_key(text: str, junk: str, at: int) -> None:
    at = min(at, len(text))
    assert fold(text[:at] + junk + text[at:]) == fold(text)


@settings(deadline=None)
@given(st.text(max_size=40))
def test_folding_is_idempotent_and_ignores_case(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert fold(text.upper()) == fold(text.upper().lower())
    assert not any(unicodedata.combining(ch) for ch in once)


@settings(deadline=None)
@given(st.text(max_size=60))
def test_the_offset_map_points_back_at_the_original(text: str) -> None:
    folded = fold_map(text)
    for i in range(len(folded.text)):
        start, end = folded.span(i, i + 1)
        assert end == start + 1
        assert 0 <= start < len(text)
        assert folded.text[i] in fold_char(text[start])
