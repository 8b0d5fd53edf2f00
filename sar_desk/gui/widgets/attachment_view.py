"""Attachments in the review page: the picture, its boxes, and the decision on it.

`BoxEditor` shows the upright picture (the same pixels the export re-encodes, so a box lands
where it is drawn) with the boxes of the current decision (solid, movable) and the boxes
detection proposed (dashed). Drag on the picture to draw a box, drag a box to move it, Delete
removes the selected one. Nothing is recorded until the reviewer presses a decision button;
each press is one recorded, audited proposal that a second person approves.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
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

_MIN_SIZE = 3.0  # pixels: a click without a drag draws nothing


class _Box(QGraphicsRectItem):
    """A box of the decision: black-edged, half-transparent, movable and selectable."""

    def __init__(self, rect: QRectF) -> None:
        super().__init__(rect)
        self.setPen(QPen(QColor(200, 0, 0), 2))
        self.setBrush(QBrush(QColor(0, 0, 0, 140)))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)


class BoxEditor(QGraphicsView):
    """The picture with boxes to draw, move and delete (coordinates in image pixels)."""

    boxes_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Attachment picture with redaction boxes")
        self.setScene(QGraphicsScene(self))
        self._picture: QGraphicsPixmapItem | None = None
        self._proposed: list[QGraphicsRectItem] = []
        self._drawing: QGraphicsRectItem | None = None
        self._origin = QPointF()

    def show_picture(self, png: bytes) -> None:
        """Show a picture (PNG bytes of the upright image) and clear every box."""
        self.scene().clear()
        self._proposed = []
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self._picture = self.scene().addPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def set_boxes(self, boxes: Sequence[RedactionBox]) -> None:
        """Replace the decision's boxes."""
        for item in self._box_items():
            self.scene().removeItem(item)
        for box in boxes:
            self.scene().addItem(_Box(QRectF(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0)))

    def set_proposed(self, boxes: Sequence[RedactionBox]) -> None:
        """Show the boxes detection proposed (dashed; not part of any decision)."""
        for item in self._proposed:
            self.scene().removeItem(item)
        pen = QPen(QColor(0, 90, 200), 2, Qt.PenStyle.DashLine)
        self._proposed = [
            self.scene().addRect(QRectF(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0), pen) for b in boxes
        ]

    def _box_items(self) -> list[_Box]:
        return [item for item in self.scene().items() if isinstance(item, _Box)]

    def boxes(self) -> list[RedactionBox]:
        """The decision's boxes as drawn now, in image pixels, top to bottom."""
        out = []
        for item in self._box_items():
            r = item.sceneBoundingRect().adjusted(1, 1, -1, -1)  # less the pen's width
            out.append(RedactionBox(r.left(), r.top(), r.right(), r.bottom()))
        return sorted(out, key=lambda b: (b.y0, b.x0))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        at = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and not isinstance(
            self.itemAt(event.position().toPoint()), _Box
        ):
            self._origin = at
            self._drawing = self.scene().addRect(QRectF(at, at), QPen(QColor(200, 0, 0), 2))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            at = self.mapToScene(event.position().toPoint())
            self._drawing.setRect(QRectF(self._origin, at).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            rect = self._drawing.rect().intersected(self.scene().sceneRect())
            self.scene().removeItem(self._drawing)
            self._drawing = None
            if rect.width() >= _MIN_SIZE and rect.height() >= _MIN_SIZE:
                self.scene().addItem(_Box(rect))
                self.boxes_edited.emit()
            return
        super().mouseReleaseEvent(event)
        self.boxes_edited.emit()  # a box may have moved

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            for item in self.scene().selectedItems():
                if isinstance(item, _Box):
                    self.scene().removeItem(item)
            self.boxes_edited.emit()
            return
        super().keyPressEvent(event)


class AttachmentView(QWidget):
    """The case's attachments as review items: pick one, edit its boxes, decide, approve."""

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items = QListWidget()
        self.items.setAccessibleName("Attachments to review")
        self.items.currentRowChanged.connect(lambda _row: self.show_current())
        self.editor = BoxEditor()
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.code = QLineEdit("default")
        self.code.setAccessibleName("Reason code")
        buttons = QHBoxLayout()
        for text, slot in (
            ("Use &proposed boxes", self.use_proposed),
            ("&Disclose", lambda: self.decide(AttachmentAction.DISCLOSE)),
            ("Redact &boxes", lambda: self.decide(AttachmentAction.REDACT)),
            ("&Withhold", lambda: self.decide(AttachmentAction.WITHHOLD)),
            ("Appro&ve", self.approve),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addWidget(QLabel("Code"))
        buttons.addWidget(self.code)
        right = QVBoxLayout()
        right.addWidget(self.editor, 1)
        right.addWidget(self.state)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.items, 1)
        layout.addLayout(right, 3)
        context.opened.connect(self.refresh)
        context.case_changed.connect(lambda _changes: self.refresh())

    def _current_id(self) -> int | None:
        item = self.items.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def refresh(self) -> None:
        """Reload the list of attachments, keeping the selection."""
        session = self.context.session
        keep = self._current_id()
        self.items.blockSignals(True)
        self.items.clear()
        for found in session.attachments.attachment_items() if session is not None else []:
            a, d = found.attachment, found.decision
            row = QListWidgetItem(f"#{a.id} · {a.media_type} · {d.status}")
            row.setData(Qt.ItemDataRole.UserRole, a.id)
            self.items.addItem(row)
            if a.id == keep:
                self.items.setCurrentItem(row)
        self.items.blockSignals(False)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
        self.show_current()

    def show_current(self) -> None:
        """Show the selected attachment with its decision's boxes and the proposed ones."""
        session, attachment_id = self.context.session, self._current_id()
        if session is None or attachment_id is None:
            return
        found = session.attachments.attachment_item(attachment_id)
        try:
            self.editor.show_picture(session.attachments.attachment_preview(attachment_id))
        except (SarDeskError, OSError):
            # A document, voice note or unreadable file: decided as a whole, without boxes.
            self.editor.show_picture(b"")
        self.editor.set_boxes(found.decision.boxes)
        self.editor.set_proposed(found.proposed)
        d = found.decision
        who = f" by {d.proposed_by}" if d.proposed_by else ""
        approved = f", approved by {d.approved_by}" if d.approved_by else ""
        self.state.setText(
            f"{d.status}{who}{approved} · {len(found.findings)} findings in its text"
            + (f" · {d.action} {d.code or ''}" if d.action else "")
        )

    def use_proposed(self) -> None:
        """Put the proposed boxes into the editor (nothing is recorded yet)."""
        session, attachment_id = self.context.session, self._current_id()
        if session is not None and attachment_id is not None:
            self.editor.set_boxes(session.attachments.attachment_item(attachment_id).proposed)

    def decide(self, action: AttachmentAction) -> None:
        """Record a proposal with the boxes as drawn (a second person approves it)."""
        attachment_id = self._current_id()
        if attachment_id is None:
            return
        boxes = self.editor.boxes() if action is AttachmentAction.REDACT else []
        code = self.code.text().strip() or None if action is not AttachmentAction.DISCLOSE else None
        try:
            self.context.require().attachments.decide_attachment(attachment_id, action, code, boxes)
        except SarDeskError as exc:
            show_error(self, exc)
            return
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
