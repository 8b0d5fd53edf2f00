"""Workers and error dialogs: cancelling leaves the case unchanged; errors show the right dialog."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from gui_data import write_chat
from PySide6.QtWidgets import QMessageBox
from test_workflow import create_case

from sar_desk.core.errors import Cancelled, ImportFormatError
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.gui.errors import BugDialog, show_error
from sar_desk.gui.sections import IMPORT


def test_cancelling_an_import_changes_nothing_and_re_enables_the_window(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    panel = window.panels[IMPORT]
    big = write_chat(tmp_path / "exports", lines=30_000)
    panel.add_paths([big])
    with qtbot.waitSignal(window.jobs.finished, timeout=30_000):
        panel.import_button.click()
        assert window.jobs.busy
        assert not panel.import_button.isEnabled()
        assert not window.new_action.isEnabled()
        assert window.job_status.isVisibleTo(window)
        window.job_status.cancel_button.click()
    assert not dialogs
    assert window.context.require().ingest.sources() == []
    assert panel.import_button.isEnabled()
    assert window.new_action.isEnabled()
    assert not window.job_status.isVisibleTo(window)
    assert "cancelled" in window.statusBar().currentMessage()
    assert panel.report.results.rowCount() == 0


def test_job_progress_and_failure_reach_the_window(window, qtbot, dialogs) -> None:
    seen: list[Progress] = []

    def failing(token: CancelToken) -> Job[None]:
        yield Progress(1, 2, "Half way")
        raise ImportFormatError("chat.txt line 3 doesn't look like a WhatsApp message.")

    window.jobs.status.show_progress = seen.append  # type: ignore[method-assign]
    with qtbot.waitSignal(window.jobs.finished, timeout=5_000):
        window.jobs.start("Failing job", failing, lambda _result: None)
    assert Progress(1, 2, "Half way") in seen
    assert len(dialogs) == 1
    assert isinstance(dialogs[0], QMessageBox)
    assert dialogs[0].text() == "chat.txt line 3 doesn't look like a WhatsApp message."


def test_expected_error_shows_its_sentence(qtbot) -> None:
    dialog = show_error(None, ImportFormatError("chat.txt is empty (0 bytes). Export it again."))
    assert isinstance(dialog, QMessageBox)
    qtbot.addWidget(dialog)
    assert dialog.text() == "chat.txt is empty (0 bytes). Export it again."
    assert show_error(None, Cancelled()) is None


def test_unexpected_error_shows_the_bug_dialog_with_details(qtbot) -> None:
    try:
        raise KeyError("internal")
    except KeyError as exc:
        dialog = show_error(None, exc)
    assert isinstance(dialog, BugDialog)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "This is a bug in SAR Desk"
    assert "KeyError: 'internal'" in dialog.details.toPlainText()
    assert "sar-desk.log" in dialog.summary.text()
    dialog.findChild(type(dialog.details))  # details are a copyable text box
    assert dialog.details.isReadOnly()


def test_excepthook_turns_slot_errors_into_the_bug_dialog(window, monkeypatch, dialogs) -> None:
    from sar_desk.gui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(window)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(dialogs) == 1
    assert isinstance(dialogs[0], BugDialog)


@pytest.mark.parametrize("calls", [1000])
def test_pyside6_does_not_leak_none_references(calls: int) -> None:
    """PySide6 6.12.0 on Python 3.11 aborts the interpreter (ecosystem.md finding 1)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("x")
    # The broken build drops one reference per call (delta -1000); allow a little noise from
    # other threads (pool workers finishing) touching None meanwhile.
    delta = sys.getrefcount(None) - before
    assert abs(delta) < 20, f"PySide6 changed None's refcount by {delta} over {calls} calls"
