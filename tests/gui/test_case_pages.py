"""The Team, Records and Retention pages, the next-step button, and errors in the window's words."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_workflow import create_case, fill_new_case, import_file

from sar_desk.core.errors import BadInputError, Hint
from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.errors import show_error
from sar_desk.gui.hints import WINDOW_HINTS
from sar_desk.gui.sections import IMPORT, RECORDS, RETENTION, REVIEW, TEAM
from sar_desk.review.qa import QaMode
from sar_desk.review.roles import Role


def test_team_page_adds_users_changes_roles_and_refuses_in_words(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    team = window.show_section(TEAM)
    assert "You are working as officer" in team.acting.text()
    qtbot.keyClicks(team.name, "Pat Reviewer")
    assert not team.add_button.isEnabled()  # a new user needs their passphrase
    qtbot.keyClicks(team.passphrase, "pat's long passphrase")
    qtbot.keyClicks(team.confirm, "pat's long passphrase!")
    assert "not the same" in team.note.text()
    assert not team.add_button.isEnabled()
    team.confirm.setText("pat's long passphrase")
    qtbot.mouseClick(team.add_button, Qt.MouseButton.LeftButton)
    assert not dialogs
    names = {team.table.item(r, 0).text(): team.table.item(r, 1).text() for r in range(2)}
    assert names["Pat Reviewer"] == Role.REVIEWER.label
    # "Acting as" on the Review page lists the new user without reopening the case.
    review = window.panels[REVIEW]
    assert review.acting.findData("Pat Reviewer") >= 0
    # A known user: no passphrase asked, saving changes the role.
    qtbot.keyClicks(team.name, "pat reviewer")
    assert not team.passphrase.isEnabled()
    assert "already on the case" in team.note.text()
    team.role.setCurrentIndex(team.role.findData(Role.DPO.value))
    qtbot.mouseClick(team.add_button, Qt.MouseButton.LeftButton)
    assert (
        dict((n, r) for n, r, _ in window.context.require().review.users())["Pat Reviewer"]
        is Role.DPO
    )
    # A user added elsewhere (the command line) shows when the page is shown again.
    window.context.require().review.add_user("Lee Auditor", Role.AUDITOR, "lee's long passphrase")
    assert review.acting.findData("Lee Auditor") < 0
    window.show_section(REVIEW)
    assert review.acting.findData("Lee Auditor") >= 0


def test_team_page_on_a_team_server_says_who_is_signed_in(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    team = window.show_section(TEAM)
    assert team.form_box.isVisibleTo(team)
    # A case opened from a team server is the same session with the server's address set
    # (app.opening.is_team_session); the page reads only that.
    monkeypatch.setattr(
        window.context.require(), "server_url", "postgresql://team.example/sar", raising=False
    )
    team.refresh()
    assert "signed in to the team server as officer" in team.acting.text()
    assert "administrator" in team.acting.text()
    assert not team.form_box.isVisibleTo(team)  # no per-case users or passphrases there
    assert "--" not in team.acting.text()
    assert "sar-desk" not in team.acting.text()


def test_records_page_records_tests_and_qa_policy(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    records = window.show_section(RECORDS)
    assert "Nothing left out" in records.scope_state.text()
    assert not records.approve_button.isEnabled()
    # A SAR case has legitimate-interest style codes only where the table says so; the
    # forms offer exactly the regime's codes the test applies to (maybe none).
    session = window.context.require()
    li_codes = {
        c.code for c in session.review.reason_codes()
    } & session.review.code_table.legitimate_interests
    assert records.li.code.count() == len(li_codes)
    assert not records.pit.button.isEnabled()  # nothing typed yet
    # QA: switch to a 20% sample; the page and the session agree.
    records.tabs.setCurrentIndex(4)
    records.qa_mode.setCurrentIndex(records.qa_mode.findData(QaMode.SAMPLE.value))
    records.qa_percent.setValue(20)
    assert records.save_qa()
    assert session.review.qa_settings().mode is QaMode.SAMPLE
    assert session.review.qa_settings().percent == 20
    assert "20%" in records.qa_state.text()
    # Drawing a sample of someone with no accepted decisions is refused in words.
    records.proposer.setCurrentIndex(records.proposer.findData("officer"))
    assert not records.draw_sample()
    assert dialogs
    assert "--" not in dialogs[-1].text()


def test_retention_close_hold_release_and_destroy_with_certificate(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    page = window.show_section(RETENTION)
    assert page.position.text().startswith("Open")
    assert not page.release_button.isEnabled()
    assert not page.place_hold()  # no reason typed: refused in words
    assert dialogs
    assert "Say why" in dialogs[-1].text()
    page.reason.setText("Complaint to the regulator")
    assert page.place_hold()
    assert "On legal hold" in page.position.text()
    assert "Complaint to the regulator" in page.position.text()
    assert page.release_button.isEnabled()
    page.reason.setText("Complaint closed")
    assert page.release_hold()
    assert page.close_case()
    assert "Closed on" in page.position.text()
    # Destroying inside the retention period is refused; the case stays open in the window.
    folder = window.context.require().folder
    dialogs.clear()
    assert not page.purge(tmp_path / "certificate.json")
    assert dialogs
    assert window.context.session is not None
    # The DPO destroys it early, with a reason: the certificate is written, the case is gone.
    session = window.context.require()
    session.review.add_user("Dee DPO", Role.DPO, "dee's long passphrase")
    monkeypatch.setattr(page, "_ask", lambda _user: lambda: "dee's long passphrase")
    session.user = "Dee DPO"
    dialogs.clear()
    assert page.purge(tmp_path / "certificate.json", early=True, reason="Duplicate case")
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    cert = json.loads((tmp_path / "certificate.json").read_text(encoding="utf-8"))
    assert cert["case"]["reference"] == "SAR-2026-0142"
    assert window.context.session is None
    assert window.pages.currentWidget() is window.start_page
    assert not (folder / "case.db").exists()


def test_next_step_button_and_errors_offer_the_page_not_a_command(
    window, qtbot, tmp_path: Path, monkeypatch, chat_file, dialogs
) -> None:
    # Every hint the back end can name has a window sentence with no command or flag in it.
    assert set(WINDOW_HINTS) == set(Hint)
    for sentence, _section in WINDOW_HINTS.values():
        assert "sar-desk" not in sentence
        assert " --" not in sentence
    create_case(window, qtbot, tmp_path, monkeypatch)
    import_file(window, qtbot, chat_file)
    box = show_error(window, BadInputError("The hold has not ended.", hint=Hint.RELEASE_HOLD))
    assert box is not None
    assert "Release it on the Retention page." in box.text()  # type: ignore[attr-defined]
    go = next(b for b in box.buttons() if b.text() == "Go to Retention")  # type: ignore[attr-defined]
    go.click()
    assert window.current_panel() is window.panels[RETENTION]
    box.close()


def test_demo_asks_before_replacing_the_open_case_and_reports_stay_with_their_case(
    window, qtbot, tmp_path: Path, monkeypatch, chat_file, dialogs
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    import_file(window, qtbot, chat_file)
    panel = window.panels[IMPORT]
    assert panel.report.results.rowCount() == 1
    started: list[str] = []
    monkeypatch.setattr(window.jobs, "start", lambda label, *_a: started.append(label))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    window.open_demo()
    assert started == []  # declined: the open case stays
    assert window.context.session is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window.open_demo()
    assert started == ["Building the demo case"]
    # Another case opened: the first case's import report is not shown in it.

    def fake_exec(self: NewCaseDialog) -> int:
        fill_new_case(self, tmp_path / "other")
        self.reference.setText("SAR-2026-0143")
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    window.new_case()
    assert window.context.require().case.reference == "SAR-2026-0143"
    assert panel.report.results.rowCount() == 0
    # An export no importer recognises can be imported as a chosen platform.
    assert panel.platform.findData("whatsapp") >= 0


def test_qa_sample_drawn_checked_on_the_review_page_and_the_batch_approved(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    from review_data import make_case

    from sar_desk.core.decisions import Action, ReviewStatus
    from sar_desk.gui.widgets.review_panel import IN_SAMPLE

    window.context.open(make_case(tmp_path / "case", tmp_path))
    session = window.context.require()
    ids = [int(v.item.id) for v in session.review.review_items()]
    session.review.decide(ids, Action.ACCEPT, code="default", rationale="Third party's data")
    records = window.show_section(RECORDS)
    records.qa_mode.setCurrentIndex(records.qa_mode.findData(QaMode.SAMPLE.value))
    records.qa_percent.setValue(50)
    assert records.save_qa()
    # The reviewer draws a sample of the officer's decisions on the Records page...
    review = window.show_section(REVIEW)
    session.review.set_passphrase("rita", "rita's own long words")
    monkeypatch.setattr(review, "ask_passphrase", lambda _name: "rita's own long words")
    index = review.acting.findData("rita")
    review.acting.setCurrentIndex(index)
    review.acting.activated.emit(index)
    assert session.user == "rita"
    records = window.show_section(RECORDS)
    records.proposer.setCurrentIndex(records.proposer.findData("officer"))
    assert not records.approve_on_sample()  # nothing of the sample checked yet: refused
    assert "--" not in dialogs[-1].text()  # type: ignore[attr-defined]
    dialogs.clear()
    assert records.draw_sample()
    assert "2 of 4 items" in records.sample_state.text()
    # ...finds exactly the drawn items on the Review page and approves each by key...
    review = window.show_section(REVIEW)
    review.status_filter.setCurrentIndex(review.status_filter.findData(IN_SAMPLE))
    (sample,) = session.review.qa_samples()
    shown = sorted(int(review.model.item(r).item.id) for r in range(review.model.rowCount()))
    assert shown == sorted(sample.sample)
    for row in range(review.model.rowCount()):
        review.select_row(row)
        review.table.setFocus()
        qtbot.keyClick(review.table, Qt.Key.Key_V)
    assert not dialogs, [d.text() for d in dialogs]  # type: ignore[attr-defined]
    # ...and approves the rest of the batch on the sample's basis.
    records = window.show_section(RECORDS)
    records.proposer.setCurrentIndex(records.proposer.findData("officer"))
    assert records.approve_on_sample()
    assert "2 more of officer's decisions approved" in records.sample_state.text()
    views = session.review.review_items()
    assert all(v.status is ReviewStatus.APPROVED for v in views)
    review = window.show_section(REVIEW)
    assert review.model.rowCount() == 0  # the sample is closed: nothing left to check in it


def test_the_deadline_and_its_status_show_on_every_page(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    create_case(window, qtbot, tmp_path, monkeypatch)
    window.resize(1280, 720)
    session = window.context.require()
    deadline, _left = session.clock.deadline()
    label = window.case_label
    for name in window.panels:
        window.show_section(name)
        assert label.isVisibleTo(window), name
        text = label.text()
        assert text.startswith(f"{session.case.reference} — due {deadline.due:%a %d %b %Y} ("), name
        assert "day" in text or "today" in text, text  # the status in words
        # ...and never cut off ("183 days overdue" once read "183 days").
        needed = label.fontMetrics().horizontalAdvance(text)
        qtbot.waitUntil(lambda: label.width() >= needed, timeout=3_000)  # noqa: B023
