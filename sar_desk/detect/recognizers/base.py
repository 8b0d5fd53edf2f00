"""A small regex recogniser base for SAR Desk's own recognisers.

Presidio's `PatternRecognizer` compiles with registry-wide flags (case-insensitive by default,
which makes "P45 the" a vehicle registration) and always reports the whole match. `RuleRecognizer`
keeps each rule's own flags, can report one named group (``v``) so a label such as "DOB:" is not
part of the span, and runs an optional validator, while still being a Presidio recogniser whose
``context`` words feed Presidio's context enhancer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult


@dataclass(frozen=True, slots=True)
class Rule:
    """One regular expression and what a match means.

    Attributes:
        name: Short rule name (shown as the recogniser's pattern).
        regex: The compiled expression; a group named ``v`` narrows the span when present.
        score: Confidence before context enhancement.
        entity: Entity type; defaults to the recogniser's first entity.
        validate: Extra check on the matched value; False drops the match.
    """

    name: str
    regex: re.Pattern[str]
    score: float
    entity: str | None = None
    validate: Callable[[str], bool] | None = None


class RuleRecognizer(LocalRecognizer):
    """A recogniser made of `Rule`s; overlapping matches keep the longest."""

    ENTITIES: ClassVar[tuple[str, ...]]
    RULES: ClassVar[tuple[Rule, ...]]
    CONTEXT: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        super().__init__(
            supported_entities=list(self.ENTITIES),
            name=type(self).__name__,
            supported_language="en",
            context=list(self.CONTEXT),
        )

    def load(self) -> None:
        """Nothing to load: the rules are compiled at import time."""

    def spans(self, text: str) -> list[tuple[int, int, str, float]]:
        """All matches as ``(start, end, entity, score)``, overlaps resolved to the longest."""
        found: list[tuple[int, int, str, float]] = []
        for rule in self.RULES:
            entity = rule.entity or self.ENTITIES[0]
            for match in rule.regex.finditer(text):
                group = "v" if "v" in rule.regex.groupindex else 0
                start, end = match.span(group)
                if start == end or start < 0:
                    continue
                if rule.validate is not None and not rule.validate(text[start:end]):
                    continue
                found.append((start, end, entity, rule.score))
        found.sort(key=lambda s: (-(s[1] - s[0]), -s[3], s[0]))
        kept: list[tuple[int, int, str, float]] = []
        for span in found:
            if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
                kept.append(span)
        return sorted(kept)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        """Presidio entry point: the matches of the requested entities."""
        wanted = set(entities) if entities else set(self.ENTITIES)
        return [
            RecognizerResult(
                entity_type=entity,
                start=start,
                end=end,
                score=score,
                # The context enhancer writes its supporting word into the explanation.
                analysis_explanation=AnalysisExplanation(type(self).__name__, score),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for start, end, entity, score in self.spans(text)
            if entity in wanted
        ]
