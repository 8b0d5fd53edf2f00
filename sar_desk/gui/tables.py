"""Small tables the window fills whole: sortable by any column, numbers as numbers (issue 19).

A `QTableWidget` sorts its rows as items are set, so a table is filled inside `filling`, which
turns sorting off and back on (re-sorting by the column the user chose). Code that finds a
row's record must not rely on the row number after a sort: `set_key` stores the record's key
on the row and `row_key` reads it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

_KEY_ROLE = Qt.ItemDataRole.UserRole + 7  # a row's record key, on its first cell
TITLE_PADDING = 2 * 6 + 4  # the style sheet's header padding and border
SORT_ARROW = 14  # the room Fusion's sort indicator takes beside a title


_PARTS = re.compile(r"(\d+)")


def sort_key(text: str) -> tuple[int, float, tuple[tuple[int, int, str], ...]]:
    """How a cell sorts: numbers ("1,204", "95.2%", "#12") first, by value.

    Then text without regard to case, with the numbers inside it by value ("line 9" before
    "line 12").
    """
    plain = text.strip().lstrip("#").rstrip("%").replace(",", "")
    try:
        return (0, float(plain), ())
    except ValueError:
        parts = _PARTS.split(text.casefold())
        return (1, 0.0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts))


class SortItem(QTableWidgetItem):
    """A cell that sorts by what it shows, numbers as numbers."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return sort_key(self.text()) < sort_key(other.text())


def cell(text: str, number: bool = False) -> SortItem:
    """A read-only cell; numbers are right-aligned."""
    item = SortItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def make_sortable(table: QTableWidget) -> None:
    """Let the user sort by clicking a header; the rows keep their order until they do."""
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    table.setSortingEnabled(True)


@contextmanager
def filling(table: QTableWidget) -> Iterator[QTableWidget]:
    """Fill `table` in the block; afterwards it is sorted again as the user last chose."""
    was = table.isSortingEnabled()
    table.setSortingEnabled(False)
    try:
        yield table
    finally:
        table.setSortingEnabled(was)


def set_key(table: QTableWidget, row: int, key: object) -> None:
    """Remember which record `row` shows (call after its first cell is set)."""
    item = table.item(row, 0)
    if item is not None:
        item.setData(_KEY_ROLE, key)


def row_key(table: QTableWidget, row: int) -> object:
    """The record key stored on `row` (None when there is none)."""
    item = table.item(row, 0) if row >= 0 else None
    return item.data(_KEY_ROLE) if item is not None else None


def row_of_key(table: QTableWidget, key: object) -> int:
    """The row showing the record with `key`, or -1."""
    for row in range(table.rowCount()):
        if row_key(table, row) == key:
            return row
    return -1


def fit_columns(table: QTableWidget, stretch: int) -> None:
    """Columns as wide as their contents and title, one column taking the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def fit_titles(view: QTableView) -> None:
    """Widen each user-sized column that is narrower than its title, at any text size.

    Stretched and content-sized columns look after themselves.
    """
    header = view.horizontalHeader()
    model = view.model()
    header.ensurePolished()  # the style sheet's font, not the default one
    metrics = header.fontMetrics()
    arrow = SORT_ARROW if view.isSortingEnabled() else 0
    total = 0
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(title) + TITLE_PADDING + arrow
        mode = header.sectionResizeMode(section)
        if mode == QHeaderView.ResizeMode.Interactive and header.sectionSize(section) < needed:
            header.resizeSection(section, needed)
        if mode == QHeaderView.ResizeMode.Stretch:
            total += needed
        elif mode == QHeaderView.ResizeMode.ResizeToContents:
            # What the column will take once laid out (its size now may be stale).
            content = max(header.sectionSizeHint(section), view.sizeHintForColumn(section))
            total += max(needed, content, header.sectionSize(section))
        else:
            # A column the user may resize keeps its width, but the table need only be wide
            # enough for its title: past that the table scrolls sideways inside itself, not
            # the page (200% text at 1280x720).
            total += needed
    # A stretched column gets only what is left: the table is kept wide enough for its title.
    chrome = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(total + chrome)


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area that gives it its full height when space is short."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area
