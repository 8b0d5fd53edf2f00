"""Export benchmark (issue 7): 10,000 in-scope messages with 2,000 redactions.

Builds a synthetic bundle (PDF + HTML + internal logs + every safety check) and reports the
wall time and PDF pages per second. Run: ``python benchmarks/export_bench.py [N] [REDACTIONS]``.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sar_desk.core.disclosure import ApprovedRedaction, DisclosureDecisions, ReasonCode
from sar_desk.core.findings import ProposalField
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.core.model import Case, ConversationId, Message, MessageId, MessageKind, Regime
from sar_desk.export.bundle import build_bundle
from sar_desk.export.options import BundleInputs, BundleOptions, SearchRecord, Versions

REPO = Path(__file__).resolve().parent.parent
CODE = ReasonCode(
    "SAR-3P",
    Regime.SAR,
    "DPA 2018 Sch 2 Pt 3 para 16",
    "Sch 2 Pt 3 para 16",
    "Information about other people",
    "Identifies someone else.",
    "qualified",
    False,
    "",
)
WORDS = [
    "repair",
    "boiler",
    "visit",
    "tenant",
    "rent",
    "arrears",
    "hallway",
    "damp",
    "report",
    "inspection",
    "landlord",
    "council",
    "team",
    "called",
    "message",
    "thanks",
    "tomorrow",
    "office",
    "update",
    "case",
    "file",
]
THIRD = [f"Casey Example{i}" for i in range(60)]
STAFF = ["Sam Officer", "Robin Clerk", "Alex Morgan", "Dana Lead"]
EXTRAS = ["Thanks 👍", "مرحبا بكم في المكتب", "שלום לכולם", "See you at 10:30 🎉"]


def synthetic(n: int, redactions: int, seed: int = 7) -> BundleInputs:
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 8, tzinfo=UTC)
    messages: list[Message] = []
    decided: dict[MessageId, tuple[ApprovedRedaction, ...]] = {}
    red_ids = set(rng.sample(range(1, n + 1), redactions))
    for i in range(1, n + 1):
        conv = (i - 1) * 20 // n + 1
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
        text = f"{words} {rng.choice(EXTRAS)}" if i % 9 == 0 else words
        if i in red_ids:
            name = rng.choice(THIRD)
            text = f"{text} {name} said so"
            at = text.index(name)
            decided[MessageId(i)] = (
                ApprovedRedaction(
                    MessageId(i),
                    ProposalField.TEXT,
                    at,
                    at + len(name),
                    name,
                    CODE,
                    "Third party",
                    "PERSON",
                    "officer",
                    "reviewer",
                    start,
                    start,
                ),
            )
        messages.append(
            Message(
                MessageId(i),
                ConversationId(conv),
                f"Housing chat {conv}",
                "whatsapp",
                rng.choice(STAFF),
                None,
                start + timedelta(minutes=17 * i),
                MessageKind.MESSAGE,
                text,
            )
        )
    decisions = DisclosureDecisions(
        in_scope=tuple(m.id for m in messages), redactions=decided, protected_terms=tuple(THIRD)
    )
    case = Case("SAR-BENCH-1", Regime.SAR, date(2026, 5, 5), requester="Alex Morgan")
    search = SearchRecord(start, "officer", ("whatsapp",), date(2026, 1, 1), date(2026, 4, 30), n)
    return BundleInputs(
        case,
        tuple(messages),
        decisions,
        (search,),
        Versions("0.1.0", "bench", "codes-v1"),
        resources=REPO / "resources",
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    redactions = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000
    inputs = synthetic(n, redactions)
    folder = Path(tempfile.mkdtemp())
    options = BundleOptions(generated_at=datetime(2026, 5, 20, tzinfo=UTC))
    stages: list[tuple[str, float]] = []
    began = time.perf_counter()
    job = build_bundle(inputs, options, folder / "out", cancel=CancelToken())
    result = run_job(job, lambda p: stages.append((p.message, time.perf_counter() - began)))
    total = time.perf_counter() - began
    previous = 0.0
    for (label, at), (_next, end) in zip(stages, [*stages[1:], ("end", total)], strict=True):
        print(f"  {label:32s} {end - at:6.1f} s")
        previous = end
    del previous
    print(
        f"{n} messages, {redactions} redactions: {result.pages} pages in {total:.1f} s "
        f"({result.pages / total:.1f} pages/s overall)"
    )
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
