"""The quick analyzer and context enhancer give exactly what Presidio's own give, in order."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from sar_desk.detect.engine import Analyzer

# Names the fake NER tags, numbers with and without their context words, an address, a
# place, a link, an e-mail and a greeting: every kind of recogniser answers somewhere.
TEXTS = [
    "Priya's mobile is 07911 123456, postcode LS1 4AB",
    "NI number AB 12 34 56 C and passport 123456789",
    "Sam Patel lives at 12 High Street, Leeds",
    "hi dan, ring +44 20 7946 0958 or mail dan@trust.local, see www.example.org",
    "card 4111 1111 1111 1111, sort code 12-34-56 account 12345678",
    "ok",
    "",
]


def _full(results: list[RecognizerResult]) -> list[tuple[object, ...]]:
    return [
        (
            r.entity_type,
            r.start,
            r.end,
            r.score,
            r.analysis_explanation,
            sorted((r.recognition_metadata or {}).items()),
        )
        for r in results
    ]


def test_same_results_in_the_same_order_as_presidio(fake_analyzer: Analyzer) -> None:
    engine = fake_analyzer.engine
    for text, artifacts in fake_analyzer.artifacts(TEXTS):
        expected = AnalyzerEngine.analyze(engine, text, language="en", nlp_artifacts=artifacts)
        got = engine.analyze(text, language="en", nlp_artifacts=artifacts)
        assert _full(got) == _full(expected), text


def test_other_calls_go_to_presidio(fake_analyzer: Analyzer) -> None:
    engine = fake_analyzer.engine
    text = "call 07911 123456 or Sam Patel"
    (_, artifacts), *_ = fake_analyzer.artifacts([text])
    only = engine.analyze(text, "en", entities=["PHONE_NUMBER"], nlp_artifacts=artifacts)
    assert {r.entity_type for r in only} == {"PHONE_NUMBER"}
    explained = engine.analyze(text, "en", nlp_artifacts=artifacts, return_decision_process=True)
    assert all(r.analysis_explanation is not None for r in explained)


def test_context_enhancer_scores_as_presidios_and_leaves_its_input_alone(
    fake_analyzer: Analyzer,
) -> None:
    ours = fake_analyzer.engine.context_aware_enhancer
    theirs = LemmaContextAwareEnhancer(context_matching_mode="whole_word")
    recognizers = fake_analyzer.engine.registry.get_recognizers("en", all_fields=True)
    boosted = 0
    for text, artifacts in fake_analyzer.artifacts(TEXTS[:5]):
        raw: list[RecognizerResult] = []
        for recognizer in recognizers:
            for r in recognizer.analyze(text, [], artifacts) or []:
                r.recognition_metadata = r.recognition_metadata or {}
                r.recognition_metadata.setdefault(
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id
                )
                raw.append(r)
        before = [(r.score, dict(r.recognition_metadata)) for r in raw]
        got = ours.enhance_using_context(text, raw, artifacts, recognizers)
        assert [(r.score, dict(r.recognition_metadata)) for r in raw] == before
        expected = theirs.enhance_using_context(text, raw, artifacts, recognizers)
        boosted += sorted(r.score for r in got) != sorted(b for b, _meta in before)
        assert sorted((r.entity_type, r.start, r.end, r.score) for r in got) == sorted(
            (r.entity_type, r.start, r.end, r.score) for r in expected
        ), text
    assert boosted  # a context word raised some score, so the comparison means something


def test_artifacts_equal_presidios_own(fake_analyzer: Analyzer) -> None:
    """Lemmas, offsets, entities, scores and keywords (stop words, punctuation, colons)."""
    nlp_engine = fake_analyzer.engine.nlp_engine
    texts = [
        *TEXTS,
        "Sam Patel: the mobile is the one on the note: 07911 123456 !!",
        "ref:ABC12 is it, is it? be there; be quick - Priya",
        "the the the, and and and: it it",
    ]
    for text, ours in fake_analyzer.artifacts(texts):
        theirs = nlp_engine._doc_to_nlp_artifact(ours.tokens, "en")
        assert type(ours) is type(theirs)
        assert ours.lemmas == theirs.lemmas, text
        assert ours.tokens_indices == theirs.tokens_indices
        assert ours.keywords == theirs.keywords, text
        assert [(e.start_char, e.end_char, e.label_) for e in ours.entities] == [
            (e.start_char, e.end_char, e.label_) for e in theirs.entities
        ]
        assert ours.scores == theirs.scores
        assert ours.nlp_engine is theirs.nlp_engine
        assert list(vars(ours)) == list(vars(theirs))


def test_artifacts_keywords_stay_right_when_the_memory_starts_afresh(
    fake_analyzer: Analyzer,
) -> None:
    from sar_desk.detect.quick_engine import QuickArtifacts

    nlp_engine = fake_analyzer.engine.nlp_engine
    small = QuickArtifacts(nlp_engine, max_lemmas=3)
    for text, artifacts in fake_analyzer.artifacts([*TEXTS, *TEXTS]):
        theirs = nlp_engine._doc_to_nlp_artifact(artifacts.tokens, "en")
        assert small(artifacts.tokens, "en").keywords == theirs.keywords, text
