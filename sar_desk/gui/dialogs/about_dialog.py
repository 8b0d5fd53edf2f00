"""Help > About SAR Desk: the version, and the data, models, fonts and libraries inside.

A thin shell over `app.about` (the same facts ``sar-desk about`` prints). The notices are
part of the product: several shipped lists come under licences that ask for attribution where
the product is used (GeoNames' place names, CC BY 4.0; wordfreq's frequencies, CC BY-SA 4.0).
Qt's own notice (Help > About Qt, or the button here) is Qt's standard dialog.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
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

from sar_desk.app.about import AboutInfo, about, about_text
from sar_desk.core.errors import SarDeskError

HEADLINE = (
    "SAR Desk helps answer Subject Access and Freedom of Information requests that reach into "
    "workplace chat. It works entirely on this computer and never opens a network connection."
)


class AboutDialog(QDialog):
    """The version and every third-party part with its licence and attribution."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About SAR Desk")
        self.info: AboutInfo | None = None
        headline = QLabel(HEADLINE)
        headline.setWordWrap(True)
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setAccessibleName("Data sources, models, fonts and libraries, with licences")
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setToolTip("Copy the version and notices, e.g. for the IT department")
        self.copy_button.clicked.connect(self.copy)
        qt_button = QPushButton("About &Qt")
        qt_button.clicked.connect(lambda: QMessageBox.aboutQt(self, "About Qt"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(qt_button, QDialogButtonBox.ButtonRole.ActionRole)
        column = QVBoxLayout(self)
        column.addWidget(headline)
        column.addWidget(self.notices, 1)
        column.addWidget(buttons)
        self.resize(860, 600)
        self.load()

    def load(self) -> None:
        """Read the notices; a damaged installation says so in place of them."""
        try:
            self.info = about()
        except SarDeskError as exc:
            # Not a second dialog: the reason stands where the notices would be.
            self.info = None
            self.notices.setPlainText(str(exc))
            return
        self.notices.setPlainText("\n".join(about_text(self.info)))

    def copy(self) -> None:
        """Put the text shown on the clipboard."""
        QGuiApplication.clipboard().setText(self.notices.toPlainText())
