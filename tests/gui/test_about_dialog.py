"""Help > About in the window: the version and the notices the shipped data's licences ask for.

The dialog must show what `app.about` reads (the same facts as ``sar-desk about``), be reachable
from the menu with no case open, and say what is wrong, in place, when the notices file is gone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from sar_desk.app import about as app_about
from sar_desk.gui.dialogs.about_dialog import AboutDialog


def test_help_menu_opens_about_with_attributions_and_no_case_open(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.context.session is None
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Help" in menus
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    assert dialog.isVisible()
    text = dialog.notices.toPlainText()
    words = " ".join(text.split())
    assert text.startswith(f"SAR Desk {app_about.about().version}")
    assert "Creative Commons Attribution 4.0" in words
    assert "Creative Commons Attribution-ShareAlike 4.0" in words
    assert "LICENSE-nicknames.txt" in text
    assert "LGPL-3.0" in text  # Qt for Python's terms
    # Every notice's name is on the page.
    for notice in app_about.load_notices():
        assert notice.name in text, notice.name
    dialog.copy()
    assert QGuiApplication.clipboard().text() == text
    dialog.close()


def test_a_missing_notices_file_is_said_in_place(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "notices.yaml"
    monkeypatch.setattr(app_about, "resource_path", lambda _name: missing)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.info is None
    shown = dialog.notices.toPlainText()
    assert "could not be read" in shown
    assert "reinstall SAR Desk" in shown
    assert "--" not in shown
    assert "sar-desk" not in shown
