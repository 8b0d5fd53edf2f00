"""The two tables of the Import panel: the queue of exports, and the per-source report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.importing import ImportFailure, ImportOutcome
from sar_desk.app.ingest import ImportResult
from sar_desk.gui.hints import window_hint

QUEUE_HEADERS = ("Export", "Folder", "Detected platform")
RESULT_HEADERS = (
    "Export",
    "Platform",
    "Result",
    "Messages",
    "System events",
    "Duplicates",
    "Skipped lines",
)
ISSUE_HEADERS = ("Location", "Reason")


def _table(headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    # Headers never clip ("Detected platform", not "ected platfo"): columns fit their title.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class QueueTable(QTableWidget):
    """Exports waiting to be imported, with the platform each one looks like.

    Signals:
        changed(): Rows were added or removed.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__(0, len(QUEUE_HEADERS))
        self.setHorizontalHeaderLabels(QUEUE_HEADERS)
        self.setAccessibleName("Exports to import")
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._paths: list[Path] = []

    def add(self, path: Path, platform: str | None) -> None:
        """Queue an export (ignored if already queued)."""
        if path in self._paths:
            return
        self._paths.append(path)
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, _item(path.name + ("/" if path.is_dir() else "")))
        self.setItem(row, 1, _item(str(path.parent)))
        self.setItem(row, 2, _item(platform or "Not recognised"))
        self.resizeColumnToContents(0)
        self.changed.emit()

    def paths(self) -> list[Path]:
        """The queued exports, in the order added."""
        return list(self._paths)

    def remove_paths(self, paths: list[Path]) -> None:
        """Take imported exports off the queue."""
        for path in paths:
            if path in self._paths:
                row = self._paths.index(path)
                self._paths.pop(row)
                self.removeRow(row)
        self.changed.emit()

    def clear_rows(self) -> None:
        """Empty the queue."""
        self._paths.clear()
        self.setRowCount(0)
        self.changed.emit()


class ImportReportView(QWidget):
    """What each import did; selecting a source lists its skipped lines and warnings."""

    def __init__(self) -> None:
        super().__init__()
        self.results = _table(RESULT_HEADERS, "Import results")
        self.results.horizontalHeader().setStretchLastSection(False)
        self.results.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.issues = _table(ISSUE_HEADERS, "Skipped lines")
        self.notes = QLabel()
        self.notes.setAccessibleName("Warnings for the selected export")
        self.notes.setWordWrap(True)
        self._outcomes: list[ImportOutcome] = []
        self.results.currentCellChanged.connect(lambda row, *_: self.show_issues(row))
        title = QLabel("Import report")
        title.setObjectName("sectionTitle")
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.notes)
        box.addWidget(self.issues)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.results)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(split)

    def clear(self) -> None:
        """Forget every row (another case was opened: its report is not this one's)."""
        self._outcomes.clear()
        self.results.setRowCount(0)
        self.issues.setRowCount(0)
        self.notes.clear()

    def add_outcomes(self, outcomes: list[ImportOutcome]) -> None:
        """Add a row per source imported (or not) by the last job, and select the first."""
        first = self.results.rowCount()
        for outcome in outcomes:
            row = self.results.rowCount()
            self.results.insertRow(row)
            self._outcomes.append(outcome)
            if isinstance(outcome, ImportFailure):
                sentence, _section = window_hint(outcome.hint)
                message = f"{outcome.message} {sentence}".strip()
                values = [outcome.path.name, "", message, "", "", "", ""]
            else:
                values = self._result_values(outcome)
            for col, value in enumerate(values):
                self.results.setItem(row, col, _item(value, number=col >= 3))
        self.results.resizeRowsToContents()
        if outcomes:
            self.results.setCurrentCell(first, 0)
            self.show_issues(first)

    @staticmethod
    def _result_values(result: ImportResult) -> list[str]:
        return [
            result.source.original_name,
            result.platform,
            "Imported",
            f"{result.messages:,}",
            f"{result.system:,}",
            f"{result.duplicates:,}",
            f"{len(result.issues):,}",
        ]

    def show_issues(self, row: int) -> None:
        """List the skipped lines and warnings of the source on `row`."""
        self.issues.setRowCount(0)
        if not 0 <= row < len(self._outcomes):
            self.notes.setText("")
            return
        outcome = self._outcomes[row]
        if isinstance(outcome, ImportFailure):
            self.notes.setText(f"{outcome.path.name} was not imported: {outcome.message}")
            return
        notes = [*outcome.warnings, *outcome.limitations]
        skipped = len(outcome.issues)
        head = (
            f"{outcome.source.original_name}: {skipped:,} line(s) skipped."
            if skipped
            else f"{outcome.source.original_name}: no lines were skipped."
        )
        self.notes.setText("\n".join([head, *notes]))
        self.issues.setRowCount(skipped)
        for i, issue in enumerate(outcome.issues):
            self.issues.setItem(i, 0, _item(issue.location))
            self.issues.setItem(i, 1, _item(issue.message))
        self.issues.resizeColumnToContents(0)
