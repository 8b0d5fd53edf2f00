"""Detect the development corpora once and keep every PERSON proposal with its label.

Run: ``python benchmarks/person_spans_dump.py --out /tmp/cls15 [--corpora eval eval-v3 ...]``

For each corpus and seed (v2, ``tests/data/eval``: 2,000 messages x seeds 1-4; the others
1,500 x seeds 1-5, as `detect_eval_v2.py` is run in benchmarks/README.md) the md engine with
the shipped lists proposes findings exactly as ``detect_eval_v2.py`` does (same case, same
regime); the texts, the findings and the gold spans are pickled, one file per corpus, for
the training scripts. ``--seeds 1 2`` keeps only those seeds (round 25 trained on fewer seeds
per corpus to save CPU).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_eval_v2 import REGISTRY, case_context
from eval_corpus import generate

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import build_analyzer

DATA = Path(__file__).resolve().parent.parent / "tests/data"
CORPORA = ["eval", *(f"eval-v{i}" for i in range(3, 30))]


def plan(corpus: str) -> tuple[int, list[int]]:
    """Messages and seeds per corpus, as the README's runs use them."""
    return (2000, [1, 2, 3, 4]) if corpus == "eval" else (1500, [1, 2, 3, 4, 5])


def main() -> None:
    """Detect each corpus with the classifier switched off and pickle what is needed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpora", nargs="+", default=CORPORA)
    parser.add_argument(
        "--seeds", type=int, nargs="+", help="only these seeds (default: all the plan's seeds)"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    detector = InProcessDetector(build_analyzer(REGISTRY, "md"))
    for name in args.corpora:
        n, seeds = plan(name)
        seeds = [s for s in seeds if args.seeds is None or s in args.seeds]
        runs = []
        started = time.perf_counter()
        for seed in seeds:
            corpus = generate(n, seed=seed, data=DATA / name)
            items = [(MessageId(i), m.text) for i, m in enumerate(corpus.messages)]
            context = case_context(corpus, Regime.SAR)
            found = analyze_all(detector, items, context)
            runs.append((seed, corpus, found))
        with (args.out / f"{name}.pkl").open("wb") as fh:
            pickle.dump(runs, fh)
        print(f"{name}: {len(runs)} seeds, {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
