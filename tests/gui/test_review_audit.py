"""People, detection, review (accept, reject, approve by a second reviewer) and the audit view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from test_workflow import create_case, import_file

from sar_desk.core.decisions import ReviewStatus
from sar_desk.gui.sections import AUDIT, PEOPLE, REVIEW
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
    statuses = {int(v.item.id): v.status for v in session.review_items()}
    assert statuses[int(first.item.id)] is ReviewStatus.ACCEPTED

    # Reject another: the reason is required and recorded.
    others = [i for i, s in statuses.items() if s is ReviewStatus.PROPOSED]
    if others:
        review.select_row(review.model.row_of(others[0]))
        monkeypatch.setattr(review, "ask_reason", lambda *_: "Public business contact")
        qtbot.keyClick(review.table, Qt.Key.Key_R)
        rejected = next(v for v in session.review_items() if int(v.item.id) == others[0])
        assert rejected.status is ReviewStatus.REJECTED
        assert rejected.state.note == "Public business contact"

    # Four eyes: the officer cannot approve their own acceptance; a reviewer can.
    session.add_user("reviewer", Role.REVIEWER)
    review.case_opened()
    review.select_row(review.model.row_of(int(first.item.id)))
    review.acting.setCurrentIndex(review.acting.findData("reviewer"))
    review.acting.activated.emit(review.acting.currentIndex())
    assert session.user == "reviewer"
    qtbot.keyClick(review.table, Qt.Key.Key_V)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    approved = next(v for v in session.review_items() if int(v.item.id) == int(first.item.id))
    assert approved.status is ReviewStatus.APPROVED
    assert approved.state.approver == "reviewer"

    audit = window.show_section(AUDIT)
    actions = [audit.model.index(r, 3).data() for r in range(audit.model.rowCount())]
    assert actions[0] == "case-created"
    assert "import" in actions
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    assert audit.result.text().startswith("The chain is intact")
