"""The People panel: who is in the case, their identifiers per platform, and their role.

Strong identifiers (phone, e-mail, platform id) were merged automatically on import; name
matches are offered as suggestions for the officer to confirm or dismiss. Marking someone as the
requester, staff or a third party drives detection and review later.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sar_desk.core.errors import SarDeskError
from sar_desk.core.model import PersonRole
from sar_desk.core.people import Suggestion, SuggestionKind
from sar_desk.gui.context import PEOPLE, CaseContext
from sar_desk.gui.errors import show_error
from sar_desk.gui.models.people import COL_IDENTIFIERS, PeopleModel
from sar_desk.gui.widgets.lazy import LazyPanel


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    return button


class PeoplePanel(LazyPanel):
    """List, mark and merge the people in the case."""

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = PeopleModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("People")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_IDENTIFIERS, QHeaderView.ResizeMode.Stretch
        )
        self.requester_button = _button(
            "Mark &requester", "Mark as requester", "The selected person is the requester"
        )
        self.staff_button = _button("Mark s&taff", "Mark as staff", "The selected people are staff")
        self.third_button = _button(
            "Mark t&hird party", "Mark as third party", "The selected people are third parties"
        )
        self.merge_button = _button(
            "&Merge…", "Merge the selected people", "The two selected people are the same person"
        )
        self.requester_button.clicked.connect(lambda: self.mark(PersonRole.REQUESTER))
        self.staff_button.clicked.connect(lambda: self.mark(PersonRole.STAFF))
        self.third_button.clicked.connect(lambda: self.mark(PersonRole.THIRD_PARTY))
        self.merge_button.clicked.connect(self.merge_selected)
        self.suggestions = QTableWidget(0, 3)
        self.suggestions.setHorizontalHeaderLabels(("Suggestion", "Why", "Score"))
        self.suggestions.setAccessibleName("Suggestions to confirm")
        self.suggestions.verticalHeader().setVisible(False)
        self.suggestions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.suggestions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.suggestions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.accept_button = _button(
            "&Confirm", "Confirm the suggestion", "Carry out the selected suggestion"
        )
        self.dismiss_button = _button(
            "&Dismiss",
            "Dismiss the suggestion",
            "The suggestion is wrong; it will not be offered again",
        )
        self.accept_button.clicked.connect(lambda: self.decide_suggestion(True))
        self.dismiss_button.clicked.connect(lambda: self.decide_suggestion(False))
        self._suggestions: list[Suggestion] = []
        self._build_layout()
        context.opened.connect(self.request_refresh)
        context.case_changed.connect(self._case_changed)

    def _build_layout(self) -> None:
        title = QLabel("People")
        title.setObjectName("panelTitle")
        actions = QHBoxLayout()
        for button in (
            self.requester_button,
            self.staff_button,
            self.third_button,
            self.merge_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        upper = QWidget()
        box = QVBoxLayout(upper)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table)
        box.addLayout(actions)
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Suggested matches (by name) — confirm or dismiss each")
        heading.setObjectName("sectionTitle")
        box.addWidget(heading)
        box.addWidget(self.suggestions)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        box.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([480, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(split, 1)

    def _case_changed(self, changes: frozenset[str]) -> None:
        if PEOPLE in changes:
            self.request_refresh()

    def refresh(self) -> None:
        """Re-read people and open suggestions."""
        session = self.context.session
        if session is None:
            return
        self.model.set_people(session.people.people())
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(self.model.columnCount() - 1)
        names = {int(s.person.id): s.person.display_name for s in session.people.people()}
        self._suggestions = session.people.suggestions()
        self.suggestions.setRowCount(len(self._suggestions))
        for row, suggestion in enumerate(self._suggestions):
            who = names.get(int(suggestion.person_id), f"person {suggestion.person_id}")
            if suggestion.kind is SuggestionKind.MERGE and suggestion.other_id is not None:
                other = names.get(int(suggestion.other_id), f"person {suggestion.other_id}")
                what = f"Merge {who} and {other}"
            else:
                what = f"{who} is the requester"
            for col, text in enumerate((what, suggestion.reason, str(suggestion.score))):
                self.suggestions.setItem(row, col, QTableWidgetItem(text))
        self.suggestions.resizeColumnToContents(0)

    def selected_ids(self) -> list[int]:
        """The people selected in the table, in row order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.model.person(r).person.id) for r in rows]

    def mark(self, role: PersonRole) -> None:
        """Give the selected people a role."""
        session = self.context.require()
        try:
            for person_id in self.selected_ids():
                session.people.mark_person(person_id, role, reason="Marked in the People panel")
        except SarDeskError as exc:
            show_error(self, exc)
        self.context.notify(frozenset({PEOPLE}))

    def merge_selected(self) -> None:
        """Merge the second selected person into the first, with a reason."""
        ids = self.selected_ids()
        if len(ids) != 2:
            show_error(self, _SelectTwo())
            return
        reason, ok = QInputDialog.getText(self, "Merge people", "Why are they the same person?")
        if not ok:
            return
        try:
            self.context.require().people.merge_people(ids[0], ids[1], reason)
        except SarDeskError as exc:
            show_error(self, exc)
        self.context.notify(frozenset({PEOPLE}))

    def decide_suggestion(self, accept: bool) -> None:
        """Confirm or dismiss the selected suggestion."""
        row = self.suggestions.currentRow()
        if not 0 <= row < len(self._suggestions):
            return
        session = self.context.require()
        suggestion = self._suggestions[row]
        try:
            if accept:
                session.people.accept_suggestion(suggestion.id, "Confirmed in the People panel")
            else:
                session.people.dismiss_suggestion(suggestion.id, "Dismissed in the People panel")
        except SarDeskError as exc:
            show_error(self, exc)
        self.context.notify(frozenset({PEOPLE}))


class _SelectTwo(SarDeskError):
    """Shown when Merge is pressed without exactly two people selected."""

    code = "select-two"

    def __init__(self) -> None:
        super().__init__("Select exactly two people to merge (hold Ctrl and click the second).")
