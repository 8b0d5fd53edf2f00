"""CPU the context-vector PERSON check (round 25) would add to detection, in the same run.

Run: ``python benchmarks/person_vectors_cost.py --weights FILE.npz [--n 6000] [--seed 7]``
(``FILE.npz`` from ``train_person_vectors.py --modes generic knn --write FILE.npz``).

As `person_classifier_cost.py`: `--n` distinct texts of corpus v2 (seed 7, detect_bench_v2's),
detected in one process with md, both passes; then the check tallies the case, computes the
44 generic features, the two context vectors of every guessed PERSON proposal, their
neighbour features against the shipped pools, and the probabilities. The CPU time of
detection and of the check are printed side by side.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_bench_v2 import distinct_corpus
from detect_eval_v2 import REGISTRY, case_context
from person_span_features import case_stats, features
from person_span_model import judged
from person_span_vectors import Pools, Vectors, knn_features, raw

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import build_analyzer, load_spacy


def main() -> None:
    """Detect, then score every guessed PERSON proposal, and print both CPU times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weights", type=Path, required=True)
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    w = np.load(args.weights)
    pools = Pools(
        (w["knn_axes"][0], w["knn_axes"][1]),
        (w["kept0"], w["kept1"]),
        (w["dropped0"], w["dropped1"]),
    )
    vectors = Vectors.from_nlp(load_spacy("md"))
    corpus = distinct_corpus(args.n, args.seed)
    texts = {i: m.text for i, m in enumerate(corpus.messages)}  # type: ignore[attr-defined]
    items = [(MessageId(i), t) for i, t in texts.items()]
    detector = InProcessDetector(build_analyzer(REGISTRY, "md"))
    started = time.process_time()
    found = analyze_all(detector, items, case_context(corpus, Regime.SAR))  # type: ignore[arg-type]
    detect_cpu = time.process_time() - started
    started = time.process_time()
    stats = case_stats(found, texts)
    people = [f for f in found if judged(f)]
    gen = np.array([features(f, texts[int(f.message_id)], stats) for f in people])
    generic_cpu = time.process_time() - started
    started = time.process_time()
    vec = np.array(
        [raw(vectors, texts[int(f.message_id)], f.start or 0, f.end or 0) for f in people]
    )
    raw_cpu = time.process_time() - started
    x = np.hstack([gen, knn_features(vec, pools)])
    z = ((x - w["mean"]) / w["scale"]) @ w["weights"]
    probs = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    probs = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    drop = int((probs < float(w["threshold"])).sum())
    vector_cpu = time.process_time() - started
    total = generic_cpu + vector_cpu
    print(
        f"{len(items)} messages: detection (md, one process, both passes) {detect_cpu:.2f} s "
        f"CPU; check {total:.3f} s CPU (+{100 * total / detect_cpu:.1f}%: generic features "
        f"{generic_cpu:.3f} s, context vectors {raw_cpu:.3f} s, neighbours and scores "
        f"{vector_cpu - raw_cpu:.3f} s), "
        f"{len(people)} guessed PERSON proposals, {drop} dropped (lowest probability "
        f"{probs.min():.2f})"
    )


if __name__ == "__main__":
    main()
