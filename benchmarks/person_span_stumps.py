"""A small gradient-boosted stump ensemble for the PERSON span classifier (exploratory).

The same rows as the logistic regression (`person_span_features`), fitted by Newton boosting
of depth-one trees on the logistic loss: each round picks the single feature split (among up
to 16 quantile cut points per feature) with the best second-order gain, and adds a shrunken
value to each side. Deterministic: fixed cut points, ties broken by feature order. It lets the
model learn thresholds and non-linear shapes (few messages, one word, NER only) that a linear
score cannot, so `train_person_classifier.py --stumps N` compares the two in the
leave-one-corpus-out check without reading the test corpus again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Stumps:
    """An additive model of stumps: ``base + sum(left if x[f] <= cut else right)``.

    Attributes:
        base: The starting log-odds (the training data's).
        splits: ``(feature, cut, left, right)`` per round.
        threshold: Proposals whose probability is below it are dropped.
    """

    base: float
    splits: tuple[tuple[int, float, float, float], ...]
    threshold: float

    def probability(self, row: Sequence[float]) -> float:
        """The probability that a proposal with feature values `row` covers personal data."""
        z = self.base + sum(a if row[f] <= cut else b for f, cut, a, b in self.splits)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _cuts(column: np.ndarray) -> np.ndarray:
    values = np.unique(column)
    if len(values) <= 16:
        return values[:-1]
    return np.unique(np.quantile(column, np.linspace(0.05, 0.95, 16)))


def fit_stumps(
    x: np.ndarray, y: np.ndarray, rounds: int, rate: float = 0.2, l2: float = 1.0
) -> Stumps:
    """Boost `rounds` stumps on rows `x` (features) and labels `y` (0 or 1)."""
    rate_pos = min(max(y.mean(), 1e-6), 1 - 1e-6)
    base = math.log(rate_pos / (1 - rate_pos))
    cuts = [_cuts(x[:, j]) for j in range(x.shape[1])]
    bins = [np.searchsorted(c, x[:, j], side="left") for j, c in enumerate(cuts)]
    z = np.full(len(y), base)
    splits: list[tuple[int, float, float, float]] = []
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-z))
        g, h = p - y, np.maximum(p * (1 - p), 1e-12)
        gs, hs = g.sum(), h.sum()
        best = (0.0, -1, 0.0, 0.0, 0.0)
        for j, c in enumerate(cuts):
            if not len(c):
                continue
            gl = np.cumsum(np.bincount(bins[j], weights=g, minlength=len(c) + 1))[:-1]
            hl = np.cumsum(np.bincount(bins[j], weights=h, minlength=len(c) + 1))[:-1]
            gain = gl**2 / (hl + l2) + (gs - gl) ** 2 / (hs - hl + l2) - gs**2 / (hs + l2)
            k = int(np.argmax(gain))
            if gain[k] > best[0] + 1e-12:
                left = -gl[k] / (hl[k] + l2)
                right = -(gs - gl[k]) / (hs - hl[k] + l2)
                best = (float(gain[k]), j, float(c[k]), float(left), float(right))
        _gain, j, cut, left, right = best
        if j < 0:
            break
        splits.append((j, cut, rate * left, rate * right))
        z += np.where(x[:, j] <= cut, rate * left, rate * right)
    return Stumps(base, tuple(splits), 0.0)
