"""Take a PNG of each page of the window at 1280x720 on the demo case, into docs/screenshots/.

    python packaging/screenshots.py            # offscreen (no display needed)
    QT_SCALE_FACTOR=2 python packaging/screenshots.py   # 200% scaling, files end in -200
    SAR_DESK_TEXT_SCALE=2 python packaging/screenshots.py   # 200% text, files end in -text200

Each grab also runs the window's layout check and prints any text it finds cut off.

Under Xvfb, ``QT_QPA_PLATFORM=xcb xvfb-run -a python packaging/screenshots.py`` renders exactly as
on a desktop. The window is 1280x720 (the smallest screen we support), so what reads here reads
everywhere.

The demo case is built in a temporary folder with `run_demo` (import, detection, search), a
search is run and a proposal is shown, so every screen has real (synthetic) content.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a source checkout

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: TID251 - a GUI tool
from PySide6.QtWidgets import QApplication, QWidget  # noqa: TID251 - a GUI tool

from sar_desk.app.demo import run_demo
from sar_desk.app.session import CaseSession
from sar_desk.core.jobs import run_job
from sar_desk.core.scope import Relevance
from sar_desk.gui.app import create_application
from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.layout_check import clipped
from sar_desk.gui.main_window import MainWindow
from sar_desk.gui.settings import RecentCases

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1280, 720)
# At 200% the same window is twice as big in pixels; the suffix keeps both sets.
SUFFIX = "-200" if os.environ.get("QT_SCALE_FACTOR", "1") == "2" else ""
if os.environ.get("SAR_DESK_TEXT_SCALE", "1") == "2":
    SUFFIX += "-text200"  # the same 1280x720 window with text twice the size


def settle(ms: int = 300) -> None:
    """Let layouts, lazy fetches and worker results arrive before grabbing."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def grab(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / f"{name}{SUFFIX}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(OUT.parent.parent)}")
    for problem in clipped(widget):
        print(f"  cut off: {problem}")


def leave_one_out(folder: Path) -> None:
    """One message of the demo left out as not relevant, approved by a second person.

    So the Records page's scope approvals show a row instead of an empty table. The change voids
    the demo's sign-off, so the DPO signs off again and the bundle is exported again, as a
    user would.
    """
    session = CaseSession.open(folder, user="demo-officer")
    try:
        last = session.scope.disclosure_set()[-1]
        session.scope.mark_scope(
            [int(last)], Relevance.NOT_RELEVANT, "A colleague's lunch plans, not about Alex"
        )
        session.act_as("demo-reviewer", lambda: "demo passphrase")
        session.scope.approve_exclusions(None, "Checked: not about the requester")
        session.act_as("demo-dpo", lambda: "demo passphrase")
        session.review.sign_off("Checked the redactions and the message left out")
        run_job(session.export.export_bundle(folder.parent / "bundle-2"))
    finally:
        session.close()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="sar-desk-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # a clean recent-cases list
    OUT.mkdir(parents=True, exist_ok=True)
    create_application()
    folder = tmp / "SAR-DEMO-0001"
    print("building the demo case…")
    run_job(run_demo(folder))
    leave_one_out(folder)
    window = MainWindow(RecentCases(), user="demo-officer")
    window.resize(*SIZE)
    window.show()
    window.context.recent.add(folder, "SAR-DEMO-0001")
    window.start_page.refresh()
    grab(window, "01-start")
    dialog = NewCaseDialog(window, cases_root=tmp / "cases", today=date(2026, 5, 5))
    dialog.reference.setText("SAR-2026-0142")
    dialog.requester.setText("Alex Morgan")
    dialog.aliases.setPlainText("07911 123456\nalex.morgan@example.org")
    dialog.received.setDate(date(2026, 5, 5))
    dialog.resize(1000, 560)
    dialog.show()
    grab(dialog, "02-new-case")
    dialog.close()
    window.open_case(folder)
    settle(1500)  # the dashboard summary is read on a worker
    for index, name in enumerate(window.panels):
        panel = window.show_section(name)
        if name == "Search":
            search = panel
            search.text.setText("repairs")  # type: ignore[attr-defined]
            search.run_search(logged=False)  # type: ignore[attr-defined]
            settle(600)
            search.table.selectRow(0)  # type: ignore[attr-defined]
        if name == "Review":
            model = panel.model  # type: ignore[attr-defined]
            rows = [
                r
                for r in range(model.rowCount())
                if model.item(r).item.field == "text"
                and model.item(r).item.entity_type == "PHONE_NUMBER"
            ]
            if rows:
                panel.select_row(rows[0])  # type: ignore[attr-defined]
        grab(window, f"{index + 3:02d}-{name.lower()}")
        tabs = getattr(panel, "tabs", None)
        for tab in range(1, tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(tab)
            label = tabs.tabText(tab).replace("&", "").replace(".", "").split()[0].lower()
            grab(window, f"{index + 3:02d}-{name.lower()}-{tab + 1}-{label}")
    if "Export" in window.panels:
        wizard = window.panels["Export"].open_wizard()  # type: ignore[attr-defined]
        wizard.resize(760, 520)
        grab(wizard, f"{len(window.panels) + 3:02d}-export-wizard")
        wizard.close()
    organisation = window.edit_organisation()
    grab(organisation, f"{len(window.panels) + 4:02d}-organisation")
    organisation.close()
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
