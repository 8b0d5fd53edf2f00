"""A case from start to sent pack through the window's widgets only (pytest-qt, offscreen).

New SAR case (encrypted, as the product makes it), three platforms imported (the WhatsApp one
a zip with a photo of a notice), a person marked as staff, a logged search, scope with a second
person's approval, detection on the small case, review of every proposal and of the photo (a
box drawn over the tenant's name), four eyes with a second user added on the Team page, the
DPO's sign-off, an encrypted export, its verification with the pack password, and the delivery
record (how, to whom, when, and how the password went separately). Only the modal questions
(file pickers, passphrase prompts, yes/no boxes) are answered by the test; every step is a
click, a key or typing in the window's own widgets.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from gui_data import CHAT
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from test_workflow import fill_new_case

from sar_desk.app.paths import resource_path
from sar_desk.attachments.sample_photo import notice_photo
from sar_desk.core.decisions import ReviewStatus
from sar_desk.core.delivery import DeliveryMethod, PasswordChannel
from sar_desk.core.scope import Relevance
from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.sections import (
    DASHBOARD,
    EXPORT,
    IMPORT,
    PEOPLE,
    RECORDS,
    RETENTION,
    REVIEW,
    SEARCH,
    TEAM,
)
from sar_desk.review.roles import Role
from sar_desk.store import case_keys
from sar_desk.store.case_keys import KdfCost

CASE_WORDS = "the journey's case passphrase"
REVIEWER, REVIEWER_WORDS = "Rowan Reviewer", "rowan's own long words"
DPO, DPO_WORDS = "Dana DPO", "dana's own long words"


PHOTO = "IMG-20260316-WA0001.jpg"
NOTICE = ("NOTICE OF ENTRY", "Tenant: Jordan Whitfield", "Flat 4, 9 Oak Road")


def whatsapp_zip(folder: Path) -> Path:
    """A WhatsApp export with media: the chat, plus a photo Sam sent of a notice on a door."""
    folder.mkdir(parents=True, exist_ok=True)
    chat = CHAT + f"16/03/2026, 11:40 - Sam Patel: {PHOTO} (file attached)\nnotice on the door\n"
    path = folder / "WhatsApp Chat with Housing.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", chat)
        font = resource_path("fonts") / "NotoSans-Regular.ttf"
        archive.writestr(PHOTO, notice_photo(NOTICE, font, size=(900, 600)))
    return path


def exports(tmp_path: Path) -> list[Path]:
    """A WhatsApp zip with a photo (written here) plus the bundled Teams and SMS samples."""
    folder = tmp_path / "exports"
    chat = whatsapp_zip(folder)
    samples = resource_path("samples")
    teams = shutil.copy(samples / "teams" / "chat-priya-shah-tom-reid.json", folder)
    sms = shutil.copy(samples / "sms" / "sms-20260430120000.xml", folder)
    return [chat, Path(teams), Path(sms)]


def create_encrypted_case(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A new case as the product makes it: encrypted, with a passphrase typed twice."""
    monkeypatch.setattr(case_keys, "DEFAULT_COST", KdfCost(1, 1024, 1))  # test-speed Argon2id

    def fake_exec(self: NewCaseDialog) -> int:
        fill_new_case(self, tmp_path / "cases", encrypt=True)
        qtbot.keyClicks(self.passphrase, CASE_WORDS)
        qtbot.keyClicks(self.passphrase_again, CASE_WORDS)
        assert self.ok_button.isEnabled()
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert window.context.session is not None


def add_user(window, qtbot, name: str, role: Role, words: str) -> None:  # type: ignore[no-untyped-def]
    team = window.show_section(TEAM)
    qtbot.keyClicks(team.name, name)
    team.role.setCurrentIndex(team.role.findData(role.value))
    qtbot.keyClicks(team.passphrase, words)
    qtbot.keyClicks(team.confirm, words)
    assert team.add_button.isEnabled()
    qtbot.mouseClick(team.add_button, Qt.MouseButton.LeftButton)
    assert f"{name} is now {role.label}" in team.note.text()


