"""Asking for an encrypted case's passphrase before the window opens it, and remembering it.

"Remember on this computer" keeps the passphrase in the operating system's keyring
(`app.encryption.remember`), only once it has opened the case; a computer without a keyring
SAR Desk can use says so, and the passphrase is asked for again next time.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.encryption import is_encrypted, is_unlocked, remember, remembered, unlock

PASSPHRASE_ENV = "SAR_DESK_PASSPHRASE"
NO_KEYRING = (
    "This computer has no keyring SAR Desk can use, so the passphrase was not remembered. "
    "The case is open; you will be asked for its passphrase next time."
)


class PassphraseDialog(QDialog):
    """The passphrase of one encrypted case, and whether to remember it on this computer."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Encrypted case")
        self.setAccessibleName("Passphrase of an encrypted case")
        question = QLabel(f"Passphrase of the case in {folder}:")
        question.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Case passphrase")
        question.setBuddy(self.passphrase)
        self.remember = QCheckBox("&Remember on this computer")
        self.remember.setAccessibleName("Remember the passphrase on this computer")
        self.remember.setToolTip(
            "Keep the passphrase in this computer's keyring, so this case opens without asking"
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)


def ask_passphrase(parent: QWidget | None, folder: Path) -> tuple[str, bool] | None:
    """The typed passphrase and whether to remember it; None if the user cancelled."""
    dialog = PassphraseDialog(folder, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase.text(), dialog.remember.isChecked()


def remember_here(parent: QWidget | None, folder: Path, passphrase: str) -> bool:
    """Remember a passphrase that opened `folder`; say so when this computer cannot."""
    if remember(folder, passphrase):
        return True
    QMessageBox.information(parent, "Passphrase not remembered", NO_KEYRING)
    return False


def unlock_case(parent: QWidget | None, folder: Path) -> bool:
    """Make sure an encrypted case in `folder` is unlocked; False if the user cancelled.

    The passphrase comes from the environment or the keyring when there, else from the user,
    who may ask for it to be remembered (only once it has opened the case).

    Raises:
        CaseLockedError: The passphrase is wrong.
    """
    if not is_encrypted(folder) or is_unlocked(folder):
        return True
    known = os.environ.get(PASSPHRASE_ENV) or remembered(folder)
    if known:
        unlock(folder, known)
        return True
    answer = ask_passphrase(parent, folder)
    if answer is None:
        return False
    text, keep = answer
    unlock(folder, text)  # a wrong passphrase raises here, and nothing is remembered
    if keep:
        remember_here(parent, folder, text)
    return True
