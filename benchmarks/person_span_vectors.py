"""Context word-vector features of a PERSON proposal (round 25, issue 15; measured).

The generic features of `person_span_features` describe a proposal without its words; the
words around it carry the kind of thing meant ("flowering", "verge", "orbit", "saddle",
"font", "recipe" around a plant, comet, horse, typeface or dish; "said", "rang", "her shift"
around a person). md ships 300-d static vectors (``nlp.vocab.vectors``); here each proposal
gets two raw vectors, both built from the message's words outside the span:

- ``context``: the weighted mean of the unit vectors of up to `WINDOW` words before and
  `WINDOW` words after the span (weight 1/distance), closed-class words skipped;
- ``following``: the unit vector of the first lower-case word after the span that is not a
  closed-class word (the kind noun or the verb: "Mabel flowering", "Mabel said").

The word is looked up by its lower-case spelling's hash, as the vectors table keys it, so no
tokenizer, tagger or string table is needed and the result does not depend on spaCy's
tokenisation. Words without a vector are skipped; a proposal with no such word gets zeros and
``has_context`` 0. Two ways of turning the raw vectors into a few model features, both
fitted on training spans only, were measured:

- `Projection` ("vectors"): a PCA of each raw vector and its cosine to the centroids of the
  kept and the dropped training spans;
- `Pools` ("knn"): the mean cosine to the `KNN` nearest distinct kept and dropped training
  contexts, in the top `KNN_DIMS` principal axes (neighbours, because the things named like
  people are of many kinds and a single centroid blurs them).

Measured, not shipped: see benchmarks/README.md, "vec25 (round 25)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.strings import hash_string

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
WINDOW = 5
DIM = 300


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Closed-class words that occur around anything and only blur a mean.
_SKIP = _words(
    """a an the and or but nor so yet of to in on at for with from by into onto as than then
    is are was were be been being am it's its this that these those there here if"""
)


