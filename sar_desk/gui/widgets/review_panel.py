"""The Review panel: run detection, then decide each proposal by keyboard or mouse.

Keys (while the queue or the message has focus): A accept, R reject (asks why), V approve,
E make the selected text the span, M redact the selected text, W withhold the whole message,
N/P next/previous, Ctrl+Z undo my last decision. Bulk actions show the case-by-case warning
and what they will leave alone before anything is decided.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.gui_support import on_own_session
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import Hint, SarDeskError
from sar_desk.gui.context import DECISIONS, FINDINGS, USERS, CaseContext
from sar_desk.gui.errors import show_error
from sar_desk.gui.flow_layout import FlowLayout
from sar_desk.gui.models.review_items import (
    COL_CODE,
    COL_MESSAGE,
    COL_STATUS,
    COL_TEXT,
    COL_TYPE,
    STATUS_LABELS,
    ReviewItemsModel,
)
from sar_desk.gui.stacking import stack_when_narrow
from sar_desk.gui.tables import fit_titles, scrolling
from sar_desk.gui.widgets.accuracy_view import AccuracyView
from sar_desk.gui.widgets.attachment_view import AttachmentView
from sar_desk.gui.widgets.elusion_box import ElusionBox
from sar_desk.gui.widgets.lazy import LazyPanel
from sar_desk.gui.widgets.review_actions import ReviewActions
from sar_desk.gui.widgets.review_errors import show_review_error
from sar_desk.gui.widgets.review_labels import short_type
from sar_desk.gui.widgets.review_message import ReviewMessage
from sar_desk.gui.workers import JobController

logger = logging.getLogger(__name__)
IN_SAMPLE = "qa-sample"  # the Show filter's choice for the items of an open QA sample

CONTEXT = 3  # messages shown before and after the one under review


class ReviewPanel(LazyPanel):
    """The review queue and the decision controls."""

    def __init__(
        self, context: CaseContext, jobs: JobController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.jobs = jobs
        self.model = ReviewItemsModel()
        self.decisions = ReviewActions(self)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show items")
        self.status_filter.addItem("All items", None)
        for status, label in STATUS_LABELS.items():
            self.status_filter.addItem(label, status)
        # The items a QA sample drew for checking one by one (Records page, QA sample tab).
        self.status_filter.addItem("In an open QA sample", IN_SAMPLE)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        # Issue 19: the items export will check are those of the disclosure set.
        self.disclosed_only = QCheckBox("In the disclosure set &only")
        self.disclosed_only.setAccessibleName("Only items in the disclosure set")
        self.disclosed_only.setToolTip(
            "Show only proposals in messages that will be disclosed (what export checks)"
        )
        self.disclosed_only.toggled.connect(self.refresh)
        self.acting = QComboBox()
        self.acting.setAccessibleName("Acting as")
        self.acting.activated.connect(self._switch_user)
        self.detect_button = QPushButton("Run &detection")
        self.detect_button.setObjectName("primary")
        self.detect_button.setAccessibleName("Run detection")
        self.detect_button.setToolTip(
            "Find personal data in the disclosure set (or, while it is empty, in the messages "
            "inside the case's scope dates) not yet scanned"
        )
        self.detect_button.clicked.connect(self.run_detection)
        self.progress = QLabel()
        self.progress.setAccessibleName("Review progress")
        self.progress.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Review queue")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # Status, type, code and "#12" as wide as their (short) words, so none is cut off and
        # the proposed text keeps the rest of the room (1280x720).
        for column in (COL_STATUS, COL_TYPE, COL_CODE, COL_MESSAGE):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        # Sortable by any column (issue 19); the queue keeps its message order until clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        fit_titles(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.message = ReviewMessage()
        # Issue 15 item 5: how much review missed (elusion test) and the detector's measured
        # accuracy, below the queue.
        self.elusion = ElusionBox()
        self.accuracy = AccuracyView()
        self.checks = QTabWidget()
        self.checks.setAccessibleName("Review checks")
        # Text-heavy tabs scroll rather than cut their text off (large text, small screens).
        self.checks.addTab(scrolling(self.elusion), "Elusion &test")
        self.checks.addTab(scrolling(self.accuracy), "Detection acc&uracy")
        self.attachments = AttachmentView(context)
        self.checks.addTab(scrolling(self.attachments), "Attach&ments")  # issue 16
        self._build_layout()
        context.opened.connect(self.case_opened)
        context.case_changed.connect(self._case_changed)

    def _build_layout(self) -> None:
        title = QLabel("Review")
        title.setObjectName("panelTitle")
        # The controls wrap onto a second line rather than widen the page (200% text).
        top_row = QWidget()
        top = FlowLayout(top_row, spacing=16)
        top.addWidget(self.detect_button)
        for text, combo in (("&Show", self.status_filter), ("Acting a&s", self.acting)):
            label = QLabel(text)
            label.setBuddy(combo)
            pair = QWidget()  # a label stays on the line of its list
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(label)
            row.addWidget(combo)
            top.addWidget(pair)
            if combo is self.status_filter:
                top.addWidget(self.disclosed_only)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.message, 1)
        box.addWidget(self.decisions.button_row())
        box.addWidget(self.decisions.step_row())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        # Scrolls rather than cuts its text off when stacked under the queue (200% text).
        self._pane = right
        self.splitter.addWidget(scrolling(right))
        self.splitter.setSizes([640, 540])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.addWidget(title)
        layout.addWidget(top_row)
        layout.addWidget(self.progress)
        page = QSplitter(Qt.Orientation.Vertical)
        page.addWidget(self.splitter)
        page.addWidget(self.checks)
        page.setStretchFactor(0, 3)
        page.setStretchFactor(1, 1)
        layout.addWidget(page, 1)
        # Single-key shortcuts only while the queue or the message has focus, so typing a
        # rationale never decides anything.
        for widget in (self.table, self.message.text):
            for key, slot in self.decisions.keys().items():
                shortcut = QShortcut(QKeySequence(key), widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the message under the queue when the two side by side would not fit."""
        super().resizeEvent(event)
        pane = getattr(self, "_pane", None)
        if pane is not None:  # (built)
            stack_when_narrow(self, self.splitter, self.table, pane)

    def _case_changed(self, changes: frozenset[str]) -> None:
        if USERS in changes:  # a user added on the Team page can be acted as at once
            self._fill_users()
        if changes & {FINDINGS, DECISIONS}:
            self.request_refresh()

    def case_opened(self) -> None:
        """Load the codes and users of the new case and the queue."""
        session = self.context.require()
        self.message.set_codes(session.review.reason_codes())
        self.model.set_codes(session.review.reason_codes())
        self._fill_users()
        self.request_refresh()

    def _fill_users(self) -> None:
        session = self.context.require()
        self.acting.clear()
        for name, role, _note in session.review.users():
            self.acting.addItem(f"{name} ({role.label})", name)
        index = self.acting.findData(session.user)
        if index < 0:
            self.acting.addItem(f"{session.user} (no role on this case)", session.user)
            index = self.acting.count() - 1
        self.acting.setCurrentIndex(index)

    def _switch_user(self) -> None:
        name = self.acting.currentData()
        session = self.context.session
        if session is None or not name:
            return
        try:
            # Four eyes: the approver must be someone else, and saying so is not enough: acting
            # as another case user needs their own passphrase (issue 17), asked only then.
            session.act_as(str(name), lambda: self.ask_passphrase(str(name)))
        except SarDeskError as exc:
            self.report(exc)
            self.acting.setCurrentIndex(max(0, self.acting.findData(session.user)))
            return
        logger.info("acting user switched")

    def ask_passphrase(self, name: str) -> str | None:
        """Ask for `name`'s passphrase (hidden as typed); None if cancelled or empty."""
        text, ok = QInputDialog.getText(
            self, "Acting as", f"Passphrase of {name}:", QLineEdit.EchoMode.Password
        )
        return text if ok and text else None

    def refresh(self) -> None:
        """Re-read the queue (keeping the current item) and the progress per entity type."""
        session = self.context.session
        if session is None:
            return
        current = self.current()
        status = self.status_filter.currentData()
        wanted = ReviewStatus(status) if status and status != IN_SAMPLE else None
        items = (
            session.review.disclosed_review_items(wanted)
            if self.disclosed_only.isChecked()
            else session.review.review_items(wanted)
        )
        if status == IN_SAMPLE:
            drawn = {i for s in session.review.qa_samples() if s.outcome is None for i in s.sample}
            items = [v for v in items if int(v.item.id) in drawn]
        self.model.set_items(items)
        progress = session.review.review_progress()
        lines = progress.lines()
        # One line for the totals, one for the entity types, one for the reviewers.
        entities = [str(e) for e in progress.by_entity.index]
        reviewers = lines[1 + len(entities) :]
        compact = [lines[0]]
        if entities:
            # "PHONE_NUMBER: 3 approved" reads "Phone: 3 approved": types in words, not ids.
            typed = [
                short_type(e) + line[len(e) :] if line.startswith(e) else line
                for e, line in zip(entities, lines[1 : 1 + len(entities)], strict=True)
            ]
            compact.append("By type — " + " · ".join(typed))
        if reviewers:
            compact.append("By reviewer — " + " · ".join(reviewers))
        self.progress.setText("\n".join(compact))
        self.elusion.show_session(session)
        self.accuracy.show_session(session)
        fit_titles(self.table)  # the ids column follows its content
        row = self.model.row_of(int(current.item.id)) if current is not None else -1
        self.select_row(max(row, 0))

    def current(self):  # type: ignore[no-untyped-def]  # ItemView | None
        """The item on the selected row, or None."""
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        """Select a row of the queue (clamped) and show its item."""
        if self.model.rowCount() == 0:
            self.message.clear("Nothing to review here.")
            return
        row = min(max(row, 0), self.model.rowCount() - 1)
        self.table.selectRow(row)
        self._show_current()

    def _show_current(self) -> None:
        view = self.current()
        session = self.context.session
        if view is None or session is None:
            return
        found = session.search.messages([int(view.item.message_id)])
        message = found[0] if found else None
        others = [
            v
            for v in self.model.items_of_message(int(view.item.message_id))
            if int(v.item.id) != int(view.item.id)
        ]
        context = session.search.context(message, CONTEXT, CONTEXT) if message is not None else []
        self.message.show_item(view, message, session.case.timezone, others, context)

    def set_busy(self, busy: bool) -> None:
        """Disable decisions and detection while a writing job runs."""
        self.detect_button.setEnabled(not busy)
        self.decisions.set_enabled(not busy)
        self.elusion.set_busy(busy)

    def run_detection(self) -> None:
        """Scan the disclosure set (or the scope dates) for personal data, then refresh."""
        session = self.context.require()
        self.jobs.start(
            "Detecting personal data",
            # Issue 19: never the whole case; what is out of scope is never disclosed.
            # On a session of its own, opened on the worker thread: an encrypted case's
            # connection belongs to the thread that opened it.
            lambda token: on_own_session(
                session,
                lambda worker: worker.detection.run_detection(scope="in-scope", cancel=token),
            ),
            self._detected,
        )

    def _detected(self, summary: object) -> None:
        logger.info("detection finished")
        self.context.notify(frozenset({FINDINGS}))

    def report(self, exc: SarDeskError) -> QWidget | None:
        """Show a review error in the window's words, with a button for the next step."""
        show_proposed = ("Show what is undecided", self._show_proposed)
        who = ("Choose who is acting", self.acting.setFocus)
        actions = {
            Hint.GIVE_REASON: ("Write the rationale", self.message.rationale.setFocus),
            Hint.GIVE_CODE: ("Choose a code", self.message.code.setFocus),
            Hint.ADD_USER: who,
            Hint.AS_PASSPHRASE: who,
            Hint.LIST_REVIEW: show_proposed,
            Hint.DECIDE_ITEMS: show_proposed,
        }
        return show_review_error(self, exc, self.message.codes, actions)

    def _show_proposed(self) -> None:
        self.status_filter.setCurrentIndex(self.status_filter.findData(ReviewStatus.PROPOSED))
        self.table.setFocus()

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """Ask for a required reason; None if the officer cancels or leaves it empty."""
        text, ok = QInputDialog.getText(self, title, prompt)
        return text.strip() if ok and text.strip() else None

    def decide(self, action: Action, **kwargs: object) -> None:
        """Decide the current item and move on to the next undecided one."""
        view = self.current()
        if view is None:
            return
        row = self.table.currentIndex().row()
        try:
            self.context.require().review.decide([int(view.item.id)], action, **kwargs)  # type: ignore[arg-type]
        except SarDeskError as exc:
            self.report(exc)
            return
        self.context.notify(frozenset({DECISIONS}))
        self.select_row(row if self.model.row_of(int(view.item.id)) < 0 else row + 1)


__all__ = ["Action", "ReviewPanel", "show_error"]
