"""Approved text spans become markers or pseudonyms through Presidio's anonymizer engine.

Issue 12 item 7: the operators that turn an approved finding into its marker ("[Redacted ·
s.40(2)]") or its pseudonym ("Person B") are presidio-anonymizer's ``custom`` operator, one per
span, run by its ``AnonymizerEngine``. Two things are ours, on purpose:

- The spans are merged first (`core.redaction.merge_spans`): overlapping or touching decisions
  must become one marker, or the characters between two markers could survive. Each merged span
  then gets an entity type of its own, so the engine's own conflict handling (which merges
  same-type entities separated by whitespace) never joins two decisions under one marker.
- Spans are clamped to the text and a span left empty is dropped (an offset past the end of the
  text marks nothing; the caller redacts a decision whose offsets no longer match by its text).
- The ``custom`` operator rather than ``replace``: ``replace`` turns an empty new value into
  ``<ENTITY>``, which would print our internal span label into a bundle.

The result is checked against the pure function it replaces (`core.redaction.apply_redactions`):
if the two ever differ, the pure result is the one used and the difference is logged (ids and
counts only), so a change in the library can never let text through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from sar_desk.core.redaction import RedactionSpan, apply_redactions, merge_spans

if TYPE_CHECKING:  # the engine loads with the first export, not with every command
    from presidio_anonymizer import AnonymizerEngine

log = logging.getLogger(__name__)


@cache
def _engine() -> AnonymizerEngine:
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()  # type: ignore[no-untyped-call]  # the library has no hints


def _constant(value: str) -> Callable[[str], str]:
    """An operator body that ignores the original text: nothing of it reaches the output."""
    return lambda _original: value


def redact_spans(text: str, spans: list[RedactionSpan]) -> str:
    """`text` with each approved span replaced by its marker, via presidio-anonymizer.

    Spans are merged when they overlap or touch (the earliest marker wins) and clamped to the
    text; no character from inside any span survives.
    """
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    clamped = []
    for span in merge_spans(spans):
        start = max(0, min(span.start, len(text)))
        end = max(start, min(span.end, len(text)))
        if end > start:
            clamped.append(RedactionSpan(start, end, span.replacement))
    expected = apply_redactions(text, clamped).text
    if not clamped:
        return expected
    results = [
        RecognizerResult(f"SAR_SPAN_{i}", span.start, span.end, 1.0)
        for i, span in enumerate(clamped)
    ]
    operators = {
        f"SAR_SPAN_{i}": OperatorConfig("custom", {"lambda": _constant(span.replacement)})
        for i, span in enumerate(clamped)
    }
    produced = _engine().anonymize(text, results, operators).text
    if produced != expected:
        # Never trust the library over the proven rule; say so without any text.
        log.warning("anonymizer result differed from the span rule (spans=%d)", len(clamped))
        return expected
    return produced
