"""CPU the PERSON span classifier would add to detection, measured in the same run.

Run: ``python benchmarks/person_classifier_cost.py --weights FILE.json [--n 6000] [--seed 7]``
(``FILE.json`` from ``train_person_classifier.py --write``).

The messages are `detect_bench_v2.py`'s: `--n` distinct texts of corpus v2 (seed 7). SAR
Desk's detection runs in one process with md, both passes (the ``md`` mode of that benchmark),
then the classifier tallies the case, featurises and scores every guessed PERSON proposal and
drops those under its threshold; the CPU time of each step is printed side by side.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_bench_v2 import distinct_corpus
from detect_eval_v2 import REGISTRY, case_context
from person_span_model import drop_non_persons, load

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import build_analyzer


def main() -> None:
    """Detect, then classify, and print both CPU times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weights", type=Path, required=True)
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    model = load(args.weights)
    corpus = distinct_corpus(args.n, args.seed)
    texts = {i: m.text for i, m in enumerate(corpus.messages)}  # type: ignore[attr-defined]
    items = [(MessageId(i), t) for i, t in texts.items()]
    detector = InProcessDetector(build_analyzer(REGISTRY, "md"))
    started = time.process_time()
    found = analyze_all(detector, items, case_context(corpus, Regime.SAR))  # type: ignore[arg-type]
    detect_cpu = time.process_time() - started
    started = time.process_time()
    kept = drop_non_persons(found, texts, model)
    classify_cpu = time.process_time() - started
    people = sum(f.entity_type == "PERSON" for f in found)
    print(
        f"{len(items)} messages: detection (md, one process, both passes) {detect_cpu:.2f} s CPU; "
        f"classifier {classify_cpu:.3f} s CPU (+{100 * classify_cpu / detect_cpu:.1f}%), "
        f"{people} PERSON proposals, {len(found) - len(kept)} dropped"
    )


if __name__ == "__main__":
    main()
