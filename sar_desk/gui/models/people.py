"""People in the case as a table: name, role, identifiers per platform, messages sent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sar_desk.core.model import PersonRole
from sar_desk.core.people import PersonSummary
from sar_desk.gui.models.rows import Index, RowsTableModel

COL_NAME, COL_ROLE, COL_IDENTIFIERS, COL_MESSAGES = range(4)
HEADERS = ("Name", "Role", "Identifiers", "Messages sent")
ROLE_LABELS = {
    PersonRole.REQUESTER: "Requester",
    PersonRole.STAFF: "Staff",
    PersonRole.THIRD_PARTY: "Third party",
    PersonRole.UNKNOWN: "Not yet marked",
}


def identifiers_text(summary: PersonSummary) -> str:
    """Identifiers per platform for a table cell ("whatsapp: +447911123456; slack: U024")."""
    return "; ".join(
        f"{platform}: {', '.join(values)}"
        for platform, values in sorted(summary.identifiers.items())
    )


class PeopleModel(RowsTableModel):
    """One row per person (a few thousand at most, so the list is loaded whole)."""

    HEADERS = HEADERS

    def set_people(self, people: list[PersonSummary]) -> None:
        """Replace the rows."""
        self.set_rows(people)

    def person(self, row: int) -> PersonSummary:
        """The person on a row."""
        row_value: PersonSummary = self._rows[row]
        return row_value

    def row_key(self, row: Any) -> int:
        return int(row.person.id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COL_NAME:
                return summary.person.display_name
            if col == COL_ROLE:
                label = ROLE_LABELS[summary.person.role]
                return label + (" (official capacity)" if summary.person.official_capacity else "")
            if col == COL_IDENTIFIERS:
                return identifiers_text(summary)
            return f"{summary.message_count:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_MESSAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and summary.person.role is PersonRole.REQUESTER:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
