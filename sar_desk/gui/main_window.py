"""The main window: the start screen, or the open case with a section sidebar.

Sections (Dashboard, Import, Search, ...) are panels in a stack, chosen from the sidebar or with
Ctrl+1..Ctrl+9 and Ctrl+0. Only sections whose back end exists are built. Jobs run through one
`JobController`; while a writing job runs, every action that could write is disabled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from sar_desk.app.demo import DemoResult, run_demo
from sar_desk.app.gui_support import new_demo_folder
from sar_desk.app.opening import case_location
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.context import USERS, CaseContext
from sar_desk.gui.dialogs.about_dialog import AboutDialog
from sar_desk.gui.dialogs.case_passphrase import remember_here, unlock_case
from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.dialogs.organisation import OrganisationDialog
from sar_desk.gui.errors import show_error
from sar_desk.gui.formatting import days_left_text
from sar_desk.gui.sections import build_sections
from sar_desk.gui.settings import RecentCases, load_geometry, save_geometry, window_settings
from sar_desk.gui.widgets.start_page import StartPage
from sar_desk.gui.workers import JobController, JobStatus

logger = logging.getLogger(__name__)


SIDEBAR_WIDTH = 190  # at the usual text size; wider when the section names need it


class MainWindow(QMainWindow):
    """The one window of SAR Desk."""

    def __init__(self, recent: RecentCases | None = None, user: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle("SAR Desk")
        self.setAccessibleName("SAR Desk")
        self.resize(1280, 800)
        self.settings = window_settings()
        self.context = CaseContext(recent or RecentCases(self.settings), user)
        self.job_status = JobStatus()
        self.jobs = JobController(self, self.job_status)
        self.start_page = StartPage(self.context.recent)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sections = QStackedWidget()
        self.panels: dict[str, QWidget] = {}
        self._holders: dict[str, QScrollArea] = {}
        self.notice: QMessageBox | None = None
        case_view = QWidget()
        row = QHBoxLayout(case_view)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.sections, 1)
        self.case_view = case_view
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(case_view)
        self.setCentralWidget(self.pages)
        self.case_label = QLabel()
        self.case_label.setAccessibleName("Open case")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Search results count")
        bar = self.statusBar()
        bar.addWidget(self.case_label)
        bar.addPermanentWidget(self.job_status)
        bar.addPermanentWidget(self.count_label)
        self._writing: list[QAction] = []
        self._build_actions()
        for name, panel in build_sections(self):
            self._add_section(name, panel)
        self._fit_sidebar()
        self.sidebar.currentRowChanged.connect(self.sections.setCurrentIndex)
        # Users added elsewhere (the command line, another PC) appear under "Acting as" as soon
        # as the officer moves to another page: the user list is one small read.
        self.sidebar.currentRowChanged.connect(lambda _row: self.context.notify(frozenset({USERS})))
        self.start_page.new_requested.connect(self.new_case)
        self.start_page.open_requested.connect(self.open_case_dialog)
        self.start_page.open_folder.connect(self.open_case)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.team_requested.connect(self.open_team_case_dialog)
        self.context.opened.connect(self._case_opened)
        self.context.closed.connect(self._case_closed)
        self.context.case_changed.connect(lambda _changes: self._show_deadline())
        self.jobs.busy_changed.connect(self._busy)
        self.jobs.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        geometry = load_geometry(self.settings, "window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence,
        slot: Callable[[], Any],
        *,
        writes: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if writes:
            self._writing.append(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("&Case")
        self.new_action = self._action("&New case…", "Ctrl+N", self.new_case, writes=True)
        self.open_action = self._action("&Open case…", "Ctrl+O", self.open_case_dialog, writes=True)
        self.demo_action = self._action(
            "Open &demo case", "Ctrl+Shift+D", self.open_demo, writes=True
        )
        self.close_action = self._action("&Close case", "Ctrl+W", self.close_case, writes=True)
        self.cancel_action = self._action("Cancel running &job", "Esc", self.jobs.cancel)
        self.org_action = self._action("Organisation &profile…", "", self.edit_organisation)
        quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        for action in (
            self.new_action,
            self.open_action,
            self.demo_action,
            self.close_action,
            self.org_action,
            self.cancel_action,
            quit_action,
        ):
            menu.addAction(action)
        self.go_menu = self.menuBar().addMenu("&Go")
        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = self._action("&About SAR Desk", "", self.show_about)
        help_menu.addAction(self.about_action)
        help_menu.addAction(self._action("About &Qt", "", lambda: QMessageBox.aboutQt(self)))

    def _fit_sidebar(self) -> None:
        # Section names read in full at any text size (the style sheet's padding is 18px).
        self.sidebar.ensurePolished()
        metrics = self.sidebar.fontMetrics()
        names = [self.sidebar.item(row).text() for row in range(self.sidebar.count())]
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        self.sidebar.setFixedWidth(max(SIDEBAR_WIDTH, widest + 2 * 18 + 16))

    def _add_section(self, name: str, panel: QWidget) -> None:
        # A page taller than a 1280x720 screen (or at 200% text) scrolls instead of pushing
        # the window off the screen; a page that fits fills the area as before.
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(panel)
        index = self.sections.addWidget(holder)
        self._holders[name] = holder
        self.panels[name] = panel
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name} section")
        self.sidebar.addItem(item)
        if index < 10:  # Ctrl+1..Ctrl+9, then Ctrl+0 for the tenth
            key = (index + 1) % 10
            action = self._action(
                f"&{key} {name}", f"Ctrl+{key}", partial(self.show_section_at, index)
            )
            self.go_menu.addAction(action)

    def show_section(self, name: str) -> QWidget:
        """Bring a section to the front and return its panel."""
        panel = self.panels[name]
        self.show_section_at(self.sections.indexOf(self._holders[name]))
        return panel

    def current_panel(self) -> QWidget | None:
        """The panel on screen (each sits in its own scroll area)."""
        holder = self.sections.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else None

    def show_section_at(self, index: int) -> None:
        """Bring the section at `index` to the front (ignored while no case is open)."""
        if self.context.session is not None and 0 <= index < self.sections.count():
            self.sidebar.setCurrentRow(index)

    def new_case(self) -> None:
        """Ask for a new case's details and create it."""
        dialog = NewCaseDialog(self)
        if dialog.exec() != NewCaseDialog.DialogCode.Accepted:
            return
        self.create_case(dialog.folder(), dialog)

    def create_case(self, folder: Path, dialog: NewCaseDialog) -> None:
        """Create the case a dialog describes, showing any problem."""
        passphrase = dialog.case_passphrase()
        try:
            self.context.create(folder, dialog.case(), passphrase, server=dialog.server())
        except SarDeskError as exc:
            show_error(self, exc)
            return
        if passphrase is not None and dialog.remember_passphrase():
            remember_here(self, folder, passphrase)

    def open_case_dialog(self) -> None:
        """Ask for a case folder and open it."""
        folder = QFileDialog.getExistingDirectory(self, "Open case folder")
        if folder:
            self.open_case(Path(folder))

    def open_case(self, folder: Path) -> None:
        """Open the case in `folder`, showing any problem."""
        try:
            if not unlock_case(self, folder):
                return  # an encrypted case whose passphrase the user did not give
            self.context.open(folder)
        except SarDeskError as exc:
            show_error(self, exc)
            self.start_page.refresh()

    def open_team_case_dialog(self) -> None:
        """Ask for a team server and a case reference, and open that case (issue 17)."""
        from sar_desk.gui.dialogs.team_server import ask_team_case

        chosen = ask_team_case(self)
        if chosen is None:
            return
        try:
            self.context.open_team(*chosen)
        except SarDeskError as exc:
            show_error(self, exc)

    def open_demo(self) -> None:
        """Build the demo case in a new temporary folder (a job) and open it.

        With a case open, ask first: the demo would replace it on screen.
        """
        if self.context.session is not None and not self.confirm_replace():
            return
        folder = new_demo_folder()
        self.jobs.start(
            "Building the demo case", lambda token: run_demo(folder, token), self._demo_done
        )

    def confirm_replace(self) -> bool:
        """Ask whether the open case may be closed to open another (it stays saved)."""
        session = self.context.require()
        answer = QMessageBox.question(
            self,
            "Open the demo case",
            f"Close {session.case.reference} and open the demo case? Everything in "
            f"{session.case.reference} is saved; you can open it again from the start screen.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _demo_done(self, result: DemoResult) -> None:
        logger.info("demo case built (%d steps reported)", len(result.lines))
        self.open_case(result.folder)

    def edit_organisation(self) -> OrganisationDialog:
        """Open the organisation profile (non-blocking) and return the dialog."""
        dialog = OrganisationDialog(self, self.context.session)
        dialog.saved.connect(
            lambda _profile: self.statusBar().showMessage("Organisation profile saved.", 8000)
        )
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        """Open Help > About (non-blocking) and return the dialog."""
        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    def case_purged(self, sentence: str) -> None:
        """A case was destroyed from the Retention page: say so on the start screen."""
        self.start_page.refresh()
        self.pages.setCurrentWidget(self.start_page)
        self.notice = QMessageBox(QMessageBox.Icon.Information, "Case destroyed", sentence)
        self.notice.setParent(self, self.notice.windowFlags())
        self.notice.open()

    def close_case(self) -> None:
        """Close the open case and go back to the start screen."""
        self.context.close()

    def _case_opened(self) -> None:
        session = self.context.require()
        self._show_deadline()
        self.case_label.setToolTip(case_location(session))
        self.setWindowTitle(f"{session.case.reference} — SAR Desk")
        self.pages.setCurrentWidget(self.case_view)
        self.sidebar.setCurrentRow(0)
        self.close_action.setEnabled(not self.jobs.busy)

    def _show_deadline(self) -> None:
        """The case and its deadline with its status, on every page (the status bar)."""
        session = self.context.session
        if session is None:
            return
        deadline, left = session.clock.deadline()
        self.case_label.setText(
            f"{session.case.reference} — due {deadline.due:%a %d %b %Y} ({days_left_text(left)})"
        )

    def _case_closed(self) -> None:
        self.case_label.setText("")
        self.count_label.setText("")
        self.setWindowTitle("SAR Desk")
        self.start_page.refresh()
        self.pages.setCurrentWidget(self.start_page)

    def _busy(self, busy: bool) -> None:
        for action in self._writing:
            action.setEnabled(not busy)
        self.start_page.set_busy(busy)
        for panel in self.panels.values():
            setter = getattr(panel, "set_busy", None)
            if setter is not None:
                setter(busy)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.jobs.busy:
            self.jobs.cancel()
            self.jobs.wait()
        save_geometry(self.settings, "window/geometry", self.saveGeometry())
        self.context.close()
        super().closeEvent(event)
