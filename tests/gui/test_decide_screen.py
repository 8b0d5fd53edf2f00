"""The reviewer's screen (issue 19 item 2): exact highlights, per-item reset, keys, undo, scope."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from review_data import NAME_IN_3, PHONE, make_case

from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.findings import ProposalField
from sar_desk.gui.sections import REVIEW
from sar_desk.gui.widgets.review_message import SPAN_BG


def open_review(window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = make_case(tmp_path / "case", tmp_path)
    window.context.open(folder)
    review = window.show_section(REVIEW)
    review.refresh()
    assert review.model.rowCount() == 4
    return review


def row_where(review, test) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(review.model.rowCount()) if test(review.model.item(r)))


def body_is_plain(review) -> bool:  # type: ignore[no-untyped-def]
    """No character of the document itself carries a background or bold (only overlays)."""
    doc = review.message.text.document()
    for position in range(doc.characterCount() - 1):
        cursor = QTextCursor(doc)
        cursor.setPosition(position + 1)
        fmt = cursor.charFormat()
        if fmt.background().style() != Qt.BrushStyle.NoBrush or fmt.fontWeight() > 400:
            return False
    return True


def test_each_proposal_is_marked_exactly_and_nothing_carries_over(
    window, qtbot, tmp_path: Path, dialogs
) -> None:
    review = open_review(window, qtbot, tmp_path)
    phone = row_where(review, lambda v: v.item.start == PHONE[0])
    review.select_row(phone)
    marks = review.message.highlights()
    assert marks[0] == PHONE  # the item under review, first
    assert sorted(marks) == [(0, 10), PHONE]  # and the other proposal of the message
    assert review.message.text.toPlainText()[slice(*PHONE)] == "07700 900123"
    assert body_is_plain(review)
    assert "A phone number in the message text" in review.message.proposals.text()
    # The conversation around it: the message before and after are shown.
    context = review.message.context.toPlainText()
    assert "any news on the repair" in context
    assert "spoke to" in context

    sender = row_where(review, lambda v: v.item.field is ProposalField.SENDER)
    review.select_row(sender)
    # A sender-only proposal marks the sender in the header, not the body: the body shows only
    # the other proposal of message 3, and nothing of message 2's marks.
    assert review.message.highlights() == [NAME_IN_3]
    assert f'background-color:{SPAN_BG}">Sam Carter</span>' in review.message.header.text()
    assert body_is_plain(review)
    assert "A person's name in the sender line" in review.message.proposals.text()
    assert not dialogs


def test_code_and_rationale_reset_for_the_next_item(window, qtbot, tmp_path: Path) -> None:
    review = open_review(window, qtbot, tmp_path)
    review.select_row(0)
    review.message.code.setCurrentIndex(2)
    review.message.rationale.setText("Only for the first item")
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_N)
    assert review.table.currentIndex().row() == 1
    assert review.message.rationale.text() == ""
    assert review.message.chosen_code() == "default"
    # Codes are offered by name, never by internal id.
    names = [review.message.code.itemText(i) for i in range(review.message.code.count())]
    assert not any("SAR-" in n for n in names)
    # The shortcuts are written on the buttons.
    labels = [b.text() for b in review.decisions.buttons + review.decisions.step_buttons]
    assert any("(A)" in t for t in labels)
    assert any("Ctrl+Z" in t for t in labels)


def test_accept_by_key_then_undo_records_a_new_decision(
    window, qtbot, tmp_path: Path, dialogs
) -> None:
    review = open_review(window, qtbot, tmp_path)
    session = window.context.require()
    row = row_where(review, lambda v: v.item.start == PHONE[0])
    review.select_row(row)
    item_id = int(review.current().item.id)
    review.message.rationale.setText("A third party's phone number")
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_A)
    accepted = next(v for v in session.review.review_items() if int(v.item.id) == item_id)
    assert accepted.status is ReviewStatus.ACCEPTED

    qtbot.mouseClick(review.decisions.undo_button, Qt.MouseButton.LeftButton)
    assert not dialogs
    restored = next(v for v in session.review.review_items() if int(v.item.id) == item_id)
    assert (restored.status, restored.state.code) == (ReviewStatus.PROPOSED, None)
    assert [e.action for e in session.review.item_history(item_id)] == [Action.ACCEPT, Action.UNDO]
    actions = [e.action for e in session.review.audit_entries()]
    assert actions[-2:] == ["review-accept", "review-undo"]
    assert int(review.current().item.id) == item_id  # the undone item is shown again


def test_redact_selection_with_the_usual_code(window, qtbot, tmp_path: Path, dialogs) -> None:
    review = open_review(window, qtbot, tmp_path)
    review.select_row(row_where(review, lambda v: v.item.start == PHONE[0]))
    text = review.message.text
    cursor = text.textCursor()
    cursor.setPosition(11)
    cursor.setPosition(28, QTextCursor.MoveMode.KeepAnchor)  # "from the repairs "
    text.setTextCursor(cursor)
    review.message.rationale.setText("Names the team of a third party")
    assert review.message.chosen_code() == "default"
    qtbot.mouseClick(
        next(b for b in review.decisions.buttons if "selection" in b.text()),
        Qt.MouseButton.LeftButton,
    )
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    manual = [
        v for v in window.context.require().review.review_items() if v.item.entity_type == "MANUAL"
    ]
    assert [(v.item.start, v.item.end, v.status) for v in manual] == [
        (11, 28, ReviewStatus.ACCEPTED)
    ]


def test_disclosure_filter_and_export_count(window, qtbot, tmp_path: Path) -> None:
    review = open_review(window, qtbot, tmp_path)
    session = window.context.require()
    session.scope.add_to_disclosure([3], "The requester is discussed")
    review.disclosed_only.setChecked(True)
    shown = {int(review.model.item(r).item.message_id) for r in range(review.model.rowCount())}
    assert shown == {3}
    assert session.review.export_undecided() == review.model.rowCount() == 2


def test_detection_from_review_scans_only_the_disclosure_set(
    window, qtbot, tmp_path: Path, monkeypatch, chat_file, fast_detection, dialogs
) -> None:
    from test_workflow import create_case, import_file

    create_case(window, qtbot, tmp_path, monkeypatch)
    import_file(window, qtbot, chat_file)
    session = window.context.require()
    everyone = [int(m.id) for m in session.search.context(session.search.messages([1])[0], 0, 10)]
    assert len(everyone) == 5
    chosen = everyone[2:4]  # the phone number message and Jo Reed's message
    session.scope.add_to_disclosure(chosen, "About the requester")
    review = window.show_section(REVIEW)
    with qtbot.waitSignal(window.jobs.finished, timeout=60_000):
        qtbot.mouseClick(review.detect_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    found = {int(v.item.message_id) for v in session.review.review_items()}
    assert found
    assert found <= set(chosen)
    assert review.model.rowCount() == len(session.review.review_items())


def test_errors_name_codes_by_title_and_offer_the_next_step(
    window, qtbot, tmp_path: Path, dialogs
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sar_desk.gui.widgets.review_errors import in_window_words

    review = open_review(window, qtbot, tmp_path)
    codes = review.message.codes
    worded = in_window_words("Item 4 was accepted under SAR-3P.", codes)
    assert "SAR-3P" not in worded
    assert "(Sch 2 Pt 3 para 16)" in worded or codes[0].marker in worded

    review.select_row(0)
    review.decide(Action.REJECT, note="")  # a rejection needs its reason
    assert len(dialogs) == 1
    box = dialogs[0]
    assert isinstance(box, QMessageBox)
    assert "say why it is rejected" in box.text()
    assert [b.text() for b in box.buttons() if b.text() == "Write the rationale"]


def test_bulk_by_person_previews_then_decides(window, qtbot, tmp_path: Path, dialogs) -> None:
    from sar_desk.gui.dialogs.bulk_review import BulkReviewDialog

    review = open_review(window, qtbot, tmp_path)
    session = window.context.require()
    dialog = BulkReviewDialog(session, review)
    qtbot.addWidget(dialog)
    dialog.action.setCurrentIndex(dialog.action.findData(Action.REJECT))
    dialog.by.setCurrentIndex(dialog.by.findText("Every mention of Sam Carter"))
    previews = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
    assert len(previews) == 3  # two in the text, one as the sender; not the phone number
    assert all("Sam Carter" in p for p in previews)
    assert "3 item(s) will be decided." in dialog.plan_label.text()
    assert session.review.review_items(ReviewStatus.REJECTED) == []  # a preview decides nothing
    dialog.rationale.setText("Staff member named in the course of their work")
    dialog.run()
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    rejected = session.review.review_items(ReviewStatus.REJECTED)
    assert sorted(v.item.text for v in rejected) == ["Sam Carter"] * 3

    dialog = BulkReviewDialog(session, review)
    qtbot.addWidget(dialog)
    dialog.action.setCurrentIndex(dialog.action.findData(Action.REJECT))
    dialog.by.setCurrentIndex(dialog.by.findText("Every occurrence of a text…"))
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    dialog.text.setText("07700 900123")
    assert dialog.preview.count() == 1


def test_bulk_by_type_previews_only_that_type_then_accepts(
    window, qtbot, tmp_path: Path, dialogs
) -> None:
    from sar_desk.gui.dialogs.bulk_review import BulkReviewDialog
    from sar_desk.gui.widgets.review_labels import entity_name

    review = open_review(window, qtbot, tmp_path)
    session = window.context.require()
    dialog = BulkReviewDialog(session, review)
    qtbot.addWidget(dialog)
    dialog.action.setCurrentIndex(dialog.action.findData(Action.ACCEPT))
    dialog.by.setCurrentIndex(dialog.by.findText(f"Only {entity_name('PHONE_NUMBER')}"))
    previews = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
    assert len(previews) == 1
    assert "07700 900123" in previews[0]
    assert "1 item(s) will be decided." in dialog.plan_label.text()
    assert session.review.review_items(ReviewStatus.ACCEPTED) == []  # a preview decides nothing
    dialog.rationale.setText("A third party's phone number")
    dialog.run()
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    accepted = session.review.review_items(ReviewStatus.ACCEPTED)
    assert [(v.item.start, v.item.end) for v in accepted] == [PHONE]
    assert {v.item.entity_type for v in session.review.review_items(ReviewStatus.PROPOSED)} == {
        "PERSON"
    }


def test_attachment_items_show_the_attachment_area(window, qtbot, tmp_path: Path) -> None:
    from sar_desk.core.findings import Finding
    from sar_desk.core.model import MessageId
    from sar_desk.store.findings import save_findings

    review = open_review(window, qtbot, tmp_path)
    session = window.context.require()
    with session.store.transaction() as conn:
        save_findings(
            conn,
            [
                Finding(
                    MessageId(1),
                    ProposalField.ATTACHMENT,
                    None,
                    None,
                    "sam-carter-letter.pdf",
                    "PERSON",
                    0.9,
                    "test",
                )
            ],
        )
    review.refresh()
    review.select_row(row_where(review, lambda v: v.item.field is ProposalField.ATTACHMENT))
    assert review.message.attachment_box.isVisibleTo(review)
    assert review.message.highlights() == []  # nothing in the body is marked for it
    review.select_row(row_where(review, lambda v: v.item.start == PHONE[0]))
    assert not review.message.attachment_box.isVisibleTo(review)


def test_the_queue_names_types_in_words_and_no_cell_is_cut_off_at_1280x720(
    window, qtbot, tmp_path: Path
) -> None:
    from sar_desk.gui.models.review_items import COL_CODE, COL_MESSAGE, COL_STATUS, COL_TYPE

    review = open_review(window, qtbot, tmp_path)
    session = window.context.require()
    phone = next(v for v in session.review.review_items() if v.item.start == PHONE[0])
    session.review.decide([int(phone.item.id)], Action.ACCEPT, code="default", rationale="Number")
    window.resize(1280, 720)
    review.refresh()
    qtbot.wait(50)  # one layout pass
    model, table = review.model, review.table
    types = {model.index(r, COL_TYPE).data() for r in range(model.rowCount())}
    assert types == {"Name", "Phone"}  # not PERSON / PHONE_NUMBER
    assert "Phone: " in review.progress.text()
    assert "PHONE_NUMBER" not in review.progress.text()
    metrics = table.fontMetrics()
    for column in (COL_STATUS, COL_TYPE, COL_CODE, COL_MESSAGE):
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            assert metrics.horizontalAdvance(text) <= table.columnWidth(column), (column, text)
    assert any(model.index(r, COL_CODE).data() for r in range(model.rowCount()))
