"""How long the case-level thing pass (`detect.case_things`) takes on a large case.

Run: ``python benchmarks/case_things_speed.py [--data tests/data/eval-v20] [--n 1500]
[--copies 20] [--names 1500]``

The case is a generated corpus's messages repeated `--copies` times; the names asked about
are its gold PERSON strings, the strings its templates leave unlabelled on purpose (NEG), and
`--names` made-up two-word names that occur nowhere (a large case has thousands of names). It
prints the time of one `case_things` call and how many names it found to be things.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_corpus import DATA, generate

from sar_desk.detect import gazetteer
from sar_desk.detect.case_things import case_things

GAZETTEERS = Path(__file__).resolve().parent.parent / "resources" / "detect" / "gazetteers"


def main() -> None:
    """Parse arguments, time one pass, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--n", type=int, default=1500)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--names", type=int, default=1500)
    args = parser.parse_args()
    gazetteer.use(GAZETTEERS)
    corpus = generate(args.n, seed=1, data=args.data)
    texts = [m.text for m in corpus.messages] * args.copies
    names = {m.text[g.start : g.end] for m in corpus.messages for g in m.spans}
    names |= {f"Quorn{i} Vantley{i}" for i in range(args.names)}
    started = time.perf_counter()
    things = case_things(texts, sorted(names))
    seconds = time.perf_counter() - started
    print(
        f"{args.data.name}: {len(texts)} messages, {len(names)} names: {seconds:.2f} s "
        f"({len(texts) / seconds:.0f} msg/s), {len(things)} things"
    )


if __name__ == "__main__":
    main()
