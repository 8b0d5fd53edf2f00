"""The Export page's delivery record (R64): how, to whom and when the pack was sent.

A shell over `CaseSession.record_delivery`: the rules (an encrypted pack needs the channel its
password went by, never the password; not before the export, not in the future) are the
session's, and its refusals are shown in their own words.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.delivery import Delivery, DeliveryInput, DeliveryMethod, PasswordChannel
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.errors import show_error
from sar_desk.gui.tables import cell

HEADERS = ("Sent", "How", "To", "Password sent by", "Recorded by")


class DeliveryBox(QGroupBox):
    """Record and list the deliveries of the case's exported packs.

    Signals:
        recorded: A delivery was recorded.
    """

    recorded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Delivery to the requester", parent)
        self.setAccessibleName("Delivery to the requester")
        self.session: CaseSession | None = None
        self.state = QLabel()
        self.state.setAccessibleName("Delivery state")
        self.state.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Deliveries recorded")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.method = QComboBox()
        self.method.setAccessibleName("How the pack was sent")
        for method in DeliveryMethod:
            self.method.addItem(method.label, method.value)
        self.recipient = QLineEdit()
        self.recipient.setAccessibleName("Sent to")
        self.recipient.setPlaceholderText("The e-mail, postal address or name it went to")
        self.recipient.textChanged.connect(self._ready)
        self.sent_at = QDateTimeEdit()
        self.sent_at.setAccessibleName("When it was sent")
        self.sent_at.setCalendarPopup(True)
        self.sent_at.setDisplayFormat("dd MMM yyyy HH:mm")
        self.password = QComboBox()
        self.password.setAccessibleName("How the password was sent separately")
        self.password.addItem("Choose how the password went", None)
        for channel in PasswordChannel:
            self.password.addItem(channel.label.capitalize(), channel.value)
        self.password.currentIndexChanged.connect(self._ready)
        self.note = QLineEdit()
        self.note.setAccessibleName("Delivery note")
        self.note.setPlaceholderText("Optional: a tracking number, a read receipt…")
        self.record_button = QPushButton("&Record delivery")
        self.record_button.setAccessibleName("Record delivery")
        self.record_button.clicked.connect(self.record)
        self._encrypted = False
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Sent by", self.method)
        form.addRow("To", self.recipient)
        form.addRow("On", self.sent_at)
        form.addRow("Password sent by", self.password)
        form.addRow("Note", self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(row)

    def show_session(self, session: CaseSession) -> None:
        """Show the deliveries of `session`'s exports and ready the form for the newest one."""
        self.session = session
        made = session.delivery.exports_made()
        recorded = session.delivery.deliveries()
        self._fill(recorded)
        waiting = session.delivery.undelivered_export()
        zone = ZoneInfo(session.case.timezone)
        self._encrypted = bool(made) and made[-1].encrypted
        if not made:
            text = "Nothing is exported yet: record the delivery here once the pack has gone."
        elif waiting is not None:
            text = (
                f"The bundle exported on {waiting.at.astimezone(zone):%d %b %Y at %H:%M} has no "
                "delivery recorded yet. Once it has gone, say how, to whom and when."
            )
            if waiting.encrypted:
                text += " Its pack has a password: say how that went, separately."
        else:
            text = f"The newest bundle was delivered: {recorded[-1].sentence()}."
        self.state.setText(text)
        self.password.setEnabled(self._encrypted)
        if not self._encrypted:
            self.password.setCurrentIndex(0)
        now = session.delivery.local_now()  # the case's own time zone, as the time is read back
        self.sent_at.setDateTime(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.setEnabled(bool(made))
        self._ready()

    def _fill(self, recorded: list[Delivery]) -> None:
        self.table.setSortingEnabled(False)  # filling a sorted table scrambles rows
        self.table.setRowCount(len(recorded))
        for row, item in enumerate(recorded):
            cells = (
                item.sent_at.strftime("%Y-%m-%d %H:%M"),  # sorts as it reads
                item.method.label,
                item.recipient,
                item.password_channel.label if item.password_channel else "No password",
                item.recorded_by,
            )
            for column, text in enumerate(cells):
                shown = cell(text)
                shown.setToolTip(item.note or text)
                self.table.setItem(row, column, shown)
        self.table.setSortingEnabled(True)
        self.table.setVisible(bool(recorded))

    def _ready(self) -> None:
        channel_ok = not self._encrypted or self.password.currentData() is not None
        self.record_button.setEnabled(bool(self.recipient.text().strip()) and channel_ok)

    def given(self) -> DeliveryInput:
        """The form as a delivery (the time in the case's time zone, as typed)."""
        channel = self.password.currentData()
        on, at = self.sent_at.date(), self.sent_at.time()
        typed = datetime(on.year(), on.month(), on.day(), at.hour(), at.minute())
        return DeliveryInput(
            DeliveryMethod(self.method.currentData()),
            self.recipient.text(),
            typed,
            PasswordChannel(channel) if channel else None,
            self.note.text(),
        )

    def record(self) -> None:
        """Record the delivery; a refusal is shown in the session's words."""
        if self.session is None:
            return
        try:
            self.session.delivery.record_delivery(self.given())
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.recipient.clear()
        self.note.clear()
        self.password.setCurrentIndex(0)
        self.recorded.emit()
