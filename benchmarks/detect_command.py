"""The whole `sar-desk detect` command on 6,000 distinct messages vs Presidio (issue 15).

Run: ``python benchmarks/detect_command.py [--n 6000] [--seed 7] [--workers 1 2] [--baseline SRC]``

``detect_bench_v2.py`` times the detection engine alone. Issue 15's figure is the command a user
runs: a fresh process that opens the case, reads every message from the store, scans it, runs the
spread pass and writes every finding back. This script builds that case once (the same 6,000
distinct messages of corpus v2 as ``detect_bench_v2.py``, written as one WhatsApp export, a SAR
for the corpus's requester) and then, side by side in one run:

- ``presidio``: Presidio's default configuration, one ``analyze(text)`` per message
  (``detect_bench_v2.py --child presidio``, the baseline the issue names);
- ``sar-desk detect`` with each ``--workers`` value, each on a fresh copy of the case, timed as
  a whole command from process start to exit (model load and store writes included);
- with ``--baseline SRC``, the same command from another source tree (``git archive main
  sar_desk resources | tar -x -C SRC``), run alternately with this one.

Both trees are byte-compiled first (``compileall``), as pip does when it installs the package;
``--source-only`` skips that, so every start compiles SAR Desk's modules from source.

The command runs as ``python -m sar_desk`` with the source tree as its working directory, so
each tree times its own code. Each run's stored findings are fingerprinted (SHA-256 over every
field but the row id and the time, in a fixed order), so the table also shows whether two
trees stored exactly the same proposals.
"""

from __future__ import annotations

import argparse
import hashlib
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
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
SAR_DESK = Path(sys.executable).with_name("sar-desk")
ROOT = HERE.parent


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


def fingerprint(case: Path) -> tuple[int, str]:
    """How many findings the case holds, and a SHA-256 over all of them (ids and times aside)."""
    from sar_desk.app.session import CaseSession

    session = CaseSession.open(case)
    try:
        with session.store.read() as conn:
            rows = conn.exec_driver_sql(
                'SELECT message_id, field, start, "end", text, entity_type, score, recognizer, '
                "explanation, person_id FROM findings"
            ).all()
    finally:
        session.close()
    lines = sorted("\t".join(repr(x) for x in row) for row in rows)
    return len(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def time_detect(case: Path, workers: int, src: Path = ROOT, tag: str = "") -> dict[str, Any]:
    """Wall and CPU seconds of one whole ``sar-desk detect`` on a fresh copy of `case`."""
    copy = case.with_name(f"case-w{workers}{tag}")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(case, copy)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0, start = os.getloadavg()[0], time.perf_counter()
    cmd = [sys.executable, "-m", "sar_desk", "detect", str(copy), "--workers", str(workers)]
    proc = subprocess.run([*cmd, "--json"], check=True, capture_output=True, text=True, cwd=src)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    found = json.loads(proc.stdout)
    count, digest = fingerprint(copy)
    shutil.rmtree(copy, ignore_errors=True)
    return {
        "wall": wall,
        "cpu": cpu,
        "load0": load0,
        "load1": os.getloadavg()[0],
        "out": found,
        "stored": count,
        "sha": digest,
    }


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
    parser.add_argument("--baseline", type=Path, help="another source tree, timed alternately")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (median shown)")
    parser.add_argument(
        "--source-only",
        action="store_true",
        help="do not byte-compile the trees first (every start then compiles from source)",
    )
    args = parser.parse_args()
    trees = [("", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    if not args.source_only:
        # As installed: pip byte-compiles a package when it installs it, but a source tree
        # run under PYTHONDONTWRITEBYTECODE (as here) would compile every module at each start.
        for _tag, src in trees:
            compile_all = [sys.executable, "-m", "compileall", "-q", str(src / "sar_desk")]
            subprocess.run(compile_all, check=True)
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        case, texts = build_case(args.n, args.seed, Path(tmp))
        presidio = time_presidio(args.n, args.seed)
        print(f"presidio: {presidio['wall']:.1f} s", file=sys.stderr)
        for _ in range(args.repeat):
            for w in args.workers:
                for tag, src in trees:
                    r = time_detect(case, w, src, tag)
                    runs.setdefault((tag, w), []).append(r)
                    print(f"{tag or 'this tree'} --workers {w}: {r['wall']:.1f} s", file=sys.stderr)
    print(f"{len(texts)} distinct messages (corpus v2, seed {args.seed}), one WhatsApp export\n")
    print("| contender | wall s | msg/s | x presidio | CPU s | load | findings stored (SHA-256) |")
    print("|---|---|---|---|---|---|---|")
    p = presidio
    print(
        f"| Presidio default, per message (model load + analyze) | {p['wall']:.1f} | "
        f"{args.n / p['wall']:.0f} | 1.0x | {p['cpu']:.1f} | "
        f"{p['load'][0]:.1f}-{p['load'][1]:.1f} | - |"
    )
    for (tag, w), rs in runs.items():
        r = sorted(rs, key=lambda x: x["wall"])[len(rs) // 2]
        name = f"`sar-desk detect --workers {w}`" + (f" ({tag})" if tag else "")
        print(
            f"| {name} (whole command) | {r['wall']:.1f} | "
            f"{args.n / r['wall']:.0f} | {p['wall'] / r['wall']:.1f}x | {r['cpu']:.1f} | "
            f"{r['load0']:.1f}-{r['load1']:.1f} | {r['stored']} ({r['sha'][:12]}) |"
        )
    for (tag, w), rs in runs.items():
        out = rs[0]["out"]
        print(
            f"{tag or 'this tree'}, workers {w}: {out['proposals']} proposals "
            f"({out['propagated']} by the spread pass); walls "
            + ", ".join(f"{r['wall']:.1f}" for r in rs)
            + "; CPU s "
            + ", ".join(f"{r['cpu']:.1f}" for r in rs)
            + "; load at start "
            + ", ".join(f"{r['load0']:.1f}" for r in rs)
        )


if __name__ == "__main__":
    main()
