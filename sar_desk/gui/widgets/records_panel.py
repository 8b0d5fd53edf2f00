"""The Records page: scope approvals (four eyes), the legal tests, and QA sampling.

Tabs over the same session calls as the command line: `scope_exclusions` and
`approve_exclusions` (a second person approves what was left out of the disclosure), the public
interest, s.36 and legitimate-interests forms (`legal_forms`), and `qa_settings`,
`set_qa_settings` and `draw_sample`. The rules (who may approve, which codes a test applies to)
live in the session; a refusal is shown in its own words.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.api import QaMode, QaSettings
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.context import CASE, DECISIONS, SCOPE, USERS, CaseContext
from sar_desk.gui.errors import show_error
from sar_desk.gui.tables import cell
from sar_desk.gui.widgets import legal_forms
from sar_desk.gui.widgets.lazy import LazyPanel

SCOPE_HEADERS = ("Message", "Left out as", "Reason", "By", "Approved by")


class RecordsPanel(LazyPanel):
    """Approvals and the records the law asks for, one tab each."""

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tabs = QTabWidget()
        # With 200% text the five tab titles are wider than the window: the bar scrolls.
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setAccessibleName("Records")
        self.tabs.addTab(self._scope_tab(), "Scope &approvals")
        self.pit = legal_forms.pit_form()
        self.s36 = legal_forms.s36_form()
        self.li = legal_forms.li_form()
        self.pit.button.clicked.connect(self.record_pit)
        self.s36.button.clicked.connect(self.record_s36)
        self.li.button.clicked.connect(self.record_li)
        self.tabs.addTab(self.pit, "&Public interest")
        self.tabs.addTab(self.s36, "s.&36 opinion")
        self.tabs.addTab(self.li, "&Legitimate interests")
        self.tabs.addTab(self._qa_tab(), "&QA sample")
        title = QLabel("Approvals and records")
        title.setObjectName("panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        context.opened.connect(self.request_refresh)
        context.case_changed.connect(
            lambda changes: (
                self.request_refresh() if changes & {SCOPE, DECISIONS, USERS, CASE} else None
            )
        )

    def _scope_tab(self) -> QWidget:
        self.exclusions = QTableWidget(0, len(SCOPE_HEADERS))
        self.exclusions.setHorizontalHeaderLabels(SCOPE_HEADERS)
        self.exclusions.setAccessibleName("Messages left out of the disclosure")
        self.exclusions.verticalHeader().setVisible(False)
        self.exclusions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exclusions.setSortingEnabled(True)
        header = self.exclusions.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.scope_state = QLabel()
        self.scope_state.setAccessibleName("Scope approvals waiting")
        self.scope_state.setWordWrap(True)
        self.approve_note = QLineEdit()
        self.approve_note.setAccessibleName("What you checked before approving")
        self.approve_note.setPlaceholderText("What you checked (recorded with the approval)")
        self.approve_button = QPushButton("&Approve what is waiting")
        self.approve_button.setObjectName("primary")
        self.approve_button.setAccessibleName("Approve the exclusions waiting")
        self.approve_button.clicked.connect(self.approve_scope)
        row = QHBoxLayout()
        row.addWidget(self.approve_note, 1)
        row.addWidget(self.approve_button)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.scope_state)
        box.addWidget(self.exclusions, 1)
        box.addLayout(row)
        return page

    def _qa_tab(self) -> QWidget:
        self.qa_state = QLabel()
        self.qa_state.setAccessibleName("QA policy")
        self.qa_state.setWordWrap(True)
        self.qa_mode = QComboBox()
        self.qa_mode.setAccessibleName("QA mode")
        self.qa_mode.addItem("Full review (every redaction checked)", QaMode.FULL.value)
        self.qa_mode.addItem("Sample review", QaMode.SAMPLE.value)
        self.qa_percent = QSpinBox()
        self.qa_percent.setRange(1, 100)
        self.qa_percent.setSuffix(" %")
        self.qa_percent.setAccessibleName("Sample size")
        save = QPushButton("&Save the QA policy")
        save.setAccessibleName("Save the QA policy")
        save.clicked.connect(self.save_qa)
        self.proposer = QComboBox()
        self.proposer.setAccessibleName("Whose decisions to sample")
        draw = QPushButton("&Draw a sample")
        draw.setAccessibleName("Draw a sample")
        draw.clicked.connect(self.draw_sample)
        self.approve_sample_button = QPushButton("Approve the rest of the &batch")
        self.approve_sample_button.setAccessibleName("Approve the rest of the batch on the sample")
        self.approve_sample_button.clicked.connect(self.approve_on_sample)
        self.sample_state = QLabel()
        self.sample_state.setAccessibleName("QA sample")
        self.sample_state.setWordWrap(True)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.qa_state)
        form.addRow("&Mode", self.qa_mode)
        form.addRow("Sample si&ze", self.qa_percent)
        form.addRow(save)
        form.addRow("Sample the decisions &of", self.proposer)
        buttons = QHBoxLayout()
        buttons.addWidget(draw)
        buttons.addWidget(self.approve_sample_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.sample_state)
        return page

    def refresh(self) -> None:
        """Re-read the exclusions, the legal records and the QA policy."""
        session = self.context.session
        if session is None:
            return
        found = session.scope.scope_exclusions()
        self.exclusions.setSortingEnabled(False)
        self.exclusions.setRowCount(len(found))
        for row, e in enumerate(found):
            values = (
                str(int(e.message_id)),
                e.kind.replace("-", " "),
                e.reason,
                e.excluded_by,
                e.approved_by or "waiting",
            )
            for col, text in enumerate(values):
                self.exclusions.setItem(row, col, cell(text))
        self.exclusions.setSortingEnabled(True)
        waiting = sum(e.pending for e in found)
        self.scope_state.setText(
            f"{waiting} of {len(found)} messages left out of the disclosure wait for a second "
            "person (a reviewer or the DPO, not whoever left them out)."
            if waiting
            else "Nothing left out of the disclosure is waiting for approval."
        )
        self.approve_button.setEnabled(waiting > 0)
        legal_forms.fill(session, self.pit, self.s36, self.li)
        qa = session.review.qa_settings()
        self.qa_state.setText(f"Now: {qa.basis()}.")
        self.qa_mode.setCurrentIndex(self.qa_mode.findData(qa.mode.value))
        self.qa_percent.setValue(qa.percent)
        self.proposer.clear()
        for name, role, _how in session.review.users():
            self.proposer.addItem(f"{name} ({role.label})", name)

    def _run(self, step: object) -> bool:
        try:
            assert callable(step)
            step()
        except SarDeskError as exc:
            show_error(self, exc)
            return False
        return True

    def approve_scope(self) -> bool:
        """Approve every waiting exclusion as the acting (second) person."""
        session = self.context.require()
        note = self.approve_note.text()
        if self._run(lambda: session.scope.approve_exclusions(None, note)):
            self.approve_note.clear()
            self.context.notify(frozenset({SCOPE}))
            return True
        return False

    def _done(self) -> None:
        self.context.notify(frozenset({DECISIONS}))

    def record_pit(self) -> bool:
        """Record the public interest test typed in."""
        session, f = self.context.require(), self.pit
        return legal_forms.run(
            f,
            lambda: session.review.record_public_interest_test(
                f.code.currentData(), f.text("For"), f.text("Against"), f.text("Conclusion")
            ),
            self._done,
        )

    def record_s36(self) -> bool:
        """Record the qualified person's opinion typed in."""
        session, f = self.context.require(), self.s36
        return legal_forms.run(
            f,
            lambda: session.review.record_qualified_person(
                f.text("Qualified person"),
                f.opinion_date(),
                f.text("Opinion"),
                f.code.currentData(),
            ),
            self._done,
        )

    def record_li(self) -> bool:
        """Record the legitimate-interests test typed in."""
        session, f = self.context.require(), self.li
        return legal_forms.run(
            f,
            lambda: session.legal.record_legitimate_interests(
                f.code.currentData(), f.text("Purpose"), f.text("Necessity"), f.text("Balance")
            ),
            self._done,
        )

    def save_qa(self) -> bool:
        """Store the QA mode and sample size chosen."""
        session = self.context.require()
        current = session.review.qa_settings()
        chosen = QaSettings(
            mode=QaMode(self.qa_mode.currentData()),
            percent=self.qa_percent.value(),
            seed=current.seed,
            full_review_on_reject=current.full_review_on_reject,
        )
        if self._run(lambda: session.review.set_qa_settings(chosen)):
            self._done()
            return True
        return False

    def draw_sample(self) -> bool:
        """Draw (or show the open) sample of the chosen person's accepted decisions."""
        session = self.context.require()
        name = self.proposer.currentData()
        if not name:
            return False
        try:
            row = session.review.draw_sample(str(name))
        except SarDeskError as exc:
            show_error(self, exc)
            return False
        self.sample_state.setText(
            f"Sample {row.id} of {row.proposer}'s decisions: {len(row.sample)} of "
            f"{len(row.population)} items ({row.percent}%). Check each one on the Review page "
            "(Show: In an open QA sample; approve or reject each), then approve the rest of the "
            "batch here."
        )
        self._done()
        return True

    def approve_on_sample(self) -> bool:
        """Approve the rest of the chosen person's batch once its sample was checked."""
        session = self.context.require()
        name = self.proposer.currentData()
        if not name:
            return False
        try:
            result = session.review.approve_on_sample(str(name))
        except SarDeskError as exc:
            show_error(self, exc)
            return False
        self.sample_state.setText(
            f"Sample {result.sample.id} passed: {len(result.approved)} more of {name}'s "
            "decisions approved on its basis."
        )
        self._done()
        return True
