"""Train and measure the PERSON span classifier (`person_span_model.py`, not shipped).

Run, after ``person_spans_dump.py --out CACHE`` has detected the corpora once:

    python benchmarks/train_person_classifier.py --cache CACHE --train eval eval-v3 ... eval-v15 \
        --tune eval-v16 [--test eval-v17] [--threshold T] [--write FILE.json]

Every PERSON proposal the model may judge (`person_span_model.judged`) becomes one row of
generic features (`span_features.FEATURES`), labelled 1 when it overlaps a gold PERSON span.
A logistic regression with an L2 penalty is fitted by Newton's method on standardised features
(numpy only, deterministic: no random start, no shuffling). The drop threshold is the largest
of a fixed grid at which no seed of the tuning corpus loses more than `--max-loss` of its
PERSON recall; ``--threshold`` fixes it instead. Both corpora are then scored exactly as
``detect_eval_v2.py`` scores them (its `score`), with and without the drop, per seed.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_eval_v2 import Scores, score
from eval_corpus import Corpus, Gold
from person_span_features import FEATURES, case_stats, features
from person_span_model import Model, Scorer, judged, scored
from person_span_stumps import fit_stumps

from sar_desk.core.findings import Finding
from sar_desk.detect import gazetteer

ROOT = Path(__file__).resolve().parent.parent
GRID = [0.002, 0.005, *(round(0.01 * i, 2) for i in range(1, 51))]
Run = tuple[int, Corpus, list[Finding]]


def _runs(cache: Path, name: str) -> list[Run]:
    with (cache / f"{name}.pkl").open("rb") as fh:
        runs: list[Run] = pickle.load(fh)
    return runs


def _texts(corpus: Corpus) -> dict[int, str]:
    return {i: m.text for i, m in enumerate(corpus.messages)}


def _covers(g: Gold, start: int, end: int) -> bool:
    # Personal data of any type: NER often calls a town a person, and dropping that span
    # would lose the place ("R any" of LOCATION), so such a proposal counts as one to keep.
    return g.entity_type not in ("NEG", "REQUESTER") and start < g.end and g.start < end


def rows(runs: list[Run]) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every judged proposal of `runs`."""
    xs: list[list[float]] = []
    ys: list[float] = []
    for _seed, corpus, found in runs:
        texts = _texts(corpus)
        stats = case_stats(found, texts)
        for f in found:
            if not judged(f):
                continue
            start, end = f.start or 0, f.end or 0
            gold = corpus.messages[int(f.message_id)].spans
            ys.append(float(any(_covers(g, start, end) for g in gold)))
            xs.append(features(f, texts[int(f.message_id)], stats))
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> Model:
    """Logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(tuple(w.tolist()), tuple(mean.tolist()), tuple(scale.tolist()), 0.0)


def train(x: np.ndarray, y: np.ndarray, l2: float, stumps: int) -> Scorer:
    """The regression, or `stumps` boosted stumps when asked."""
    return fit_stumps(x, y, stumps) if stumps else fit(x, y, l2)


def measure(runs: list[Run], model: Scorer, thresholds: list[float]) -> dict[float, Scores]:
    """Scores of `runs` (as detect_eval_v2) for each threshold; 0.0 is "no drop"."""
    out = {t: Scores() for t in [0.0, *thresholds]}
    for seed, corpus, found in runs:
        probs = {id(f): p for f, p in scored(found, _texts(corpus), model)}
        for t, s in out.items():
            kept = [f for f in found if probs.get(id(f), 1.0) >= t]
            score(corpus, kept, s, seed)
    return out


def dropped(name: str, runs: list[Run], model: Scorer, threshold: float) -> None:
    """How many proposals the threshold drops, and how many of them covered personal data."""
    drops = covered = person = 0
    for _seed, corpus, found in runs:
        for f, p in scored(found, _texts(corpus), model):
            if p >= threshold:
                continue
            gold = corpus.messages[int(f.message_id)].spans
            start, end = f.start or 0, f.end or 0
            drops += 1
            covered += any(_covers(g, start, end) for g in gold)
            person += any(
                g.entity_type == "PERSON" and start < g.end and g.start < end for g in gold
            )
    print(
        f"{name}: drop < {threshold:.2f} removes {drops} PERSON proposals; {covered} of them "
        f"covered personal data ({person} a gold PERSON span)"
    )


def cost(runs: list[Run], model: Scorer) -> None:
    """CPU the classifier adds: case tally, features and scores of every proposal, per run."""
    started = time.process_time()
    messages = judged_count = 0
    for _seed, corpus, found in runs:
        judged_count += len(scored(found, _texts(corpus), model))
        messages += len(corpus.messages)
    spent = time.process_time() - started
    print(
        f"\nclassifier CPU: {spent:.2f} s for {messages} messages, {judged_count} judged "
        f"proposals ("
        f"{1e6 * spent / messages:.0f} us per message)"
    )


def choose(results: dict[float, Scores], max_loss: float) -> float:
    """The largest threshold at which no seed's PERSON recall falls by more than `max_loss`,
    nor the recall (any type) of any other entity over all seeds."""
    base = results[0.0]
    best = 0.0
    for t, s in results.items():
        person = all(
            b[1] - a[1] <= max_loss + 1e-12 for a, b in zip(s.per_seed, base.per_seed, strict=True)
        )
        other = all(
            (base.any[k] - s.any[k]) / base.gold[k] <= max_loss + 1e-12
            for k in base.gold
            if base.gold[k]
        )
        if person and other:
            best = max(best, t)
    return best


def show(name: str, results: dict[float, Scores], only: list[float]) -> None:
    """Per-seed PERSON R and P, and the negatives and requester spans proposed."""
    for t in [0.0, *only]:
        s = results[t]
        seeds = ", ".join(f"{r:.3f} / {p:.3f}" for _seed, r, p in s.per_seed)
        label = "without" if t == 0.0 else f"drop < {t:.2f}"
        negs = sum(v for k, v in s.neg_hit.items() if k != "requester")
        place = s.any["LOCATION"] / max(s.gold["LOCATION"], 1)
        print(
            f"| {name} | {label} | {seeds} | {s.tp['PERSON'] / s.pred['PERSON']:.3f} | "
            f"{place:.3f} | {negs} | {s.neg_hit['requester']} |"
        )


def main() -> None:
    """Train on `--train`, pick the threshold on `--tune`, report `--test` once."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--train", nargs="+", required=True)
    parser.add_argument("--tune", required=True)
    parser.add_argument("--test")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--max-loss", type=float, default=0.001)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", type=Path)
    parser.add_argument(
        "--folds",
        nargs="+",
        default=[],
        help="after the main run: each of these corpora scored by a model trained on the "
        "other --train corpora and --tune, at the chosen threshold (leave one corpus out)",
    )
    parser.add_argument(
        "--stumps",
        type=int,
        default=0,
        help="boost this many stumps (person_span_stumps.py) instead of the regression",
    )
    args = parser.parse_args()
    gazetteer.use(ROOT / "resources/detect/gazetteers")
    parts = [rows(_runs(args.cache, name)) for name in args.train]
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    model = train(x, y, args.l2, args.stumps)
    print(f"trained on {len(y)} proposals ({int(len(y) - y.sum())} not people)")
    if isinstance(model, Model):
        for name, w in sorted(zip(FEATURES, model.weights, strict=True), key=lambda p: -abs(p[1])):
            print(f"  {name:22s} {w:+.3f}")
    tune_runs = _runs(args.cache, args.tune)
    cost(tune_runs, model)
    tune = measure(tune_runs, model, GRID)
    threshold = args.threshold if args.threshold is not None else choose(tune, args.max_loss)
    print(f"\nthreshold {threshold:.2f} (chosen on {args.tune} only)\n")
    print(
        "| corpus | classifier | PERSON R / P per seed | PERSON P | LOCATION R any "
        "| negatives | requester |"
    )
    print("|---|---|---|---|---|---|---|")
    show(args.tune, tune, sorted({threshold, 0.05, 0.1, 0.2, 0.3} - {0.0}))
    dropped(args.tune, tune_runs, model, threshold)
    if args.test:
        test_runs = _runs(args.cache, args.test)
        show(args.test, measure(test_runs, model, [threshold]), [threshold])
        dropped(args.test, test_runs, model, threshold)
    for fold in args.folds:
        others = [c for c in [*args.train, args.tune] if c != fold]
        fold_rows = [rows(_runs(args.cache, name)) for name in others]
        xs = np.vstack([d[0] for d in fold_rows])
        ys = np.concatenate([d[1] for d in fold_rows])
        held = train(xs, ys, args.l2, args.stumps)
        fold_runs = _runs(args.cache, fold)
        show(f"{fold} (left out)", measure(fold_runs, held, [threshold]), [threshold])
        dropped(fold, fold_runs, held, threshold)
    if args.write and isinstance(model, Model):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
        data = {
            "features": list(FEATURES),
            "weights": [round(v, 6) for v in model.weights],
            "mean": [round(v, 6) for v in model.mean],
            "scale": [round(v, 6) for v in model.scale],
            "threshold": threshold,
            "trained": {
                "script": "benchmarks/train_person_classifier.py",
                "corpora": args.train,
                "threshold_chosen_on": args.tune,
                "proposals": len(y),
                "l2": args.l2,
                "date": datetime.now(UTC).strftime("%Y-%m-%d"),
                "commit": commit,
            },
        }
        args.write.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
