"""Every control a keyboard or screen-reader user meets has an accessible name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from test_workflow import create_case

from sar_desk.gui.dialogs.new_case import NewCaseDialog

ROLES = {
    QAccessible.Role.Button,
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.Table,
    QAccessible.Role.ComboBox,
    QAccessible.Role.List,
    QAccessible.Role.RadioButton,
    QAccessible.Role.SpinBox,
}


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own internals (corner buttons, scroll-area viewports)
        if widget is not root and not widget.isVisibleTo(root):
            continue  # closed combo-box popups, panels of other sections
        iface = QAccessible.queryAccessibleInterface(widget)
        if iface is None or iface.role() not in ROLES:
            continue
        if not iface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} ({iface.role()})")
    return missing


def test_every_control_has_an_accessible_name(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    assert unnamed(window) == []
    create_case(window, qtbot, tmp_path, monkeypatch)
    for index in range(window.sections.count()):
        window.show_section_at(index)
        assert window.sections.currentIndex() == index
        assert unnamed(window) == [], window.sidebar.item(index).text()
    dialog = NewCaseDialog(window)
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []


def test_sections_are_reachable_by_keyboard(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    create_case(window, qtbot, tmp_path, monkeypatch)
    for index in range(window.sections.count()):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{(index + 1) % 10}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.sections.currentIndex() == index
