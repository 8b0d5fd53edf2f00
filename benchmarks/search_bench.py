"""Search benchmark (issue 4): 1,000,000 messages, 3 platforms, 500 people.

Usage:
    python benchmarks/search_bench.py [DIR] [--messages N] [--queries N]

Generates a synthetic case in DIR (default: a temporary folder) by writing rows directly with
`ImportWriter`, resolves people, then measures — in a fresh process, so the peak RSS is the
search process's own — person + date-range first page, text-search first page and hit counts.
Goals: first page p95 < 100 ms, counting < 500 ms, peak RSS < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sar_desk.app import people as app_people
from sar_desk.app.session import CaseSession
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Case, IdentifierKind, PersonRole, Regime, TimeBasis
from sar_desk.core.search import SearchQuery, day_range
from sar_desk.store.uow import unit_of_work

FIRST = (
    "Alex",
    "Sam",
    "Jo",
    "Tom",
    "Priya",
    "Chris",
    "Nicola",
    "Dan",
    "Ellie",
    "Harry",
    "Isla",
    "Jack",
    "Kate",
    "Liam",
    "Maya",
    "Noah",
    "Olivia",
    "Pat",
    "Rosie",
    "Sophie",
    "Theo",
    "Uma",
    "Vic",
    "Will",
    "Yasmin",
    "Zara",
    "Amir",
    "Bella",
    "Callum",
    "Dev",
    "Erin",
    "Finn",
    "Grace",
    "Hugo",
    "Imran",
    "Jess",
    "Kieran",
    "Leah",
    "Mo",
    "Nadia",
    "Owen",
    "Phoebe",
    "Rhys",
    "Sian",
    "Tariq",
    "Umar",
    "Vera",
    "Wendy",
    "Xavier",
    "Yusuf",
)
LAST = (
    "Morgan",
    "Bloggs",
    "Patel",
    "Shah",
    "Reed",
    "Jones",
    "Evans",
    "Khan",
    "Taylor",
    "Brown",
    "Wilson",
    "Hughes",
    "Owen",
    "Clarke",
    "Walker",
    "Wright",
    "Green",
    "Hall",
    "Wood",
    "Lewis",
    "Young",
    "King",
    "Scott",
    "Hill",
    "Moore",
    "Ahmed",
    "Ali",
    "Begum",
    "Kaur",
    "Singh",
)
PLATFORMS = ("whatsapp", "teams", "slack")


def _vocabulary(rng: random.Random) -> list[str]:
    syllables = [
        "ba",
        "be",
        "bo",
        "ca",
        "co",
        "da",
        "de",
        "do",
        "fa",
        "fe",
        "ga",
        "go",
        "ha",
        "he",
        "ka",
        "ko",
        "la",
        "le",
        "lo",
        "ma",
        "me",
        "mo",
        "na",
        "ne",
        "no",
        "pa",
        "pe",
        "ra",
        "re",
        "ro",
        "sa",
        "se",
        "ta",
        "te",
        "to",
        "va",
        "ve",
    ]
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
    return sorted(words)[:4000]


def generate(folder: Path, total: int, seed: int = 4) -> None:
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = [1 / (i + 1) for i in range(len(vocab))]  # Zipf-like word frequencies
    people = []
    for i in range(500):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7 + i // len(FIRST)) % len(LAST)]
        people.append(
            {
                "name": f"{first} {last}",
                "first": first,
                "phone": f"+447700{900000 + i:06d}",
                "aad": f"aad-{i:04d}",
                "slack": f"U{i:05d}",
                "email": f"{first.lower()}.{last.lower()}{i}@example.gov.uk",
            }
        )
    case = Case(
        reference="BENCH-1",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester=people[0]["name"],
        aliases=(people[0]["phone"],),
    )
    session = CaseSession.create(folder, case, user="bench")
    start_day = datetime(2024, 6, 1, tzinfo=UTC)
    per_platform = total // len(PLATFORMS)
    t0 = time.perf_counter()
    with unit_of_work(session.store, write=True) as uow:
        for platform in PLATFORMS:
            report = ImportReport()
            source_id = uow.sources.add_source(
                platform=platform,
                original_name=f"{platform}-bench",
                stored_path="",
                sha256=f"bench-{platform}",
                size=0,
                custodian=None,
                imported_at=datetime.now(UTC),
                importer_version="bench",
            )
            convs = []
            for c in range(200):
                size = 2 if c < 100 else rng.randint(5, 25)
                convs.append((f"{platform}-c{c}", rng.sample(range(500), size)))
            writer = uow.sources.writer(source_id)
            for n in range(per_platform):
                key, members = convs[rng.randrange(len(convs))]
                who = people[rng.choice(members)]
                words = rng.choices(vocab, weights, k=rng.randint(6, 16))
                roll = rng.random()
                if roll < 0.05:
                    words.insert(rng.randrange(len(words)), people[rng.randrange(500)]["first"])
                elif roll < 0.06:
                    area = people[rng.randrange(500)]["phone"][3:6]
                    words.append(f"call {area} {rng.randint(100000, 999999)}")
                when = start_day + timedelta(
                    seconds=int(n / per_platform * 730 * 86400) + rng.randint(0, 3600)
                )
                ident, kind = {
                    "whatsapp": (who["phone"], IdentifierKind.PHONE),
                    "teams": (who["aad"], IdentifierKind.PLATFORM_ID),
                    "slack": (who["slack"], IdentifierKind.PLATFORM_ID),
                }[platform]
                writer.add(
                    RawMessage(
                        platform=platform,
                        conversation_key=key,
                        conversation_title=key,
                        sender=who["name"],
                        sender_id=ident,
                        sender_id_kind=kind,
                        timestamp=when,
                        timestamp_raw=when.isoformat(),
                        time_basis=TimeBasis.UTC,
                        kind="message",
                        text=" ".join(words),
                        location=f"row {n}",
                    )
                )
            writer.finish()
            for p in people:
                if platform == "teams":
                    report.link(
                        IdentifierKind.PLATFORM_ID, p["aad"], IdentifierKind.EMAIL, p["email"]
                    )
                    report.link(
                        IdentifierKind.PLATFORM_ID, p["aad"], IdentifierKind.PHONE, p["phone"]
                    )
                if platform == "slack":
                    report.link(
                        IdentifierKind.PLATFORM_ID, p["slack"], IdentifierKind.EMAIL, p["email"]
                    )
            uow.people.add_links(platform, report.identity_links)
            print(
                f"  wrote {platform}: {per_platform:,} messages ({time.perf_counter() - t0:.0f} s)"
            )
        summary = app_people.resolve_people(uow, session.case, "bench")
    session.close()
    print(f"generated {total:,} messages in {time.perf_counter() - t0:.0f} s; people: {summary}")


def _stats(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    return (
        f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms (n={len(ms)})"
    )


def measure(folder: Path, queries: int, seed: int = 9) -> dict[str, str]:
    rng = random.Random(seed)
    session = CaseSession.open(folder, user="bench")
    everyone = session.people.people()
    tz = session.case.timezone
    person_queries = []
    for _ in range(queries):
        person = rng.choice(everyone).person
        start = date(2024, 6, 1) + timedelta(days=rng.randint(0, 600))
        lo, hi = day_range(start, start + timedelta(days=rng.randint(30, 120)), tz)
        person_queries.append(SearchQuery(person_ids=(person.id,), date_from=lo, date_to=hi))
    vocab = _vocabulary(random.Random(4))
    text_queries = []
    for i in range(queries):
        kind = i % 5
        words = [vocab[rng.randrange(0, 400 if kind < 2 else 4000)] for _ in range(2)]
        text_queries.append(
            SearchQuery(
                text=[
                    words[0],
                    f"{words[0]} {words[1]}",
                    f'"{words[0]} {words[1]}"',
                    f"{words[0][:3]}*",
                    f"{words[0]} OR {words[1]}",
                ][kind]
                if kind < 4 or i % 10
                else "7700 9001"
            )
        )
    results: dict[str, str] = {}
    for label, batch in (
        ("person + date range, first page", person_queries),
        ("text, first page", text_queries),
    ):
        times = []
        for q in batch:
            t = time.perf_counter()
            session.search.search(q, limit=100)
            times.append(time.perf_counter() - t)
        results[label] = _stats(times)
    for label, batch in (
        ("count, person + date range", person_queries),
        ("count, text", text_queries),
    ):
        times = []
        for q in batch:
            t = time.perf_counter()
            session.search.count(q)
            times.append(time.perf_counter() - t)
        results[label] = _stats(times)
    requester = [p for p in everyone if p.person.role is PersonRole.REQUESTER]
    results["people"] = f"{len(everyone)} people, {len(requester)} requester"
    results["peak RSS"] = f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    session.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--measure-only", action="store_true")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="sar-bench-")) / "case"
    if args.measure_only:
        print(json.dumps(measure(folder, args.queries)))
        return
    if not (folder / "case.db").exists():
        generate(folder, args.messages)
    out = subprocess.run(
        [sys.executable, __file__, str(folder), "--measure-only", "--queries", str(args.queries)],
        check=True,
        capture_output=True,
        text=True,
    )
    for key, value in json.loads(out.stdout.strip().splitlines()[-1]).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
