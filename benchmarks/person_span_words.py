"""The span's OWN word vectors as features of a PERSON proposal (wv26, issue 15; measured).

vec25 (`person_span_vectors`) read the words around a span. Here the span's own words are
looked up in md's static vectors (``nlp.vocab.vectors``: 684,830 keys on 20,000 rows; pruned,
so a rare word such as "lobelia" or "gini" lands on the row of its nearest kept word, while
many foreign given names, "Bounmy", "Tõnis", have no row at all). Every feature is a property
of a vector ROW, computed once from the shipped LISTS (`sar_desk.detect.gazetteer`), never
from a corpus, so nothing is fitted to a corpus's own things:

- ``rate``: of the listed words whose spelling lands on the row (given names and surnames
  that are no English word, in title and lower case; common English words that are no name,
  likewise), names minus words over their sum plus 2: +1 a name row, -1 a thing row, 0
  unknown;
- ``cos``: the cosine to the unit centroid of the listed names' vectors minus that to the
  listed English words' (title-case centroids for a look-up by the exact spelling, lower-case
  for a look-up in lower case), shifted so that the midpoint of the two lists' means is 0;
- ``nn``: of the `K` nearest other rows (cosine), the share that are name rows minus the share
  that are thing rows (a row is one or the other by its listed words, most landing there).

A span's words (less titles, honorifics and relations: "Mrs", "Aunt") are looked up by their
exact spelling, else in lower case (with the matching centroids); the columns are the mean
and the minimum (the most thing-like word) of each row feature over the words that have a
row. The "safe" variant also gives no evidence for a word that is a listed name and an
English word ("Comfort", "Clay", "Robin": its vector is the word's, not the name's). A word
without a row adds nothing, and a span with none gets zeros in every column: the model is
fitted without centring these columns (`OWN_NAMES`, see `train_person_vectors.fit`), so a
zero contributes exactly nothing, "no evidence", and a real name of rare origin is judged by
the generic features alone.

Measured, not shipped: see benchmarks/README.md, "wv26 (session 17)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.strings import hash_string

from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.cues import RELATIONS
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.words import TITLES

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SKIP = TITLES | HONORIFICS | RELATIONS
K = 10
ROW_FEATURES = ("rate", "cos", "nn")
OWN_NAMES = [f"own_{agg}_{feat}" for agg in ("mean", "min") for feat in ROW_FEATURES]


def _unit(x: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(x, axis=-1, keepdims=True)
    n[n == 0] = 1.0
    return np.asarray(x / n, dtype=np.float32)


@dataclass(frozen=True)
class RowTable:
    """Per vector row its three features, for each look-up (exact spelling, lower case).

    Attributes:
        keys: md's key (hash of a spelling) to row.
        exact: rows x 3 (rate, cos to the title-case centroids, nn), for an exact look-up.
        lower: rows x 3 (rate, cos to the lower-case centroids, nn), for a lower-case one.
    """

    keys: dict[int, int]
    exact: np.ndarray
    lower: np.ndarray

    def row(self, spelling: str) -> int | None:
        """The row of `spelling`, or None when md has none."""
        return self.keys.get(hash_string(spelling))

    def features(self, span: str, safe: frozenset[str] = frozenset()) -> list[float]:
        """The `OWN_NAMES` columns of a span's text; a word of `safe` (case-folded) gives no
        evidence, as a word without a row."""
        words = [w.rstrip("'’-") for w in _WORD.findall(span)]
        words = [w.removesuffix("'s").removesuffix("’s") for w in words]
        words = [w for w in words if w and w.casefold() not in _SKIP and w.casefold() not in safe]
        vals = []
        for w in words:
            row = self.row(w)
            if row is not None:
                vals.append(self.exact[row])
            elif (row := self.row(w.lower())) is not None:
                vals.append(self.lower[row])
        if not vals:
            return [0.0] * len(OWN_NAMES)
        v = np.array(vals)
        return [*v.mean(axis=0).tolist(), *v.min(axis=0).tolist()]


def _landing(keys: dict[int, int], words: frozenset[str], rows: int) -> np.ndarray:
    """How many of `words`, in title case and in lower case, land on each row."""
    count = np.zeros(rows)
    for w in words:
        for s in {w.title(), w.lower()}:
            r = keys.get(hash_string(s))
            if r is not None:
                count[r] += 1
    return count


def _centroid(
    keys: dict[int, int], unit: np.ndarray, words: frozenset[str], form: object
) -> np.ndarray:
    rows = [r for r in (keys.get(hash_string(form(w))) for w in words) if r is not None]  # type: ignore[operator]
    return _unit(unit[rows].mean(axis=0))


def build(nlp: object, gaz: Gazetteers, k: int = K) -> RowTable:
    """The row table of md's vectors from the shipped lists (deterministic, a few seconds)."""
    table = nlp.vocab.vectors  # type: ignore[attr-defined]
    keys = dict(table.key2row.items())
    unit = _unit(np.asarray(table.data, dtype=np.float32))
    n = len(unit)
    names = (gaz.first_names | gaz.surnames) - gaz.english
    english = gaz.common_words - gaz.first_names - gaz.surnames
    a = _landing(keys, names, n)
    b = _landing(keys, english, n)
    rate = (a - b) / (a + b + 2.0)
    label = np.sign(a - b)
    cols = {}
    for look, form in (("exact", str.title), ("lower", str.lower)):
        diff = unit @ (_centroid(keys, unit, names, form) - _centroid(keys, unit, english, form))
        rn = [r for r in (keys.get(hash_string(form(w))) for w in names) if r is not None]
        re_ = [r for r in (keys.get(hash_string(form(w))) for w in english) if r is not None]
        cols[look] = diff - (diff[rn].mean() + diff[re_].mean()) / 2.0
    nn = np.zeros(n)
    for lo in range(0, n, 2000):
        sims = unit[lo : lo + 2000] @ unit.T
        sims[np.arange(len(sims)), np.arange(lo, lo + len(sims))] = -np.inf
        best = np.argpartition(-sims, k, axis=1)[:, :k]
        nn[lo : lo + 2000] = label[best].mean(axis=1)
    # A row no vector exists for (all zeros) has no neighbours worth reading.
    nn[np.abs(unit).sum(axis=1) == 0] = 0.0
    exact = np.column_stack([rate, cols["exact"], nn]).astype(np.float32)
    lower = np.column_stack([rate, cols["lower"], nn]).astype(np.float32)
    return RowTable(keys, exact, lower)
