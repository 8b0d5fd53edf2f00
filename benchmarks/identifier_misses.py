"""Every identifier miss and every identifier false proposal on a corpus, message by message.

Run: ``python benchmarks/identifier_misses.py --data tests/data/eval-v21 --seeds 1 2 3 4 5``

The per-entity tables of `detect_eval_v2` count; this lists what was missed (value and whole
message) and every proposal of an identifier type that overlaps no gold span of its type
(with the gold spans it does overlap), so two versions can be diffed line by line.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_eval_v2 import REGISTRY, _overlaps, case_context
from eval_corpus import generate

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import build_analyzer

TYPES = {"UK_PASSPORT", "UK_NINO", "PHONE_NUMBER", "UK_NHS", "UK_POSTCODE", "EMAIL_ADDRESS"}


def main() -> None:
    """Print the misses, then the false proposals, each with its count over the seeds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="corpus folder")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--n", type=int, default=1500)
    args = parser.parse_args()
    detector = InProcessDetector(build_analyzer(REGISTRY, "md"))
    misses: Counter[tuple[str, ...]] = Counter()
    false: Counter[tuple[str, ...]] = Counter()
    for seed in args.seeds:
        corpus = generate(args.n, seed=seed, data=args.data)
        items = [(MessageId(i), m.text) for i, m in enumerate(corpus.messages)]
        by_message: dict[int, list[Finding]] = {}
        for f in analyze_all(detector, items, case_context(corpus, Regime.SAR)):
            if f.field == ProposalField.TEXT:
                by_message.setdefault(int(f.message_id), []).append(f)
        for i, m in enumerate(corpus.messages):
            preds = by_message.get(i, [])
            for g in m.spans:
                if g.entity_type in TYPES and not any(_overlaps(f, g) for f in preds):
                    misses[(g.entity_type, m.text[g.start : g.end], m.text)] += 1
            for f in preds:
                if f.entity_type not in TYPES:
                    continue
                if any(_overlaps(f, g) and g.entity_type == f.entity_type for g in m.spans):
                    continue
                over = str([(g.entity_type, g.form) for g in m.spans if _overlaps(f, g)])
                false[(f.entity_type, f.text, f.recognizer, over, m.text)] += 1
    print("MISSES")
    for key, count in sorted(misses.items()):
        print(count, key)
    print("FALSE ID PROPOSALS")
    for key, count in sorted(false.items()):
        print(count, key)


if __name__ == "__main__":
    main()
