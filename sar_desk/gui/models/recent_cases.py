"""The recent-cases list on the start screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from sar_desk.gui.settings import RecentCase, RecentCases

Index = QModelIndex | QPersistentModelIndex


class RecentCasesModel(QAbstractListModel):
    """One row per remembered case: reference and folder; missing folders are marked."""

    FOLDER_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, recent: RecentCases) -> None:
        super().__init__()
        self._recent = recent
        self._rows: list[RecentCase] = recent.entries()

    def reload(self) -> None:
        """Re-read the list from the settings."""
        self.beginResetModel()
        self._rows = self._recent.entries()
        self.endResetModel()

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
            return f"{entry.reference}{missing}\n{entry.folder}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(entry.folder)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Case {entry.reference} in {entry.folder}"
        if role == self.FOLDER_ROLE:
            return str(entry.folder)
        return None
