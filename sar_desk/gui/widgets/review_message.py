"""The message under review in its conversation, each proposal marked exactly where it is.

Message offsets are Python string indices; Qt's text cursor counts UTF-16 code units, so an
emoji before a span would shift the highlight by one. `to_qt`/`from_qt` convert between the two.
Highlights are extra selections (an overlay), never formats written into the document, so
nothing of one item's marking can carry over into the next message.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sar_desk.app.api import ItemView
from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Message
from sar_desk.gui.formatting import local_time
from sar_desk.gui.tables import scrolling
from sar_desk.gui.widgets.conversation_view import ConversationView
from sar_desk.gui.widgets.review_labels import code_name, proposal_reason

DEFAULT_CODE = "default"
SPAN_BG = "#ffd54a"  # the item being decided
OTHER_BG = "#e6eefb"  # other proposals in the same message


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


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def span_of(view: ItemView) -> tuple[int, int] | None:
    """The characters of the message text an item covers now, or None (not a text span)."""
    if view.item.field is not ProposalField.TEXT:
        return None
    start = view.state.start if view.state.start is not None else view.item.start
    end = view.state.end if view.state.end is not None else view.item.end
    return (start, end) if start is not None and end is not None else None


class MarkedText(QTextEdit):
    """The message text; hovering a marked span says what it is and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reasons: list[tuple[int, int, str]] = []  # Qt positions and the words for each

    def viewportEvent(self, event: QEvent) -> bool:
        """Show the reasons of the spans under the mouse as the tooltip."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            why = [reason for start, end, reason in self.reasons if start <= position < end]
            if why:
                QToolTip.showText(event.globalPos(), "\n".join(why), self)
                return True
        return super().viewportEvent(event)


class ReviewMessage(QWidget):
    """Shows one item's message in context and collects the code and rationale for a decision."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setAccessibleName("Message details")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.context = ConversationView()
        self.context.setAccessibleName("Conversation around the message")
        self.context.setPlaceholderText("The messages before and after appear here.")
        self.text = MarkedText()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Message under review")
        self.text.setToolTip("Select text, then press M to redact it or E to make it the span")
        self.proposals = QLabel()
        self.proposals.setAccessibleName("Proposals in this message")
        self.proposals.setWordWrap(True)
        self.proposals.setTextFormat(Qt.TextFormat.RichText)
        # Issue 19: attachment items show the box editor (helper `attachx`) here.
        self.attachment_box = QGroupBox("Attachment")
        self.attachment_box.setAccessibleName("Attachment under review")
        self.attachment_layout = QVBoxLayout(self.attachment_box)
        self.attachment_box.hide()
        self.state = QLabel()
        self.state.setAccessibleName("Item status")
        self.state.setWordWrap(True)
        self.code = QComboBox()
        self.code.setAccessibleName("Reason code")
        # Long code titles would make the pane (and the page) as wide as the longest one; the
        # box shows what fits and its list opens wide enough to read every title in full.
        self.code.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.code.setMinimumContentsLength(24)
        self.code.currentIndexChanged.connect(self._code_changed)
        self.code_summary = QLabel()
        self.code_summary.setAccessibleName("What the code means")
        self.code_summary.setWordWrap(True)
        self.code_summary.setObjectName("hint")
        self.rationale = QLineEdit()
        self.rationale.setAccessibleName("Rationale")
        self.rationale.setPlaceholderText("Why the code applies (recorded with the decision)")
        self._build()
        self._codes: list[ReasonCode] = []
        self._message: Message | None = None
        self._item_id: int | None = None
        self._spans: list[tuple[int, int, str]] = []  # Python offsets and what each one is

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("&Code", self.code)
        form.addRow("", self.code_summary)
        form.addRow("R&ationale", self.rationale)
        current = QWidget()
        box = QVBoxLayout(current)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.header)
        box.addWidget(self.text, 1)
        box.addWidget(self.proposals)
        box.addWidget(self.attachment_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.context)
        # The message and its list of proposals scroll when space is short (large text).
        split.addWidget(scrolling(current))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.state)
        layout.addLayout(form)

    def set_codes(self, codes: list[ReasonCode]) -> None:
        """Offer the codes of the case's regime by name (and the regime's usual code first)."""
        self._codes = list(codes)
        self.code.clear()
        self.code.addItem("The usual code for this kind of data", DEFAULT_CODE)
        for code in codes:
            self.code.addItem(f"{code.title} ({code.marker})", code.code)
            self.code.setItemData(self.code.count() - 1, code.summary, role=3)  # ToolTipRole
        view = self.code.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24)

    @property
    def codes(self) -> list[ReasonCode]:
        """The codes on offer."""
        return list(self._codes)

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

    def clear(self, header: str = "") -> None:
        """Show nothing (an empty queue); forget the item, its marks, code and rationale."""
        self._message, self._item_id, self._spans = None, None, []
        self.header.setText(html.escape(header))
        self.text.clear()
        self.text.setExtraSelections([])
        self.text.reasons = []
        self.context.clear()
        self.proposals.clear()
        self.state.clear()
        self.show_attachment(False)
        self._reset_decision(None)

    def _reset_decision(self, view: ItemView | None) -> None:
        # Issue 19: code and rationale start afresh for every item (its own code if it has one).
        index = self.code.findData(view.state.code) if view is not None and view.state.code else 0
        self.code.setCurrentIndex(max(index, 0))
        self.rationale.clear()

    def show_item(
        self,
        view: ItemView,
        message: Message | None,
        timezone: str,
        others: Sequence[ItemView] = (),
        context: Sequence[Message] = (),
    ) -> None:
        """Show an item's message in its context, its proposals marked exactly in place.

        `others` are the other review items of the same message (marked more lightly).
        """
        if int(view.item.id) != self._item_id:
            self._reset_decision(view)
        self._item_id = int(view.item.id)
        self._message = message
        if message is None:
            self.clear(f"Message #{int(view.item.message_id)} is not in the case.")
            self._item_id = int(view.item.id)
            return
        sender = html.escape(message.sender or "System")
        if view.item.field is ProposalField.SENDER:
            # A sender-only proposal marks the sender's name, never the body.
            sender = f'<span style="background-color:{SPAN_BG}">{sender}</span>'
        self.header.setText(
            f"<b>{sender}</b> in {html.escape(message.conversation)} "
            f"({html.escape(message.platform)}) · "
            f"{html.escape(local_time(message.timestamp, timezone))}"
        )
        self.text.setPlainText(message.text)
        self._mark(message.text, view, others)
        self.context.show_messages(list(context) or [message], timezone, hit=message)
        lines = [f"<b>▶ {_esc(proposal_reason(view, self._codes))}</b>"]
        if view.item.field is not ProposalField.TEXT and view.text:
            lines.append(f"Proposed: “{_esc(view.text)}”")
        lines += [_esc(proposal_reason(o, self._codes)) for o in others]
        self.proposals.setText("<br/>".join(lines))
        self.show_attachment(view.item.field is ProposalField.ATTACHMENT)
        self.state.setText(self._state_line(view))

    def _state_line(self, view: ItemView) -> str:
        state = view.state
        parts = []
        if state.code:
            parts.append(f"Code: {code_name(state.code, self._codes)}")
        if state.proposer:
            parts.append(
                f"accepted by {state.proposer}"
                + (f", approved by {state.approver}" if state.approver else "")
            )
        return "; ".join(parts)

    def show_attachment(self, shown: bool) -> None:
        """Show or hide the attachment area (the box editor goes in `attachment_layout`)."""
        self.attachment_box.setVisible(shown)

    def _mark(self, text: str, view: ItemView, others: Sequence[ItemView]) -> None:
        self._spans = []
        selections = []
        for item, colour in [(view, SPAN_BG)] + [(o, OTHER_BG) for o in others]:
            span = span_of(item)
            if span is None or not 0 <= span[0] < span[1] <= len(text):
                continue
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(to_qt(text, span[0]))
            cursor.setPosition(to_qt(text, span[1]), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            if item is view:
                fmt.setFontWeight(700)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            self._spans.append((span[0], span[1], proposal_reason(item, self._codes)))
        self.text.setExtraSelections(selections)
        self.text.reasons = [(to_qt(text, a), to_qt(text, b), why) for a, b, why in self._spans]
        if self._spans:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(to_qt(text, self._spans[0][0]))
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def highlights(self) -> list[tuple[int, int]]:
        """The marked character ranges (Python offsets), the current item's first."""
        text = self._message.text if self._message is not None else ""
        return [
            (from_qt(text, s.cursor.selectionStart()), from_qt(text, s.cursor.selectionEnd()))
            for s in self.text.extraSelections()
        ]

    def selection(self) -> tuple[int, int] | None:
        """The selected characters as Python offsets into the message text, or None."""
        cursor = self.text.textCursor()
        if self._message is None or not cursor.hasSelection():
            return None
        text = self._message.text
        return from_qt(text, cursor.selectionStart()), from_qt(text, cursor.selectionEnd())