def draw_box(editor, x0: float, y0: float, x1: float, y1: float) -> None:  # type: ignore[no-untyped-def]
    """Drag on the picture from one corner to the other (image pixels)."""
    start = editor.mapFromScene(QPointF(x0, y0))
    end = editor.mapFromScene(QPointF(x1, y1))
    QTest.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(editor.viewport(), end)
    QTest.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=end)


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
    create_encrypted_case(window, qtbot, tmp_path, monkeypatch)
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

    # The photo: a box drawn over the tenant's name on the notice, recorded as a redaction.
    photos = review.attachments
    review.checks.setCurrentWidget(photos)
    photos.refresh()
    (photo,) = [a for a in session.attachments.attachment_items() if a.attachment.name == PHOTO]
    photos.items.setCurrentRow(
        next(
            r
            for r in range(photos.items.count())
            if photos.items.item(r).data(Qt.ItemDataRole.UserRole) == photo.attachment.id
        )
    )
    editor = photos.editor
    editor.resize(900, 600)
    editor.fitInView(editor.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    draw_box(editor, 60, 110, 700, 190)
    assert len(editor.boxes()) == 1
    photos.about_another.setChecked(True)  # OCR reads the name; the reviewer confirms it
    qtbot.keyClicks(photos.note, "The tenant named on the notice is not the requester")
    qtbot.mouseClick(photos.buttons["redact"], Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    decided = session.attachments.attachment_item(photo.attachment.id).decision
    assert str(decided.action) == "redact"
    assert len(decided.boxes) == 1

    # Four eyes: the reviewer approves every decision (the redaction and the rejections) and
    # the scope exclusion.
    act_as(window, monkeypatch, REVIEWER, REVIEWER_WORDS)
    for view in session.review.review_items():
        review.select_row(review.model.row_of(int(view.item.id)))
        review.table.setFocus()
        qtbot.keyClick(review.table, Qt.Key.Key_V)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    review.checks.setCurrentWidget(photos)
    qtbot.mouseClick(photos.buttons["approve"], Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    assert session.attachments.attachment_item(photo.attachment.id).decision.approved_by == REVIEWER
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

    # The pack goes by secure e-mail, its password by phone: the dashboard asks for the
    # record, the Export page takes it, and the password is nowhere in it.
    qtbot.waitUntil(lambda: "record how" in dashboard_text(window), timeout=10_000)
    export = window.show_section(EXPORT)
    delivery = export.delivery
    assert "no delivery recorded yet" in delivery.state.text()
    delivery.method.setCurrentIndex(delivery.method.findData(DeliveryMethod.SECURE_EMAIL.value))
    qtbot.keyClicks(delivery.recipient, "alex.morgan@example.org")
    assert not delivery.record_button.isEnabled()  # an encrypted pack: the channel first
    delivery.password.setCurrentIndex(delivery.password.findData(PasswordChannel.PHONE.value))
    qtbot.mouseClick(delivery.record_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [getattr(d, "text", d.windowTitle)() for d in dialogs]  # type: ignore[attr-defined]
    (sent,) = session.delivery.deliveries()
    assert (sent.method, sent.recipient) == (DeliveryMethod.SECURE_EMAIL, "alex.morgan@example.org")
    assert sent.password_channel is PasswordChannel.PHONE
    assert sent.recorded_by == DPO
    assert "The newest bundle was delivered" in delivery.state.text()
    case_bytes = b"".join(p.read_bytes() for p in session.folder.rglob("*") if p.is_file())
    assert password.encode() not in case_bytes
    # The case itself is encrypted: no name from a message or the photo is readable in it.
    for plain in (b"Alex Morgan", b"Jordan Whitfield", b"alex.morgan@example.org"):
        assert plain not in case_bytes
    qtbot.waitUntil(lambda: "close the case" in dashboard_text(window), timeout=10_000)
    qtbot.mouseClick(window.panels[DASHBOARD].next_button, Qt.MouseButton.LeftButton)
    assert window.current_panel() is window.panels[RETENTION]


def dashboard_text(window) -> str:  # type: ignore[no-untyped-def]
    """What the dashboard says to do next (it re-reads on every visit)."""
    window.show_section(DASHBOARD)
    return window.panels[DASHBOARD].next_text.text()
