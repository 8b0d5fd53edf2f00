"""Attachments in the review page: each one a review item, its pages, boxes and decision.

The list names every attachment with its kind and its decision in words (disclose, disclose
with redactions, withhold under a code; proposed or approved). The picture is a `BoxEditor`
(`box_editor`); a document is paged through one page at a time, each page with its own boxes,
and a decision records the boxes of every page at once. Nothing is recorded until the reviewer
presses a decision button; each press is one recorded, audited proposal that a second person
approves. Voice notes and videos are never read automatically: they say so and wait for a
person's decision like every other attachment.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sar_desk.core.attachment_review import AttachmentAction, RedactionBox
from sar_desk.core.errors import SarDeskError
from sar_desk.gui.context import DECISIONS, CaseContext
from sar_desk.gui.errors import show_error
from sar_desk.gui.widgets.attachment_words import decision_words, kind_words, list_line
from sar_desk.gui.widgets.box_editor import BoxEditor

__all__ = ["DEFAULT_CODE", "AttachmentView", "BoxEditor"]

DEFAULT_CODE = "default"  # the regime's usual code, resolved per item by the review rules


class AttachmentView(QWidget):
    """The case's attachments as review items: pick one, page through it, edit boxes, decide.

    Signals: none (decisions go through the session; `context.notify` tells the other panels).
    """

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items = QListWidget()
        self.items.setAccessibleName("Attachments to review")
        self.items.currentRowChanged.connect(lambda _row: self.show_current())
        self.editor = BoxEditor()
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        self.decision = QLabel()
        self.decision.setWordWrap(True)
        self.decision.setAccessibleName("Decision on this attachment")
        self.state = QLabel()
        self.state.setWordWrap(True)
        # Every page of a document can be boxed: the boxes of the pages not shown are kept
        # here and recorded with the ones drawn on the page shown.
        self.page = 0
        self.pages = 1
        self._boxes: list[RedactionBox] = []
        self._proposed: list[RedactionBox] = []
        self.prev_page = QPushButton("◀ Previous page")
        self.next_page = QPushButton("Next page ▶")
        self.prev_page.setAccessibleName("Previous page")
        self.next_page.setAccessibleName("Next page")
        self.prev_page.clicked.connect(lambda: self.go_to_page(self.page - 1))
        self.next_page.clicked.connect(lambda: self.go_to_page(self.page + 1))
        self.page_label = QLabel()
        self.page_label.setAccessibleName("Page shown")
        for sequence, step in (
            (QKeySequence.StandardKey.MoveToPreviousPage, -1),
            (QKeySequence.StandardKey.MoveToNextPage, 1),
        ):
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.go_to_page(self.page + s))
        # Codes by their titles (issue 19: no code ids), the regime's usual one first.
        self.code = QComboBox()
        self.code.setAccessibleName("Reason code")
        self.code.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.code.setMinimumContentsLength(16)
        self._code_names: dict[str, str] = {}
        # The third-party code needs a person in the picture; OCR finds names, not faces.
        self.about_another = QCheckBox("Shows another &person (a face, a name)")
        self.about_another.setAccessibleName("The picture shows another person")
        self._codes_for: object = None
        self.note = QLineEdit()
        self.note.setAccessibleName("Why (recorded with the decision)")
        self.note.setPlaceholderText("Why (recorded with the decision)")
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("proposed", "Use &proposed boxes", self.use_proposed),
            ("disclose", "&Disclose", lambda: self.decide(AttachmentAction.DISCLOSE)),
            ("redact", "Redact &boxes", lambda: self.decide(AttachmentAction.REDACT)),
            ("withhold", "&Withhold", lambda: self.decide(AttachmentAction.WITHHOLD)),
            ("approve", "Appro&ve", self.approve),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(slot)
            self.buttons[key] = button
        self._build_layout()
        context.opened.connect(self.refresh)
        context.case_changed.connect(lambda _changes: self.refresh())

    def _build_layout(self) -> None:
        paging = QHBoxLayout()
        paging.addWidget(self.prev_page)
        paging.addWidget(self.page_label)
        paging.addWidget(self.next_page)
        paging.addStretch(1)
        details = QHBoxLayout()
        details.addWidget(QLabel("Code"))
        details.addWidget(self.code, 1)
        details.addWidget(self.about_another)
        details.addWidget(self.note, 1)
        buttons = QHBoxLayout()
        for button in self.buttons.values():
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(self.kind)
        right.addWidget(self.editor, 1)
        right.addLayout(paging)
        right.addWidget(self.decision)
        right.addWidget(self.state)
        right.addLayout(details)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.items, 1)
        layout.addLayout(right, 3)

    def _current_id(self) -> int | None:
        item = self.items.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def refresh(self) -> None:
        """Reload the list of attachments, keeping the selection."""
        session = self.context.session
        keep = self._current_id()
        if session is not None and self._codes_for != session.folder:
            self._codes_for = session.folder  # each case's regime has its own codes
            self.code.clear()
            self.code.addItem("The usual code for this kind of data", DEFAULT_CODE)
            self._code_names = {}
            for code in session.review.reason_codes():
                self.code.addItem(f"{code.title} ({code.marker})", code.code)
                self._code_names[code.code] = f"{code.title} ({code.marker})"
        self.items.blockSignals(True)
        self.items.clear()
        for found in session.attachments.attachment_items() if session is not None else []:
            a = found.attachment
            row = QListWidgetItem(list_line(found))
            row.setToolTip(f"Attachment {a.id}, {a.media_type}")
            row.setData(Qt.ItemDataRole.UserRole, a.id)
            self.items.addItem(row)
            if a.id == keep:
                self.items.setCurrentItem(row)
        self.items.blockSignals(False)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
        self.show_current()

    def show_current(self) -> None:
        """Show the selected attachment from its first page, with its decision and boxes."""
        session, attachment_id = self.context.session, self._current_id()
        if session is None or attachment_id is None:
            return
        found = session.attachments.attachment_item(attachment_id)
        try:
            self.pages = max(1, session.attachments.attachment_page_count(attachment_id))
        except (SarDeskError, OSError):
            self.pages = 1
        self._boxes = list(found.decision.boxes)
        self._proposed = list(found.proposed)
        self.page = 0
        self._show_page()
        d = found.decision
        self.kind.setText(kind_words(found.attachment, self.pages))
        self.decision.setText(decision_words(d, self._code_names))
        self.state.setText(f"{len(found.findings)} findings in its text")

    def _show_page(self) -> None:
        session, attachment_id = self.context.session, self._current_id()
        if session is None or attachment_id is None:
            return
        try:
            png = session.attachments.attachment_preview(attachment_id, self.page)
        except (SarDeskError, OSError):
            # A voice note, video or unreadable file: decided as a whole, without boxes.
            png = b""
        self.editor.show_picture(png, self.page)
        self.editor.set_boxes([b for b in self._boxes if b.page == self.page])
        self.editor.set_proposed([b for b in self._proposed if b.page == self.page])
        self.page_label.setText(f"Page {self.page + 1} of {self.pages}")
        self.prev_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page + 1 < self.pages)

    def _collect(self) -> None:
        """Take the boxes of the page shown into the boxes of every page."""
        self._boxes = [b for b in self._boxes if b.page != self.page] + self.editor.boxes()

    def all_boxes(self) -> list[RedactionBox]:
        """The boxes of every page as drawn now (what a redaction would record)."""
        self._collect()
        return sorted(self._boxes, key=lambda b: (b.page, b.y0, b.x0))

    def go_to_page(self, page: int) -> None:
        """Show another page of the document, keeping the boxes drawn on this one."""
        if not 0 <= page < self.pages or page == self.page:
            return
        self._collect()
        self.page = page
        self._show_page()

    def use_proposed(self) -> None:
        """Put the proposed boxes of every page into the editor (nothing is recorded yet)."""
        self._boxes = list(self._proposed)
        self._show_page()

    def decide(self, action: AttachmentAction) -> None:
        """Record a proposal with the boxes of every page as drawn (a second person approves)."""
        attachment_id = self._current_id()
        if attachment_id is None:
            return
        boxes = self.all_boxes() if action is AttachmentAction.REDACT else []
        code = str(self.code.currentData() or DEFAULT_CODE)
        try:
            self.context.require().attachments.decide_attachment(
                attachment_id,
                action,
                None if action is AttachmentAction.DISCLOSE else code,
                boxes,
                about_another=self.about_another.isChecked(),
                note=self.note.text().strip(),
            )
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.about_another.setChecked(False)  # reset per item, like the text review's rationale
        self.note.clear()
        self.context.notify(frozenset({DECISIONS}))

    def approve(self) -> None:
        """Approve the current proposal as the second person."""
        attachment_id = self._current_id()
        if attachment_id is None:
            return
        try:
            self.context.require().attachments.approve_attachment(attachment_id)
        except SarDeskError as exc:
            show_error(self, exc)
            return
        self.context.notify(frozenset({DECISIONS}))
