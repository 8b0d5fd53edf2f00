"""Search results as a lazily paged table: 200 rows per fetch, never the whole result set.

The model holds immutable `Message` records and a `fetch_page(after, limit)` callable; it knows
nothing about SQL. Views call `canFetchMore`/`fetchMore` as the user scrolls, and each fetch is a
keyset page (`WHERE (sent_at, id) > last`), so page 5,000 costs what page 1 costs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sar_desk.core.model import Message, MessageKind
from sar_desk.gui.formatting import short_time

Index = QModelIndex | QPersistentModelIndex
FetchPage = Callable[[Message | None, int], list[Message]]
Sorter = Callable[[int, bool], FetchPage]
"""Given a column and whether descending, the page fetcher for that order (a new query)."""

COL_TIME, COL_PLATFORM, COL_CONVERSATION, COL_SENDER, COL_TEXT = range(5)
HEADERS = ("Time", "Platform", "Conversation", "Sender", "Message")
PREVIEW = 160


def _no_rows(_after: Message | None, _limit: int) -> list[Message]:
    return []


class MessageTableModel(QAbstractTableModel):
    """Messages in time order, fetched a page at a time as the view scrolls."""

    PAGE = 200

    def __init__(self, timezone: str = "Europe/London") -> None:
        super().__init__()
        self._rows: list[Message] = []
        self._fetch: FetchPage = _no_rows
        self._exhausted = True
        self._tz = timezone
        self.pages_fetched = 0
        self._sorter: Sorter | None = None

    def set_sorter(self, sorter: Sorter | None) -> None:
        """How to re-query the results in another order when a column header is clicked."""
        self._sorter = sorter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-run the search ordered by `column` (never a sort of the loaded rows)."""
        if self._sorter is None or not 0 <= column < len(HEADERS):
            return
        self.reset(self._sorter(column, order == Qt.SortOrder.DescendingOrder))
        if self.canFetchMore():
            self.fetchMore()  # the first page now, so the table is never blank

    def reset(self, fetch_page: FetchPage, timezone: str | None = None) -> None:
        """Start over with a new search; rows arrive when the view asks for them."""
        self.beginResetModel()
        self._rows = []
        self._fetch = fetch_page
        self._exhausted = False
        self.pages_fetched = 0
        if timezone:
            self._tz = timezone
        self.endResetModel()

    def clear(self) -> None:
        """Show nothing (no case open)."""
        self.reset(_no_rows)
        self._exhausted = True

    def message(self, row: int) -> Message:
        """The message on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        after = self._rows[-1] if self._rows else None
        page = self._fetch(after, self.PAGE)
        self.pages_fetched += 1
        self._exhausted = len(page) < self.PAGE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        message = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(message, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_TEXT:
            return message.text[:1000]
        if role == Qt.ItemDataRole.ForegroundRole and message.kind is MessageKind.SYSTEM:
            return Qt.GlobalColor.darkGray
        return None

    def _cell(self, message: Message, column: int) -> str:
        if column == COL_TIME:
            return short_time(message.timestamp, self._tz)
        if column == COL_PLATFORM:
            return message.platform
        if column == COL_CONVERSATION:
            return message.conversation
        if column == COL_SENDER:
            return message.sender or "(system)"
        text = " ".join(message.text.split())
        if message.attachments:
            text = f"[{len(message.attachments)} attachment(s)] {text}".strip()
        return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
