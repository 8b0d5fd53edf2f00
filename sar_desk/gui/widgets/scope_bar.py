"""Scope marking under the search results: the selected message, or every result of the search."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from sar_desk.core.errors import SarDeskError
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.gui.context import SCOPE, CaseContext
from sar_desk.gui.errors import show_error


class ScopeBar(QWidget):
    """Marks messages as about the requester, mentions only, or not relevant (R27)."""

    def __init__(
        self,
        context: CaseContext,
        selected: Callable[[], int | None],
        query: Callable[[], SearchQuery | None],
    ) -> None:
        super().__init__()
        self.context = context
        self._selected = selected
        self._query = query
        self.relevance = QComboBox()
        self.relevance.setAccessibleName("Relevance")
        for relevance in Relevance:
            self.relevance.addItem(relevance.label.capitalize(), relevance)
        self.mark_one = QPushButton("Mark &message")
        self.mark_one.setAccessibleName("Mark the selected message")
        self.mark_one.setToolTip("Record the relevance of the selected message")
        self.mark_all = QPushButton("Mark &all results…")
        self.mark_all.setAccessibleName("Mark every search result")
        self.mark_all.setToolTip("Record the relevance of every message this search found")
        self.mark_one.clicked.connect(self.mark_selected)
        self.mark_all.clicked.connect(self.mark_results)
        self.status = QLabel()
        self.status.setAccessibleName("Scope marking result")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Sc&ope")
        label.setBuddy(self.relevance)
        layout.addWidget(label)
        layout.addWidget(self.relevance)
        layout.addWidget(self.mark_one)
        layout.addWidget(self.mark_all)
        layout.addWidget(self.status, 1)

    def chosen(self) -> Relevance:
        """The relevance picked."""
        return Relevance(self.relevance.currentData())

    def set_busy(self, busy: bool) -> None:
        """No marking while a writing job runs."""
        self.mark_one.setEnabled(not busy)
        self.mark_all.setEnabled(not busy)

    def mark_selected(self) -> None:
        """Mark the selected message."""
        message_id = self._selected()
        if message_id is not None:
            self._mark(lambda: [message_id])

    def mark_results(self) -> None:
        """Mark every result of the current search, after confirming the count."""
        query = self._query()
        if query is None:
            return
        session = self.context.require()
        total = session.search.count(query)
        answer = QMessageBox.question(
            self,
            "Mark every result",
            f"Mark all {total:,} messages this search found as "
            f"“{self.chosen().label}”? Each is recorded in the case's scope log.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._mark(lambda: list(session.scope.search_ids(query)))

    def _mark(self, ids: Callable[[], list[int]]) -> None:
        session = self.context.require()
        try:
            count = session.scope.mark_scope(ids(), self.chosen(), "Marked in the Search panel")
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.status.setText(f"{count:,} message(s) marked {self.chosen().label}.")
        self.context.notify(frozenset({SCOPE}))
