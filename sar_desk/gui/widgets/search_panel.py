"""The Search panel: filters, a lazily paged results table, and the hit in its conversation.

The table pages from the store 200 rows at a time as the user scrolls (keyset paging through
`CaseSession.search`), so a million hits scroll as smoothly as ten. The total is a separate count
run on a worker, shown in the status bar when it arrives.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.gui_support import (
    SearchOrder,
    next_cursor,
    read_in_background,
    sorted_search_page,
)
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import SarDeskError
from sar_desk.core.model import ConversationId, Message, PersonId
from sar_desk.core.search import SearchQuery, day_range
from sar_desk.gui.context import MESSAGES, SOURCES, CaseContext
from sar_desk.gui.errors import show_error
from sar_desk.gui.formatting import plural
from sar_desk.gui.models.messages import (
    COL_PLATFORM,
    COL_TEXT,
    COL_TIME,
    FetchPage,
    MessageTableModel,
)
from sar_desk.gui.stacking import stack_when_narrow
from sar_desk.gui.tables import fit_titles
from sar_desk.gui.widgets.conversation_view import ConversationView, search_terms
from sar_desk.gui.widgets.scope_bar import ScopeBar
from sar_desk.gui.workers import JobController

logger = logging.getLogger(__name__)

# The order of each results column, in the models' column order (Time, Platform, ...).
ORDERS = (
    SearchOrder.TIME,
    SearchOrder.PLATFORM,
    SearchOrder.CONVERSATION,
    SearchOrder.SENDER,
    SearchOrder.TEXT,
)
CONTEXT = 12


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setAccessibleName(name)
    edit.setEnabled(False)
    edit.setMaximumWidth(160)
    return edit


def _py_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class SearchPanel(QWidget):
    """Search the case and read hits in context.

    Signals:
        count_changed(str): The status-bar text for the current search's total.
    """

    count_changed = Signal(str)

    def __init__(
        self, context: CaseContext, jobs: JobController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.jobs = jobs
        self._generation = 0
        self.query: SearchQuery | None = None
        self.text = QLineEdit()
        self.text.setPlaceholderText('Words to find, "a phrase", or prefix*')
        self.text.setAccessibleName("Search text")
        self.text.returnPressed.connect(lambda: self.run_search())
        self.senders = QLineEdit()
        self.senders.setPlaceholderText("Names, numbers or e-mails, separated by commas")
        self.senders.setAccessibleName("Senders")
        self.senders.returnPressed.connect(lambda: self.run_search())
        self.use_from = QCheckBox("&From")
        self.use_from.setAccessibleName("Limit start date")
        self.use_to = QCheckBox("&To")
        self.use_to.setAccessibleName("Limit end date")
        self.date_from = _date_edit("Start date")
        self.date_to = _date_edit("End date")
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        self.scope_button = QPushButton("Use case s&cope")
        self.scope_button.setAccessibleName("Use the case scope dates")
        self.scope_button.clicked.connect(self.use_scope)
        self.platform = QComboBox()
        self.platform.setAccessibleName("Platform")
        self.person = QComboBox()
        self.person.setAccessibleName("Person")
        self.person.setToolTip("Messages the person sent, was a participant in, or is named in")
        self.conversation = QComboBox()
        self.conversation.setAccessibleName("Conversation")
        self.conversation.setMinimumContentsLength(24)
        self.search_button = QPushButton("&Search")
        self.search_button.setObjectName("primary")
        self.search_button.setAccessibleName("Search")
        self.search_button.clicked.connect(lambda: self.run_search())
        self.model = MessageTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Search results")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # The time and platform always read in full (they are short); the rest share the width.
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PLATFORM, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(50)  # measure the first rows, not every loaded one
        header.setSortIndicator(COL_TIME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        fit_titles(self.table)  # "Conversation" and "Sender" read in full at any text size
        # Columns sized to their content grow as pages arrive; the titles must still fit.
        self.model.rowsInserted.connect(lambda *_: fit_titles(self.table))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.summary = QLabel()
        self.summary.setAccessibleName("Search summary")
        self.conversation_view = ConversationView()
        self.scope_bar = ScopeBar(context, self.selected_id, lambda: self.query)
        self._build_layout()
        context.opened.connect(self.case_opened)
        context.case_changed.connect(self._case_changed)

    def _build_layout(self) -> None:
        grid = QGridLayout()
        labels: dict[QWidget, QLabel] = {}
        for text, buddy in (
            ("Te&xt", self.text),
            ("Se&nders", self.senders),
            ("&Platform", self.platform),
            ("Pe&rson", self.person),
            ("Con&versation", self.conversation),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            labels[buddy] = label
        grid.addWidget(labels[self.text], 0, 0)
        grid.addWidget(self.text, 0, 1, 1, 3)
        grid.addWidget(labels[self.senders], 1, 0)
        grid.addWidget(self.senders, 1, 1)
        grid.addWidget(labels[self.person], 1, 2)
        grid.addWidget(self.person, 1, 3)
        grid.addWidget(self.use_from, 2, 0)
        grid.addWidget(self.date_from, 2, 1)
        grid.addWidget(self.use_to, 2, 2)
        grid.addWidget(self.date_to, 2, 3)
        grid.addWidget(labels[self.platform], 3, 0)
        grid.addWidget(self.platform, 3, 1)
        grid.addWidget(labels[self.conversation], 3, 2)
        grid.addWidget(self.conversation, 3, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        # The buttons in a row of their own, right-aligned under the filters: beside them they
        # made the filters wider than the window with 200% text.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.scope_button)
        buttons.addWidget(self.search_button)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.table)
        box.addWidget(self.scope_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._left = left
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.conversation_view)
        self.splitter.setSizes([700, 480])
        title = QLabel("Search")
        title.setObjectName("panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the conversation under the results when the two side by side would not fit."""
        super().resizeEvent(event)
        left = getattr(self, "_left", None)
        if left is not None:  # (built)
            stack_when_narrow(self, self.splitter, left, self.conversation_view)

    def selected_id(self) -> int | None:
        """The id of the selected result, or None."""
        index = self.table.currentIndex()
        return int(self.model.message(index.row()).id) if index.isValid() else None

    def set_busy(self, busy: bool) -> None:
        """No scope marking while a writing job runs."""
        self.scope_bar.set_busy(busy)

    def focus_text(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.text.setFocus()
        self.text.selectAll()

    def case_opened(self) -> None:
        """Fill the filter lists for the new case and show everything."""
        session = self.context.require()
        self._fill_filters(session)
        today = date.today()
        for edit, value in (
            (self.date_from, session.case.scope_from or today),
            (self.date_to, session.case.scope_to or today),
        ):
            edit.setDate(QDate(value.year, value.month, value.day))
        self.run_search(logged=False)

    def _case_changed(self, changes: frozenset[str]) -> None:
        if self.context.session is not None and changes & {MESSAGES, SOURCES}:
            self._fill_filters(self.context.session)
            self.run_search(logged=False)

    def _fill_filters(self, session: CaseSession) -> None:
        self.person.clear()
        self.person.addItem("Anyone", None)
        for summary in session.people.people():
            self.person.addItem(summary.person.display_name, int(summary.person.id))
        conversations = session.search.conversations()
        self.platform.clear()
        self.platform.addItem("All platforms", None)
        for name in sorted({c.platform for c in conversations}):
            self.platform.addItem(name, name)
        self.conversation.clear()
        self.conversation.addItem("All conversations", None)
        for conv in conversations:
            self.conversation.addItem(
                f"{conv.title} ({conv.platform}, {conv.message_count:,})", int(conv.id)
            )

    def use_scope(self) -> None:
        """Set the date filters to the case's scope."""
        case = self.context.require().case
        for check, edit, value in (
            (self.use_from, self.date_from, case.scope_from),
            (self.use_to, self.date_to, case.scope_to),
        ):
            check.setChecked(value is not None)
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))

    def build_query(self) -> SearchQuery:
        """The search the filters describe.

        Raises:
            BadSearchError: The dates are the wrong way round.
        """
        session = self.context.require()
        start, end = day_range(
            _py_date(self.date_from) if self.use_from.isChecked() else None,
            _py_date(self.date_to) if self.use_to.isChecked() else None,
            session.case.timezone,
        )
        senders = tuple(s.strip() for s in self.senders.text().split(",") if s.strip())
        platform = self.platform.currentData()
        conversation = self.conversation.currentData()
        person = self.person.currentData()
        return SearchQuery(
            person_ids=(PersonId(person),) if person else (),
            text=self.text.text().strip() or None,
            date_from=start,
            date_to=end,
            senders=senders,
            platforms=(platform,) if platform else (),
            conversation_ids=(ConversationId(conversation),) if conversation else (),
        )

    def run_search(self, logged: bool = True) -> None:
        """Run the search: reset the table (it pages itself) and count on a worker.

        A search the officer runs is recorded in the case's search log (with its hit counts,
        on the worker); the listing shown when a case opens is not a search and is not logged.
        """
        session = self.context.session
        if session is None:
            return
        try:
            query = self.build_query()
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.query = query
        self._generation += 1
        generation = self._generation

        def ordered(column: int, descending: bool) -> FetchPage:
            order = ORDERS[column]
            if order is SearchOrder.TIME and not descending:

                def fetch(after: Message | None, limit: int) -> list[Message]:
                    return session.search.search(
                        query, next_cursor(after) if after else None, limit
                    )

                return fetch

            def fetch_sorted(after: Message | None, limit: int) -> list[Message]:
                return sorted_search_page(session, query, order, descending, after, limit)

            return fetch_sorted

        # Sorting re-runs the query in the order clicked (issue 19: every table sortable).
        self.model.set_sorter(ordered)
        header = self.table.horizontalHeader()
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        self.model.reset(ordered(header.sortIndicatorSection(), descending), session.case.timezone)
        fit_titles(self.table)
        if self.model.canFetchMore():
            self.model.fetchMore()  # the first page now, so the table is never blank
        self.conversation_view.clear()
        self.summary.setText("Counting…")
        self.count_changed.emit("Counting…")

        def total(worker: CaseSession) -> int:
            if logged:
                return worker.search.search_logged(query, limit=0, origin="window").total
            return worker.search.count(query)

        self.jobs.read(
            read_in_background(session, total),
            lambda total: self._counted(generation, total),
        )
        if self.model.rowCount():
            self.table.selectRow(0)

    def _counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return  # a newer search has started; this count is stale
        text = f"{plural(total, 'message')} found"
        self.summary.setText(text)
        self.count_changed.emit(text)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        session = self.context.session
        if session is None or not current.isValid():
            return
        hit = self.model.message(current.row())
        around = session.search.context(hit, CONTEXT, CONTEXT)
        case = session.case
        names = [n for n in (case.requester, *case.aliases) if n]
        terms = search_terms(self.query.text if self.query else None)
        self.conversation_view.show_messages(around, case.timezone, hit, terms, names)