class Vectors:
    """md's static vectors, looked up by a word's lower-case spelling (unit length)."""

    def __init__(self, keys: dict[int, int], data: np.ndarray) -> None:
        self._keys = keys
        norms = np.linalg.norm(data, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        self._unit = (data / norms).astype(np.float32)
        self._cache: dict[str, np.ndarray | None] = {}

    @classmethod
    def from_nlp(cls, nlp: object) -> Vectors:
        """The vectors of a loaded spaCy pipeline (``nlp.vocab.vectors``)."""
        table = nlp.vocab.vectors  # type: ignore[attr-defined]
        return cls(dict(table.key2row.items()), np.asarray(table.data))

    def get(self, word: str) -> np.ndarray | None:
        """The unit vector of `word` (lower-cased), or None when md has none."""
        key = word.casefold().strip("'’-")
        if key not in self._cache:
            row = self._keys.get(hash_string(key))
            self._cache[key] = None if row is None else self._unit[row]
        return self._cache[key]


def raw(vectors: Vectors, text: str, start: int, end: int) -> np.ndarray:
    """``context`` (DIM), ``following`` (DIM), ``has_context`` (1) of the span text[start:end]."""
    before = [m.group() for m in _WORD.finditer(text[:start])][::-1]
    after = [m.group() for m in _WORD.finditer(text[end:])]
    total = np.zeros(DIM, dtype=np.float32)
    weight = 0.0
    for side in (before, after):
        d = 0
        for w in side:
            if w.casefold() in _SKIP:
                continue
            d += 1
            if d > WINDOW:
                break
            v = vectors.get(w)
            if v is not None:
                total += v / d
                weight += 1.0 / d
    following = np.zeros(DIM, dtype=np.float32)
    for w in after[:WINDOW]:
        if w.islower() and w not in _SKIP:
            v = vectors.get(w)
            if v is not None:
                following = v
                break
    context = total / weight if weight else total
    return np.concatenate([context, following, [float(weight > 0)]]).astype(np.float32)


def _unit_rows(x: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return np.asarray(x / n)


@dataclass(frozen=True)
class Projection:
    """Fitted on training spans: PCA axes of both raw vectors and the class centroids.

    Attributes:
        mean: Per raw block (context, following) the training mean, subtracted first.
        axes: Per raw block the top principal axes (rows), sign fixed (largest loading > 0).
        centroids: Per raw block the unit centroid of the kept (label 1) and dropped spans.
    """

    mean: tuple[np.ndarray, np.ndarray]
    axes: tuple[np.ndarray, np.ndarray]
    centroids: tuple[np.ndarray, np.ndarray]

    def names(self) -> list[str]:
        """The names of the features `transform` returns, in order."""
        out = ["has_context"]
        for block in ("ctx", "next"):
            k = len(self.axes[0 if block == "ctx" else 1])
            out += [f"{block}_pc{i + 1}" for i in range(k)]
            out += [f"{block}_cos_kept", f"{block}_cos_dropped", f"{block}_cos_diff"]
        return out

    def transform(self, x: np.ndarray) -> np.ndarray:
        """Model features of raw rows `x` (n x (2 DIM + 1))."""
        cols = [x[:, 2 * DIM : 2 * DIM + 1]]
        for b in (0, 1):
            block = x[:, b * DIM : (b + 1) * DIM]
            cols.append((block - self.mean[b]) @ self.axes[b].T)
            sims = _unit_rows(block) @ self.centroids[b].T
            cols.append(np.column_stack([sims, sims[:, 0] - sims[:, 1]]))
        return np.hstack(cols)


def fit_projection(x: np.ndarray, y: np.ndarray, components: int) -> Projection:
    """PCA (`components` axes) and centroids of each raw block of training rows `x`."""
    means, axes, cents = [], [], []
    for b in (0, 1):
        block = x[:, b * DIM : (b + 1) * DIM].astype(np.float64)
        m = block.mean(axis=0)
        # The covariance's eigenvectors (300 x 300, deterministic), largest first.
        vals, vecs = np.linalg.eigh(np.cov((block - m).T))
        top = vecs[:, np.argsort(vals)[::-1][:components]].T
        top *= np.sign(top[np.arange(len(top)), np.abs(top).argmax(axis=1)])[:, None]
        unit = _unit_rows(block)
        kept = unit[y == 1].mean(axis=0)
        dropped = unit[y == 0].mean(axis=0)
        c = _unit_rows(np.vstack([kept, dropped]))
        means.append(m)
        axes.append(top)
        cents.append(c)
    return Projection((means[0], means[1]), (axes[0], axes[1]), (cents[0], cents[1]))


@dataclass(frozen=True)
class Pools:
    """Distinct training contexts, kept (label 1) and dropped (label 0), per block, reduced to
    the block's top `KNN_DIMS` principal axes and unit length: the neighbours the
    k-nearest-neighbour features compare a span's context to.

    Attributes:
        axes: Per block the principal axes (KNN_DIMS x DIM) the contexts are projected onto.
        kept: Per block the unit projected contexts of kept spans.
        dropped: Per block the unit projected contexts of dropped spans.
    """

    axes: tuple[np.ndarray, np.ndarray]
    kept: tuple[np.ndarray, np.ndarray]
    dropped: tuple[np.ndarray, np.ndarray]


KNN = 5
KNN_DIMS = 128
POOL_KEPT = 3000


def _axes(block: np.ndarray, k: int) -> np.ndarray:
    """The top `k` principal axes of the rows of `block` with a context (sign fixed)."""
    rows = block[np.abs(block).sum(axis=1) > 0].astype(np.float64)
    vals, vecs = np.linalg.eigh(np.cov((rows - rows.mean(axis=0)).T))
    top = vecs[:, np.argsort(vals)[::-1][:k]].T
    top *= np.sign(top[np.arange(len(top)), np.abs(top).argmax(axis=1)])[:, None]
    return np.asarray(top, dtype=np.float32)


def _distinct(unit: np.ndarray) -> np.ndarray:
    """The distinct non-zero rows of `unit`, in first-seen order (deterministic)."""
    unit = unit[np.abs(unit).sum(axis=1) > 0]
    _, first = np.unique(np.round(unit, 5), axis=0, return_index=True)
    return np.asarray(unit[np.sort(first)], dtype=np.float32)


def build_pools(x: np.ndarray, y: np.ndarray) -> Pools:
    """Distinct contexts of training rows `x`; at most `POOL_KEPT` kept ones, evenly spaced."""
    axes, kept, dropped = [], [], []
    for b in (0, 1):
        block = x[:, b * DIM : (b + 1) * DIM]
        a = _axes(block, KNN_DIMS)
        unit = _unit_rows(block @ a.T)
        k = _distinct(unit[y == 1])
        if len(k) > POOL_KEPT:
            k = k[np.linspace(0, len(k) - 1, POOL_KEPT).astype(int)]
        axes.append(a)
        kept.append(k)
        dropped.append(_distinct(unit[y == 0]))
    return Pools((axes[0], axes[1]), (kept[0], kept[1]), (dropped[0], dropped[1]))


def _top_mean(s: np.ndarray, k: int) -> np.ndarray:
    """The mean of each row's `k` largest values (k row maxima: far cheaper than a
    partition of every row for a small k)."""
    total = np.zeros(len(s), dtype=np.float64)
    k = min(k, s.shape[1])
    rows = np.arange(len(s))
    for _ in range(k):
        best = s.argmax(axis=1)
        total += s[rows, best]
        s[rows, best] = -np.inf
    return total / max(k, 1)


def knn_features(x: np.ndarray, pools: Pools) -> np.ndarray:
    """Per block: mean cosine to the `KNN` nearest kept and dropped contexts, and their
    difference (n x 6; zeros where the span has no such context)."""
    cols = []
    for b in (0, 1):
        unit = _unit_rows(x[:, b * DIM : (b + 1) * DIM] @ pools.axes[b].T).astype(np.float32)
        sims = []
        for pool in (pools.kept[b], pools.dropped[b]):
            sims.append(_top_mean(unit @ pool.T, KNN))
        cols += [sims[0], sims[1], sims[0] - sims[1]]
    return np.column_stack(cols).astype(np.float64)


KNN_NAMES = [f"{b}_knn_{k}" for b in ("ctx", "next") for k in ("kept", "dropped", "diff")]
