"""The Audit panel: the tamper-evident log of everything done to the case, and "Verify chain"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sar_desk.gui.context import CaseContext
from sar_desk.gui.models.audit import AuditModel
from sar_desk.gui.tables import fit_titles
from sar_desk.gui.widgets.lazy import LazyPanel


class AuditPanel(LazyPanel):
    """Shows the audit log and checks its hash chain on request."""

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = AuditModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Audit log")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # Details fills what is left, but never shrinks below a readable width: past that the
        # table scrolls sideways inside itself rather than widen the page (200% text).
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.verify_button = QPushButton("&Verify chain")
        self.verify_button.setObjectName("primary")
        self.verify_button.setAccessibleName("Verify the audit chain")
        self.verify_button.setToolTip("Check that no entry was changed, removed or inserted")
        self.verify_button.clicked.connect(self.verify)
        self.result = QLabel()
        self.result.setAccessibleName("Verification result")
        self.result.setWordWrap(True)
        title = QLabel("Audit log")
        title.setObjectName("panelTitle")
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        context.opened.connect(self.request_refresh)
        context.case_changed.connect(lambda _changes: self.request_refresh())

    def refresh(self) -> None:
        """Re-read the log."""
        session = self.context.session
        if session is None:
            return
        self.model.set_entries(session.review.audit_entries())
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(
            4, max(header.sectionSize(4), 16 * header.fontMetrics().averageCharWidth())
        )
        fit_titles(self.table)
        self.result.setText("")

    def verify(self) -> None:
        """Check the chain and say what was found."""
        session = self.context.require()
        self.refresh()
        problems = session.review.verify_audit()
        if problems:
            self.result.setProperty("problem", True)
            self.result.setText(
                "The audit log was changed outside SAR Desk: "
                + "; ".join(str(p) for p in problems[:5])
            )
        else:
            self.result.setProperty("problem", False)
            self.result.setText(
                f"The chain is intact: all {self.model.rowCount():,} entries are as recorded."
            )
        self.result.style().polish(self.result)
