"""Start-up benchmark (issue 12): whole-command wall time of ``sar-desk`` for short commands.

Usage:
    python benchmarks/startup.py [--baseline SRC] [--big CASE] [--messages N] [--runs N]

Times, in fresh processes (``python -m sar_desk ...``, which is what the ``sar-desk`` script
runs), the median of RUNS runs (after one warm-up) of:

- ``--version``;
- ``search SMALL --text ...`` on a small case (one WhatsApp sample, made here), unencrypted
  and encrypted (the encrypted one pays for deriving the case key from the passphrase);
- ``search BIG --text WORD`` and ``search BIG --person NAME --from --to`` on a synthetic
  1,000,000-message case (``search_bench.generate``; pass ``--big`` to reuse one, which is
  kept in a temporary folder otherwise).

Goals: ``--version`` and the small search under 0.5 s; the big search under 1 s.

``--baseline SRC`` also times the same commands with another source tree first on the path
(for example today's main: ``git archive main | tar -x -C /tmp/main-src``), run by the same
interpreter, so the two are like for like; runs alternate A B A B so drift hits both.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

SAMPLE = ROOT / "tests" / "data" / "importers" / "whatsapp" / "_chat.txt"


def _run(src: Path, args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``python -m sar_desk ARGS`` with `src` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sar_desk", *args],
        env=env,
        cwd=tempfile.gettempdir(),  # not the repository: -m puts the working folder first
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _small_case(folder: Path, *, encrypted: bool = False) -> Path:
    """The one-sample case; `encrypted` makes it with the passphrase in SAR_DESK_PASSPHRASE."""
    case = folder / ("small-encrypted" if encrypted else "small")
    new = ["case", "new", str(case), "--regime", "sar", "--reference", "SAR-1"]
    new += ["--received", "2026-05-05", "--requester", "Alex Morgan"]
    new += ["--encrypt"] if encrypted else ["--no-encrypt"]
    _run(ROOT, new)
    _run(ROOT, ["import", str(case), str(SAMPLE)])
    return case


def _big_case(folder: Path, messages: int) -> Path:
    import search_bench

    if not (folder / "case.db").exists():
        print(f"generating {messages:,} messages in {folder} (minutes) ...", file=sys.stderr)
        search_bench.generate(folder, messages)
    return folder


def _big_queries(case: Path) -> dict[str, list[str]]:
    import search_bench

    vocabulary = search_bench._vocabulary(random.Random(4))
    common, rare = vocabulary[20], vocabulary[3000]  # Zipf ranks: ~57,000 hits and ~400
    person = f"{search_bench.FIRST[3]} {search_bench.LAST[(3 * 7) % len(search_bench.LAST)]}"
    return {
        "search 1M, common word": ["search", str(case), "--text", common],
        "search 1M, rare word": ["search", str(case), "--text", rare],
        "search 1M, person + dates": [
            "search",
            str(case),
            "--person",
            person,
            "--from",
            "2025-01-01",
            "--to",
            "2025-03-31",
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", type=Path, help="Another source tree to compare with.")
    parser.add_argument("--big", type=Path, help="A 1M-message case folder (made if missing).")
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-big", action="store_true", help="Skip the big case.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sar-startup-"))
    # Encrypted cases (the default for new cases since issue 18) pay for the Argon2id key
    # derivation on every command: a deliberate cost, timed on its own row.
    os.environ["SAR_DESK_PASSPHRASE"] = "startup benchmark passphrase 1205"
    small = _small_case(work)
    sealed = _small_case(work, encrypted=True)
    commands = {
        "--version": ["--version"],
        "search small case": ["search", str(small), "--text", "hello"],
        "search small encrypted case": ["search", str(sealed), "--text", "hello"],
    }
    if not args.no_big:
        commands.update(_big_queries(_big_case(args.big or work / "big", args.messages)))
    trees = {"this tree": ROOT}
    if args.baseline:
        trees["baseline"] = args.baseline.resolve()
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f}; {args.runs} runs, median")
    header = "| command | " + " | ".join(f"{t} wall s | {t} CPU s" for t in trees) + " |"
    print(header)
    print("|---|" + "---:|---:|" * len(trees))
    for label, argv in commands.items():
        samples: dict[str, list[tuple[float, float]]] = {t: [] for t in trees}
        for src in trees.values():
            _run(src, argv)  # warm-up: file cache and .pyc files
        for _ in range(args.runs):
            for tree, src in trees.items():
                samples[tree].append(_run(src, argv))
        cells = []
        for tree in trees:
            wall = statistics.median(s[0] for s in samples[tree])
            cpu = statistics.median(s[1] for s in samples[tree])
            cells.append(f"{wall:.3f} | {cpu:.3f}")
        print(f"| `{label}` | " + " | ".join(cells) + " |")
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f}")


if __name__ == "__main__":
    main()
