"""The elusion test on the Review page (issue 15 item 5b): how much did review miss?

A thin shell over the session's `draw_elusion_sample` / `mark_elusion` / `elusion_result` /
`elusion_threshold` (the same services the command line's elusion test calls). Draw a random
sample of the messages with no accepted redaction, read each one, mark it "missed personal
data" or "clean" (with an optional note), and read the estimated miss rate with its 95%
interval and whether it meets the case's threshold, which is set (or cleared) here too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.api import DEFAULT_ELUSION_THRESHOLD, ElusionResult
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.errors import show_error
from sar_desk.gui.tables import cell, filling, make_sortable

logger = logging.getLogger(__name__)

DEFAULT_SIZE = 72  # with no misses, the 95% upper bound falls to 5% at 72 messages
COLUMNS = ("Message", "Verdict", "Note", "Text")
COL_TEXT = 3


def describe_result(result: ElusionResult | None, threshold: float | None) -> str:
    """The test's progress, estimate and threshold status, in words."""
    if result is None:
        limit = (
            f" Sign-off waits for a finished test within this case's threshold of {threshold:g}%."
            if threshold is not None
            else ""
        )
        return "No elusion test has been drawn yet." + limit
    size = len(result.test.sample)
    lines = [
        f"{size} of {len(result.test.population)} messages with no accepted redaction sampled; "
        f"{result.marked} marked, {result.missed} with missed personal data."
    ]
    if result.interval is None or result.rate is None:
        lines.append("Mark the sampled messages to see the estimated miss rate.")
    else:
        low, high = result.interval
        lines.append(
            f"Estimated miss rate {result.rate:.1%} (95% interval {low:.1%} to {high:.1%}) "
            f"over the {result.marked} marked messages."
        )
    if result.stale:
        lines.append(
            f"Out of date: {len(result.joined)} messages joined the unredacted set after this "
            "test was drawn, so its sample does not speak for them. Draw a new test."
        )
    if result.threshold is None:
        lines.append("No threshold is set for this case: sign-off does not wait for this test.")
    elif not result.complete:
        lines.append(
            f"Threshold {result.threshold:g}%: finish marking to test against it "
            f"({size - result.marked} left)."
        )
    elif result.passes:
        lines.append(f"The test passes this case's threshold of {result.threshold:g}%.")
    else:
        lines.append(
            f"The test fails this case's threshold of {result.threshold:g}%: the upper bound is "
            "above it, so sign-off is blocked."
        )
    return "\n".join(lines)


