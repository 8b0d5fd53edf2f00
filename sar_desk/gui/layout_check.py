"""Find text the window cuts off: labels, buttons, group titles and column headers (issue 19).

Used by the large-text test (200% text at 1280x720) and the screenshot script. It checks what
code can measure: a widget narrower (or, for wrapped text, shorter) than its text needs, a
column header narrower than its title. Text that scrolls inside a scroll area is not clipped.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QTabBar,
    QTableView,
    QWidget,
)

_SLACK = 2  # pixels of rounding between a size hint and the geometry a layout gives
_HEADER_PADDING = 2 * 6 + 4  # the style sheet's section padding and the border
_SORT_ARROW = 14  # Fusion draws the sort indicator beside the title


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else widget.accessibleName()
    return f"{type(widget).__name__} {shown[:40]!r}"


def _label(label: QLabel) -> str | None:
    if not label.text().strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + _SLACK:
            return f"{_name(label)} needs {needed}px of height, has {label.height()}px"
        return None
    needed = label.minimumSizeHint().width()
    if needed > label.width() + _SLACK:
        return f"{_name(label)} needs {needed}px of width, has {label.width()}px"
    return None


def _sized(widget: QWidget) -> str | None:
    needed = widget.minimumSizeHint().width()
    if needed > widget.width() + _SLACK:
        return f"{_name(widget)} needs {needed}px of width, has {widget.width()}px"
    return None


def _group(box: QGroupBox) -> str | None:
    needed = box.fontMetrics().horizontalAdvance(box.title().replace("&", "")) + 24
    if box.title() and needed > box.width() + _SLACK:
        return f"group {box.title()!r} needs {needed}px of width, has {box.width()}px"
    return None


def _headers(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    if model is None or header.isHidden():
        return []
    problems = []
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, header.orientation()) or "")
        needed = metrics.horizontalAdvance(title) + _HEADER_PADDING
        if table.isSortingEnabled():
            needed += _SORT_ARROW
        if needed > header.sectionSize(section) + _SLACK:
            problems.append(
                f"{table.accessibleName()!r} column {title!r} needs {needed}px, "
                f"has {header.sectionSize(section)}px"
            )
    return problems


def _list_items(widget: QListWidget) -> list[str]:
    metrics = widget.fontMetrics()
    room = widget.viewport().width()
    return [
        f"{widget.accessibleName()!r} item {widget.item(row).text()!r} needs more than {room}px"
        for row in range(widget.count())
        if metrics.horizontalAdvance(widget.item(row).text()) + 36 > room
    ]


def clipped(root: QWidget) -> list[str]:
    """Sentences naming each visible piece of text in `root` that is cut off."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QTabBar):
            continue  # the tab bar's own scroll arrows
        if widget is not root and not widget.isVisible():
            continue
        found: str | None = None
        if isinstance(widget, QLabel):
            found = _label(widget)
        elif isinstance(widget, (QAbstractButton, QComboBox)):
            found = _sized(widget)
        elif isinstance(widget, QGroupBox):
            found = _group(widget)
        elif isinstance(widget, QTableView):
            problems.extend(_headers(widget))
        elif isinstance(widget, QListWidget) and widget.objectName() == "sidebar":
            problems.extend(_list_items(widget))
        if found:
            problems.append(found)
    return problems
