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

DIGIT = re.compile(r"\d")


def typo_tolerant(word: str) -> str:
    """A regex alternation of `word` and every adjacent-letter swap of it ("passprot").

    Cue words typed on a phone are often mistyped; the value after them is still someone's
    identifier. Only swaps (the commonest slip) are accepted, so the cue stays specific.
    """
    forms = {word}
    for i in range(len(word) - 1):
        forms.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return "(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class Rule:
    """One regular expression and what a match means.

    Attributes:
        name: Short rule name (shown as the recogniser's pattern).
        regex: The compiled expression; a group named ``v`` narrows the span when present.
        score: Confidence before context enhancement.
        entity: Entity type; defaults to the recogniser's first entity.
        validate: Extra check on the matched value; False drops the match.
        note: A sentence for the reviewer about the matched value ("" for none).
        needs: Something every match contains; a text without it skips the rule (a gate
            from `detect.prefilters`, much cheaper than the rule's own pattern).
    """

    name: str
    regex: re.Pattern[str]
    score: float
    entity: str | None = None
    validate: Callable[[str], bool] | None = None
    note: Callable[[str], str] | None = None
    needs: re.Pattern[str] | None = None


class RuleRecognizer(LocalRecognizer):
    """A recogniser made of `Rule`s; overlapping matches keep the longest."""

    ENTITIES: ClassVar[tuple[str, ...]]
    RULES: ClassVar[tuple[Rule, ...]]
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    # Something every match contains (a digit for numbers): texts without it are skipped.
    NEEDS: ClassVar[re.Pattern[str] | None] = None

    def __init__(self) -> None:
        super().__init__(
            supported_entities=list(self.ENTITIES),
            name=type(self).__name__,
            supported_language="en",
            context=list(self.CONTEXT),
        )

    @classmethod
    def note_for(cls, value: str) -> str:
        """The reviewer note for a matched value ("" when no rule writes one).

        Presidio's context enhancer rebuilds explanations, so the note is recomputed here.
        """
        for rule in cls.RULES:
            if rule.note is not None:
                return rule.note(value)
        return ""

    def load(self) -> None:
        """Nothing to load: the rules are compiled at import time."""

    def spans(self, text: str) -> list[tuple[int, int, str, float]]:
        """All matches as ``(start, end, entity, score)``, overlaps resolved to the longest."""
        return [(s, e, ent, sc) for s, e, ent, sc, _note in self.noted_spans(text)]

    def noted_spans(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """`spans` with each match's note for the reviewer."""
        found: list[tuple[int, int, str, float, str]] = []
        if self.NEEDS is not None and not self.NEEDS.search(text):
            return found
        for rule in self.RULES:
            if rule.needs is not None and rule.needs.search(text) is None:
                continue
            entity = rule.entity or self.ENTITIES[0]
            group = "v" if "v" in rule.regex.groupindex else 0
            for match in rule.regex.finditer(text):
                start, end = match.span(group)
                if start == end or start < 0:
                    continue
                if rule.validate is not None and not rule.validate(text[start:end]):
                    continue
                note = rule.note(text[start:end]) if rule.note is not None else ""
                found.append((start, end, entity, rule.score, note))
        if len(found) < 2:
            return found  # nothing to resolve (most texts match no rule)
        found.sort(key=lambda s: (-(s[1] - s[0]), -s[3], s[0]))
        kept: list[tuple[int, int, str, float, str]] = []
        for span in found:
            if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
                kept.append(span)
        return sorted(kept)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        """Presidio entry point: the matches of the requested entities."""
        spans = self.noted_spans(text)
        if not spans:
            return []  # most texts: no set of the requested entities to build
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
            for start, end, entity, score, _note in spans
            if entity in wanted
        ]
