"""Benchmark: WhatsApp parse-only throughput of SAR Desk against whatstk on the same file.

Usage: python benchmarks/whatsapp_parse.py [--messages 200000] [--repeat 3] [--no-whatstk] [--store]

whatstk is GPL and is only ever imported here (``pip install whatstk``), never by sar_desk or its
tests. ``--store`` adds parse + store + index: a new case (`CaseSession.create`) and the full
product import (`CaseSession.import_files`: copy and hash, parse, write, FTS5, digits and
mentions indexes, people and audit, in one transaction).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled

from sar_desk.app.ingest import ImportResult
from sar_desk.app.session import CaseSession
from sar_desk.core.imports import ImportReport
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp import WhatsAppImporter

SENDERS = (
    "Priya Shah",
    "Tom Reid",
    "Jo Bloggs",
    "Alex Morgan",
    "+44 7911 123456",
    "+44 7700 900123",
    "~ Sam",
)
WORDS = tuple(
    [
        "the",
        "tenant",
        "called",
        "about",
        "the",
        "repair",
        "at",
        "flat",
        "twelve",
        "again",
        "and",
        "we",
        "need",
        "to",
        "book",
        "an",
        "inspection",
        "before",
        "friday",
        "please",
        "can",
        "someone",
        "check",
        "the",
        "rent",
        "account",
        "arrears",
        "letter",
        "went",
        "out",
        "yesterday",
        "thanks",
        "I",
        "will",
        "chase",
        "the",
        "contractor",
        "tomorrow",
        "morning",
        "meeting",
        "moved",
        "to",
        "ten",
        "council",
        "tax",
        "housing",
        "benefit",
        "form",
        "signed",
        "ok",
        "great",
        "👍",
        "see",
        "you",
        "then",
    ]
)
SYSTEM = (
    "Priya Shah added +44 7700 900456",
    "Tom Reid left",
    "+44 7700 900789 joined using this group's invite link",
    'Jo Bloggs changed the subject from "Housing" to "Housing Team"',
)


def make_export(path: Path, messages: int, seed: int = 2026) -> int:
    """Write an Android en-GB export of `messages` records; return the line count."""
    rng = random.Random(seed)
    when = datetime(2025, 1, 6, 8, 0)
    lines = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for index in range(messages):
            when += timedelta(seconds=rng.randint(5, 400))
            stamp = when.strftime("%d/%m/%Y, %H:%M")
            roll = rng.random()
            if index == 0:
                body = "Messages and calls are end-to-end encrypted. Tap to learn more."
                out.write(f"{stamp} - {body}\n")
                lines += 1
                continue
            if roll < 0.01:
                out.write(f"{stamp} - {rng.choice(SYSTEM)}\n")
                lines += 1
                continue
            sender = rng.choice(SENDERS)
            if roll < 0.04:
                body = "<Media omitted>"
            elif roll < 0.05:
                body = "This message was deleted"
            else:
                # Chat lengths are skewed: most are a few words, a few are paragraphs.
                size = min(int(rng.expovariate(1 / 12)) + 1, 120)
                body = " ".join(rng.choices(WORDS, k=size))
                if roll > 0.93:
                    body += "\n" + " ".join(rng.choices(WORDS, k=rng.randint(2, 20)))
                    lines += 1
                    if roll > 0.98:
                        body += "\n\n" + " ".join(rng.choices(WORDS, k=rng.randint(2, 20)))
                        lines += 2
            out.write(f"{stamp} - {sender}: {body}\n")
            lines += 1
    return lines


def run_sar_desk(path: Path) -> int:
    """Parse only: iterate every record, keep nothing."""
    count = 0
    report = ImportReport()
    for _ in WhatsAppImporter().read(path, report, ImportOptions(day_first=None)):
        count += 1
    return count


def run_whatstk(path: Path) -> int:
    """whatstk with its own header detection (what a user of the library gets by default)."""
    from whatstk import df_from_whatsapp

    return len(df_from_whatsapp(str(path)))


def run_whatstk_hformat(path: Path) -> int:
    """whatstk given the header format, skipping its detection (its fastest path)."""
    from whatstk import df_from_whatsapp

    return len(df_from_whatsapp(str(path), hformat="%d/%m/%Y, %H:%M - %name:"))


def run_store(path: Path) -> int:
    """Parse + store + index: a fresh case, then the product's import of `path` into it."""
    with tempfile.TemporaryDirectory() as folder:
        case = Case(reference="BENCH-1", regime=Regime.SAR, received=date(2026, 1, 5))
        session = CaseSession.create(Path(folder) / "case", case, user="bench")
        try:
            outcomes = run_job(session.ingest.import_files([path], day_first=True))
        finally:
            session.close()
    result = outcomes[0]
    if not isinstance(result, ImportResult):
        raise SystemExit(f"import failed: {result}")
    return result.messages + result.system + result.duplicates


STORE_LABEL = "sar_desk parse+store+index"

# Parse-only stages; "--store" adds parse + store + index (STORE_LABEL).
STAGES: dict[str, Callable[[Path], int]] = {
    "sar_desk parse": run_sar_desk,
    "whatstk (auto header)": run_whatstk,
    "whatstk (hformat given)": run_whatstk_hformat,
}


def best_of(run: Callable[[Path], int], path: Path, repeat: int) -> tuple[int, float, float]:
    """Count and the fastest of `repeat` runs, as (count, wall seconds, CPU seconds).

    CPU time is reported too because shared machines make wall time noisy; both tools are
    single-threaded, so CPU time is a fair like-for-like measure.
    """
    wall = cpu = float("inf")
    count = 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        count = run(path)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return count, wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-whatstk", action="store_true", help="time SAR Desk only")
    parser.add_argument("--store", action="store_true", help="add parse + store + index")
    parser.add_argument("--store-only", action="store_true", help="time parse + store + index only")
    args = parser.parse_args(argv)
    stages = dict(STAGES)
    if args.no_whatstk:
        stages = {"sar_desk parse": run_sar_desk}
    if args.store or args.store_only:
        stages[STORE_LABEL] = run_store
    if args.store_only:
        stages = {STORE_LABEL: run_store}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "WhatsApp Chat with Benchmark.txt"
        lines = make_export(path, args.messages)
        size = path.stat().st_size / 1024**2
        print(f"{args.messages:,} messages, {lines:,} lines, {size:.1f} MiB")
        print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
        results: dict[str, tuple[float, float]] = {}
        print(
            f"{'':<28} {'records':>9} {'wall s':>8} {'cpu s':>8} {'msg/s (cpu)':>12}"
            f" {'msg/s (wall)':>12}"
        )
        for label, run in stages.items():
            count, wall, cpu = best_of(run, path, args.repeat)
            results[label] = (count / wall, count / cpu)
            print(
                f"{label:<28} {count:>9,} {wall:8.2f} {cpu:8.2f} {count / cpu:>12,.0f}"
                f" {count / wall:>12,.0f}"
            )
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    if "sar_desk parse" not in results:
        return 0
    ours_wall, ours_cpu = results["sar_desk parse"]
    for label, (wall_rate, cpu_rate) in results.items():
        if label not in ("sar_desk parse", STORE_LABEL):
            print(
                f"ratio sar_desk / {label}: {ours_cpu / cpu_rate:.1f}x (cpu), "
                f"{ours_wall / wall_rate:.1f}x (wall)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
