"""Presidio's analyzer without the work it repeats for every text (same results, less time).

`AnalyzerEngine.analyze` looks up the recognisers for the language, lists the entities they
support (building two sets), splits the results by recogniser once per recogniser (25 passes
over every result, to call a hook that all but a few recognisers leave as a no-op) and copies
each recogniser's score thresholds, for every message. Detection always makes the same call
(all entities, no ad hoc recognisers, no allow list, NLP artifacts already computed), so
`QuickAnalyzerEngine` works that out once per recogniser set and then runs exactly Presidio's
steps in Presidio's order: each recogniser, context enhancement, the score threshold,
`remove_duplicates`, dropping the decision process. Any other call goes to Presidio unchanged.
`QuickArtifacts` builds Presidio's NLP artifacts of a parsed text as its spaCy engine does,
asking the vocabulary whether a lemma is a stop word or punctuation once per lemma, not per token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
_NAME = RecognizerResult.RECOGNIZER_NAME_KEY
_BASE_HOOK = EntityRecognizer.enhance_using_context


def _has_own_hook(recognizer: EntityRecognizer) -> bool:
    """Whether the recogniser changes results in its own `enhance_using_context`."""
    return getattr(
        type(recognizer), "enhance_using_context", _BASE_HOOK
    ) is not _BASE_HOOK or "enhance_using_context" in vars(recognizer)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What Presidio recomputes per call, computed once for one recogniser list."""

    recognizers: list[EntityRecognizer]
    entities: list[str]
    hooked: frozenset[str]
    thresholds: dict[str, dict[str, float]]


class QuickAnalyzerEngine(AnalyzerEngine):
    """`AnalyzerEngine` whose plain calls skip the per-call lookups (see module docstring)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._plans: dict[tuple[str, tuple[int, ...]], _Plan] = {}

    def _plan(self, language: str) -> _Plan:
        # Keyed on the registry's recogniser objects, so adding or removing one replans.
        key = (language, tuple(map(id, self.registry.recognizers)))
        plan = self._plans.get(key)
        if plan is None:
            recognizers = self.registry.get_recognizers(language=language, all_fields=True)
            plan = _Plan(
                recognizers=recognizers,
                entities=self.get_supported_entities(language=language),
                hooked=frozenset(r.id for r in recognizers if _has_own_hook(r)),
                thresholds={r.id: r.score_thresholds for r in recognizers},
            )
            self._plans = {key: plan}
        return plan

    def analyze(
        self,
        text: str,
        language: str,
        entities: list[str] | None = None,
        correlation_id: str | None = None,
        score_threshold: float | None = None,
        return_decision_process: bool | None = False,
        ad_hoc_recognizers: list[EntityRecognizer] | None = None,
        context: list[str] | None = None,
        allow_list: list[str] | None = None,
        allow_list_match: str | None = "exact",
        regex_flags: int | None = re.DOTALL | re.MULTILINE | re.IGNORECASE,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's `analyze`; the call detection makes takes the quick path."""
        plain = (
            not entities
            and score_threshold is None
            and not return_decision_process
            and not ad_hoc_recognizers
            and context is None
            and not allow_list
            and nlp_artifacts is not None
            and not self.log_decision_process
        )
        if not plain:
            results: list[RecognizerResult] = super().analyze(
                text,
                language,
                entities,
                correlation_id,
                score_threshold,
                return_decision_process,
                ad_hoc_recognizers,
                context,
                allow_list,
                allow_list_match,
                regex_flags,
                nlp_artifacts,
            )
            return results
        assert nlp_artifacts is not None  # for mypy: `plain` checked it
        return self._quick(text, language, nlp_artifacts)

    def _quick(
        self, text: str, language: str, nlp_artifacts: NlpArtifacts
    ) -> list[RecognizerResult]:
        plan = self._plan(language)
        raw: list[RecognizerResult] = []
        # With no recogniser hooked and every result labelled with its own recogniser, `raw`
        # is already grouped by recogniser in registry order: regrouping would rebuild it.
        in_order = not plan.hooked
        for recognizer in plan.recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
            found = recognizer.analyze(
                text=text, entities=plan.entities, nlp_artifacts=nlp_artifacts
            )
            if found:
                _label(found, recognizer)
                if in_order:
                    own = recognizer.id
                    in_order = all(r.recognition_metadata[_ID] == own for r in found)
                raw.extend(found)
        results = raw if in_order else self._grouped(text, raw, nlp_artifacts, plan)
        results = self.context_aware_enhancer.enhance_using_context(
            text=text,
            raw_results=results,
            nlp_artifacts=nlp_artifacts,
            recognizers=plan.recognizers,
            context=None,
        )
        results = [r for r in results if r.score >= self._threshold(r, plan)]
        if len(results) > 1:
            results = EntityRecognizer.remove_duplicates(results)
        elif results and results[0].score == 0:
            results = []  # what `remove_duplicates` does with one result
        for r in results:
            r.analysis_explanation = None  # type: ignore[assignment]  # as Presidio does
        return results

    def _grouped(
        self,
        text: str,
        raw: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        plan: _Plan,
    ) -> list[RecognizerResult]:
        """Results regrouped by recogniser in registry order, as Presidio's context step does.

        Presidio hands each recogniser its own results and everyone else's; only recognisers
        with their own hook are called here, as the base hook returns its input.
        """
        buckets: dict[str, list[RecognizerResult]] = {}
        for r in raw:
            buckets.setdefault(r.recognition_metadata[_ID], []).append(r)
        out: list[RecognizerResult] = []
        for recognizer in plan.recognizers:
            mine = buckets.get(recognizer.id, [])
            if recognizer.id in plan.hooked:
                mine = recognizer.enhance_using_context(
                    text=text,
                    raw_recognizer_results=mine,
                    other_raw_recognizer_results=[
                        r for r in raw if r.recognition_metadata[_ID] != recognizer.id
                    ],
                    nlp_artifacts=nlp_artifacts,
                    context=None,
                )
            out.extend(mine)
        return out

    def _threshold(self, result: RecognizerResult, plan: _Plan) -> float:
        """Presidio's per-result threshold: the recogniser's for the type, its default, ours."""
        rec_id = (result.recognition_metadata or {}).get(_ID)
        own = plan.thresholds.get(rec_id) if rec_id is not None else None
        if own is None:
            return float(self.default_score_threshold)
        value = own.get(result.entity_type)
        if value is None:
            value = own.get("default")
        return float(self.default_score_threshold) if value is None else value


