"""Approved spans become markers through presidio-anonymizer, exactly as the span rule says."""

from __future__ import annotations

import random

import pytest

from sar_desk.core.redaction import RedactionSpan, apply_redactions
from sar_desk.export import anonymise
from sar_desk.export.anonymise import redact_spans

TEXT = "Call Ruth Okoro on 07700 900123 or write to ruth.okoro@example.org today"


def test_each_span_gets_its_own_marker() -> None:
    spans = [
        RedactionSpan(5, 9, "[Person A]"),
        RedactionSpan(10, 15, "[Person B]"),  # one space from the first: never joined
        RedactionSpan(19, 31, "[Redacted · phone]"),
    ]
    out = redact_spans(TEXT, spans)
    assert out.startswith("Call [Person A] [Person B] on [Redacted · phone] or write")
    for secret in ("Ruth", "Okoro", "07700", "900123"):
        assert secret not in out


def test_an_empty_marker_removes_the_text_and_prints_no_internal_label() -> None:
    out = redact_spans(TEXT, [RedactionSpan(19, 31, "")])
    assert out == "Call Ruth Okoro on  or write to ruth.okoro@example.org today"
    assert "SAR_SPAN" not in out
    assert "<" not in out


def test_overlapping_spans_leave_nothing_between_them() -> None:
    out = redact_spans(TEXT, [RedactionSpan(5, 12, "[X]"), RedactionSpan(10, 15, "[Y]")])
    assert out == "Call [X] on 07700 900123 or write to ruth.okoro@example.org today"


def test_the_engine_is_what_produces_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    engine = anonymise._engine()
    real = engine.anonymize

    def spy(text, results, operators):  # type: ignore[no-untyped-def]
        calls.append(len(results))
        return real(text, results, operators)

    monkeypatch.setattr(engine, "anonymize", spy)
    redact_spans(TEXT, [RedactionSpan(5, 15, "[Person A]")])
    assert calls == [1]


def test_a_library_that_disagrees_is_overruled_by_the_span_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = anonymise._engine()

    class Leaky:
        text = TEXT  # as if the library had redacted nothing

    monkeypatch.setattr(engine, "anonymize", lambda *a, **k: Leaky())
    out = redact_spans(TEXT, [RedactionSpan(5, 15, "[Person A]")])
    assert "Ruth" not in out
    assert out.startswith("Call [Person A] on")


def test_random_spans_match_the_pure_rule(caplog: pytest.LogCaptureFixture) -> None:
    # The fallback must not be what makes these equal: the engine itself has to agree.
    caplog.set_level("WARNING", logger="sar_desk.export.anonymise")
    rng = random.Random(1205)
    for _ in range(300):
        text = "".join(rng.choice("ab cd\u200bé😀\n") for _ in range(rng.randint(0, 40)))
        spans = []
        for _ in range(rng.randint(0, 5)):
            start = rng.randint(-3, len(text) + 3)
            spans.append(RedactionSpan(start, start + rng.randint(-2, 12), rng.choice(["[R]", ""])))
        inside = [s for s in spans if 0 <= s.start < s.end <= len(text)]
        assert redact_spans(text, inside) == apply_redactions(text, inside).text
        # Offsets beyond the text are clamped; the engine must still agree with the rule
        # (a disagreement would be logged, and the log must stay empty).
        redact_spans(text, spans)
    assert not caplog.records


def test_the_fallback_is_logged_without_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    engine = anonymise._engine()

    class Leaky:
        text = TEXT

    monkeypatch.setattr(engine, "anonymize", lambda *a, **k: Leaky())
    redact_spans(TEXT, [RedactionSpan(5, 15, "[Person A]")])
    assert [r.getMessage() for r in caplog.records] == [
        "anonymizer result differed from the span rule (spans=1)"
    ]
