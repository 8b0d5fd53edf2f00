"""The "New case" dialog: the request's details, with the statutory deadline worked out live.

Every change to a field recomputes the deadline through `app.gui_support.preview_deadline` (the
same clock `case show` uses) and shows the derivation lines beside the form, so the officer sees
why the date is what it is before the case exists.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.gui_support import preview_deadline
from sar_desk.app.organisation import load_profile
from sar_desk.core.errors import SarDeskError
from sar_desk.core.model import Case, Regime
from sar_desk.core.organisation import encrypts_new_cases
from sar_desk.gui.dialogs.team_server import ServerChoice
from sar_desk.gui.formatting import days_left_text, long_date


def _date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setAccessibleName(name)
    return edit


def _to_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class NewCaseDialog(QDialog):
    """Collects a new case's details; `case()` and `folder()` give the result after accept."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        cases_root: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New case")
        self.setAccessibleName("New case")
        self._today = today or date.today()
        self.regime = QComboBox()
        for regime in Regime:
            self.regime.addItem(regime.label, regime)
        self.regime.setAccessibleName("Regime")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("for example SAR-2026-0142")
        self.reference.setAccessibleName("Reference")
        self.received = _date_edit("Date received", self._today)
        self.requester = QLineEdit()
        self.requester.setAccessibleName("Requester name")
        self.aliases = QPlainTextEdit()
        self.aliases.setPlaceholderText("One per line: other names, numbers, e-mails, handles")
        self.aliases.setAccessibleName("Requester aliases")
        self.aliases.setTabChangesFocus(True)
        self.aliases.setMaximumHeight(90)
        self.limit_scope = QCheckBox("Only messages between")
        self.limit_scope.setAccessibleName("Limit the scope to dates")
        self.scope_from = _date_edit("Scope from", date(self._today.year, 1, 1))
        self.scope_to = _date_edit("Scope to", self._today)
        self.timezone = QComboBox()
        self.timezone.addItems(sorted(available_timezones()))
        self.timezone.setCurrentText("Europe/London")
        self.timezone.setAccessibleName("Time zone")
        self.parent_folder = QLineEdit(str(cases_root or Path.home() / "SAR Desk cases"))
        self.parent_folder.setAccessibleName("Save cases in")
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Choose where to save the case")
        browse.clicked.connect(self._browse)
        self.server_choice = ServerChoice()  # a case folder here, or a case on a team server
        self.encrypt = QCheckBox("Encrypt the case with a passphrase")
        self.encrypt.setAccessibleName("Encrypt the case")
        # Ticked unless the organisation turned the default off (issue 18): encryption at rest
        # is the safe choice for chat downloads, and unticking it is a visible decision.
        self.encrypt.setChecked(encrypts_new_cases(load_profile()))
        self.remember = QCheckBox("Remember the passphrase on this computer")
        self.remember.setAccessibleName("Remember the passphrase on this computer")
        self.remember.setToolTip(
            "Keep it in this computer's keyring, so the case opens without asking for it"
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Case passphrase")
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again.setAccessibleName("Case passphrase again")
        self.passphrase_note = QLabel()
        self.passphrase_note.setAccessibleName("Passphrase problem")
        self.passphrase_note.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setAccessibleName("Case folder")
        self.folder_label.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setObjectName("dueDate")
        self.due_label.setAccessibleName("Deadline")
        self.due_label.setWordWrap(True)
        self.derivation = QLabel()
        self.derivation.setAccessibleName("How the deadline was worked out")
        self.derivation.setWordWrap(True)
        self.derivation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.derivation.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create case")
        self.ok_button.setAccessibleName("Create case")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout(browse)
        for signal in (
            self.reference.textChanged,
            self.requester.textChanged,
            self.aliases.textChanged,
            self.parent_folder.textChanged,
            self.regime.currentIndexChanged,
            self.received.dateChanged,
            self.scope_from.dateChanged,
            self.scope_to.dateChanged,
            self.limit_scope.toggled,
            self.timezone.currentTextChanged,
            self.encrypt.toggled,
            self.passphrase.textChanged,
            self.passphrase_again.textChanged,
            self.server_choice.changed,
        ):
            signal.connect(self._refresh)
        self._refresh()

    def _layout(self, browse: QPushButton) -> None:
        form = QFormLayout()
        form.addRow("&Regime", self.regime)
        form.addRow("Re&ference", self.reference)
        form.addRow("Recei&ved", self.received)
        form.addRow("Re&quester", self.requester)
        form.addRow("&Aliases", self.aliases)
        scope = QHBoxLayout()
        scope.addWidget(self.limit_scope)
        scope.addWidget(self.scope_from)
        scope.addWidget(QLabel("and"))
        scope.addWidget(self.scope_to)
        form.addRow("Scope", scope)
        form.addRow("&Time zone", self.timezone)
        where = QHBoxLayout()
        where.addWidget(self.parent_folder)
        where.addWidget(browse)
        form.addRow("Keep it", self.server_choice)
        form.addRow("Save in", where)
        form.addRow("", self.folder_label)
        form.addRow("", self.encrypt)
        form.addRow("&Passphrase", self.passphrase)
        form.addRow("Passphrase a&gain", self.passphrase_again)
        form.addRow("", self.remember)
        form.addRow("", self.passphrase_note)
        deadline = QGroupBox("Statutory deadline")
        box = QVBoxLayout(deadline)
        box.addWidget(self.due_label)
        box.addWidget(self.derivation, 1)
        deadline.setMinimumWidth(360)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(form, 3)
        columns.addWidget(deadline, 2)
        # At large text sizes the form is taller than a small screen: it scrolls, the
        # buttons stay in view.
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(area, 1)
        outer.addWidget(self.buttons)
        self.setTabOrder(self.regime, self.reference)
        self.setTabOrder(self.reference, self.received)
        self.setTabOrder(self.received, self.requester)
        self.setTabOrder(self.requester, self.aliases)
        self.setTabOrder(self.aliases, self.limit_scope)

    def case(self) -> Case:
        """The case as entered (aliases are normalised when it is created)."""
        aliases = tuple(a.strip() for a in self.aliases.toPlainText().splitlines() if a.strip())
        limited = self.limit_scope.isChecked()
        return Case(
            reference=self.reference.text().strip(),
            regime=Regime(self.regime.currentData()),
            received=_to_date(self.received),
            requester=self.requester.text().strip() or None,
            aliases=aliases,
            scope_from=_to_date(self.scope_from) if limited else None,
            scope_to=_to_date(self.scope_to) if limited else None,
            timezone=self.timezone.currentText(),
        )

    def case_passphrase(self) -> str | None:
        """The passphrase of an encrypted case, or None when the case is not to be encrypted."""
        return self.passphrase.text() if self._encrypting() else None

    def server(self) -> str | None:
        """The team server to create the case on, or None for a case folder on this PC."""
        return self.server_choice.address()

    def _encrypting(self) -> bool:
        # The team server protects its cases: no case passphrase there.
        return self.encrypt.isChecked() and not self.server_choice.chosen()

    def remember_passphrase(self) -> bool:
        """Whether to keep an encrypted case's passphrase in this computer's keyring."""
        return self._encrypting() and self.remember.isChecked()

    def _passphrase_problem(self) -> str:
        if not self._encrypting():
            return ""
        if not self.passphrase.text():
            return "Choose a passphrase; without it nobody can open the case."
        if self.passphrase.text() != self.passphrase_again.text():
            return "The two passphrases differ."
        return ""

    def folder(self) -> Path:
        """The new case's folder: the reference inside the chosen parent folder."""
        return Path(self.parent_folder.text().strip()) / self.reference.text().strip()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Save cases in", self.parent_folder.text())
        if chosen:
            self.parent_folder.setText(chosen)

    def _refresh(self) -> None:
        self.scope_from.setEnabled(self.limit_scope.isChecked())
        self.scope_to.setEnabled(self.limit_scope.isChecked())
        on_server = self.server_choice.chosen()
        for field in (self.parent_folder, self.encrypt):
            field.setEnabled(not on_server)
        for field in (self.passphrase, self.passphrase_again, self.remember):
            field.setEnabled(self._encrypting())
        problem = self._passphrase_problem()
        self.passphrase_note.setText(problem)
        where = self.server() if on_server else self.parent_folder.text().strip()
        ready = bool(self.reference.text().strip() and where) and not problem
        saved = "on the team server, as your database login" if on_server else f"in {self.folder()}"
        self.folder_label.setText(f"The case will be saved {saved}" if ready else "")
        case = self.case()
        if not case.reference:
            # The clock does not depend on the reference; show it while the officer types.
            case = replace(case, reference="preview")
        try:
            due, left = preview_deadline(case, self._today)
        except SarDeskError as exc:
            self.due_label.setText(str(exc))
            self.derivation.setText("")
            self.ok_button.setEnabled(False)
            return
        self.due_label.setText(f"Due {long_date(due.due)} ({days_left_text(left)})")
        self.derivation.setText("\n".join(f"• {line}" for line in due.derivation))
        self.ok_button.setEnabled(ready)
