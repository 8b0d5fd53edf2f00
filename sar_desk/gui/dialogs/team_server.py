"""Choosing a case on a team server (PostgreSQL) from the start screen (issue 17).

The officer gives the server's address and the case reference; the credentials are the
database login's, the libpq way (in the address, PGUSER/PGPASSWORD or ``~/.pgpass``), and the
acting user is that login. The window never stores a password.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

SERVER_ENV = "SAR_DESK_SERVER"
"""The team server the command line uses; the dialog starts with it."""


class TeamServerDialog(QDialog):
    """The address of a team server and the reference of a case on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a case on a team server")
        self.address_edit = QLineEdit(os.environ.get(SERVER_ENV, "").strip())
        self.address_edit.setPlaceholderText("postgresql://server.example.org/sar")
        self.address_edit.setAccessibleName("Team server address")
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("SAR-2026-0142")
        self.reference_edit.setAccessibleName("Case reference")
        note = QLabel(
            "You act as your database login: SAR Desk uses the credentials in the address, or "
            "your PGUSER/PGPASSWORD or password file, and never stores a password."
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        form = QFormLayout()
        form.addRow("&Server address", self.address_edit)
        form.addRow("Case &reference", self.reference_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        for edit in (self.address_edit, self.reference_edit):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ready = bool(self.address().strip()) and bool(self.reference().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ready)

    def address(self) -> str:
        """The server address as typed."""
        return self.address_edit.text().strip()

    def reference(self) -> str:
        """The case reference as typed."""
        return self.reference_edit.text().strip()


class ServerChoice(QWidget):
    """The New case dialog's choice: a case folder on this PC, or a case on a team server.

    On a team server the case is named by its reference, the creator is the database login
    and the server protects the case, so the folder and passphrase fields do not apply.
    """

    changed = Signal()
    """The choice or the address changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chosen = os.environ.get(SERVER_ENV, "").strip()
        self.on_server = QCheckBox("Create it on a team server")
        self.on_server.setAccessibleName("Create the case on a team server")
        self.on_server.setChecked(bool(chosen))
        self.address_edit = QLineEdit(chosen)
        self.address_edit.setPlaceholderText("postgresql://server.example.org/sar")
        self.address_edit.setAccessibleName("Team server address")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.on_server)
        row.addWidget(self.address_edit, 1)
        self.on_server.toggled.connect(self._toggled)
        self.address_edit.textChanged.connect(self.changed)
        self._toggled()

    def _toggled(self) -> None:
        self.address_edit.setEnabled(self.on_server.isChecked())
        self.changed.emit()

    def chosen(self) -> bool:
        """Whether the case is to be created on a team server."""
        return self.on_server.isChecked()

    def address(self) -> str | None:
        """The team server's address when one is chosen and given, else None."""
        if not self.on_server.isChecked():
            return None
        return self.address_edit.text().strip() or None


def ask_team_case(parent: QWidget | None) -> tuple[str, str] | None:
    """(server address, case reference) the officer chose, or None when they cancelled."""
    dialog = TeamServerDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.address(), dialog.reference()
