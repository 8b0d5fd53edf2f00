"""Term matching benchmark (issue 12 item 3): the one `core.text.TermMatcher` on a big text.

The same matcher serves the export safety net (`sub`, per rendered string), the leak check
(`find`, per extracted page text) and the case deny-list in detection (`spans`, per message).
Run: ``python benchmarks/text_bench.py [LINES] [NAMES] [NUMBERS]``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_bench import WORDS as EXPORT_WORDS

from sar_desk.core.text import TermMatcher

# The export benchmark's filler words, plus accented ones the matcher must fold.
WORDS = [*EXPORT_WORDS, "café", "Zoë"]


def main() -> None:
    """Print build, `find`, `sub` and `spans` times for a synthetic text."""
    lines, names, numbers = (int(a) for a in [*sys.argv[1:], "15000", "360", "100"][:3])
    rng = random.Random(7)
    terms = [f"Casey Example{i}" for i in range(names)]
    terms += [f"07700 900{i:03d}" for i in range(numbers)]
    texts = [
        " ".join(rng.choice(WORDS) for _ in range(12)) + " [REDACTED · Sch 2 Pt 3 para 16]"
        for _ in range(lines)
    ]
    texts[::500] = [f"{t} casey-example{i} +44 7700 900{i:03d}" for i, t in enumerate(texts[::500])]
    text = "\n".join(texts)
    start = time.perf_counter()
    matcher = TermMatcher(terms, "GB")
    built = time.perf_counter()
    hits = matcher.find(text)
    found = time.perf_counter()
    replaced = sum(len(matcher.sub(t, lambda _term: "[X]")[1]) for t in texts)
    subbed = time.perf_counter()
    spans = sum(len(matcher.spans(t)) for t in texts)
    spanned = time.perf_counter()
    print(f"{len(terms)} terms, {lines:,} lines, {len(text) / 1e6:.1f} MB")
    print(
        f"build {built - start:.2f} s; find, whole text {found - built:.2f} s ({len(hits)} terms)"
    )
    print(f"sub line by line {subbed - found:.2f} s ({replaced} replacements)")
    print(f"spans line by line {spanned - subbed:.2f} s ({spans} spans)")


if __name__ == "__main__":
    main()
