"""The message under review, with the proposed span highlighted, and the code picker.

Message offsets are Python string indices; Qt's text cursor counts UTF-16 code units, so an
emoji before a span would shift the highlight by one. `to_qt`/`from_qt` convert between the two.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.api import ItemView
from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Message
from sar_desk.gui.formatting import local_time

DEFAULT_CODE = "default"
SPAN_BG = "#ffd54a"


def to_qt(text: str, index: int) -> int:
    """A Python string index as a Qt (UTF-16) position."""
    return len(text[:index].encode("utf-16-le")) // 2


def from_qt(text: str, position: int) -> int:
    """A Qt (UTF-16) position as a Python string index."""
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class ReviewMessage(QWidget):
    """Shows one item's message and collects the code and rationale for a decision."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setAccessibleName("Message details")
        self.header.setWordWrap(True)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Message under review")
        self.text.setToolTip("Select text, then press M to redact it or E to make it the span")
        self.state = QLabel()
        self.state.setAccessibleName("Item status")
        self.state.setWordWrap(True)
        self.code = QComboBox()
        self.code.setAccessibleName("Reason code")
        self.code.currentIndexChanged.connect(self._code_changed)
        self.code_summary = QLabel()
        self.code_summary.setAccessibleName("What the code means")
        self.code_summary.setWordWrap(True)
        self.code_summary.setObjectName("hint")
        self.rationale = QLineEdit()
        self.rationale.setAccessibleName("Rationale")
        self.rationale.setPlaceholderText("Why the code applies (recorded with the decision)")
        form = QFormLayout()
        form.addRow("&Code", self.code)
        form.addRow("", self.code_summary)
        form.addRow("R&ationale", self.rationale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.state)
        layout.addLayout(form)
        self._codes: list[ReasonCode] = []
        self._message: Message | None = None

    def set_codes(self, codes: list[ReasonCode]) -> None:
        """Offer the codes of the case's regime (and "default" for the regime's usual code)."""
        self._codes = list(codes)
        self.code.clear()
        self.code.addItem("Default code for this kind of data", DEFAULT_CODE)
        for code in codes:
            self.code.addItem(f"{code.marker} — {code.title}", code.code)
            self.code.setItemData(self.code.count() - 1, code.summary, role=3)  # ToolTipRole

    def chosen_code(self) -> str:
        """The code picked ("default" for the regime's default)."""
        return str(self.code.currentData() or DEFAULT_CODE)

    def _code_changed(self) -> None:
        chosen = self.chosen_code()
        match = next((c for c in self._codes if c.code == chosen), None)
        self.code_summary.setText(
            f"{match.reference}: {match.summary}"
            if match
            else "The usual code for this kind of data in this regime (for example third-party "
            "data in a subject access request)."
        )

    def show_item(self, view: ItemView, message: Message | None, timezone: str) -> None:
        """Show an item's message with its span highlighted."""
        self._message = message
        if message is None:
            self.header.setText(f"Message #{int(view.item.message_id)} is not in the case.")
            self.text.clear()
            return
        self.header.setText(
            f"<b>{message.sender or 'System'}</b> in {message.conversation} "
            f"({message.platform}) · {local_time(message.timestamp, timezone)}"
        )
        self.text.setPlainText(message.text)
        start = view.state.start if view.state.start is not None else view.item.start
        end = view.state.end if view.state.end is not None else view.item.end
        if view.item.field is ProposalField.TEXT and start is not None and end is not None:
            self._mark(message.text, start, end)
        state = view.state
        lines = [
            f"{view.item.entity_type} proposed by {view.item.recognizer}"
            + (f" (score {view.item.score:.2f})" if view.item.score is not None else "")
        ]
        if view.item.field is not ProposalField.TEXT:
            lines.append(f"In the message's {view.item.field}: “{view.text}”")
        if state.code:
            lines.append(f"Code {state.code}" + (f": {state.rationale}" if state.rationale else ""))
        if state.proposer:
            lines.append(
                f"Accepted by {state.proposer}"
                + (f", approved by {state.approver}" if state.approver else "")
            )
        if state.note:
            lines.append(f"Note: {state.note}")
        self.state.setText("\n".join(lines))

    def _mark(self, text: str, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(to_qt(text, start))
        cursor.setPosition(to_qt(text, end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(SPAN_BG))
        fmt.setFontWeight(700)
        cursor.mergeCharFormat(fmt)
        self.text.setTextCursor(QTextCursor(cursor.block()))
        self.text.ensureCursorVisible()

    def selection(self) -> tuple[int, int] | None:
        """The selected characters as Python offsets into the message text, or None."""
        cursor = self.text.textCursor()
        if self._message is None or not cursor.hasSelection():
            return None
        text = self._message.text
        return from_qt(text, cursor.selectionStart()), from_qt(text, cursor.selectionEnd())