def _label(results: Sequence[RecognizerResult], recognizer: EntityRecognizer) -> None:
    """Record which recogniser found each result, unless it said so itself (as Presidio does)."""
    for result in results:
        if not result.recognition_metadata:
            result.recognition_metadata = {}
        meta = result.recognition_metadata
        if _ID not in meta:
            meta[_ID] = recognizer.id
        if _NAME not in meta:
            meta[_NAME] = recognizer.name  # type: ignore[has-type]


_Keywords = dict[str, tuple[str, ...]]


class QuickArtifacts:
    """Presidio's `SpacyNlpEngine._doc_to_nlp_artifact`, its keyword test remembered per lemma.

    Presidio's artifacts list as keywords each lemma that is neither a stop word nor
    punctuation (two vocabulary look-ups per token), lower-cased and split at colons. The
    answer for a lemma never changes, so it is kept (the first look-up adds the lemma to the
    vocabulary as Presidio's does; later ones would find it there). Same artifacts, same class.
    At most `max_lemmas` are kept (a few MB), then the memory starts afresh.
    """

    def __init__(self, nlp_engine: SpacyNlpEngine, max_lemmas: int = 50_000) -> None:
        self._engine = nlp_engine
        self._max = max_lemmas
        self._known: dict[str, _Keywords] = {}

    def __call__(self, doc: Doc, language: str) -> NlpArtifacts:
        """The artifacts of one parsed text, equal to Presidio's."""
        engine = self._engine
        lemmas: list[str] = []
        indices: list[int] = []
        for token in doc:
            lemmas.append(token.lemma_)
            indices.append(token.idx)
        entities, scores = engine._get_updated_entities(
            engine._get_entities(doc), engine._get_scores_for_entities(doc)
        )
        # No engine: Presidio then skips its keyword step, done here instead.
        artifacts = NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=indices,
            lemmas=lemmas,
            nlp_engine=None,
            language=language,
            scores=scores,
        )
        artifacts.keywords = self._keywords(lemmas, language)
        artifacts.nlp_engine = engine
        return artifacts

    def _keywords(self, lemmas: list[str], language: str) -> list[str]:
        """`NlpArtifacts.set_keywords`, each lemma's pieces worked out once."""
        known = self._known.setdefault(language, {})
        if len(known) >= self._max:
            known.clear()
        engine = self._engine
        out: list[str] = []
        for lemma in lemmas:
            pieces = known.get(lemma)
            if pieces is None:
                keep = (
                    not engine.is_stopword(lemma, language)
                    and not engine.is_punct(lemma, language)
                    and lemma != "-PRON-"
                    and lemma != "be"
                )
                pieces = known[lemma] = tuple(lemma.lower().split(":")) if keep else ()
            out.extend(pieces)
        return out
