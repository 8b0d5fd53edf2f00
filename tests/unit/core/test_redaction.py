"""Redaction is pure and never lets a character from inside a span through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sar_desk.core.redaction import RedactionSpan, apply_redactions, merge_spans

MARK = "[REDACTED]"


def test_replaces_spans_with_fixed_markers() -> None:
    out = apply_redactions(
        "call Jo on 07911 123456", [RedactionSpan(5, 7, MARK), RedactionSpan(11, 23, MARK)]
    )
    assert out.text == f"call {MARK} on {MARK}"
    assert [out.text[a:b] for a, b in out.markers] == [MARK, MARK]


def test_overlapping_spans_merge_so_nothing_between_them_survives() -> None:
    assert merge_spans([RedactionSpan(0, 5, "A"), RedactionSpan(3, 9, "B")]) == [
        RedactionSpan(0, 9, "A")
    ]
    assert (
        apply_redactions("abcdefghij", [RedactionSpan(3, 9, "#"), RedactionSpan(0, 5, "#")]).text
        == "#j"
    )


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=60,
    ),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_no_redacted_character_survives(text: str, raw_spans: list[tuple[int, int]]) -> None:
    spans = [RedactionSpan(a, b, "\x00") for a, b in raw_spans]
    out = apply_redactions(text, spans)
    covered = {i for a, b in raw_spans for i in range(max(a, 0), min(b, len(text)))}
    kept = "".join(ch for i, ch in enumerate(text) if i not in covered)
    assert out.text.replace("\x00", "") == kept
