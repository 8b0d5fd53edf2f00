"""A table model over a small list of rows loaded whole (people, review items, audit entries).

Big tables page from the store instead (`MessageTableModel`); these lists stay in the thousands.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Holds `_rows`, answers the row/column/header questions; subclasses render cells."""

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_key(self, row: Any) -> int:
        """The id a row is found by in `row_of` (subclasses that need lookups override it)."""
        raise NotImplementedError

    def row_of(self, key: int) -> int:
        """The row whose `row_key` is `key`, or -1."""
        for index, row in enumerate(self._rows):
            if self.row_key(row) == key:
                return index
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None
