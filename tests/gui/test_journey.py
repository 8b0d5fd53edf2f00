"""A case from start to sent pack through the window's widgets only (pytest-qt, offscreen).

New SAR case, three platforms imported, a person marked as staff, a logged search, scope with a
second person's approval, detection on the small case, review of every proposal, four eyes with
a second user added on the Team page, the DPO's sign-off, an encrypted export and its
verification. Only the modal questions (file pickers, passphrase prompts, yes/no boxes) are
answered by the test; every step is a click, a key or typing in the window's own widgets.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from gui_data import write_chat
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_workflow import create_case

from sar_desk.app.paths import resource_path
from sar_desk.core.decisions import ReviewStatus
from sar_desk.core.scope import Relevance
from sar_desk.gui.sections import (
    DASHBOARD,
    EXPORT,
    IMPORT,
    PEOPLE,
    RECORDS,
    REVIEW,
    SEARCH,
    TEAM,
)
from sar_desk.review.roles import Role

REVIEWER, REVIEWER_WORDS = "Rowan Reviewer", "rowan's own long words"
DPO, DPO_WORDS = "Dana DPO", "dana's own long words"


def exports(tmp_path: Path) -> list[Path]:
    """A WhatsApp chat (written here) plus the bundled synthetic Teams and SMS samples."""
    folder = tmp_path / "exports"
    chat = write_chat(folder)
    samples = resource_path("samples")
    teams = shutil.copy(samples / "teams" / "chat-priya-shah-tom-reid.json", folder)
    sms = shutil.copy(samples / "sms" / "sms-20260430120000.xml", folder)
    return [chat, Path(teams), Path(sms)]


def add_user(window, qtbot, name: str, role: Role, words: str) -> None:  # type: ignore[no-untyped-def]
    team = window.show_section(TEAM)
    qtbot.keyClicks(team.name, name)
    team.role.setCurrentIndex(team.role.findData(role.value))
    qtbot.keyClicks(team.passphrase, words)
    qtbot.keyClicks(team.confirm, words)
    assert team.add_button.isEnabled()
    qtbot.mouseClick(team.add_button, Qt.MouseButton.LeftButton)
    assert f"{name} is now {role.label}" in team.note.text()


def act_as(window, monkeypatch, name: str, words: str) -> None:  # type: ignore[no-untyped-def]
    review = window.show_section(REVIEW)
    monkeypatch.setattr(review, "ask_passphrase", lambda _name: words)
    index = review.acting.findData(name)
    assert index >= 0, f"{name} is not offered under Acting as"
    review.acting.setCurrentIndex(index)
    review.acting.activated.emit(index)
    assert window.context.require().user == name


def test_a_case_from_request_to_verified_encrypted_pack(
    window, qtbot, tmp_path: Path, monkeypatch, fast_detection, dialogs
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    create_case(window, qtbot, tmp_path, monkeypatch)
    dashboard = window.panels[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.next_button.isVisible(), timeout=10_000)
    assert "Import" in dashboard.next_text.text()
    qtbot.mouseClick(dashboard.next_button, Qt.MouseButton.LeftButton)
    assert window.current_panel() is window.panels[IMPORT]

    # Import three platforms at once; the report lists each file as it finished.
    panel = window.panels[IMPORT]
    panel.custodian.setText("Housing team")
    panel.add_paths(exports(tmp_path))
    with qtbot.waitSignal(window.jobs.finished, timeout=60_000):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    results = panel.report.results
    assert results.rowCount() == 3
    assert all(results.item(r, 2).text() == "Imported" for r in range(3))
    assert {s.platform for s in window.context.require().ingest.sources()} == {
        "whatsapp",
        "teams",
        "sms",
    }

    # People: Sam Patel is staff.
    people = window.show_section(PEOPLE)
    names = [people.model.person(r).person.display_name for r in range(people.model.rowCount())]
    people.table.selectRow(names.index("Sam Patel"))
    qtbot.mouseClick(people.staff_button, Qt.MouseButton.LeftButton)

    # Scope: every message found is about the requester; one is then left out as not
    # relevant, which waits for a second person.
    search = window.show_section(SEARCH)
    qtbot.mouseClick(search.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: search.model.rowCount() > 0, timeout=10_000)
    qtbot.mouseClick(search.scope_bar.mark_all, Qt.MouseButton.LeftButton)
    assert "marked about the requester" in search.scope_bar.status.text()
    search.senders.setText("Jo Reed")
    qtbot.mouseClick(search.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=10_000)
    search.table.selectRow(0)
    bar = search.scope_bar
    bar.relevance.setCurrentIndex(bar.relevance.findData(Relevance.NOT_RELEVANT))
    qtbot.mouseClick(bar.mark_one, Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]

    # The team: a reviewer and a DPO, each with their own passphrase; "Acting as" knows them
    # at once (no reopening).
    add_user(window, qtbot, REVIEWER, Role.REVIEWER, REVIEWER_WORDS)
    add_user(window, qtbot, DPO, Role.DPO, DPO_WORDS)
    review = window.show_section(REVIEW)
    assert review.acting.findData(REVIEWER) >= 0
    assert review.acting.findData(DPO) >= 0

    # Detection on the small case, then the officer decides every proposal by keyboard.
    with qtbot.waitSignal(window.jobs.finished, timeout=120_000):
        qtbot.mouseClick(review.detect_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    session = window.context.require()
    proposed = session.review.review_items(ReviewStatus.PROPOSED)
    assert proposed
    monkeypatch.setattr(review, "ask_reason", lambda *_: "Not personal data in context")
    for number, view in enumerate(proposed):
        review.select_row(review.model.row_of(int(view.item.id)))
        review.table.setFocus()
        if number == 0:
            review.message.code.setCurrentIndex(1)
            review.message.rationale.setText("Third party's personal data; no consent")
            qtbot.keyClick(review.table, Qt.Key.Key_A)
        else:
            qtbot.keyClick(review.table, Qt.Key.Key_R)
        assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    accepted = session.review.review_items(ReviewStatus.ACCEPTED)
    assert len(accepted) == 1

    # Four eyes: the reviewer approves every decision (the redaction and the rejections) and
    # the scope exclusion.
    act_as(window, monkeypatch, REVIEWER, REVIEWER_WORDS)
    for view in session.review.review_items():
        review.select_row(review.model.row_of(int(view.item.id)))
        review.table.setFocus()
        qtbot.keyClick(review.table, Qt.Key.Key_V)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    records = window.show_section(RECORDS)
    assert "wait for a second person" in records.scope_state.text()
    qtbot.keyClicks(records.approve_note, "Checked: a colleague's aside, not about Alex")
    qtbot.mouseClick(records.approve_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    assert "Nothing left out" in records.scope_state.text()

    # The DPO signs off on the Export page; the checklist there says so at once.
    act_as(window, monkeypatch, DPO, DPO_WORDS)
    export = window.show_section(EXPORT)
    qtbot.keyClicks(export.signoff_note, "Checked every redaction and the scope")
    qtbot.mouseClick(export.signoff_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    assert f"Signed off by {DPO}" in export.signoff_state.text()
    assert "ready to export" in export.readiness.text()

    # An encrypted export: the password is shown once, every safety check passes.
    wizard = export.open_wizard()
    wizard.options_page.boxes["encrypt"].setChecked(True)
    bundle = tmp_path / "bundle"
    wizard.options_page.dest.setText(str(bundle))
    with qtbot.waitSignal(window.jobs.finished, timeout=180_000):
        wizard.next()
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    assert wizard.run_page.done
    status = wizard.run_page.status.text()
    assert "All safety checks passed" in status
    password = status.split("send it separately): ", 1)[1].splitlines()[0].strip()
    assert password
    wizard.close()

    # Verify the bundle as it will be sent, with the password typed in.
    export.verify_password.setText(password)
    export.verify(bundle)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    assert "safety checks passed" in export.verify_result.text()
