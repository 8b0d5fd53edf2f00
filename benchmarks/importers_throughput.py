"""Messages per second for the Telegram, Slack, Discord and Google Chat importers.

Generates a synthetic export of each (>= 100k messages, with the round-trip test generators),
then times the parser alone (iterating records, no store). Run from the repository root:
``python benchmarks/importers_throughput.py [--messages 100000]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "unit" / "importers")]

import generate_exports as gen  # noqa: E402

from sar_desk.importers import by_platform  # noqa: E402
from sar_desk.importers.base import ImportOptions, ImportReport  # noqa: E402

WRITERS = {
    "telegram": lambda root, specs: gen.write_telegram(root / "result.json", specs),
    "slack": lambda root, specs: gen.write_slack(root / "slack", specs),
    "discord": lambda root, specs: gen.write_discord(root / "discord", specs),
    "google-chat": lambda root, specs: gen.write_google_chat(root / "gchat", specs),
}
PATHS = {"telegram": "result.json", "slack": "slack", "discord": "discord", "google-chat": "gchat"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sar-bench-") as tmp:
        root = Path(tmp)
        for platform, write in WRITERS.items():
            write(root, gen.specs(42, args.messages))
            path = root / PATHS[platform]
            report = ImportReport()
            start = time.perf_counter()
            count = sum(1 for _ in by_platform(platform).read(path, report, ImportOptions()))
            seconds = time.perf_counter() - start
            print(
                f"{platform:12s} {count:>9,} messages in {seconds:6.2f} s "
                f"= {count / seconds:>9,.0f} messages/s ({len(report.issues)} issues)"
            )


if __name__ == "__main__":
    main()
