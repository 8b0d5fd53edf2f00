"""The attachment review page: every page of a document boxed, each attachment's decision shown.

Widgets only: the view is driven by clicks and drags on a real case holding a three-page PDF,
a photo and a voice note from a WhatsApp zip.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtTest import QTest

from sar_desk.app.session import CaseSession
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.gui.context import CaseContext
from sar_desk.gui.settings import RecentCases
from sar_desk.gui.widgets.attachment_view import AttachmentView
from sar_desk.review.roles import Role
from tests.unit.attachments import files

PDF, PHOTO, VOICE = "DOC-20260314-WA0001.pdf", "IMG-20260314-WA0002.jpg", "PTT-20260314-WA0003.opus"


def _case(tmp_path: Path) -> Path:
    chat = "".join(
        f"14/03/2026, 09:3{n} - Sam Patel: {name} (file attached)\n"
        for n, name in enumerate((PDF, PHOTO, VOICE))
    )
    export = tmp_path / "WhatsApp Chat with Housing.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", chat)
        archive.writestr(PDF, files.multi_page_pdf())
        archive.writestr(PHOTO, files.photo())
        archive.writestr(VOICE, files.voice_note())
    case = Case(
        reference="SAR-GUI-16",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
    )
    folder = tmp_path / "case"
    session = CaseSession.create(folder, case, user="officer")
    try:
        run_job(session.ingest.import_files([export], day_first=True), lambda _p: None)
        session.review.add_user("rita", Role.REVIEWER)
    finally:
        session.close()
    return folder


@pytest.fixture
def view(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = _case(tmp_path)
    recent = RecentCases(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat))
    context = CaseContext(recent, user="officer")
    widget = AttachmentView(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    context.open(folder)
    yield widget
    context.close()


def _select(view: AttachmentView, name: str) -> None:
    for row in range(view.items.count()):
        if view.items.item(row).text().startswith(name):
            view.items.setCurrentRow(row)
            return
    raise AssertionError(name)


def _line(view: AttachmentView, name: str) -> str:
    (line,) = [
        view.items.item(r).text()
        for r in range(view.items.count())
        if view.items.item(r).text().startswith(name)
    ]
    return line


def _drag(view: AttachmentView, x0: float, y0: float, x1: float, y1: float) -> None:
    editor = view.editor
    start = editor.mapFromScene(QPointF(x0, y0))
    end = editor.mapFromScene(QPointF(x1, y1))
    QTest.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(editor.viewport(), end)
    QTest.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=end)


def _picture(view: AttachmentView) -> bytes:
    picture = view.editor._picture
    assert picture is not None
    image = picture.pixmap().toImage()
    return bytes(image.constBits())


def test_every_page_of_a_document_is_shown_and_boxed(view, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    _select(view, PDF)
    assert view.page_label.text() == "Page 1 of 3"
    assert "PDF, 3 pages" in view.kind.text()
    assert not view.prev_page.isEnabled()
    first = _picture(view)
    qtbot.mouseClick(view.next_page, Qt.MouseButton.LeftButton)
    assert view.page_label.text() == "Page 2 of 3"
    assert _picture(view) != first  # page 2 is drawn, not page 1 again
    _drag(view, 100, 100, 300, 150)
    (on_two,) = view.editor.boxes()
    assert on_two.page == 1
    qtbot.mouseClick(view.next_page, Qt.MouseButton.LeftButton)
    assert view.page_label.text() == "Page 3 of 3"
    assert not view.next_page.isEnabled()
    assert view.editor.boxes() == []  # page 2's box stays on page 2
    _drag(view, 50, 200, 250, 260)
    _drag(view, 50, 400, 250, 460)
    assert len(view.editor.boxes()) == 2
    # Delete one of page 3's boxes: click it to select it, then Delete.
    QTest.mouseClick(
        view.editor.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.editor.mapFromScene(QPointF(150, 430)),
    )
    QTest.keyClick(view.editor, Qt.Key.Key_Delete)
    (kept,) = view.editor.boxes()
    assert abs(kept.y0 - 200) <= 3  # the other one was deleted
    qtbot.mouseClick(view.prev_page, Qt.MouseButton.LeftButton)
    assert [b.page for b in view.editor.boxes()] == [1]
    view.about_another.setChecked(True)
    qtbot.mouseClick(view.buttons["redact"], Qt.MouseButton.LeftButton)
    assert not dialogs
    session = view.context.require()
    (item,) = [i for i in session.attachments.attachment_items() if i.attachment.name == PDF]
    assert sorted(b.page for b in item.decision.boxes) == [1, 2]
    # After the refresh the view is back on page 1 and says what was decided, for every page.
    assert view.page_label.text() == "Page 1 of 3"
    assert "Disclose with redactions" in view.decision.text()
    assert "2 boxes (pages 2, 3)" in view.decision.text()
    assert "waiting for a second person" in view.decision.text()
    assert "Disclose with redactions" in _line(view, PDF)


def test_a_photo_has_one_page(view) -> None:  # type: ignore[no-untyped-def]
    _select(view, PHOTO)
    assert view.page_label.text() == "Page 1 of 1"
    assert not view.prev_page.isEnabled()
    assert not view.next_page.isEnabled()
    assert "photo" in _line(view, PHOTO)


def test_each_attachment_shows_its_decision_and_a_voice_note_waits_for_a_person(
    view, qtbot, dialogs
) -> None:  # type: ignore[no-untyped-def]
    assert "voice note · not decided" in _line(view, VOICE)
    _select(view, VOICE)
    assert "never read or disclosed automatically" in view.kind.text()
    assert "not decided yet" in view.decision.text()
    view.about_another.setChecked(True)
    qtbot.mouseClick(view.buttons["withhold"], Qt.MouseButton.LeftButton)
    assert not dialogs
    assert "Withhold under " in view.decision.text()
    assert "Withhold" in _line(view, VOICE)
    assert "to approve" in _line(view, VOICE)
    _select(view, PHOTO)
    qtbot.mouseClick(view.buttons["disclose"], Qt.MouseButton.LeftButton)
    assert "Decision: Disclose · proposed by officer" in view.decision.text()
    # Four eyes: the reviewer opens the case and approves; the list and the label say so.
    context = view.context
    context.user = "rita"
    context.open(context.require().folder)
    _select(view, VOICE)
    qtbot.mouseClick(view.buttons["approve"], Qt.MouseButton.LeftButton)
    assert not dialogs
    assert "approved by rita" in view.decision.text()
    assert _line(view, VOICE).endswith("approved")
    assert _line(view, PDF).endswith("not decided")
