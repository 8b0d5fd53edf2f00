"""Side by side when there is room, one above the other when there is not (200% text).

A page with a list and a detail pane beside it needs the sum of their widths. With 200% text
on a 1280x720 screen that sum can pass the window's width, and the page would then scroll
sideways to reach the detail pane. Stacked, each pane keeps its own minimum width (issue 19).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


def needed_width(widget: QWidget) -> int:
    """The least width a widget accepts: its own minimum or its layout's, whichever is more."""
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


def stack_when_narrow(page: QWidget, splitter: QSplitter, first: QWidget, second: QWidget) -> None:
    """Orient `splitter` so `first` and `second` sit side by side only if both fit in `page`.

    Args:
        page: The page holding the splitter; the room is its scroll area's viewport (or its
            own width when it has no parent), less its layout's side margins.
        splitter: The splitter to orient.
        first: The pane on the left (or on top).
        second: The pane on the right (or below); pass the widget inside a scroll area.
    """
    holder = page.parentWidget()
    room = holder.width() if holder is not None else page.width()
    layout = page.layout()
    if layout is not None:
        margins = layout.contentsMargins()
        room -= margins.left() + margins.right()
    side_by_side = needed_width(first) + needed_width(second) + splitter.handleWidth()
    wanted = Qt.Orientation.Horizontal if side_by_side <= room else Qt.Orientation.Vertical
    if splitter.orientation() != wanted:
        splitter.setOrientation(wanted)
