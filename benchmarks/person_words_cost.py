"""CPU the own-word-vector PERSON check (wv26) would add to detection, in the same run.

Run: ``python benchmarks/person_words_cost.py --weights FILE.npz [--n 6000] [--seed 7]``
(``FILE.npz`` from ``train_person_vectors.py --modes ... own --write FILE.npz``).

As `person_vectors_cost.py`: `--n` distinct texts of corpus v2 (seed 7, detect_bench_v2's),
detected in one process with md, both passes; then the check tallies the case, computes the
44 generic features and the span's own-word features of every guessed PERSON proposal
(`person_span_words`: one vector-table look-up per word and a row of a 20,000 x 3 table,
built once per process from the lists, as a shipped file would be read once), and the
probabilities. The CPU of building the row table is printed apart: a product would ship it.
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
from person_span_words import build

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect import gazetteer
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
    corpus = distinct_corpus(args.n, args.seed)
    texts = {i: m.text for i, m in enumerate(corpus.messages)}  # type: ignore[attr-defined]
    items = [(MessageId(i), t) for i, t in texts.items()]
    detector = InProcessDetector(build_analyzer(REGISTRY, "md"))
    started = time.process_time()
    rows = build(load_spacy("md"), gazetteer.current())
    build_cpu = time.process_time() - started
    started = time.process_time()
    found = analyze_all(detector, items, case_context(corpus, Regime.SAR))  # type: ignore[arg-type]
    detect_cpu = time.process_time() - started
    started = time.process_time()
    stats = case_stats(found, texts)
    people = [f for f in found if judged(f)]
    gen = np.array([features(f, texts[int(f.message_id)], stats) for f in people])
    generic_cpu = time.process_time() - started
    started = time.process_time()
    own = np.array(
        [rows.features(texts[int(f.message_id)][f.start or 0 : f.end or 0]) for f in people]
    )
    z = ((np.hstack([gen, own]) - w["mean"]) / w["scale"]) @ w["weights"]
    probs = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    drop = int((probs < float(w["threshold"])).sum())
    own_cpu = time.process_time() - started
    total = generic_cpu + own_cpu
    print(
        f"{len(items)} messages: detection (md, one process, both passes) {detect_cpu:.2f} s "
        f"CPU; check {total:.3f} s CPU (+{100 * total / detect_cpu:.1f}%: generic features "
        f"{generic_cpu:.3f} s, own-word features and scores {own_cpu:.3f} s), "
        f"{len(people)} guessed PERSON proposals, {drop} dropped (lowest probability "
        f"{probs.min():.2f}); row table built once in {build_cpu:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
