"""How an FOI, EIR, FOISA or EISR request is answered: held, not held, NCND or refused.

A thin shell over the session's `record_outcome` / `outcome` / `outcome_codes` (the same service
``case outcome`` calls). `OutcomeBox` shows the recorded outcome on the Export page and opens
`OutcomeDialog`, whose code picker offers only the codes the service accepts for the chosen
answer. The export writes the matching letter (FOIA s.17 / EIR reg 14 / FOISA s.16).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.session import CaseSession
from sar_desk.core.errors import BadInputError, SarDeskError
from sar_desk.core.model import Regime
from sar_desk.core.outcome import Outcome, OutcomeKind
from sar_desk.gui.errors import show_error
from sar_desk.gui.formatting import long_date

KIND_LABELS = {
    OutcomeKind.HELD: "Held: the information is held and disclosed, in whole or in part",
    OutcomeKind.NOT_HELD: "Not held: the information is not held",
    OutcomeKind.NCND: "Neither confirm nor deny that the information is held",
    OutcomeKind.REFUSE: "Refuse the whole request (for example the cost limit)",
}
_SHORT = {
    OutcomeKind.HELD: "Held",
    OutcomeKind.NOT_HELD: "Not held",
    OutcomeKind.NCND: "Neither confirm nor deny",
    OutcomeKind.REFUSE: "Whole request refused",
}
_NO_CODE = {
    OutcomeKind.NCND: (
        "Choose the provision that allows neither confirming nor denying that the "
        "information is held."
    ),
    OutcomeKind.REFUSE: "Choose the provision the whole request is refused under.",
}


def describe_outcome(session: CaseSession, outcome: Outcome | None) -> str:
    """The recorded outcome in words, with its provision and reason."""
    if outcome is None:
        return (
            "No outcome recorded yet: the response will say the information is held and "
            "disclose it with any redactions."
        )
    text = _SHORT[outcome.kind]
    if outcome.code:
        found = {c.code: c for c in session.review.reason_codes()}.get(outcome.code)
        text += f" under {found.reference if found else outcome.code}"
    lines = [text + "."]
    if outcome.reason:
        lines.append(f"Reason given: {outcome.reason}")
    lines.append(f"Recorded by {outcome.recorded_by} on {long_date(outcome.recorded_at.date())}.")
    return "\n".join(lines)


class OutcomeDialog(QDialog):
    """Choose the answer, its provision and the reason; saving records it through the session."""

    saved = Signal(object)

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Request outcome")
        self.setAccessibleName("Request outcome")
        self.kinds = QButtonGroup(self)
        self.choices: dict[OutcomeKind, QRadioButton] = {}
        answers = QGroupBox("How is the request answered?")
        column = QVBoxLayout(answers)
        for number, kind in enumerate(OutcomeKind):
            button = QRadioButton(KIND_LABELS[kind])
            button.setAccessibleName(_SHORT[kind])
            self.kinds.addButton(button, number)
            self.choices[kind] = button
            column.addWidget(button)
        self.code = QComboBox()
        self.code.setAccessibleName("Provision relied on")
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            "Why this applies to this request, in words the requester can follow"
        )
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setAccessibleName("What this answer needs")
        form = QFormLayout()
        form.addRow("&Provision:", self.code)
        form.addRow("&Reason:", self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save outcome")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(answers)
        layout.addLayout(form)
        layout.addWidget(self.help)
        layout.addWidget(buttons)
        self.kinds.idToggled.connect(lambda _id, on: self._kind_changed() if on else None)
        current = session.legal.outcome()
        self.choose(current.kind if current else OutcomeKind.HELD)
        if current is not None:
            self.reason.setPlainText(current.reason)
            if current.code:
                self.code.setCurrentIndex(max(self.code.findData(current.code), 0))

    def kind(self) -> OutcomeKind:
        """The answer chosen."""
        return next(k for k, b in self.choices.items() if b.isChecked())

    def choose(self, kind: OutcomeKind) -> None:
        """Select an answer (the provision list follows)."""
        self.choices[kind].setChecked(True)
        self._kind_changed()

    def choose_code(self, code: str) -> bool:
        """Select a provision by its code; False when the list does not offer it."""
        index = self.code.findData(code)
        if index >= 0:
            self.code.setCurrentIndex(index)
        return index >= 0

    def _kind_changed(self) -> None:
        kind = self.kind()
        # Only the codes the service itself accepts for this answer are offered.
        codes = self.session.legal.outcome_codes(kind)
        self.code.clear()
        for found in codes:
            self.code.addItem(f"{found.reference}: {found.title}", found.code)
        self.code.setEnabled(bool(codes))
        self.reason.setEnabled(kind is not OutcomeKind.HELD)
        if kind is OutcomeKind.HELD:
            self.help.setText("The export discloses what is held, with the recorded redactions.")
        elif kind is OutcomeKind.NOT_HELD:
            self.help.setText(
                "Say why the information is not held (for example, what was searched)."
            )
        elif codes:
            self.help.setText("Choose the provision and say why it applies to this request.")
        else:
            self.help.setText(_NO_CODE[kind] + " None is available for this kind of request.")

    def save(self) -> None:
        """Record the outcome through the session; problems are shown as sentences."""
        kind = self.kind()
        code = self.code.currentData() if self.code.isEnabled() else None
        try:
            if kind in _NO_CODE and not code:
                raise BadInputError(_NO_CODE[kind])
            outcome = self.session.legal.record_outcome(kind, code, self.reason.toPlainText())
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.saved.emit(outcome)
        self.accept()


class OutcomeBox(QGroupBox):
    """The recorded outcome and the way to change it (shown only for FOI-type cases)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Request outcome", parent)
        self.session: CaseSession | None = None
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.current.setAccessibleName("Recorded outcome")
        self.change_button = QPushButton("Record &outcome…")
        self.change_button.setAccessibleName("Record outcome")
        self.change_button.clicked.connect(self.open_dialog)
        self.dialog: OutcomeDialog | None = None
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.current)
        column.addLayout(row)

    def show_session(self, session: CaseSession | None) -> None:
        """Show the outcome of `session`'s case; hidden for subject access requests."""
        self.session = session
        applies = session is not None and session.case.regime is not Regime.SAR
        self.setVisible(applies)
        if applies and session is not None:
            self.current.setText(describe_outcome(session, session.legal.outcome()))

    def open_dialog(self) -> OutcomeDialog | None:
        """Open the outcome dialog (non-blocking) and return it."""
        if self.session is None:
            return None
        self.dialog = OutcomeDialog(self.session, self)
        self.dialog.saved.connect(lambda _outcome: self._saved())
        self.dialog.open()
        return self.dialog

    def _saved(self) -> None:
        self.show_session(self.session)
        self.changed.emit()

    def set_busy(self, busy: bool) -> None:
        """No change of outcome while a writing job runs."""
        self.change_button.setEnabled(not busy)
