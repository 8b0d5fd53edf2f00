"""Train and measure the PERSON check with context word vectors (round 25; measured).

Run, after ``person_spans_dump.py --out CACHE`` has detected the corpora once:

    python benchmarks/train_person_vectors.py --cache CACHE --train eval eval-v3 ... eval-v26 \
        --tune eval-v27 [--test eval-v28] [--folds eval-v20 ...] [--write FILE.npz]

Each judged PERSON proposal (`person_span_model.judged`) gets cls15's 44 generic features
(`person_span_features`) and, for the "vectors" model, the context word-vector features of
`person_span_vectors` (PCA axes and centroids fitted on the training rows only). Label: the
proposal overlaps gold personal data of any type (cls15's). Both models are the same
L2 logistic regression (`train_person_classifier.fit`, Newton, numpy, deterministic). The
threshold of each is cls15's rule on the tuning corpus: the largest of the grid at which no
seed loses more than `--max-loss` of PERSON recall and no other entity more than `--max-loss`
of its recall (any type). The test corpus is then scored once, with `detect_eval_v2.score`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_eval_v2 import Scores, score
from person_span_features import FEATURES, case_stats, features
from person_span_model import judged
from person_span_vectors import (
    KNN_NAMES,
    Pools,
    Projection,
    Vectors,
    build_pools,
    fit_projection,
    knn_features,
    raw,
)
from person_span_words import OWN_NAMES, RowTable
from person_span_words import build as build_rows
from train_person_classifier import GRID, Run, _covers, _runs, _texts, choose

from sar_desk.detect import gazetteer
from sar_desk.detect.engine import load_spacy

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("LOCATION", "STREET_ADDRESS", "UK_POSTCODE", "UK_PASSPORT", "UK_NINO", "PHONE_NUMBER")


@dataclass
class Part:
    """One corpus's judged proposals: generic rows, raw vector rows, labels, gold PERSON hits,
    and for each row its (run index, finding index)."""

    generic: np.ndarray
    vectors: np.ndarray
    own: np.ndarray
    own_safe: np.ndarray
    y: np.ndarray
    person: np.ndarray
    where: list[tuple[int, int]]
    runs: list[Run]


def load_part(cache: Path, name: str, vectors: Vectors, rows: RowTable) -> Part:
    """Featurise every judged proposal of corpus `name`."""
    gaz = gazetteer.current()
    safe = (gaz.first_names | gaz.surnames) & gaz.english
    runs = _runs(cache, name)
    gen: list[list[float]] = []
    vec: list[np.ndarray] = []
    own: list[list[float]] = []
    own_safe: list[list[float]] = []
    ys: list[float] = []
    person: list[float] = []
    where: list[tuple[int, int]] = []
    for r, (_seed, corpus, found) in enumerate(runs):
        texts = _texts(corpus)
        stats = case_stats(found, texts)
        for i, f in enumerate(found):
            if not judged(f):
                continue
            start, end = f.start or 0, f.end or 0
            text = texts[int(f.message_id)]
            gold = corpus.messages[int(f.message_id)].spans
            ys.append(float(any(_covers(g, start, end) for g in gold)))
            person.append(
                float(
                    any(g.entity_type == "PERSON" and start < g.end and g.start < end for g in gold)
                )
            )
            gen.append(features(f, text, stats))
            vec.append(raw(vectors, text, start, end))
            own.append(rows.features(text[start:end]))
            own_safe.append(rows.features(text[start:end], safe))
            where.append((r, i))
    return Part(
        np.array(gen),
        np.array(vec),
        np.array(own),
        np.array(own_safe),
        np.array(ys),
        np.array(person),
        where,
        runs,
    )


@dataclass(frozen=True)
class Fitted:
    """A logistic model over generic features, with or without the vector projection."""

    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    projection: Projection | None
    pools: Pools | None = None
    own: str = ""

    def design(self, part: Part) -> np.ndarray:
        """The model's feature matrix for `part`."""
        if self.own:
            return np.hstack([part.generic, part.own_safe if self.own == "safe" else part.own])
        if self.pools is not None:
            return np.hstack([part.generic, knn_features(part.vectors, self.pools)])
        if self.projection is None:
            return part.generic
        return np.hstack([part.generic, self.projection.transform(part.vectors)])

    def probabilities(self, part: Part) -> np.ndarray:
        """Each row's probability of covering personal data."""
        z = ((self.design(part) - self.mean) / self.scale) @ self.weights
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def fit(
    x: np.ndarray, y: np.ndarray, penalty: np.ndarray, uncentred: int = 0
) -> tuple[np.ndarray, ...]:
    """Logistic regression by Newton's method on standardised features (cls15's `fit`, with
    one L2 penalty per column; column 0 is the bias and must have penalty 0). The last
    `uncentred` columns are only scaled (by their root mean square), not centred, so that a
    zero there ("no evidence") adds nothing to the score."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    if uncentred:
        mean[-uncentred:] = 0.0
        scale[-uncentred:] = np.sqrt((x[:, -uncentred:] ** 2).mean(axis=0))
    mean[0], scale[0] = 0.0, 1.0
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w, mean, scale


def train(parts: list[Part], mode: str, config: argparse.Namespace) -> Fitted:
    """Fit the projection (mode "vectors") or the neighbour pools (mode "knn") and the
    regression on `parts`: generic columns get penalty ``config.l2``, the others
    ``config.vec_l2``. For "knn" each training corpus's neighbour features are taken from
    pools of the other training corpora only, as they will be on a corpus never seen."""
    gen = np.vstack([p.generic for p in parts])
    y = np.concatenate([p.y for p in parts])
    projection = None
    pools = None
    x = gen
    if mode in ("own", "own-safe"):
        own = np.vstack([p.own_safe if mode == "own-safe" else p.own for p in parts])
        x = np.hstack([gen, own])
        penalty = np.full(x.shape[1], config.vec_l2)
        penalty[: gen.shape[1]] = config.l2
        penalty[0] = 0.0
        w, mean, scale = fit(x, y, penalty, uncentred=own.shape[1])
        return Fitted(w, mean, scale, None, None, "safe" if mode == "own-safe" else "all")
    if mode == "knn":
        knn = []
        for i, part in enumerate(parts):
            rest = [q for j, q in enumerate(parts) if j != i]
            vec = np.vstack([q.vectors for q in rest])
            knn.append(
                knn_features(part.vectors, build_pools(vec, np.concatenate([q.y for q in rest])))
            )
        x = np.hstack([gen, np.vstack(knn)])
        pools = build_pools(np.vstack([p.vectors for p in parts]), y)
    if mode == "vectors":
        vec = np.vstack([p.vectors for p in parts])
        projection = fit_projection(vec, y, config.components)
        x = np.hstack([gen, projection.transform(vec)])
    penalty = np.full(x.shape[1], config.vec_l2)
    penalty[: gen.shape[1]] = config.l2
    penalty[0] = 0.0
    w, mean, scale = fit(x, y, penalty)
    return Fitted(w, mean, scale, projection, pools)


def measure(part: Part, probs: np.ndarray, thresholds: list[float]) -> dict[float, Scores]:
    """Scores (detect_eval_v2) of the corpus for each threshold; 0.0 is "no drop"."""
    by_run: dict[int, dict[int, float]] = {}
    for (r, i), p in zip(part.where, probs, strict=True):
        by_run.setdefault(r, {})[i] = float(p)
    out = {t: Scores() for t in [0.0, *thresholds]}
    for r, (seed, corpus, found) in enumerate(part.runs):
        pr = by_run.get(r, {})
        for t, s in out.items():
            kept = [f for i, f in enumerate(found) if pr.get(i, 1.0) >= t]
            score(corpus, kept, s, seed)
    return out


def table(name: str, label: str, base: Scores, s: Scores, part: Part, drop: np.ndarray) -> str:
    """One markdown row: per-seed PERSON R/P, P, LOCATION R any, identifiers, negatives,
    requester, dropped (covering personal data; gold PERSON)."""
    seeds = ", ".join(f"{r:.3f} / {p:.3f}" for _seed, r, p in s.per_seed)
    negs = sum(v for k, v in s.neg_hit.items() if k != "requester")
    place = s.any["LOCATION"] / max(s.gold["LOCATION"], 1)
    ids = sum(s.any[k] for k in TYPES[1:]) - sum(base.any[k] for k in TYPES[1:])
    fall = max(b[1] - a[1] for a, b in zip(s.per_seed, base.per_seed, strict=True))
    return (
        f"| {name} | {label} | {seeds} | {s.tp['PERSON'] / s.pred['PERSON']:.4f} | "
        f"{fall:+.3f} | {place:.3f} | {ids:+d} | {negs} | {s.neg_hit['requester']} | "
        f"{int(drop.sum())} ({int(part.y[drop].sum())}; {int(part.person[drop].sum())}) |"
    )


def report(
    name: str, part: Part, models: dict[str, tuple[Fitted, float]], notes: list[str]
) -> None:
    """Print the rows of `name` for "without" and each model at its threshold; add what
    each dropped to `notes`."""
    for label, (model, t) in models.items():
        probs = model.probabilities(part)
        res = measure(part, probs, [t])
        if label == next(iter(models)):
            print(table(name, "without", res[0.0], res[0.0], part, np.zeros(len(probs), bool)))
        print(table(name, f"{label} < {t:.3f}", res[0.0], res[t], part, probs < t))
        notes.append(f"{name}, {label}: {dropped(part, probs < t)}")


def dropped(part: Part, drop: np.ndarray) -> str:
    """What a check dropped: the real names (covering a gold PERSON span) and the other
    proposals, each as text x mentions over all seeds, most frequent first."""
    names: Counter[str] = Counter()
    things: Counter[str] = Counter()
    for (r, i), d, real in zip(part.where, drop, part.person, strict=True):
        if d:
            (names if real else things)[part.runs[r][2][i].text] += 1
    show = ", ".join(f"{t!r} x{n}" for t, n in names.most_common())
    rest = ", ".join(f"{t!r} x{n}" for t, n in things.most_common(25))
    return f"real names [{show}]; others (top 25) [{rest}]"


def main() -> None:
    """Train both models on `--train`, pick thresholds on `--tune`, report `--test` once."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--train", nargs="+", required=True)
    parser.add_argument("--tune", required=True)
    parser.add_argument("--test", nargs="+", default=[])
    parser.add_argument("--folds", nargs="+", default=[])
    parser.add_argument("--max-loss", type=float, default=0.002)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--vec-l2", type=float, default=1.0)
    parser.add_argument("--modes", nargs="+", default=["generic", "vectors", "knn"])
    parser.add_argument("--components", type=int, default=16)
    parser.add_argument("--write", type=Path, help="the vectors model as .npz")
    args = parser.parse_args()
    gazetteer.use(ROOT / "resources/detect/gazetteers")
    nlp = load_spacy("md")
    vectors = Vectors.from_nlp(nlp)
    rows = build_rows(nlp, gazetteer.current())
    started = time.process_time()
    parts = {n: load_part(args.cache, n, vectors, rows) for n in [*args.train, args.tune]}
    print(f"featurised in {time.process_time() - started:.0f} s CPU")
    train_parts = [parts[n] for n in args.train]
    y = np.concatenate([p.y for p in train_parts])
    print(f"trained on {len(y)} proposals ({int(len(y) - y.sum())} not personal data)")
    models: dict[str, tuple[Fitted, float]] = {}
    tune = parts[args.tune]
    for label in args.modes:
        model = train(train_parts, label, args)
        res = measure(tune, model.probabilities(tune), GRID)
        models[label] = (model, choose(res, args.max_loss))
        if label != "generic":
            extra = KNN_NAMES if model.pools is not None else OWN_NAMES
            names = [
                *FEATURES,
                *(model.projection.names() if model.projection is not None else extra),
            ]
            top = sorted(zip(names, model.weights, strict=True), key=lambda p: -abs(p[1]))[:20]
            print("  " + ", ".join(f"{n} {w:+.2f}" for n, w in top))
            if model.own:
                own = zip(OWN_NAMES, model.weights[-len(OWN_NAMES) :], strict=True)
                print("  own words: " + ", ".join(f"{n} {w:+.2f}" for n, w in own))
    print(
        "\n| corpus | check | PERSON R / P, per seed | PERSON P | largest R fall | LOCATION R any "
        "| identifiers found +/- | negative spans | requester | dropped (personal data; PERSON) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    notes: list[str] = []
    report(args.tune, tune, models, notes)
    for test in args.test:
        report(test, load_part(args.cache, test, vectors, rows), models, notes)
    for fold in args.folds:
        others = [parts[n] for n in [*args.train, args.tune] if n != fold]
        held = {label: (train(others, label, args), t) for label, (_m, t) in models.items()}
        report(f"{fold} (left out)", parts[fold], held, notes)
    print("\n" + "\n".join(notes))
    if args.write:
        m, t = models[args.modes[-1]]
        extra: dict[str, np.ndarray] = {}
        if m.projection is not None:
            extra = {
                "pca_mean": np.stack(m.projection.mean),
                "pca_axes": np.stack(m.projection.axes),
                "centroids": np.stack(m.projection.centroids),
            }
        if m.pools is not None:
            extra = {
                "knn_axes": np.stack(m.pools.axes),
                **{f"kept{b}": m.pools.kept[b] for b in (0, 1)},
                **{f"dropped{b}": m.pools.dropped[b] for b in (0, 1)},
            }
        np.savez(args.write, weights=m.weights, mean=m.mean, scale=m.scale, threshold=t, **extra)


if __name__ == "__main__":
    main()
