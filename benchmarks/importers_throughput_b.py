"""Throughput of the Teams, Signal, Messenger/Instagram, SMS and RSMF importers (issue 3).

Generates an export of at least 100,000 messages per platform with the round-trip generator in
``tests/unit/importers/generate_exports_b.py`` and prints messages per second for each importer.

    python benchmarks/importers_throughput_b.py [--count 100000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit" / "importers"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generate_exports_b as gen

from sar_desk.core.imports import ImportReport
from sar_desk.importers import by_platform
from sar_desk.importers.base import ImportOptions


def _teams(root: Path, count: int) -> Path:
    path = root / "teams.json"
    with path.open("w", encoding="utf-8") as handle:
        gen.write_teams(handle, count)
    return path


def _signal(root: Path, count: int) -> Path:
    gen.write_signal(root / "signal", count, json_lines=True)
    return root / "signal"


def _messenger(root: Path, count: int) -> Path:
    gen.write_messenger(root / "messenger", count, per_part=10_000)
    return root / "messenger"


def _sms(root: Path, count: int) -> Path:
    path = root / "sms-20260430120000.xml"
    with path.open("wb") as handle:
        gen.write_sms(handle, count, media_bytes=256)
    return path


def _rsmf(root: Path, count: int) -> Path:
    path = root / "big.rsmf"
    path.write_bytes(gen.rsmf_bytes(count)[0])
    return path


BUILDERS: dict[str, Callable[[Path, int], Path]] = {
    "teams": _teams,
    "signal": _signal,
    "messenger": _messenger,
    "sms": _sms,
    "rsmf": _rsmf,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for platform, build in BUILDERS.items():
            root = Path(tmp) / platform
            root.mkdir()
            path = build(root, args.count)
            report = ImportReport()
            start = time.perf_counter()
            n = sum(1 for _ in by_platform(platform).read(path, report, ImportOptions()))
            took = time.perf_counter() - start
            print(
                f"{platform:10s} {n:>9,} messages in {took:6.2f} s = {n / took:>9,.0f} msg/s "
                f"({len(report.issues)} issues)"
            )


if __name__ == "__main__":
    main()