class ElusionBox(QGroupBox):
    """Draw, read and mark an elusion test sample; shows the estimate as it changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Elusion test", parent)
        self.session: CaseSession | None = None
        self.result: ElusionResult | None = None
        self.sample_size = QSpinBox()
        self.sample_size.setRange(1, 10_000)
        self.sample_size.setValue(DEFAULT_SIZE)
        self.sample_size.setAccessibleName("Sample size")
        self.draw_button = QPushButton("Draw samp&le")
        self.draw_button.setAccessibleName("Draw sample")
        self.draw_button.setToolTip("Draw a random sample of messages with no accepted redaction")
        self.draw_button.clicked.connect(self.draw)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Sampled messages")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        make_sortable(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("What was missed (kept in the internal record only)")
        self.missed_button = QPushButton("M&issed personal data")
        self.missed_button.setAccessibleName("Mark missed personal data")
        self.missed_button.clicked.connect(lambda: self.mark_current(True))
        self.clean_button = QPushButton("Clea&n")
        self.clean_button.setAccessibleName("Mark clean")
        self.clean_button.clicked.connect(lambda: self.mark_current(False))
        self.gate = QCheckBox("Sign-off waits for a finished test with an upper &bound of at most")
        self.gate.setAccessibleName("Sign-off waits for the elusion test")
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.1, 99.9)
        self.threshold.setDecimals(1)
        self.threshold.setSuffix("%")
        self.threshold.setValue(DEFAULT_ELUSION_THRESHOLD)
        self.threshold.setAccessibleName("Elusion threshold")
        self.save_threshold = QPushButton("Save t&hreshold")
        self.save_threshold.setAccessibleName("Save threshold")
        self.save_threshold.clicked.connect(self.set_threshold)
        self.estimate = QLabel()
        self.estimate.setWordWrap(True)
        self.estimate.setAccessibleName("Elusion estimate")
        self._build_layout()
        self._update_buttons()

    def _build_layout(self) -> None:
        intro = QLabel(
            "Check how much personal data review missed: read a random sample of the messages "
            "that carry no accepted redaction and mark each one."
        )
        intro.setWordWrap(True)
        size_label = QLabel("Sample si&ze")
        size_label.setBuddy(self.sample_size)
        top = QHBoxLayout()
        top.addWidget(size_label)
        top.addWidget(self.sample_size)
        top.addWidget(self.draw_button)
        top.addStretch(1)
        note_label = QLabel("N&ote")
        note_label.setBuddy(self.note)
        marks = QHBoxLayout()
        marks.addWidget(note_label)
        marks.addWidget(self.note, 1)
        marks.addWidget(self.missed_button)
        marks.addWidget(self.clean_button)
        gate = QHBoxLayout()
        gate.addWidget(self.gate)
        gate.addWidget(self.threshold)
        gate.addWidget(self.save_threshold)
        gate.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(top)
        column.addLayout(gate)
        column.addWidget(self.table, 1)
        column.addLayout(marks)
        column.addWidget(self.estimate)

    def show_session(self, session: CaseSession | None) -> None:
        """Show the latest test of `session`'s case (or nothing when no case is open)."""
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        """Re-read the latest test, its sample's text and the threshold."""
        session = self.session
        if session is None:
            self.result = None
            self.table.setRowCount(0)
            self.estimate.clear()
            self._update_buttons()
            return
        self.result = session.elusion.elusion_result()
        self._fill(session)
        threshold = session.elusion.elusion_threshold()
        self.gate.setChecked(threshold is not None)
        if threshold is not None:
            self.threshold.setValue(threshold)
        self.estimate.setText(describe_result(self.result, threshold))
        self._update_buttons()

    def _fill(self, session: CaseSession) -> None:
        current = self.current_message()
        result = self.result
        sample = list(result.test.sample) if result is not None else []
        texts = {int(m.id): m.text for m in session.search.messages(sample)} if sample else {}
        with filling(self.table):
            self.table.setRowCount(len(sample))
            for row, message_id in enumerate(sample):
                verdict = result.marks.get(message_id) if result is not None else None
                state = "Not marked" if verdict is None else "Missed" if verdict.missed else "Clean"
                cells = (
                    str(message_id),
                    state,
                    verdict.note if verdict is not None else "",
                    texts.get(message_id, ""),
                )
                for col, text in enumerate(cells):
                    self.table.setItem(row, col, cell(text, number=col == 0))
        self.table.resizeRowsToContents()
        if sample:
            keep = current if current in sample else sample[0]
            self.table.selectRow(self._row_of(keep))

    def _row_of(self, message_id: int) -> int:
        # The table may be sorted by any column: find the row by the id it shows.
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == str(message_id):
                return row
        return -1

    def current_message(self) -> int | None:
        """The id of the sampled message on the selected row, or None."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return int(item.text()) if item is not None else None

    def draw(self) -> None:
        """Draw a new sample of the chosen size through the session."""
        if self.session is None:
            return
        try:
            self.session.elusion.draw_elusion_sample(self.sample_size.value())
        except SarDeskError as exc:
            show_error(self, exc)
            return
        logger.info("elusion sample drawn")
        self.refresh()
        self.changed.emit()

    def set_threshold(self) -> None:
        """Set the case's threshold (or clear it when sign-off should not wait)."""
        if self.session is None:
            return
        percent = self.threshold.value() if self.gate.isChecked() else None
        try:
            self.session.elusion.set_elusion_threshold(percent)
        except SarDeskError as exc:
            show_error(self, exc)
        self.refresh()  # shows the threshold actually recorded, also after a refusal
        self.changed.emit()

    def mark_current(self, missed: bool) -> None:
        """Mark the selected message and move on to the next one not yet marked."""
        message_id = self.current_message()
        if self.session is None or message_id is None:
            return
        try:
            self.session.elusion.mark_elusion(message_id, missed, self.note.text())
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.note.clear()
        self.refresh()
        self._next_unmarked(message_id)
        self.changed.emit()

    def _next_unmarked(self, after: int) -> None:
        if self.result is None:
            return
        sample = list(self.result.test.sample)
        start = sample.index(after) + 1 if after in sample else 0
        for row in list(range(start, len(sample))) + list(range(start)):
            if sample[row] not in self.result.marks:
                self.table.selectRow(self._row_of(sample[row]))
                return

    def _update_buttons(self) -> None:
        has_sample = self.result is not None and bool(self.result.test.sample)
        self.draw_button.setEnabled(self.session is not None)
        self.save_threshold.setEnabled(self.session is not None)
        self.missed_button.setEnabled(has_sample)
        self.clean_button.setEnabled(has_sample)

    def set_busy(self, busy: bool) -> None:
        """No draws or marks while a writing job runs."""
        self.draw_button.setEnabled(not busy and self.session is not None)
        self.save_threshold.setEnabled(not busy and self.session is not None)
        has_sample = self.result is not None and bool(self.result.test.sample)
        self.missed_button.setEnabled(not busy and has_sample)
        self.clean_button.setEnabled(not busy and has_sample)
