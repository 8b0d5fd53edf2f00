"""The box editor: draw a box by dragging, move it, delete it; coordinates in image pixels."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from sar_desk.core.attachment_review import RedactionBox
from sar_desk.gui.widgets.attachment_view import BoxEditor


def _png(width: int = 400, height: int = 200) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (240, 240, 240)).save(out, format="PNG")
    return out.getvalue()


def _editor(qtbot) -> BoxEditor:
    editor = BoxEditor()
    qtbot.addWidget(editor)
    editor.resize(400 + 4, 200 + 4)
    editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    editor.show()
    editor.show_picture(_png())
    editor.resetTransform()  # one screen pixel per image pixel, for exact coordinates
    editor.centerOn(200, 100)
    return editor


def _view(editor: BoxEditor, x: float, y: float) -> QPoint:
    return editor.mapFromScene(QPointF(x, y))


def test_dragging_draws_a_box_in_image_pixels(qtbot) -> None:
    editor = _editor(qtbot)
    with qtbot.waitSignal(editor.boxes_edited):
        QTest.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=_view(editor, 50, 40))
        QTest.mouseMove(editor.viewport(), _view(editor, 150, 90))
        QTest.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=_view(editor, 150, 90))
    (box,) = editor.boxes()
    assert abs(box.x0 - 50) <= 2
    assert abs(box.y0 - 40) <= 2
    assert abs(box.x1 - 150) <= 2
    assert abs(box.y1 - 90) <= 2


def test_a_click_without_a_drag_draws_nothing(qtbot) -> None:
    editor = _editor(qtbot)
    QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=_view(editor, 60, 60))
    assert editor.boxes() == []


def test_boxes_move_and_delete(qtbot) -> None:
    editor = _editor(qtbot)
    editor.set_boxes([RedactionBox(10, 10, 60, 40), RedactionBox(200, 100, 260, 150)])
    editor.set_proposed([RedactionBox(0, 0, 5, 5)])  # dashed, never part of the decision
    assert len(editor.boxes()) == 2
    start, end = _view(editor, 30, 25), _view(editor, 80, 45)
    QTest.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(editor.viewport(), end)
    QTest.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=end)
    moved = editor.boxes()[0]
    assert abs(moved.x0 - 60) <= 2
    assert abs(moved.y0 - 30) <= 2
    assert abs((moved.x1 - moved.x0) - 50) <= 2
    QTest.keyClick(editor, Qt.Key.Key_Delete)  # the moved box is selected
    assert [round(b.x0) for b in editor.boxes()] == [200]
