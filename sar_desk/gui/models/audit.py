"""The audit log as a table: when, who, what, and the ids and counts recorded."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from sar_desk.app.api import AuditEntry
from sar_desk.gui.models.rows import Index, RowsTableModel

HEADERS = ("#", "When (UTC)", "User", "Action", "Details")


class AuditModel(RowsTableModel):
    """Audit entries, oldest first."""

    HEADERS = HEADERS

    def set_entries(self, entries: list[AuditEntry]) -> None:
        """Replace the rows."""
        self.set_rows(entries)

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
