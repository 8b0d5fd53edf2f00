"""The audit log as a table: when, who, what, and the ids and counts recorded."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sar_desk.store.audit import AuditEntry

Index = QModelIndex | QPersistentModelIndex

HEADERS = ("#", "When (UTC)", "User", "Action", "Details")


class AuditModel(QAbstractTableModel):
    """Audit entries, oldest first."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        entry = self._rows[index.row()]
        return (
            str(entry.id),
            entry.at.strftime("%d/%m/%Y %H:%M:%S"),
            entry.user,
            entry.action,
            json.dumps(entry.details, sort_keys=True, ensure_ascii=False),
        )[index.column()]
