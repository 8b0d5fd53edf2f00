"""Peak memory of the Telegram and Slack importers on ~1 GB exports (goal: under 500 MB RSS).

Writes a ~1 GB Telegram full export (``result.json`` with chats.list) and a ~1 GB unpacked Slack
export into a temporary folder, then reads each with the parser alone (iterating records, no
store) in a fresh subprocess and reports its peak RSS (``resource.getrusage`` ``ru_maxrss``).
The files are deleted afterwards. Run from the repository root:
``python benchmarks/importers_memory.py [--gigabytes 1.0] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "unit" / "importers")]

import generate_exports as gen  # noqa: E402

CHILD = """
import resource, sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from sar_desk.importers import by_platform
from sar_desk.importers.base import ImportOptions, ImportReport
report = ImportReport()
start = time.perf_counter()
count = sum(1 for _ in by_platform({platform!r}).read(Path({path!r}), report, ImportOptions()))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{count}} {{seconds:.1f}} {{peak:.0f}} {{len(report.issues)}}")
"""


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(platform: str, path: Path) -> None:
    code = CHILD.format(repo=str(REPO), platform=platform, path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    count, seconds, peak, issues = out.stdout.split()
    print(
        f"{platform:9s} {size_of(path) / 1e9:5.2f} GB, {int(count):>10,} messages in "
        f"{float(seconds):6.1f} s, peak RSS {float(peak):6.0f} MB ({issues} issues)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gigabytes", type=float, default=1.0)
    args = parser.parse_args()
    # About 0.9 KB per message with these text sizes in both formats.
    messages = int(args.gigabytes * 1e9 / 900)
    tmp = Path(tempfile.mkdtemp(prefix="sar-mem-", dir="/tmp"))
    try:
        start = time.perf_counter()
        # Telegram full export: chats must be contiguous, so write conversation 0 then 1.
        tg = tmp / "telegram"
        tg.mkdir()
        gen.write_telegram(
            tg / "result.json",
            (
                s
                for conv in (0, 1)
                for s in gen.specs(1, messages, convs=2, text_words=150)
                if s.conv == conv
            ),
            full=True,
        )
        print(f"wrote Telegram export in {time.perf_counter() - start:.0f} s")
        measure("telegram", tg / "result.json")
        shutil.rmtree(tg)
        start = time.perf_counter()
        gen.write_slack(tmp / "slack", gen.specs(2, messages, convs=4, text_words=150), convs=4)
        print(f"wrote Slack export in {time.perf_counter() - start:.0f} s")
        measure("slack", tmp / "slack")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(generator process peak RSS {own:.0f} MB)")


if __name__ == "__main__":
    main()
