"""The box editor: one picture (a photo, or one page of a document) with its redaction boxes.

`BoxEditor` shows the upright picture (the same pixels the export re-encodes, so a box lands
where it is drawn) with the boxes of the current decision (solid, movable) and the boxes
detection proposed (dashed). Drag on the picture to draw a box, drag a box to move it, Delete
removes the selected one. It shows one page at a time and gives its boxes that page's number;
the attachment view keeps the boxes of the other pages.
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
    QWidget,
)

from sar_desk.core.attachment_review import RedactionBox

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
        self.page = 0  # 0-based page of the document shown (always 0 for a photo)

    def show_picture(self, png: bytes, page: int = 0) -> None:
        """Show a picture (PNG bytes of the upright image or page) and clear every box."""
        self.page = page
        self.scene().clear()
        self._proposed = []
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self._picture = self.scene().addPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def set_boxes(self, boxes: Sequence[RedactionBox]) -> None:
        """Replace the decision's boxes (the caller passes those of the page shown)."""
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
        """The boxes as drawn now on the page shown, in image pixels, top to bottom."""
        out = []
        for item in self._box_items():
            r = item.sceneBoundingRect().adjusted(1, 1, -1, -1)  # less the pen's width
            out.append(RedactionBox(r.left(), r.top(), r.right(), r.bottom(), self.page))
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
