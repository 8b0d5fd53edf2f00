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
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row (kept in the order the user last sorted by, if any)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted is not None:
            self._rows = self._ordered(*self._sorted)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by what a column shows: numbers as numbers, text without regard to case."""
        if not 0 <= column < len(self.HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sorted = (column, order)
        self._rows = self._ordered(column, order)
        self.layoutChanged.emit()

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[Any]:
        def key(position: int) -> tuple[int, float, str]:
            text = str(self.data(self.index(position, column)) or "")
            try:
                return (0, float(text.replace(",", "")), "")
            except ValueError:
                return (1, 0.0, text.casefold())

        positions = sorted(
            range(len(self._rows)),
            key=key,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        return [self._rows[p] for p in positions]

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
