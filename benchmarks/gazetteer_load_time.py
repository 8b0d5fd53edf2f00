"""Time the shipped lists with and without one list, in one run (issue 15).

Run: ``python benchmarks/gazetteer_load_time.py [--without uk_villages.txt] [--repeat 7]
[--corpus tests/data/eval-v14 --n 1500]``

The lists load once at every detect start, so a new list must cost little. The shipped folder
and a copy without the named file are loaded alternately (the cache cleared each time); the
median of each is printed. With ``--corpus``, the place recogniser (which reads the villages)
also runs over that corpus's messages (seed 1) with each folder, and its medians are printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_corpus import generate

from sar_desk.detect import gazetteer
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "detect" / "gazetteers"


def _time(folder: Path) -> float:
    gazetteer.load.cache_clear()
    started = time.perf_counter()
    gaz = gazetteer.load(folder)
    _ = gaz.place_heads, gaz.village_heads  # built on first use by the place recogniser
    return time.perf_counter() - started


def _recognise(folder: Path, texts: list[str]) -> float:
    gazetteer.use(folder)
    recogniser = UkPlaceRecognizer()
    started = time.perf_counter()
    for text in texts:
        recogniser.noted_spans(text)
    return time.perf_counter() - started


def main() -> None:
    """Load both folders alternately and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--without", default="uk_villages.txt")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="a tests/data/eval* folder")
    parser.add_argument("--n", type=int, default=1500)
    args = parser.parse_args()
    texts = (
        [m.text for m in generate(args.n, seed=1, data=args.corpus).messages] if args.corpus else []
    )
    with tempfile.TemporaryDirectory() as tmp:
        less = Path(tmp) / "gazetteers"
        shutil.copytree(FOLDER, less, ignore=shutil.ignore_patterns(args.without))
        times: dict[str, list[float]] = {"shipped": [], f"without {args.without}": []}
        spans: dict[str, list[float]] = {k: [] for k in times}
        for _ in range(args.repeat):
            for name, folder in zip(times, (FOLDER, less), strict=True):
                times[name].append(_time(folder))
                if texts:
                    spans[name].append(_recognise(folder, texts))
    for name, values in times.items():
        print(f"{name}: load median {statistics.median(values) * 1000:.1f} ms over {len(values)}")
        if texts:
            rate = len(texts) / statistics.median(spans[name])
            print(f"  place recogniser on {len(texts)} messages: {rate:,.0f} msg/s (median)")


if __name__ == "__main__":
    main()
