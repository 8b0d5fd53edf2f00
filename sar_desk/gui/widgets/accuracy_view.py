"""The detector's measured accuracy on the Review page (issue 15 item 5a).

A thin shell over `app.accuracy.case_accuracy`: per entity type precision and recall for the
model the case's detection used, with where the figures come from and what they do not show.
The same figures go into every bundle's internal record.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.accuracy import MeasuredAccuracy, case_accuracy
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.tables import cell, filling, make_sortable
from sar_desk.gui.widgets.review_labels import short_type

COLUMNS = ("Type", "Precision", "Recall (same type)", "Recall (any type)", "Labelled in corpus")
_MODEL_NAMES = {"sm": "the small English model (sm)", "md": "the medium English model (md)"}


def describe_source(measured: MeasuredAccuracy) -> str:
    """Which model the figures are for, and where they come from, in words."""
    model = _MODEL_NAMES.get(measured.model, measured.model)
    lines = [f"Measured accuracy of detection with {model}, on {measured.measured_on}."]
    if measured.corpus:
        lines.append(f"Corpus: {measured.corpus}.")
    if measured.source:
        lines.append(f"Source: {measured.source}.")
    if measured.caveat:
        lines.append(measured.caveat)
    return "\n".join(lines)


class AccuracyView(QGroupBox):
    """A table of per-entity precision and recall, and a note on their source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Detection accuracy", parent)
        self.measured: MeasuredAccuracy | None = None
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setAccessibleName("Where the figures come from")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Accuracy per entity type")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        make_sortable(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addWidget(self.source)

    def show_session(self, session: CaseSession | None) -> None:
        """Show the figures for the model `session`'s case ran detection with."""
        self.table.setRowCount(0)
        self.measured = None
        if session is None:
            self.source.clear()
            return
        try:
            self.measured = case_accuracy(session.base)
        except SarDeskError as exc:
            # Not a dialog: the page stays usable, and the reason is where the figures would be.
            self.source.setText(str(exc))
            return
        with filling(self.table):
            self.table.setRowCount(len(self.measured.entities))
            for row, figures in enumerate(self.measured.entities):
                cells = (
                    short_type(figures.entity),  # "Name", as in the review queue
                    f"{figures.precision:.1%}",
                    f"{figures.recall_same_type:.1%}",
                    f"{figures.recall_any_type:.1%}",
                    f"{figures.gold:,}",
                )
                for col, text in enumerate(cells):
                    self.table.setItem(row, col, cell(text, number=col > 0))
        self.source.setText(describe_source(self.measured))

    def row_of(self, entity: str) -> list[str]:
        """The cells shown on `entity`'s row (its type id, e.g. "PERSON"); empty if not listed."""
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(self.table.columnCount())]
            texts = [c.text() if c is not None else "" for c in cells]
            if texts[0] == short_type(entity):
                return texts
        return []
