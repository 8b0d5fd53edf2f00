"""The bulk-decision dialog: choose what and how, see the plan and its warning, then confirm."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.api import BulkPlan, BulkSelection
from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.errors import show_error

ACTIONS = (
    ("Accept with the default code", Action.ACCEPT),
    ("Approve (second reviewer)", Action.APPROVE),
    ("Reject", Action.REJECT),
)


class BulkReviewDialog(QDialog):
    """Plans a bulk action, shows what it will and will not touch, and runs it when confirmed."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bulk decision")
        self.setAccessibleName("Bulk decision")
        self.session = session
        self.action = QComboBox()
        self.action.setAccessibleName("Bulk action")
        for label, action in ACTIONS:
            self.action.addItem(label, action)
        self.entity = QComboBox()
        self.entity.setAccessibleName("Which proposals")
        self.entity.addItem("Every undecided proposal", None)
        for entity in sorted({v.item.entity_type for v in session.review.review_items()}):
            self.entity.addItem(f"Only {entity}", entity)
        self.rationale = QLineEdit()
        self.rationale.setAccessibleName("Rationale or reason")
        self.rationale.setPlaceholderText("Why (required to reject; recorded with each decision)")
        self.plan_label = QLabel()
        self.plan_label.setAccessibleName("What will happen")
        self.plan_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Decide")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("Decide")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Action", self.action)
        form.addRow("&Proposals", self.entity)
        form.addRow("&Why", self.rationale)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.plan_label)
        layout.addWidget(buttons)
        self.action.currentIndexChanged.connect(self.update_plan)
        self.entity.currentIndexChanged.connect(self.update_plan)
        self.update_plan()

    def selection(self) -> BulkSelection:
        """The items chosen."""
        entity = self.entity.currentData()
        return BulkSelection(entity_type=entity, everything=entity is None)

    def chosen(self) -> tuple[Action, str | None]:
        """The action and the code it uses."""
        action = Action(self.action.currentData())
        return action, "default" if action is Action.ACCEPT else None

    def plan(self) -> BulkPlan:
        """What the action would do now."""
        action, code = self.chosen()
        return self.session.review.plan_bulk(self.selection(), action, code)

    def update_plan(self) -> None:
        """Describe the plan, with the warning when it needs confirming."""
        try:
            plan = self.plan()
        except SarDeskError as exc:
            self.plan_label.setText(str(exc))
            return
        lines = [f"{len(plan.targets)} item(s) will be decided.", *plan.skipped_lines()]
        if plan.needs_confirmation:
            lines.append(plan.warning())
        self.plan_label.setText("\n".join(lines))

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
