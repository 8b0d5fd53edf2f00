"""The decisions a reviewer can make on the Review panel, as buttons and single keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QPushButton, QWidget

from sar_desk.app.api import WithholdBasis
from sar_desk.core.decisions import Action
from sar_desk.core.errors import BadInputError, SarDeskError
from sar_desk.gui.context import DECISIONS
from sar_desk.gui.dialogs.bulk_review import BulkReviewDialog
from sar_desk.gui.errors import show_error
from sar_desk.gui.flow_layout import FlowLayout

UNDO_TIP = "Take back my latest decision (recorded: the audit log shows both)"

if TYPE_CHECKING:
    from sar_desk.app.session import CaseSession
    from sar_desk.gui.widgets.review_panel import ReviewPanel


def _flow(buttons: list[QPushButton]) -> QWidget:
    holder = QWidget()
    flow = FlowLayout(holder)
    for button in buttons:
        flow.addWidget(button)
    return holder


class ReviewActions:
    """Builds the decision buttons and carries out each decision through the session."""

    def __init__(self, panel: ReviewPanel) -> None:
        self.panel = panel
        spec: list[tuple[str, str, str, Callable[[], None]]] = [
            ("&Accept (A)", "A", "Accept the proposal with the chosen code", self.accept),
            ("&Reject (R)", "R", "Reject the proposal (a reason is required)", self.reject),
            ("Appro&ve (V)", "V", "Approve an accepted redaction (second reviewer)", self.approve),
            ("&Edit span (E)", "E", "Make the selected text the span to redact", self.edit_span),
            ("Redact selection (&M)", "M", "Redact the selected text by hand", self.redact),
            ("&Withhold (W)", "W", "Withhold the whole message", self.withhold),
            ("Bul&k…", "Ctrl+Shift+B", "Decide many proposals at once", self.bulk),
        ]
        steps: list[tuple[str, str, str, Callable[[], None]]] = [
            ("← &Previous (P)", "P", "Show the previous item", lambda: self._step(-1)),
            ("Ne&xt (N) →", "N", "Show the next item", lambda: self._step(1)),
            ("&Undo my last decision (Ctrl+Z)", "Ctrl+Z", UNDO_TIP, self.undo),
        ]
        self.buttons: list[QPushButton] = []
        self.step_buttons: list[QPushButton] = []
        self._keys: dict[str, Callable[[], None]] = {}
        for group, entries in ((self.buttons, spec), (self.step_buttons, steps)):
            for text, key, tip, slot in entries:
                button = QPushButton(text)
                name = text.split(" (")[0].replace("&", "").rstrip("…").strip("← ")
                button.setAccessibleName(name)
                button.setToolTip(f"{tip} ({key})")
                button.clicked.connect(slot)
                group.append(button)
                self._keys[key] = slot
        self.undo_button = self.step_buttons[-1]

    def button_row(self) -> QWidget:
        """The decisions and undo, wrapping onto as many lines as the pane's width needs.

        With normal text they sit in rows beside the queue; with 200% text on a small screen
        they wrap, so the page never needs sideways scrolling (issue 19).
        """
        return _flow([*self.buttons, self.undo_button])

    def step_row(self) -> QWidget:
        """Previous and next (undo sits with the decisions), wrapping like the decisions."""
        return _flow([b for b in self.step_buttons if b is not self.undo_button])

    def keys(self) -> dict[str, Callable[[], None]]:
        """Key sequence -> action, for the panel's shortcuts."""
        return dict(self._keys)

    def set_enabled(self, enabled: bool) -> None:
        """Enable or disable every decision."""
        for button in self.buttons + self.step_buttons:
            button.setEnabled(enabled)

    def _step(self, delta: int) -> None:
        self.panel.select_row(self.panel.table.currentIndex().row() + delta)

    def accept(self) -> None:
        """Accept the current proposal with the chosen code and rationale (asked if empty)."""
        rationale = self._rationale()
        if rationale is not None:
            self.panel.decide(
                Action.ACCEPT, code=self.panel.message.chosen_code(), rationale=rationale
            )

    def _rationale(self) -> str | None:
        # Every redaction records why its code applies (R29); ask rather than fail.
        typed = self.panel.message.rationale.text().strip()
        return typed or self.panel.ask_reason("Rationale", "Why does this code apply here?")

    def reject(self) -> None:
        """Reject the current proposal; the reason is required."""
        reason = self.panel.ask_reason("Reject proposal", "Why should this not be redacted?")
        if reason is not None:
            self.panel.decide(Action.REJECT, note=reason)

    def approve(self) -> None:
        """Approve the current accepted item (must be a different reviewer)."""
        self.panel.decide(Action.APPROVE)

    def edit_span(self) -> None:
        """Make the selected text the span of the current proposal."""
        span = self.panel.message.selection()
        if span is None:
            show_error(
                self.panel,
                BadInputError(
                    "Select the text that should be redacted in the message first, then press E."
                ),
            )
            return
        self.panel.decide(Action.MODIFY, start=span[0], end=span[1])

    def redact(self) -> None:
        """Redact the selected text by hand, with the chosen code and rationale."""
        view = self.panel.current()
        span = self.panel.message.selection()
        if view is None or span is None:
            show_error(
                self.panel,
                BadInputError("Select the text to redact in the message first, then press M."),
            )
            return
        message = self.panel.message
        rationale = self._rationale()
        if rationale is None:
            return
        self._write(
            lambda s: s.review.manual_redaction(
                int(view.item.message_id),
                span[0],
                span[1],
                message.chosen_code(),
                rationale,
            )
        )

    def withhold(self) -> None:
        """Withhold the whole message, after confirming why."""
        view = self.panel.current()
        if view is None:
            return
        choices = [b.sentence for b in WithholdBasis]
        chosen, ok = QInputDialog.getItem(
            self.panel, "Withhold the whole message", "Why withhold it entirely?", choices, 0, False
        )
        if not ok:
            return
        basis = list(WithholdBasis)[choices.index(chosen)]
        message = self.panel.message
        rationale = self._rationale()
        if rationale is None:
            return
        self._write(
            lambda s: s.review.withhold(
                int(view.item.message_id),
                message.chosen_code(),
                rationale,
                basis,
            )
        )

    def undo(self) -> None:
        """Undo my latest decision; recorded as a decision of its own (the log keeps both)."""
        try:
            result = self.panel.context.require().review.undo_last_decision()
        except SarDeskError as exc:
            self.panel.report(exc)
            return
        self.panel.context.notify(frozenset({DECISIONS}))
        row = self.panel.model.row_of(int(result.items[0].item.id)) if result.items else -1
        if row >= 0:
            self.panel.select_row(row)

    def bulk(self) -> None:
        """Open the bulk-decision dialog."""
        session = self.panel.context.require()
        dialog = BulkReviewDialog(session, self.panel)
        if dialog.exec() == BulkReviewDialog.DialogCode.Accepted:
            self.panel.context.notify(frozenset({DECISIONS}))

    def _write(self, call: Callable[[CaseSession], object]) -> None:
        try:
            call(self.panel.context.require())
        except SarDeskError as exc:
            self.panel.report(exc)
            return
        self.panel.context.notify(frozenset({DECISIONS}))
