"""Asking for an encrypted case's passphrase before the window opens it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from sar_desk.app.encryption import is_encrypted, is_unlocked, remembered, unlock

PASSPHRASE_ENV = "SAR_DESK_PASSPHRASE"


def unlock_case(parent: QWidget | None, folder: Path) -> bool:
    """Make sure an encrypted case in `folder` is unlocked; False if the user cancelled.

    The passphrase comes from the environment or the keyring when there, else from the user.

    Raises:
        CaseLockedError: The passphrase is wrong.
    """
    if not is_encrypted(folder) or is_unlocked(folder):
        return True
    known = os.environ.get(PASSPHRASE_ENV) or remembered(folder)
    if known:
        unlock(folder, known)
        return True
    text, ok = QInputDialog.getText(
        parent,
        "Encrypted case",
        f"Passphrase of the case in {folder}:",
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        return False
    unlock(folder, text)
    return True
