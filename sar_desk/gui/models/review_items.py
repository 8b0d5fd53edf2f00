"""Review items as a table: status, entity type, the proposed text, the code, the message."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sar_desk.app.api import ItemView
from sar_desk.core.decisions import ReviewStatus
from sar_desk.core.disclosure import ReasonCode
from sar_desk.gui.models.rows import Index, RowsTableModel
from sar_desk.gui.widgets.review_labels import short_type

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


class ReviewItemsModel(RowsTableModel):
    """The review queue (thousands of items at most; loaded whole, filtered by status)."""

    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        # The regime's codes, so the code column shows a statutory marker, never an internal id.
        self.markers: dict[str, str] = {}

    def set_codes(self, codes: list[ReasonCode]) -> None:
        """Name codes by their statutory marker ("s.40(2)")."""
        self.markers = {c.code: c.marker for c in codes}

    def set_items(self, items: list[ItemView]) -> None:
        """Replace the rows."""
        self.set_rows(items)

    def item(self, row: int) -> ItemView:
        """The item on a row."""
        row_value: ItemView = self._rows[row]
        return row_value

    def items_of_message(self, message_id: int) -> list[ItemView]:
        """The items on rows of one message (the other proposals shown beside an item)."""
        return [v for v in self._rows if int(v.item.message_id) == message_id]

    def row_key(self, row: Any) -> int:
        return int(row.item.id)

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
            return short_type(view.item.entity_type)
        if col == COL_TEXT:
            return view.text or "(whole message)"
        if col == COL_CODE:
            code = view.state.code
            return self.markers.get(code, "another table's code") if code else ""
        return f"#{int(view.item.message_id)}"
