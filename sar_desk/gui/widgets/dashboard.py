"""The case dashboard: the deadline and how it was reached, the sources, and each area's summary.

Everything shown comes from `app.summary.summarise`, the same summary ``case show`` prints, so the
window and the command line never disagree. Areas added later (people, review progress, exports)
contribute `SummarySection`s and appear here without changes to this panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.gui_support import read_in_background
from sar_desk.app.next_step import NextStep, Step, next_step
from sar_desk.app.summary import CaseSummary, summarise
from sar_desk.core.deadlines import Deadline
from sar_desk.core.model import Case
from sar_desk.gui.context import CaseContext
from sar_desk.gui.formatting import days_left_text, long_date, plural
from sar_desk.gui.widgets.lazy import LazyPanel
from sar_desk.gui.workers import JobController

# Where each next step is done (a sidebar section) and the button that goes there.
STEP_BUTTONS: dict[Step, tuple[str, str]] = {
    Step.IMPORT: ("Import", "Import exports"),
    Step.SCOPE: ("Search", "Search the messages"),
    Step.DETECT: ("Review", "Go to detection"),
    Step.REVIEW: ("Review", "Review the items"),
    Step.APPROVE_SCOPE: ("Records", "Approve what was left out"),
    Step.SIGN_OFF: ("Export", "Go to sign-off"),
    Step.EXPORT: ("Export", "Export the bundle"),
}

SOURCE_HEADERS = ("File", "Platform", "Custodian", "Messages", "System events", "Skipped lines")


def _label(name: str, object_name: str = "") -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class DashboardPanel(LazyPanel):
    """The open case at a glance.

    Signals:
        go_to(str): The next-step button was pressed; the text names the section to show.
    """

    go_to = Signal(str)

    def __init__(
        self, context: CaseContext, jobs: JobController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.jobs = jobs
        self.title = _label("Case", "panelTitle")
        self.details = _label("Case details")
        self.due = _label("Deadline", "dueDate")
        self.days_left = _label("Days left", "daysLeft")
        # "183 days overdue" must never wrap or clip: it is the one thing everyone looks for.
        self.days_left.setWordWrap(False)
        self.next_text = _label("What to do next")
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.setVisible(False)
        self.next_button.clicked.connect(self._go_next)
        self._next_section = ""
        self.derivation = _label("How the deadline was worked out")
        self.counts = _label("Message counts")
        self.sources = QTableWidget(0, len(SOURCE_HEADERS))
        self.sources.setHorizontalHeaderLabels(SOURCE_HEADERS)
        self.sources.setAccessibleName("Sources")
        self.sources.verticalHeader().setVisible(False)
        self.sources.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sources.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sources.setMinimumHeight(140)
        self.sources.setSortingEnabled(True)
        self.sections = QVBoxLayout()
        deadline = QGroupBox("Statutory deadline")
        grid = QGridLayout(deadline)
        grid.addWidget(self.due, 0, 0)
        grid.addWidget(self.days_left, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.derivation, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        upcoming = QGroupBox("Next step")
        line = QHBoxLayout(upcoming)
        line.addWidget(self.next_text, 1)
        line.addWidget(self.next_button)
        sources = QGroupBox("Sources")
        box = QVBoxLayout(sources)
        box.addWidget(self.counts)
        box.addWidget(self.sources)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.title)
        layout.addWidget(deadline)
        layout.addWidget(upcoming)
        layout.addWidget(self.details)
        layout.addWidget(sources)
        layout.addLayout(self.sections)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        context.case_changed.connect(lambda _changes: self.request_refresh())
        context.opened.connect(self.request_refresh)

    def refresh(self) -> None:
        """Re-read the summary from the session."""
        session = self.context.session
        if session is None:
            return
        # The summary counts every message; on a big case that takes a moment, so it is read
        # on a worker and the panel fills in when it arrives (the window stays responsive).
        deadline, left = session.clock.deadline()
        self._show_header(session.case, deadline, left)  # cheap: shown at once
        self.counts.setText("Counting messages…")
        self.jobs.read(read_in_background(session, summarise), self.show_summary)
        self.jobs.read(read_in_background(session, next_step), self.show_next)

    def show_next(self, step: NextStep) -> None:
        """Say what to do next and offer the button that goes there."""
        section, button = STEP_BUTTONS[step.step]
        self.next_text.setText(step.sentence)
        self.next_button.setText(button)
        self.next_button.setAccessibleName(button)
        self.next_button.setVisible(True)
        self._next_section = section

    def _go_next(self) -> None:
        if self._next_section:
            self.go_to.emit(self._next_section)

    def show_summary(self, summary: CaseSummary) -> None:
        """Fill the panel from a case summary."""
        self._show_header(summary.case, summary.deadline, summary.days_left)
        self._show_counts(summary)
        self._fill_sources(summary)
        self._fill_sections(summary)

    def _show_header(self, case: Case, deadline: Deadline | None, days_left: int | None) -> None:
        self.title.setText(case.reference)
        lines = [case.regime.label, f"Received {long_date(case.received)}"]
        if case.requester:
            lines.append(f"Requester: {case.requester}")
        if case.aliases:
            lines.append(
                "Also known as: " + ", ".join(a for a in case.aliases if a != case.requester)
            )
        if case.scope_from or case.scope_to:
            start = long_date(case.scope_from) if case.scope_from else "the start"
            end = long_date(case.scope_to) if case.scope_to else "now"
            lines.append(f"Scope: {start} to {end}")
        lines.append(f"Time zone: {case.timezone}")
        self.details.setText("\n".join(lines))
        if deadline is not None and days_left is not None:
            self.due.setText(f"Due {long_date(deadline.due)}")
            self.days_left.setText(days_left_text(days_left))
            self.days_left.setProperty("overdue", days_left < 0)
            self.days_left.style().polish(self.days_left)
            self.derivation.setText("\n".join(f"• {line}" for line in deadline.derivation))

    def _show_counts(self, summary: CaseSummary) -> None:
        counts = summary.message_counts
        total = sum(counts.values())
        self.counts.setText(
            f"{plural(len(summary.sources), 'source')}, "
            f"{plural(summary.conversation_count, 'conversation')}, {plural(total, 'record')}"
            + (
                f" ({', '.join(f'{n:,} {kind}' for kind, n in sorted(counts.items()))})"
                if counts
                else ""
            )
        )

    def _fill_sources(self, summary: CaseSummary) -> None:
        self.sources.setSortingEnabled(False)  # filling a sorted table scrambles rows
        self.sources.setRowCount(len(summary.sources))
        for row, source in enumerate(summary.sources):
            values = (
                source.original_name,
                source.platform,
                source.custodian or "",
                f"{source.message_count:,}",
                f"{source.system_count:,}",
                f"{source.issue_count:,}",
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col >= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.sources.setItem(row, col, item)
        self.sources.setSortingEnabled(True)
        self.sources.resizeColumnsToContents()
        self.sources.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _fill_sections(self, summary: CaseSummary) -> None:
        while self.sections.count():
            item = self.sections.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for section in summary.sections:
            group = QGroupBox(section.title)
            body = _label(section.title)
            body.setText("\n".join(section.lines))
            QVBoxLayout(group).addWidget(body)
            self.sections.addWidget(group)
