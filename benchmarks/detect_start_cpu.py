"""CPU seconds of the detection command's serial start, in two source trees, alternately.

Run: ``python benchmarks/detect_start_cpu.py CASE --src SRC [SRC ...] [--runs 8] [--workers 2]``

The whole command (``detect_command.py``) varies by a second or more from run to run on a
shared machine, far more than a change to its start can move it. This times only the part no
worker can share: a fresh process (``python -m sar_desk``'s own start: the group, the command's
modules) opens a copy of CASE and runs the detection job up to its first stored page; the CPU
seconds of that process alone (imports, the case, the model's load, the rules' warm-up, the
first pages handed out) are printed, the workers' are not. Runs alternate between the trees
(A B A B), each tree's code imported from its own folder, so drift hits both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = """
import gc, json, resource, sys
gc.disable()  # as sar_desk.__main__ does; the group turns it back on
from sar_desk.cli.main import start_collecting
from sar_desk.cli.common import open_case
start_collecting()
session = open_case(__import__("pathlib").Path(sys.argv[1]))
job = session.detection.run_detection(workers=int(sys.argv[2]))
for progress in job:
    if progress.message.startswith("Scanning"):
        break
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps(use.ru_utime + use.ru_stime))
job.close()
session.close()
"""


def once(case: Path, src: Path, workers: int) -> float:
    """CPU seconds of one start, in a fresh process with `src` first on the path."""
    copy = case.with_name(f"{case.name}-start")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(case, copy)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(copy), str(workers)],
            cwd=src,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    return float(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Time each tree's start `--runs` times, alternately; print every run and the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case", type=Path, help="an imported case (detect_command.py makes one)")
    parser.add_argument("--src", type=Path, nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    times: dict[Path, list[float]] = {src: [] for src in args.src}
    for _ in range(args.runs):
        for src in args.src:
            times[src].append(once(args.case.resolve(), src.resolve(), args.workers))
    for src, cpu in times.items():
        print(
            f"{src}: median {statistics.median(cpu):.3f} s, mean {statistics.mean(cpu):.3f} s "
            f"(runs {', '.join(f'{c:.2f}' for c in cpu)}); load {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main()
