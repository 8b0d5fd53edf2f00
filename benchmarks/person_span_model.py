"""A learned last check on PERSON proposals: drop those it is confident are not people.

Measured, not shipped (benchmarks/README.md, "Person span classifier (cls15)"): it did not earn
its place in the product. The rules and the model propose names; on text nobody here wrote they
also propose things named like people (a horse, a beer, a booking system), post words spread
through a case and foreign words. A logistic regression over generic features
(`person_span_features`: recogniser, letter shape, name and word lists, the closed classes of
word around the span, the case's tally of the same words) gives each guessed PERSON proposal a
probability of covering personal data, and proposals below a threshold are dropped.

Only guesses are judged: a proposal tied to a person the case knows, or read from the export's
structure, is never dropped, and nothing is ever added, so the requester guarantee and every
identifier and place proposal are untouched. `train_person_classifier.py` fits the weights.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from person_span_features import FEATURES, case_stats, features

from sar_desk.core.findings import Finding, ProposalField

# Proposals that come from the case's own knowledge, never second-guessed.
_KEPT = frozenset({"CaseDenyList", "CaseStructure"})


class Scorer(Protocol):
    """Anything that gives a row of `FEATURES` a probability (`Model`, or boosted stumps)."""

    @property
    def threshold(self) -> float:
        """Proposals whose probability is below it are dropped."""
        ...

    def probability(self, row: Sequence[float]) -> float:
        """The probability that a proposal with feature values `row` covers personal data."""
        ...


@dataclass(frozen=True)
class Model:
    """Logistic-regression weights over standardised `FEATURES`, and the drop threshold.

    Attributes:
        weights: One weight per feature (the bias is the "bias" feature, standardised as 1).
        mean: Each feature's training mean, subtracted before weighting.
        scale: Each feature's training spread, divided by before weighting.
        threshold: Proposals whose probability of being a person is below it are dropped.
    """

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float

    def probability(self, row: Sequence[float]) -> float:
        """The probability that a proposal with feature values `row` covers personal data."""
        z = sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load(path: Path) -> Model:
    """The model written by ``train_person_classifier.py --write`` (for these `FEATURES`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data.get("features", ())) != FEATURES:
        raise ValueError("the weights were trained on other features")
    return Model(
        tuple(data["weights"]), tuple(data["mean"]), tuple(data["scale"]), data["threshold"]
    )


def judged(f: Finding) -> bool:
    """Whether `f` is a guessed PERSON proposal in a message's text (the ones scored)."""
    return (
        f.entity_type == "PERSON"
        and f.field == ProposalField.TEXT
        and f.start is not None
        and f.person_id is None
        and f.recognizer not in _KEPT
    )


def scored(
    found: Sequence[Finding], texts: Mapping[int, str], model: Scorer
) -> list[tuple[Finding, float]]:
    """Each judged proposal of `found` with its probability of covering personal data."""
    stats = case_stats(found, texts)
    return [
        (f, model.probability(features(f, texts.get(int(f.message_id), ""), stats)))
        for f in found
        if judged(f)
    ]


def drop_non_persons(
    found: Sequence[Finding], texts: Mapping[int, str], model: Scorer
) -> list[Finding]:
    """`found` without the guessed PERSON proposals the model is confident are not people.

    Args:
        found: Every proposal of the case (both passes).
        texts: Message text by message id, for the words around each span.
        model: The weights and threshold.
    """
    drop = {id(f) for f, p in scored(found, texts, model) if p < model.threshold}
    return [f for f in found if id(f) not in drop]
