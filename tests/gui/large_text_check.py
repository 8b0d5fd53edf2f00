"""Run on its own: every page of the demo case at 1280x720, printing what is cut off as JSON.

Started by `test_large_text.py` in a fresh process: the text size is read from the
environment when the application is styled, once per process, so the large-text window must
not share a process (and a style) with the other window tests.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from sar_desk.app.demo import run_demo
from sar_desk.core.jobs import run_job
from sar_desk.gui.app import create_application
from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.layout_check import clipped
from sar_desk.gui.main_window import MainWindow
from sar_desk.gui.settings import RecentCases

SIZE = (1280, 720)


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def build_case(root: Path) -> Path:
    """The demo case: imports, detection, review, sign-off and an export (synthetic data)."""
    folder = root / "SAR-DEMO-0001"
    run_job(run_demo(folder))
    return folder


def check(where: str, widget: QWidget, found: dict[str, list[str]]) -> None:
    settle()
    problems = clipped(widget)
    if isinstance(widget, MainWindow) and widget.width() > SIZE[0]:
        # A page whose minimum is wider than the screen pushes the window off it (issue 19).
        problems.append(f"the window grew to {widget.width()} px wide, past {SIZE[0]}")
    if problems:
        found[where] = problems


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="sar-desk-large-"))
    os.environ["XDG_CONFIG_HOME"] = str(root / "config")
    app = create_application()
    folder = build_case(root)
    found: dict[str, list[str]] = {}
    sideways: dict[str, int] = {}  # pages that need sideways scrolling, by how many pixels
    window = MainWindow(RecentCases(), user="demo-officer")
    window.resize(*SIZE)
    window.show()
    window.context.recent.add(folder, "SAR-DEMO-0001")
    window.start_page.refresh()
    check("start", window, found)
    dialog = NewCaseDialog(window, cases_root=root / "cases", today=date(2026, 5, 5))
    dialog.resize(*SIZE)
    dialog.show()
    check("new case dialog", dialog, found)
    dialog.close()
    window.open_case(folder)
    settle(1500)
    sidebar = window.sidebar.width()
    title = window.panels["Dashboard"].findChild(QLabel, "panelTitle")
    title_points = title.font().pointSizeF() if title is not None else 0.0
    for name in window.panels:
        panel = window.show_section(name)
        if name == "Search":
            panel.text.setText("repairs")  # type: ignore[attr-defined]
            panel.run_search(logged=False)  # type: ignore[attr-defined]
            settle(600)
            panel.table.selectRow(0)  # type: ignore[attr-defined]
        if name == "Review":
            model = panel.model  # type: ignore[attr-defined]
            phones = [
                r
                for r in range(model.rowCount())
                if model.item(r).item.entity_type == "PHONE_NUMBER"
            ]
            panel.select_row(phones[0] if phones else 0)  # type: ignore[attr-defined]
        check(name, window, found)
        holder = window._holders.get(name)  # the page's scroll area
        if holder is not None and holder.horizontalScrollBar().maximum() > 0:
            sideways[name] = holder.horizontalScrollBar().maximum()
    wizard = window.panels["Export"].open_wizard()  # type: ignore[attr-defined]
    check("export wizard", wizard, found)
    wizard.close()
    organisation = window.edit_organisation()
    check("organisation dialog", organisation, found)
    organisation.close()
    window.close()
    shown = {
        "sidebar": sidebar,
        "title_points": title_points,
        "clipped": found,
        "sideways": sideways,
    }
    print(json.dumps(shown))
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
