"""People, detection, review (accept, reject, approve by a second reviewer) and the audit view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_workflow import create_case, import_file

from sar_desk.core.decisions import ReviewStatus
from sar_desk.gui.sections import AUDIT, EXPORT, PEOPLE, REVIEW, SEARCH
from sar_desk.review.roles import Role


def test_people_detect_review_and_audit(
    window, qtbot, tmp_path: Path, monkeypatch, chat_file, fast_detection, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    import_file(window, qtbot, chat_file)
    assert not dialogs

    people = window.show_section(PEOPLE)
    names = [people.model.person(r).person.display_name for r in range(people.model.rowCount())]
    assert {"Alex Morgan", "Sam Patel", "Jo Reed"} <= set(names)
    people.table.selectRow(names.index("Sam Patel"))
    qtbot.mouseClick(people.staff_button, Qt.MouseButton.LeftButton)
    row = people.model.row_of(int(people.model.person(names.index("Sam Patel")).person.id))
    assert people.model.index(row, 1).data() == "Staff"

    # Scope: every message of the chat is about the requester (the search found them all).
    search = window.show_section(SEARCH)
    qtbot.mouseClick(search.search_button, Qt.MouseButton.LeftButton)  # a logged search
    qtbot.waitUntil(lambda: window.count_label.text() == "5 messages found", timeout=10_000)
    assert len(window.context.require().search.search_log()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(search.scope_bar.mark_all, Qt.MouseButton.LeftButton)
    assert search.scope_bar.status.text() == "5 message(s) marked about the requester."

    review = window.show_section(REVIEW)
    with qtbot.waitSignal(window.jobs.finished, timeout=60_000):
        qtbot.mouseClick(review.detect_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    assert review.model.rowCount() > 0
    assert "Items:" in review.progress.text()

    # Accept the first proposal with the keyboard; the queue moves on.
    review.select_row(0)
    first = review.current()
    window.activateWindow()
    review.table.setFocus()
    qtbot.waitUntil(review.table.hasFocus)
    review.message.code.setCurrentIndex(1)  # an explicit code: the first of the regime's
    review.message.rationale.setText("Third party's personal data; no consent")
    qtbot.keyClick(review.table, Qt.Key.Key_A)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    session = window.context.require()
    statuses = {int(v.item.id): v.status for v in session.review.review_items()}
    assert statuses[int(first.item.id)] is ReviewStatus.ACCEPTED

    # Reject another: the reason is required and recorded.
    others = [i for i, s in statuses.items() if s is ReviewStatus.PROPOSED]
    if others:
        review.select_row(review.model.row_of(others[0]))
        monkeypatch.setattr(review, "ask_reason", lambda *_: "Public business contact")
        qtbot.keyClick(review.table, Qt.Key.Key_R)
        rejected = next(v for v in session.review.review_items() if int(v.item.id) == others[0])
        assert rejected.status is ReviewStatus.REJECTED
        assert rejected.state.note == "Public business contact"

    # Four eyes: the officer cannot approve their own acceptance; a reviewer can.
    session.review.add_user("reviewer", Role.REVIEWER, "reviewer's own words")
    review.case_opened()
    review.select_row(review.model.row_of(int(first.item.id)))
    # Choosing another user asks for their passphrase (issue 17): a wrong one changes nothing.
    monkeypatch.setattr(review, "ask_passphrase", lambda _name: "a guess at it")
    review.acting.setCurrentIndex(review.acting.findData("reviewer"))
    review.acting.activated.emit(review.acting.currentIndex())
    assert session.user == "officer"
    assert dialogs
    assert "not the passphrase of reviewer" in dialogs[-1].text()
    dialogs.clear()
    monkeypatch.setattr(review, "ask_passphrase", lambda _name: "reviewer's own words")
    review.acting.setCurrentIndex(review.acting.findData("reviewer"))
    review.acting.activated.emit(review.acting.currentIndex())
    assert session.user == "reviewer"
    qtbot.keyClick(review.table, Qt.Key.Key_V)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    approved = next(
        v for v in session.review.review_items() if int(v.item.id) == int(first.item.id)
    )
    assert approved.status is ReviewStatus.APPROVED
    assert approved.state.approver == "reviewer"

    # Export: refused while items are open (the sentence is shown), then a verified bundle.
    from sar_desk.core.decisions import Action
    from sar_desk.review.bulk import BulkSelection

    export = window.show_section(EXPORT)
    assert "still need a decision" in export.readiness.text()
    wizard = export.open_wizard()
    wizard.options_page.dest.setText(str(tmp_path / "bundle"))
    with qtbot.waitSignal(window.jobs.finished, timeout=60_000):
        wizard.next()
    assert dialogs
    assert "undecided" in dialogs[-1].text().lower() or "decision" in dialogs[-1].text().lower()
    assert not wizard.run_page.done
    wizard.close()
    dialogs.clear()
    session.user = "officer"
    for view in session.review.review_items(ReviewStatus.PROPOSED):
        session.review.decide(
            [int(view.item.id)], Action.REJECT, note="Not personal data in context"
        )
    session.user = "reviewer"
    session.review.bulk_decide(BulkSelection(everything=True), Action.APPROVE, confirmed=True)
    window.context.notify(frozenset({"decisions"}))
    assert "ready to export" in export.readiness.text()
    wizard = export.open_wizard()
    wizard.options_page.dest.setText(str(tmp_path / "bundle"))
    with qtbot.waitSignal(window.jobs.finished, timeout=120_000):
        wizard.next()
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    assert wizard.run_page.done
    assert "All safety checks passed" in wizard.run_page.status.text()
    assert wizard.run_page.checks.rowCount() > 0
    assert wizard.run_page.open_button.isEnabled()
    wizard.close()

    audit = window.show_section(AUDIT)
    actions = [audit.model.index(r, 3).data() for r in range(audit.model.rowCount())]
    assert actions[0] == "case-created"
    assert "import" in actions
    assert "export" in actions
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    assert audit.result.text().startswith("The chain is intact")
