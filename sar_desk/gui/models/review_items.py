"""Review items as a table: status, entity type, the proposed text, the code, the message."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sar_desk.core.decisions import ReviewStatus
from sar_desk.review.decide import ItemView

Index = QModelIndex | QPersistentModelIndex

COL_STATUS, COL_TYPE, COL_TEXT, COL_CODE, COL_MESSAGE = range(5)
HEADERS = ("Status", "Type", "Proposed text", "Code", "Message")
STATUS_LABELS = {
    ReviewStatus.PROPOSED: "Proposed",
    ReviewStatus.ACCEPTED: "Accepted (awaiting approval)",
    ReviewStatus.APPROVED: "Approved",
    ReviewStatus.REJECTED: "Rejected",
    ReviewStatus.NOT_IN_SCOPE: "Not in scope",
    ReviewStatus.DUPLICATE: "Duplicate",
}


class ReviewItemsModel(QAbstractTableModel):
    """The review queue (thousands of items at most; loaded whole, filtered by status)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ItemView] = []

    def set_items(self, items: list[ItemView]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def item(self, row: int) -> ItemView:
        """The item on a row."""
        return self._rows[row]

    def row_of(self, item_id: int) -> int:
        """The row of an item, or -1."""
        for row, view in enumerate(self._rows):
            if int(view.item.id) == item_id:
                return row
        return -1

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
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        col = index.column()
        if col == COL_STATUS:
            return STATUS_LABELS.get(view.status, str(view.status))
        if col == COL_TYPE:
            return view.item.entity_type
        if col == COL_TEXT:
            return view.text or "(whole message)"
        if col == COL_CODE:
            return view.state.code or ""
        return f"#{int(view.item.message_id)}"
