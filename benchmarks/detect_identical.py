"""A fingerprint of everything detection proposes, to show a speed change left findings alone.

Run: ``python benchmarks/detect_identical.py [--n 400] [--seed 11] [--model md] [--workers 1]``

Detects (both passes, case-aware, SAR regime) over a fixed sample of each labelled corpus v2-v6
and prints one SHA-256 per corpus and one over all of them. Every field of every finding goes
into the hash, in the order detection returns them (message, field, start, end, text, entity,
exact score, recogniser, note, person), so two revisions with the same hash proposed exactly
the same thing. ``--dump F`` also writes the findings as lines, to ``diff`` two revisions.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_eval_v2 import REGISTRY, case_context
from eval_corpus import generate

from sar_desk.core.findings import Finding
from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import Detector, analyze_all
from sar_desk.detect.detector import DetectionPool, InProcessDetector
from sar_desk.detect.engine import build_analyzer

CORPORA = ("eval", "eval-v3", "eval-v4", "eval-v5", "eval-v6")
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def line(f: Finding) -> str:
    """One finding as a line of text with every field (the score as its exact repr)."""
    return "\t".join(
        str(x)
        for x in (
            int(f.message_id),
            f.field.value,
            f.start,
            f.end,
            f.text,
            f.entity_type,
            repr(f.score),
            f.recognizer,
            f.explanation,
            f.person_id,
        )
    )


def main() -> None:
    """Detect over each corpus sample and print the hashes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--model", default="md")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--dump", type=Path, help="also write every finding, one per line")
    args = parser.parse_args()
    detector: Detector = (
        DetectionPool(REGISTRY, args.model, args.workers)
        if args.workers > 1
        else InProcessDetector(build_analyzer(REGISTRY, args.model))
    )
    total = hashlib.sha256()
    lines: list[str] = []
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        for name in CORPORA:
            corpus = generate(args.n, seed=args.seed, data=DATA / name)
            items = [(MessageId(i), m.text) for i, m in enumerate(corpus.messages)]
            found = analyze_all(detector, items, case_context(corpus, Regime.SAR))
            mine = [f"{name}\t{line(f)}" for f in found]
            digest = hashlib.sha256("\n".join(mine).encode("utf-8")).hexdigest()
            total.update(digest.encode("ascii"))
            lines += mine
            print(f"{name}: {len(found)} findings  {digest}")
    finally:
        detector.close()
    print(f"all: {len(lines)} findings  {total.hexdigest()}")
    print(
        f"({time.process_time() - cpu:.1f} s CPU in this process, "
        f"{time.perf_counter() - wall:.1f} s wall)",
        file=sys.stderr,
    )
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
