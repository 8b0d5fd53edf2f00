"""Desktop window benchmark (issue 8): open a 1,000,000-message case and scroll its results.

Usage:
    python benchmarks/gui_bench.py [DIR] [--messages N] [--pages N]

Reuses `benchmarks/search_bench.py`'s generator (rows written with `ImportWriter`) when DIR has
no case yet. Then, offscreen, measures the time from `MainWindow.open_case` to the first page of
search results in the table (the goal is under 2 s), and the time per 200-row page as the table
view scrolls to the end of what it has (each scroll makes the view call `fetchMore`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: TID251 - a GUI benchmark

from sar_desk.gui.app import create_application
from sar_desk.gui.main_window import MainWindow
from sar_desk.gui.sections import SEARCH


def measure(folder: Path, pages: int) -> dict[str, str]:
    create_application()
    window = MainWindow(user="bench")
    window.resize(1366, 820)
    window.show()
    QApplication.processEvents()
    search = window.panels[SEARCH]
    start = time.perf_counter()
    window.open_case(folder)
    window.show_section(SEARCH)
    QApplication.processEvents()
    first_page = time.perf_counter() - start
    rows_first = search.model.rowCount()  # type: ignore[attr-defined]
    while window.count_label.text() in ("", "Counting…"):
        QApplication.processEvents()
    counted = time.perf_counter() - start
    count_text = window.count_label.text()
    table = search.table  # type: ignore[attr-defined]
    samples = []
    for _ in range(pages):
        before = search.model.rowCount()  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        table.scrollToBottom()
        QApplication.processEvents()
        if search.model.rowCount() == before:  # type: ignore[attr-defined]
            search.model.fetchMore()  # type: ignore[attr-defined]
            QApplication.processEvents()
        samples.append(time.perf_counter() - t0)
    rows = search.model.rowCount()  # type: ignore[attr-defined]
    window.close()
    ms = sorted(s * 1000 for s in samples)
    return {
        "open case to first page": f"{first_page * 1000:.0f} ms ({rows_first} rows)",
        "total count shown": f"{counted * 1000:.0f} ms ({count_text})",
        "page fetch while scrolling": (
            f"median {statistics.median(ms):.0f} ms, p95 {ms[int(len(ms) * 0.95) - 1]:.0f} ms, "
            f"max {ms[-1]:.0f} ms over {len(ms)} pages ({rows:,} rows loaded)"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="sar-gui-bench-")) / "case"
    if not (folder / "case.db").exists():
        from search_bench import generate

        t0 = time.perf_counter()
        generate(folder, args.messages)
        print(f"generated {args.messages:,} messages in {time.perf_counter() - t0:.0f} s")
    for key, value in measure(folder, args.pages).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
