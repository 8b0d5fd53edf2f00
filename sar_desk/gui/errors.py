"""Showing errors: a plain sentence for expected failures, a "this is a bug" dialog otherwise.

`SarDeskError` messages are written for caseworkers, so they are shown as they are. `Cancelled`
means the user stopped a job and is shown as nothing. Anything else is a bug: the dialog says so,
offers the details to copy into a support request, and says where the log file is.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk import __version__
from sar_desk.app.paths import user_data_dir
from sar_desk.core.errors import Cancelled, SarDeskError
from sar_desk.gui.hints import window_hint

logger = logging.getLogger(__name__)

LOG_NAME = "sar-desk.log"


def log_file() -> Path:
    """Where the window writes its log (ids and counts only, never message text)."""
    return user_data_dir() / "logs" / LOG_NAME


class BugDialog(QDialog):
    """Tells the user something went wrong that is our fault, with details they can copy."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("This is a bug in SAR Desk")
        self.setAccessibleName("Bug report")
        self.setMinimumWidth(560)
        intro = QLabel(
            "Something went wrong that SAR Desk did not expect. Your case has not been changed "
            "by the step that failed. Please send the details below to your SAR Desk support "
            f"contact. The log file is at:\n{log_file()}"
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = intro
        self.details = QPlainTextEdit(self.details_text(exc))
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details")
        self.details.setMinimumHeight(180)
        copy = QPushButton("Copy details")
        copy.setAccessibleName("Copy details")
        copy.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    @staticmethod
    def details_text(exc: BaseException) -> str:
        """The version and the traceback (code locations; no case data is added here)."""
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return f"SAR Desk {__version__}\n{trace}"

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def show_error(parent: QWidget | None, exc: BaseException) -> QDialog | None:
    """Show `exc` the way its kind deserves and return the dialog (None for `Cancelled`).

    The dialog is window-modal but not blocking (``open()``), so it can be shown from a slot
    while a worker is still delivering signals.
    """
    if isinstance(exc, Cancelled):
        return None
    dialog: QDialog
    if isinstance(exc, SarDeskError):
        logger.info("expected failure shown to the user: %s", exc.code)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("SAR Desk")
        sentence, section = window_hint(exc.hint)
        box.setText(f"{exc} {sentence}".strip())
        box.setAccessibleName("Problem")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        _offer_section(box, parent, section)
        dialog = box
    else:
        logger.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        dialog = BugDialog(exc, parent)
    dialog.setModal(True)
    dialog.open()
    return dialog


def _offer_section(box: QMessageBox, parent: QWidget | None, section: str | None) -> None:
    """Add a "Go to …" button when the page that fixes the problem is in this window."""
    window = parent.window() if parent is not None else None
    show = getattr(window, "show_section", None)
    panels = getattr(window, "panels", {})
    if section is None or show is None or section not in panels:
        return
    go = box.addButton(f"Go to {section}", QMessageBox.ButtonRole.AcceptRole)
    go.setAccessibleName(f"Go to {section}")
    go.clicked.connect(lambda: show(section))
