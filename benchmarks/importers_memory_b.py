"""Peak memory of the SMS Backup & Restore importer on a ~1 GB backup with inline MMS media.

Writes an SMS backup of about ``--gb`` gigabytes (every fifth record an MMS with a base64 JPEG
part), then parses it in a fresh subprocess and reports that subprocess's peak RSS
(``ru_maxrss``). Goal: under 500 MB whatever the file size, because records are cleared as read.

    python benchmarks/importers_memory_b.py [--gb 1.0]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "unit" / "importers"))

import generate_exports_b as gen  # noqa: E402

CHILD = """
import resource, sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from sar_desk.core.imports import ImportReport
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.sms_backup import SmsBackupImporter
start = time.perf_counter()
n = sum(1 for _ in SmsBackupImporter().read(Path({path!r}), ImportReport(), ImportOptions()))
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{n}} {{took:.1f}} {{peak:.0f}}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gb", type=float, default=1.0)
    args = parser.parse_args()
    media = 300_000  # bytes per MMS image, ~400 KB of base64
    count = max(5, int(args.gb * 1024**3 / (media * 4 / 3) * 5))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sms-20260430120000.xml"
        with path.open("wb") as handle:
            gen.write_sms(handle, count, media_bytes=media)
        size = path.stat().st_size
        out = subprocess.run(
            [sys.executable, "-c", CHILD.format(repo=str(REPO), path=str(path))],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        n, took, peak = int(out[0]), float(out[1]), float(out[2])
    print(
        f"SMS backup {size / 1024**3:.2f} GiB, {n:,} records ({count // 5:,} MMS with media): "
        f"parsed in {took:.1f} s, peak RSS {peak:.0f} MiB (goal < 500 MB)"
    )


if __name__ == "__main__":
    main()
