"""The recent-cases list on the start screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from sar_desk.app.case_glance import CaseGlance
from sar_desk.gui.formatting import days_left_text
from sar_desk.gui.settings import RecentCase, RecentCases

Index = QModelIndex | QPersistentModelIndex


class RecentCasesModel(QAbstractListModel):
    """One row per remembered case: reference and folder; missing folders are marked."""

    FOLDER_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, recent: RecentCases) -> None:
        super().__init__()
        self._recent = recent
        self._rows: list[RecentCase] = recent.entries()
        self._glances: dict[str, CaseGlance] = {}

    def reload(self, glances: dict[str, CaseGlance] | None = None) -> None:
        """Re-read the list from the settings, with each case's deadline if given."""
        self.beginResetModel()
        self._rows = self._recent.entries()
        self._glances = glances or {}
        self.endResetModel()

    def status(self, entry: RecentCase) -> str:
        """The case's deadline and state in words ("" when unknown)."""
        seen = self._glances.get(str(entry.folder))
        if seen is None:
            return ""
        if seen.problem:
            return "Cannot be read: " + seen.problem
        if seen.disposal_due:
            return "Closed; due for disposal"
        if seen.closed:
            return "Closed"
        if seen.due is None or seen.days_left is None:
            return ""
        return f"Due {seen.due:%a %d %b %Y} ({days_left_text(seen.days_left)})"

    def entry(self, row: int) -> RecentCase:
        """The case on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            missing = "" if entry.exists else "  (folder not found)"
            status = self.status(entry)
            return (
                f"{entry.reference}{missing}"
                + (f" — {status}" if status else "")
                + (f"\n{entry.folder}")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(entry.folder)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Case {entry.reference} in {entry.folder}. {self.status(entry)}"
        if role == self.FOLDER_ROLE:
            return str(entry.folder)
        return None
