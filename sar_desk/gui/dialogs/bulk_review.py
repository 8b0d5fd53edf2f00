"""The bulk-decision dialog: choose what and how, preview exactly what changes, then confirm.

Proposals are chosen by type, by person (every occurrence of their names and aliases) or by a
text (every occurrence of it); the preview lists the items the plan would decide and says what
it leaves alone, before anything is recorded.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.api import BulkPlan, BulkSelection
from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.errors import show_error
from sar_desk.gui.widgets.review_labels import entity_name

ACTIONS = (
    ("Accept with the usual code", Action.ACCEPT),
    ("Approve (second reviewer)", Action.APPROVE),
    ("Reject", Action.REJECT),
)
BY_TYPE, BY_PERSON, BY_TEXT = "type", "person", "text"
PREVIEW_ROWS = 200  # the preview lists at most this many items; the count is always exact


class BulkReviewDialog(QDialog):
    """Plans a bulk action, shows what it will and will not touch, and runs it when confirmed."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bulk decision")
        self.setAccessibleName("Bulk decision")
        self.session = session
        self._views = {int(v.item.id): v for v in session.review.review_items()}
        self.action = QComboBox()
        self.action.setAccessibleName("Bulk action")
        for label, action in ACTIONS:
            self.action.addItem(label, action)
        self.by = QComboBox()
        self.by.setAccessibleName("Choose proposals by")
        self.by.addItem("Every undecided proposal", None)
        for entity in sorted({v.item.entity_type for v in self._views.values()}):
            self.by.addItem(f"Only {entity_name(entity)}", (BY_TYPE, entity))
        for person in session.people.people():
            name = person.person.display_name
            self.by.addItem(f"Every mention of {name}", (BY_PERSON, name))
        self.by.addItem("Every occurrence of a text…", (BY_TEXT, ""))
        self.text = QLineEdit()
        self.text.setAccessibleName("Text to find")
        self.text.setPlaceholderText("The words whose every occurrence is decided")
        self.rationale = QLineEdit()
        self.rationale.setAccessibleName("Rationale or reason")
        self.rationale.setPlaceholderText("Why (required; recorded with each decision)")
        self.plan_label = QLabel()
        self.plan_label.setAccessibleName("What will happen")
        self.plan_label.setWordWrap(True)
        self.preview = QListWidget()
        self.preview.setAccessibleName("Items that will be decided")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Decide")
        self.ok_button.setAccessibleName("Decide")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Action", self.action)
        form.addRow("&Proposals", self.by)
        form.addRow("&Text", self.text)
        form.addRow("&Why", self.rationale)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.action.currentIndexChanged.connect(self.update_plan)
        self.by.currentIndexChanged.connect(self.update_plan)
        self.text.textChanged.connect(self.update_plan)
        self.update_plan()

    def selection(self) -> BulkSelection:
        """The items chosen."""
        chosen = self.by.currentData()
        if chosen is None:
            return BulkSelection(everything=True)
        kind, value = chosen
        if kind == BY_TYPE:
            return BulkSelection(entity_type=value)
        return BulkSelection(value=value if kind == BY_PERSON else self.text.text().strip())

    def chosen(self) -> tuple[Action, str | None]:
        """The action and the code it uses."""
        action = Action(self.action.currentData())
        return action, "default" if action is Action.ACCEPT else None

    def plan(self) -> BulkPlan:
        """What the action would do now."""
        action, code = self.chosen()
        return self.session.review.plan_bulk(self.selection(), action, code)

    def update_plan(self) -> None:
        """Describe the plan and list the items it would decide."""
        by_text = (self.by.currentData() or (None,))[0] == BY_TEXT
        self.text.setEnabled(by_text)
        self.preview.clear()
        if by_text and not self.text.text().strip():
            self.plan_label.setText("Type the text whose every occurrence should be decided.")
            self.ok_button.setEnabled(False)
            return
        try:
            plan = self.plan()
        except SarDeskError as exc:
            self.plan_label.setText(str(exc))
            self.ok_button.setEnabled(False)
            return
        lines = [f"{len(plan.targets)} item(s) will be decided.", *plan.skipped_lines()]
        if plan.needs_confirmation:
            lines.append(plan.warning())
        self.plan_label.setText("\n".join(lines))
        for item_id in plan.targets[:PREVIEW_ROWS]:
            view = self._views.get(int(item_id))
            if view is not None:
                self.preview.addItem(
                    f"{view.status} → {self.action.currentText().lower()}: "
                    f"“{view.text or 'the whole message'}” ({entity_name(view.item.entity_type)}, "
                    f"message #{int(view.item.message_id)})"
                )
        self.ok_button.setEnabled(bool(plan.targets))

    def confirm(self, plan: BulkPlan) -> bool:
        """Ask the officer to confirm a large bulk action (R78)."""
        answer = QMessageBox.warning(
            self,
            "Confirm bulk decision",
            plan.warning() + "\n\nGo ahead?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def run(self) -> None:
        """Carry out the bulk action (after confirmation if it is large)."""
        action, code = self.chosen()
        reason = self.rationale.text().strip()
        try:
            plan = self.plan()
            if plan.needs_confirmation and not self.confirm(plan):
                return
            self.result_ = self.session.review.bulk_decide(
                self.selection(),
                action,
                code=code,
                rationale=reason,
                note=reason if action is Action.REJECT else "",
                confirmed=True,
            )
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.accept()
