"""Time `gazetteer.load` on the shipped lists with and without one list, in one run (issue 15).

Run: ``python benchmarks/gazetteer_load_time.py [--without uk_villages.txt] [--repeat 7]``

The lists load once at every detect start, so a new list must cost little. The shipped folder
and a copy without the named file are loaded alternately (the cache cleared each time); the
median of each is printed.
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

from sar_desk.detect import gazetteer

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "detect" / "gazetteers"


def _time(folder: Path) -> float:
    gazetteer.load.cache_clear()
    started = time.perf_counter()
    gaz = gazetteer.load(folder)
    _ = gaz.place_heads, gaz.village_heads  # built on first use by the place recogniser
    return time.perf_counter() - started


def main() -> None:
    """Load both folders alternately and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--without", default="uk_villages.txt")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        less = Path(tmp) / "gazetteers"
        shutil.copytree(FOLDER, less, ignore=shutil.ignore_patterns(args.without))
        times: dict[str, list[float]] = {"shipped": [], f"without {args.without}": []}
        for _ in range(args.repeat):
            times["shipped"].append(_time(FOLDER))
            times[f"without {args.without}"].append(_time(less))
    for name, values in times.items():
        print(f"{name}: median {statistics.median(values) * 1000:.1f} ms over {len(values)}")


if __name__ == "__main__":
    main()
