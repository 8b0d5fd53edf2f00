"""CPU of detection around spaCy's NER: the recognisers, the checks and both passes (round 16).

Run: ``python benchmarks/detect_rules_cpu.py [--n 6000] [--seed 7]``; it times the tree it
lies in, so to compare an older tree, copy it into that tree's ``benchmarks`` folder and run
the two alternately. The messages are ``detect_bench_v2.py``'s (`--n` distinct texts of
corpus v2). spaCy's NER over the masked texts is run first and not timed (about half of the
engine's CPU, which rule changes cannot touch, and the noisiest half on a shared machine);
then ``analyze_all`` (md, one process, both passes) is timed in CPU seconds, taking those
parsed texts in place of ``nlp.pipe``. The findings are fingerprinted as
``detect_identical.py`` does, so the line also shows whether two trees found the same.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_bench_v2 import distinct_corpus
from detect_eval_v2 import REGISTRY, case_context
from detect_identical import line
from spacy.tokens import Doc

import sar_desk
from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import build_analyzer
from sar_desk.detect.mask import could_name_anyone, mask, regions


def main() -> None:
    """Parse first, then time the rest; print one line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    corpus = distinct_corpus(args.n, args.seed)
    texts = [m.text for m in corpus.messages]  # type: ignore[attr-defined]
    analyzer = build_analyzer(REGISTRY, "md")
    masked = [mask(t, regions(t)) for t in texts]
    parse = list(dict.fromkeys(t for t in masked if could_name_anyone(t)))
    parsed = dict(zip(parse, analyzer.nlp.pipe(parse, batch_size=256), strict=True))

    def pipe(batch: Iterable[str], batch_size: int = 256) -> Iterator[Doc]:
        return (parsed[t] for t in batch)

    analyzer.nlp.pipe = pipe  # type: ignore[assignment,method-assign]
    items = [(MessageId(i), t) for i, t in enumerate(texts)]
    started = time.process_time()
    found = analyze_all(InProcessDetector(analyzer), items, case_context(corpus, Regime.SAR))  # type: ignore[arg-type]
    cpu = time.process_time() - started
    digest = hashlib.sha256("\n".join(line(f) for f in found).encode()).hexdigest()
    tree = Path(sar_desk.__file__).resolve().parent.parent
    print(
        f"{tree}: {len(found)} findings ({digest[:12]}), CPU {cpu:.2f} s around NER, "
        f"load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
