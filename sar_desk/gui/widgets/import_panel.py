"""The Import panel: choose or drop exports, see the platform, import, read the report.

Each export (file, zip or folder) becomes its own source, imported whole or not at all. After the
job, a row per source says what happened; selecting it lists the lines that were skipped, with
where and why. An export whose dates could be day-first or month-first is offered again with the
order the officer chooses.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.gui_support import detect_platform, needs_date_order
from sar_desk.app.importing import ImportFailure, ImportOutcome
from sar_desk.app.parsing import supported_formats
from sar_desk.core.jobs import CancelToken, Job
from sar_desk.gui.context import MESSAGES, PEOPLE, SOURCES, CaseContext
from sar_desk.gui.widgets.import_report import ImportReportView, QueueTable
from sar_desk.gui.workers import JobController

logger = logging.getLogger(__name__)


class DropArea(QLabel):
    """A labelled target for files and folders dragged from the desktop.

    Signals:
        dropped(list): The local paths dropped.
    """

    dropped = Signal(list)

    def __init__(self) -> None:
        super().__init__("Drop chat exports here\n(files, zip archives or folders)")
        self.setObjectName("dropArea")
        self.setAccessibleName("Drop exports here")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAcceptDrops(True)
        self.setMinimumHeight(96)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.dropped.emit(paths)
            event.acceptProposedAction()


class ImportPanel(QWidget):
    """Choose exports and import them into the open case."""

    def __init__(
        self, context: CaseContext, jobs: JobController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.jobs = jobs
        self.drop = DropArea()
        self.drop.dropped.connect(self.add_paths)
        self.add_files_button = QPushButton("Add &files…")
        self.add_files_button.setAccessibleName("Add files")
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button = QPushButton("Add f&older…")
        self.add_folder_button.setAccessibleName("Add folder")
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.clear_button = QPushButton("C&lear list")
        self.clear_button.setAccessibleName("Clear the list")
        self.queue = QueueTable()
        self.clear_button.clicked.connect(self.queue.clear_rows)
        self.custodian = QLineEdit()
        self.custodian.setAccessibleName("Custodian")
        self.custodian.setPlaceholderText("Whose device or account the exports came from")
        # For an export whose platform cannot be recognised from the file itself.
        self.platform = QComboBox()
        self.platform.setAccessibleName("Platform")
        self.platform.addItem("Recognise from each file", None)
        for fmt in supported_formats():
            self.platform.addItem(fmt["name"], fmt["platform"])
        self.platform.setToolTip(
            f"Accepted files: {', '.join(sorted({f['name'] for f in supported_formats()}))}"
        )
        self.import_button = QPushButton("&Import")
        self.import_button.setObjectName("primary")
        self.import_button.setAccessibleName("Import")
        self.import_button.clicked.connect(lambda: self.start_import())
        self.report = ImportReportView()
        self._build_layout()
        self.queue.changed.connect(self._update_buttons)
        # A report belongs to one case: never show it inside the next one opened.
        context.opened.connect(self.report.clear)
        context.closed.connect(self.report.clear)
        self._update_buttons()

    def _build_layout(self) -> None:
        title = QLabel("Import exports")
        title.setObjectName("panelTitle")
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("&Custodian", self.custodian)
        form.addRow("&Platform", self.platform)
        go = QHBoxLayout()
        go.addStretch(1)
        go.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.drop)
        layout.addLayout(buttons)
        layout.addWidget(self.queue, 1)
        layout.addLayout(form)
        layout.addLayout(go)
        layout.addWidget(self.report, 2)

    def add_paths(self, paths: list[Path]) -> None:
        """Queue exports, showing the platform each one looks like."""
        for path in paths:
            self.queue.add(Path(path), detect_platform(Path(path)))

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Choose chat exports",
            "",
            "Chat exports (*.txt *.zip *.json *.xml *.csv);;All files (*)",
        )
        self.add_paths([Path(n) for n in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose an export folder")
        if folder:
            self.add_paths([Path(folder)])

    def set_busy(self, busy: bool) -> None:
        """Disable importing while any writing job runs."""
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = getattr(self, "_busy", False)
        self.import_button.setEnabled(not busy and bool(self.queue.paths()))
        for widget in (self.add_files_button, self.add_folder_button, self.clear_button, self.drop):
            widget.setEnabled(not busy)

    def start_import(
        self, day_first: bool | None = None, paths: list[Path] | None = None
    ) -> CancelToken | None:
        """Import the queued exports (or `paths`) as a job."""
        session = self.context.session
        chosen = paths if paths is not None else self.queue.paths()
        if session is None or not chosen:
            return None
        custodian = self.custodian.text().strip() or None
        platform = self.platform.currentData()

        def job(token: CancelToken) -> Job[list[ImportOutcome]]:
            return session.ingest.import_files(
                chosen, platform=platform, custodian=custodian, day_first=day_first, cancel=token
            )

        label = f"Importing {len(chosen)} export(s)"
        return self.jobs.start(label, job, self._imported)

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        self.report.add_outcomes(outcomes)
        done = {o.source.original_name for o in outcomes if not isinstance(o, ImportFailure)}
        logger.info("import finished: %d outcomes, %d imported", len(outcomes), len(done))
        self.queue.remove_paths([p for p in self.queue.paths() if p.name in done])
        if done:
            self.context.notify(frozenset({SOURCES, MESSAGES, PEOPLE}))
        retry = [o.path for o in outcomes if isinstance(o, ImportFailure) and needs_date_order(o)]
        if retry:
            day_first = self.ask_date_order(retry)
            if day_first is not None:
                self.start_import(day_first=day_first, paths=retry)

    def ask_date_order(self, paths: list[Path]) -> bool | None:
        """Ask whether ambiguous dates are day-first; None if the officer cancels."""
        box = QMessageBox(self)
        box.setWindowTitle("Which date order?")
        names = ", ".join(p.name for p in paths)
        box.setText(
            f"The dates in {names} could be read day-first (03/04 = 3 April, usual on UK "
            "phones) or month-first (03/04 = March 4, usual on US phones). Which did the phone use?"
        )
        day = box.addButton("Day first (UK)", QMessageBox.ButtonRole.AcceptRole)
        month = box.addButton("Month first (US)", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is day:
            return True
        if clicked is month:
            return False
        return None
