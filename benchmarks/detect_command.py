"""The whole `sar-desk detect` command on 6,000 distinct messages vs Presidio (issue 15).

Run: ``python benchmarks/detect_command.py [--n 6000] [--seed 7] [--workers 1 2]``

``detect_bench_v2.py`` times the detection engine alone. Issue 15's figure is the command a user
runs: a fresh process that opens the case, reads every message from the store, scans it, runs the
spread pass and writes every finding back. This script builds that case once (the same 6,000
distinct messages of corpus v2 as ``detect_bench_v2.py``, written as one WhatsApp export, a SAR
for the corpus's requester) and then, side by side in one run:

- ``presidio``: Presidio's default configuration, one ``analyze(text)`` per message
  (``detect_bench_v2.py --child presidio``, the baseline the issue names);
- ``sar-desk detect`` with each ``--workers`` value, each on a fresh copy of the case, timed as
  a whole command from process start to exit (model load and store writes included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
SAR_DESK = Path(sys.executable).with_name("sar-desk")


def _export(texts: list[str], path: Path) -> None:
    """One WhatsApp (Android) export holding `texts`, one a minute, from five senders."""
    start = datetime(2026, 3, 13, 8, 0)  # a day above 12: the date order is plain
    lines = []
    for i, text in enumerate(texts):
        at = start + timedelta(minutes=i)
        lines.append(f"{at:%d/%m/%Y, %H:%M} - Staff member {i % 5 + 1}: {text}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_case(n: int, seed: int, folder: Path) -> tuple[Path, list[str]]:
    """A case with `n` distinct corpus messages imported; returns it and the texts."""
    from detect_bench_v2 import distinct_corpus

    corpus = distinct_corpus(n, seed)
    texts = [m.text for m in corpus.messages]  # type: ignore[attr-defined]
    requester = next(p for p in corpus.people if p.role == "requester")  # type: ignore[attr-defined]
    export = folder / "WhatsApp Chat with Night team.txt"
    _export(texts, export)
    case = folder / "case"
    new = [
        str(SAR_DESK),
        "case",
        "new",
        str(case),
        "--regime",
        "sar",
        "--reference",
        "BENCH-1",
        "--no-encrypt",
    ]
    new += ["--received", "2026-11-02", "--requester", f"{requester.first} {requester.last}"]
    subprocess.run(new, check=True, capture_output=True)
    subprocess.run(
        [str(SAR_DESK), "import", str(case), str(export)], check=True, capture_output=True
    )
    return case, texts


def time_detect(case: Path, workers: int) -> dict[str, float]:
    """Wall and CPU seconds of one whole ``sar-desk detect`` on a fresh copy of `case`."""
    copy = case.with_name(f"case-w{workers}")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(case, copy)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0, start = os.getloadavg()[0], time.perf_counter()
    cmd = [str(SAR_DESK), "detect", str(copy), "--workers", str(workers), "--json"]
    proc = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    found = json.loads(proc.stdout)
    return {"wall": wall, "cpu": cpu, "load0": load0, "load1": os.getloadavg()[0], "out": found}


def time_presidio(n: int, seed: int) -> dict[str, float]:
    """Presidio's default per-message analyze on the same texts (fresh process)."""
    cmd = [sys.executable, str(HERE / "detect_bench_v2.py"), "--child", "presidio"]
    proc = subprocess.run(
        [*cmd, "--n", str(n), "--seed", str(seed)], check=True, capture_output=True, text=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    """Build the case, time each contender, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        case, texts = build_case(args.n, args.seed, Path(tmp))
        presidio = time_presidio(args.n, args.seed)
        print(f"presidio: {presidio['wall']:.1f} s", file=sys.stderr)
        runs = {}
        for w in args.workers:
            runs[w] = time_detect(case, w)
            print(f"sar-desk detect --workers {w}: {runs[w]['wall']:.1f} s", file=sys.stderr)
    print(f"{len(texts)} distinct messages (corpus v2, seed {args.seed}), one WhatsApp export\n")
    print("| contender | wall s | msg/s | x presidio | CPU s | load |")
    print("|---|---|---|---|---|---|")
    p = presidio
    print(
        f"| Presidio default, per message (model load + analyze) | {p['wall']:.1f} | "
        f"{args.n / p['wall']:.0f} | 1.0x | {p['cpu']:.1f} | "
        f"{p['load'][0]:.1f}-{p['load'][1]:.1f} |"
    )
    for w, r in runs.items():
        print(
            f"| `sar-desk detect --workers {w}` (whole command) | {r['wall']:.1f} | "
            f"{args.n / r['wall']:.0f} | {p['wall'] / r['wall']:.1f}x | {r['cpu']:.1f} | "
            f"{r['load0']:.1f}-{r['load1']:.1f} |"
        )
    for w, r in runs.items():
        out = r["out"]
        print(f"workers {w}: {out['proposals']} proposals ({out['propagated']} by the spread pass)")


if __name__ == "__main__":
    main()
