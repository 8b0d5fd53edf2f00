"""The window end to end on synthetic exports: new case, import, search (back ends so far)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gui_data import write_chat
from PySide6.QtCore import Qt

from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.sections import DASHBOARD, IMPORT, SEARCH


def fill_new_case(dialog: NewCaseDialog, parent: Path) -> None:
    dialog.reference.setText("SAR-2026-0142")
    dialog.requester.setText("Alex Morgan")
    dialog.aliases.setPlainText("07911 123456\nalex.morgan@example.org")
    dialog.parent_folder.setText(str(parent))


def create_case(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fake_exec(self: NewCaseDialog) -> int:
        fill_new_case(self, tmp_path / "cases")
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert window.context.session is not None


def import_file(window, qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = window.show_section(IMPORT)
    panel.add_paths([path])
    with qtbot.waitSignal(window.jobs.finished, timeout=20_000):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)


def test_new_case_dialog_shows_deadline_and_derivation(qtbot, tmp_path: Path) -> None:
    dialog = NewCaseDialog(today=date(2026, 5, 5))
    qtbot.addWidget(dialog)
    dialog.received.setDate(date(2026, 5, 5))
    assert not dialog.ok_button.isEnabled()  # no reference yet
    assert "Due Friday 5 June 2026" in dialog.due_label.text()
    fill_new_case(dialog, tmp_path)
    assert dialog.ok_button.isEnabled()
    assert "corresponding date" in dialog.derivation.text()
    assert dialog.folder() == tmp_path / "SAR-2026-0142"
    # Changing the regime recomputes live: FOI counts 20 working days.
    dialog.regime.setCurrentIndex(dialog.regime.findText("Freedom of Information Act 2000"))
    assert "working day" in dialog.derivation.text()
    dialog.limit_scope.setChecked(True)
    dialog.scope_from.setDate(date(2026, 4, 30))
    dialog.scope_to.setDate(date(2026, 1, 1))
    assert "scope starts after it ends" in dialog.due_label.text()
    assert not dialog.ok_button.isEnabled()


def test_new_case_import_and_search(window, qtbot, tmp_path: Path, monkeypatch, dialogs) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    dashboard = window.panels[DASHBOARD]
    assert window.current_panel() is dashboard
    qtbot.waitUntil(lambda: dashboard.title.text() == "SAR-2026-0142", timeout=10_000)
    assert "Requester: Alex Morgan" in dashboard.details.text()
    assert "+447911123456" in dashboard.details.text()
    assert dashboard.due.text().startswith("Due ")

    chat = write_chat(tmp_path / "exports", lines=450)
    import_panel = window.panels[IMPORT]
    import_panel.custodian.setText("Housing team")
    import_panel.add_paths([chat])
    assert import_panel.queue.item(0, 2).text().startswith("WhatsApp")
    with qtbot.waitSignal(window.jobs.finished, timeout=20_000):
        qtbot.mouseClick(import_panel.import_button, Qt.MouseButton.LeftButton)
    assert not dialogs
    report = import_panel.report.results
    assert report.rowCount() == 1
    assert report.item(0, 2).text() == "Imported"
    assert report.item(0, 3).text() == "455"
    assert import_panel.queue.rowCount() == 0
    window.show_section(DASHBOARD)
    qtbot.waitUntil(lambda: dashboard.sources.rowCount() == 1, timeout=10_000)
    assert dashboard.sources.item(0, 2).text() == "Housing team"

    search = window.panels[SEARCH]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_panel() is search
    # Everything: the first page arrives at once, the rest as the table asks for it.
    qtbot.waitUntil(lambda: window.count_label.text() == "455 messages found", timeout=10_000)
    assert search.model.rowCount() == 200
    assert search.model.canFetchMore()
    search.model.fetchMore()
    search.model.fetchMore()
    assert search.model.rowCount() == 455
    assert not search.model.canFetchMore()
    # Text filter: the hit is shown in its conversation with the words marked.
    search.text.setText("boiler")
    qtbot.keyClick(search.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.count_label.text() == "1 message found", timeout=10_000)
    assert search.model.rowCount() == 1
    assert search.model.index(0, 3).data() == "Jo Reed"
    html = search.conversation_view.toHtml()
    assert "Logged as complaint 4471" in html  # context after the hit
    assert "#ffd54a" in html  # the search word is highlighted
    # Sender and date filters.
    search.text.clear()
    search.senders.setText("Alex Morgan")
    search.use_from.setChecked(True)
    search.date_from.setDate(date(2026, 3, 15))
    qtbot.mouseClick(search.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.count_label.text() == "1 message found", timeout=10_000)
    assert "call me" in search.model.index(0, 4).data()


def test_ambiguous_dates_offer_a_retry_with_the_chosen_order(
    window, qtbot, tmp_path, monkeypatch, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    panel = window.panels[IMPORT]
    asked: list[list[Path]] = []

    def choose(paths: list[Path]) -> bool:
        asked.append(paths)
        return True

    monkeypatch.setattr(panel, "ask_date_order", choose)
    path = write_chat(tmp_path / "exports", ambiguous=True)
    panel.add_paths([path])
    with qtbot.waitSignal(window.jobs.finished, timeout=20_000):
        panel.import_button.click()
    # The question is asked from a slot queued after the job's end; wait for it, don't race it.
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert [p.name for p in asked[0]] == [path.name]
    qtbot.waitUntil(lambda: panel.report.results.rowCount() == 2, timeout=20_000)
    assert "day-first or month-first" in panel.report.results.item(0, 2).text()
    assert panel.report.results.item(1, 2).text() == "Imported"
    session = window.context.require()
    assert session.ingest.sources()[0].settings["date_order"] == "day-first"
