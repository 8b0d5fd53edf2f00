"""A cheaper context enhancer for Presidio's context words (same results, less copying)."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts


class QuickContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, handed only the results it can change.

    The parent deep-copies every result of every text (≈1 ms per message here, mostly NER
    spans whose recogniser has no context words); the outcome is the same, as results whose
    recogniser has no context words, or that are already boosted, are returned untouched.
    """

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Enhance the results that can be enhanced; pass the others through."""
        with_context = {r.id for r in recognizers if r.context}
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        boosted = RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY
        todo: list[RecognizerResult] = []
        keep: list[RecognizerResult] = []
        for r in raw_results:
            meta = r.recognition_metadata or {}
            (todo if meta.get(key) in with_context and not meta.get(boosted) else keep).append(r)
        if not todo:
            return raw_results
        enhanced: list[RecognizerResult] = super().enhance_using_context(
            text, todo, nlp_artifacts, recognizers, context
        )
        return keep + enhanced
