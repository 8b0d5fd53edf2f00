"""The audit log as a table: when, who, what, and the ids and counts recorded."""

from __future__ import annotations

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
            entry.at.strftime("%Y-%m-%d %H:%M:%S"),  # sorts as it reads
            entry.user,
            entry.action,
            readable(entry.details),
        )[index.column()]


def readable(details: object) -> str:
    """An entry's recorded ids and counts as words ("Messages: 36 · Platform: slack")."""
    if isinstance(details, dict):
        return " · ".join(f"{_words(str(k))}: {readable(v)}" for k, v in sorted(details.items()))
    if isinstance(details, list):
        return ", ".join(readable(v) for v in details) or "none"
    if isinstance(details, bool):
        return "yes" if details else "no"
    if details is None:
        return "—"
    return str(details)


def _words(key: str) -> str:
    return key.replace("_", " ").replace("-", " ").capitalize()
