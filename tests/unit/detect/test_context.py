"""The quicker context enhancer scores exactly as Presidio's own."""

from __future__ import annotations

from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from sar_desk.detect.engine import Analyzer


def test_same_scores_as_presidios_enhancer(fake_analyzer: Analyzer) -> None:
    texts = [
        "Priya's mobile is 07911 123456, postcode LS1 4AB",
        "NI number AB 12 34 56 C and passport 123456789",
        "Sam Patel lives at 12 High Street",
    ]
    engine = fake_analyzer.engine
    ours = engine.context_aware_enhancer
    theirs = LemmaContextAwareEnhancer(context_matching_mode="whole_word")
    for text, artifacts in fake_analyzer.artifacts(texts):
        engine.context_aware_enhancer = theirs
        try:
            expected = sorted(
                (r.entity_type, r.start, r.end, r.score)
                for r in engine.analyze(text, language="en", nlp_artifacts=artifacts)
            )
        finally:
            engine.context_aware_enhancer = ours
        got = sorted(
            (r.entity_type, r.start, r.end, r.score) for r in fake_analyzer.analyze(text, artifacts)
        )
        assert got == expected, text
        assert any(score > 0.4 for *_span, score in got)
