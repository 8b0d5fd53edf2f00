"""The elusion test and the measured detection accuracy on the Review page (issue 15 item 5).

Every step drives widgets; the checks read back through the same services the command line
uses (the session's `elusion_result`, `app.accuracy`'s reader of the shipped figures), so a
box that showed one thing and recorded another would fail here.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_workflow import create_case, import_file

from sar_desk.app.paths import resource_path
from sar_desk.gui.sections import REVIEW, SEARCH
from sar_desk.gui.widgets.elusion_box import COL_TEXT

COMMAND_WORDS = ("--", "sar-desk", "elusion draw", "elusion mark")


def _case_in_scope(window, qtbot, tmp_path: Path, monkeypatch, chat_file: Path) -> None:  # type: ignore[no-untyped-def]
    """A case whose five imported messages are all about the requester (the disclosure set)."""
    create_case(window, qtbot, tmp_path, monkeypatch)
    import_file(window, qtbot, chat_file)
    search = window.show_section(SEARCH)
    qtbot.mouseClick(search.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.count_label.text() == "5 messages found", timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(search.scope_bar.mark_all, Qt.MouseButton.LeftButton)


def test_draw_mark_all_clean_and_read_the_estimate(
    window, qtbot, tmp_path: Path, monkeypatch, chat_file, dialogs
) -> None:  # type: ignore[no-untyped-def]
    _case_in_scope(window, qtbot, tmp_path, monkeypatch, chat_file)
    review = window.show_section(REVIEW)
    box = review.elusion
    assert box.estimate.text().startswith("No elusion test has been drawn yet.")
    assert not box.clean_button.isEnabled()

    box.sample_size.setValue(3)
    qtbot.mouseClick(box.draw_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    assert box.table.rowCount() == 3
    session = window.context.require()
    drawn = session.elusion.elusion_result()
    assert drawn is not None
    sample = list(drawn.test.sample)
    assert [int(box.table.item(r, 0).text()) for r in range(3)] == sample
    # Each sampled message is listed with its own text, to be read before marking.
    texts = {int(m.id): m.text for m in session.search.messages(sample)}
    assert [box.table.item(r, COL_TEXT).text() for r in range(3)] == [texts[m] for m in sample]
    assert "3 of 5 messages" in box.estimate.text()

    # The first one with a note, then the rest; marking moves on to the next unmarked row.
    qtbot.keyClicks(box.note, "checked twice")
    for _ in range(3):
        qtbot.mouseClick(box.clean_button, Qt.MouseButton.LeftButton)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]

    result = session.elusion.elusion_result()
    assert result is not None
    assert result.complete
    assert result.missed == 0
    assert result.marks[sample[0]].note == "checked twice"
    assert [box.table.item(r, 1).text() for r in range(3)] == ["Clean"] * 3
    assert result.interval is not None
    low, high = result.interval
    text = box.estimate.text()
    assert f"Estimated miss rate 0.0% (95% interval {low:.1%} to {high:.1%})" in text
    assert f"{high:.1%}" != "0.0%"  # three clean messages do not prove nothing was missed
    assert "No threshold is set for this case" in text


def test_missed_mark_and_threshold_status_in_words(
    window, qtbot, tmp_path: Path, monkeypatch, chat_file, dialogs
) -> None:  # type: ignore[no-untyped-def]
    _case_in_scope(window, qtbot, tmp_path, monkeypatch, chat_file)
    session = window.context.require()
    box = window.show_section(REVIEW).elusion
    assert not box.gate.isChecked()
    box.gate.setChecked(True)
    box.threshold.setValue(5.0)
    qtbot.mouseClick(box.save_threshold, Qt.MouseButton.LeftButton)
    assert session.elusion.elusion_threshold() == 5.0
    assert "threshold of 5%" in box.estimate.text()
    box.sample_size.setValue(2)
    qtbot.mouseClick(box.draw_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(box.missed_button, Qt.MouseButton.LeftButton)
    assert "finish marking" in box.estimate.text()

    # Drawing again while the test is under way is refused, in the window's words.
    qtbot.mouseClick(box.draw_button, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1
    shown = dialogs[0].text()  # type: ignore[attr-defined]
    assert "Finish marking it before drawing another" in shown
    for word in COMMAND_WORDS:
        assert word not in shown, shown

    qtbot.mouseClick(box.clean_button, Qt.MouseButton.LeftButton)
    result = session.elusion.elusion_result()
    assert result is not None
    assert result.complete
    assert result.missed == 1
    assert not result.passes
    assert "Estimated miss rate 50.0%" in box.estimate.text()
    assert "fails this case's threshold of 5%" in box.estimate.text()
    assert [box.table.item(r, 1).text() for r in range(2)] == ["Missed", "Clean"]

    # Clearing the threshold: sign-off no longer waits, and the box says so.
    box.gate.setChecked(False)
    qtbot.mouseClick(box.save_threshold, Qt.MouseButton.LeftButton)
    assert session.elusion.elusion_threshold() is None
    assert not box.gate.isChecked()
    assert "No threshold is set for this case" in box.estimate.text()


def test_accuracy_view_lists_person_figures_from_the_shipped_file(
    window, qtbot, tmp_path: Path, monkeypatch, chat_file
) -> None:  # type: ignore[no-untyped-def]
    create_case(window, qtbot, tmp_path, monkeypatch)
    review = window.show_section(REVIEW)
    review.checks.setCurrentWidget(review.accuracy)
    shipped = json.loads(resource_path("detect/accuracy.json").read_text(encoding="utf-8"))
    from sar_desk.detect.models import default_model

    # No detection run yet: the model a run would use now (md when installed, else sm).
    person = shipped["models"][default_model()[0]]["PERSON"]
    row = review.accuracy.row_of("PERSON")
    assert row[:4] == [
        "Name",  # the type in words, as in the review queue
        f"{person['precision']:.1%}",
        f"{person['recall_same_type']:.1%}",
        f"{person['recall_any_type']:.1%}",
    ]
    assert review.accuracy.table.rowCount() == len(shipped["models"]["sm"])
    source = review.accuracy.source.text()
    size = {"sm": "small English model (sm)", "md": "medium English model (md)"}
    assert size[default_model()[0]] in source
    assert shipped["source"] in source
    assert shipped["measured_on"] in source
