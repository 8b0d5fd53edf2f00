"""The organisation profile and the FOI request outcome in the window (issue 13 items 1 and 4).

Every step drives widgets; the checks read back through the same services the command line
uses (`app.organisation.load_profile`, the session's `outcome`), so a dialog that showed one
thing and saved another would fail here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sar_desk.app.organisation import load_profile
from sar_desk.core.model import Regime
from sar_desk.core.organisation import OrgProfile
from sar_desk.core.outcome import OutcomeKind
from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.dialogs.organisation import NEEDED, NEEDED_SAR, OrganisationDialog
from sar_desk.gui.dialogs.outcome import OutcomeDialog
from sar_desk.gui.sections import EXPORT

COMMAND_WORDS = ("--", "sar-desk", "org set", "case outcome")


def _create_case(window, qtbot, tmp_path: Path, monkeypatch, regime: Regime) -> None:  # type: ignore[no-untyped-def]
    def fake_exec(self: NewCaseDialog) -> int:
        self.regime.setCurrentIndex(self.regime.findData(regime))
        self.reference.setText(f"{regime.value.upper()}-2026-0007")
        self.requester.setText("Alex Morgan")
        self.parent_folder.setText(str(tmp_path / "cases"))
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert window.context.session is not None
    assert window.context.session.case.regime is regime


def _shown_text(dialog: object) -> str:
    assert isinstance(dialog, QMessageBox)
    return dialog.text()


def _assert_window_words(text: str) -> None:
    assert text.strip()
    for word in COMMAND_WORDS:
        assert word not in text, text


def test_profile_dialog_marks_missing_fields_and_saves_through_the_service(
    window, qtbot, dialogs, organisation_profile: Path
) -> None:  # type: ignore[no-untyped-def]
    organisation_profile.unlink()  # a new installation: no profile yet
    window.org_action.trigger()
    dialog = window.findChild(OrganisationDialog)
    assert dialog is not None
    assert dialog.isVisible()
    # Every profile field is on the form with its label; the required ones are marked.
    assert set(dialog.labels) == set(OrgProfile().to_json())
    assert dialog.labels["name"].text() == f"Organisation name ({NEEDED})"
    assert dialog.labels["transfers"].text().endswith(f"({NEEDED_SAR})")
    assert "(" not in dialog.labels["website"].text()
    assert "organisation name" in dialog.summary.text()

    qtbot.keyClicks(dialog.editors["name"], "Northvale District Council")
    dialog.editors["address"].setPlainText("Civic Centre, 2 Market Row, Northvale NV1 2AB")
    qtbot.keyClicks(dialog.editors["dpo_email"], "dpo@northvale.example")
    qtbot.keyClicks(dialog.editors["requests_email"], "requests@northvale.example")
    assert dialog.labels["name"].text() == "Organisation name"
    assert NEEDED not in dialog.summary.text()
    assert "Art. 15(2)" in dialog.summary.text()  # the SAR-only fields are still needed
    dialog.editors["retention_text"].setPlainText("Chat records are kept for two years.")
    dialog.editors["automated_decisions"].setPlainText("No automated decisions are made.")
    dialog.editors["transfers"].setPlainText("No transfers outside the UK.")
    assert dialog.summary.text() == "Every field an export needs is set."
    jurisdiction = dialog.editors["jurisdiction"]
    jurisdiction.setCurrentIndex(jurisdiction.findText("Scotland"))
    qtbot.keyClicks(dialog.editors["retention"], "sar=forever")

    # A bad retention period is refused in the window's words, and nothing is saved.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1
    _assert_window_words(_shown_text(dialogs[0]))
    assert load_profile() is None
    assert dialog.isVisible()

    dialog.editors["retention"].setText("sar=2y, foi=36m")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = load_profile()
    assert saved is not None
    assert saved.name == "Northvale District Council"
    assert saved.address == "Civic Centre, 2 Market Row, Northvale NV1 2AB"
    assert saved.dpo_email == "dpo@northvale.example"
    assert saved.requests_email == "requests@northvale.example"
    assert saved.transfers == "No transfers outside the UK."
    assert saved.jurisdiction == "scotland"
    assert saved.controller_type == "public-authority"
    assert saved.retention == "sar=2y,foi=36m"

    # Opening it again shows what was saved, with nothing marked missing.
    window.org_action.trigger()
    again = [d for d in window.findChildren(OrganisationDialog) if d.isVisible()][-1]
    assert again.value("name") == "Northvale District Council"
    assert again.editors["jurisdiction"].currentText() == "Scotland"
    assert again.summary.text() == "Every field an export needs is set."
    again.reject()


def _outcome_dialog(window) -> OutcomeDialog:  # type: ignore[no-untyped-def]
    panel = window.show_section(EXPORT)
    box = panel.outcome
    assert box.isVisible()
    box.change_button.click()
    dialog = box.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_foi_outcomes_recorded_from_the_export_page(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:  # type: ignore[no-untyped-def]
    _create_case(window, qtbot, tmp_path, monkeypatch, Regime.FOI)
    session = window.context.require()
    panel = window.show_section(EXPORT)
    qtbot.waitUntil(lambda: "No outcome recorded" in panel.outcome.current.text(), timeout=5000)

    dialog = _outcome_dialog(window)
    dialog.choices[OutcomeKind.NOT_HELD].click()
    assert not dialog.code.isEnabled()
    assert dialog.code.count() == 0
    qtbot.keyClicks(dialog.reason, "The housing team's chat channels were searched; none exist.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialogs
    recorded = session.legal.outcome()
    assert recorded is not None
    assert recorded.kind is OutcomeKind.NOT_HELD
    assert recorded.code is None
    assert recorded.reason == "The housing team's chat channels were searched; none exist."
    assert panel.outcome.current.text().startswith("Not held")

    dialog = _outcome_dialog(window)
    assert dialog.kind() is OutcomeKind.NOT_HELD  # the dialog opens on what is recorded
    dialog.choices[OutcomeKind.NCND].click()
    ncnd = {dialog.code.itemData(i) for i in range(dialog.code.count())}
    assert "FOI-40-2" in ncnd
    assert "FOI-S12" not in ncnd
    assert "FOI-21" not in ncnd
    dialog.choices[OutcomeKind.REFUSE].click()
    refusals = {dialog.code.itemData(i) for i in range(dialog.code.count())}
    assert {"FOI-S12", "FOI-S14"} <= refusals
    assert "FOI-NCND" not in refusals
    assert not any(c.startswith("EIR") for c in refusals)
    assert dialog.choose_code("FOI-S12")
    dialog.reason.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # An empty reason is an invalid choice: a sentence, no command or flag, nothing changed.
    assert len(dialogs) == 1
    _assert_window_words(_shown_text(dialogs[0]))
    assert session.legal.outcome().kind is OutcomeKind.NOT_HELD  # type: ignore[union-attr]
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.reason, "Answering would take over 18 hours at the appropriate limit.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    recorded = session.legal.outcome()
    assert recorded is not None
    assert recorded.kind is OutcomeKind.REFUSE
    assert recorded.code == "FOI-S12"
    assert recorded.reason.startswith("Answering would take over 18 hours")
    assert "Whole request refused under FOIA 2000 s.12" in panel.outcome.current.text()


def test_ncnd_without_a_provision_is_refused_in_window_words(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:  # type: ignore[no-untyped-def]
    _create_case(window, qtbot, tmp_path, monkeypatch, Regime.FOI)
    dialog = _outcome_dialog(window)
    dialog.choices[OutcomeKind.NCND].click()
    dialog.code.setCurrentIndex(-1)
    qtbot.keyClicks(dialog.reason, "Confirming would reveal whether an investigation exists.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1
    text = _shown_text(dialogs[0])
    _assert_window_words(text)
    assert "neither confirming nor denying" in text
    assert window.context.require().legal.outcome() is None


def test_subject_access_case_has_no_outcome_control(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _create_case(window, qtbot, tmp_path, monkeypatch, Regime.SAR)
    panel = window.show_section(EXPORT)
    qtbot.waitUntil(lambda: panel.readiness.text() != "", timeout=5000)
    assert not panel.outcome.isVisible()


def test_profile_dialog_names_the_open_case_own_details(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _create_case(window, qtbot, tmp_path, monkeypatch, Regime.FOI)
    window.context.require().export.set_case_organisation({"name": "Other Controller Ltd"})
    window.org_action.trigger()
    dialog = [d for d in window.findChildren(OrganisationDialog) if d.isVisible()][-1]
    assert dialog.value("name") == "Testshire County Council"  # the installation's profile
    assert not dialog.case_note.isHidden()
    assert "FOI-2026-0007" in dialog.case_note.text()
    assert "organisation name" in dialog.case_note.text()
    assert "address" not in dialog.case_note.text()
    dialog.reject()


def test_public_interest_s36_and_legitimate_interests_recorded_on_the_records_page(
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    from sar_desk.gui.sections import RECORDS

    _create_case(window, qtbot, tmp_path, monkeypatch, Regime.FOI)
    session = window.context.require()
    codes = {c.code: c for c in session.review.reason_codes()}
    records = window.show_section(RECORDS)
    forms = {
        "pit": (records.pit, ("For", "Against", "Conclusion"), records.record_pit),
        "s36": (records.s36, ("Qualified person", "Opinion"), records.record_s36),
        "li": (records.li, ("Purpose", "Necessity", "Balance"), records.record_li),
    }
    chosen: dict[str, str] = {}
    for key, (form, boxes, _record) in forms.items():
        assert form.code.count() > 0, f"an FOI case offers no code for the {key} form"
        form.code.setCurrentIndex(0)
        chosen[key] = form.code.currentData()
        assert not form.button.isEnabled()  # every box is needed
        for box in boxes:
            form.boxes[box].setPlainText(f"{box} written for the synthetic case")
        assert form.button.isEnabled()
        qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
        assert not dialogs, [_shown_text(d) for d in dialogs]
        assert not any(b.toPlainText() for b in form.boxes.values())  # emptied after recording
    assert chosen["pit"] in session.review.public_interest_tests()
    assert chosen["s36"] in session.review.qualified_person_opinions()
    assert chosen["li"] in session.legal.legitimate_interests_tests()
    # What is recorded shows on the page by statutory marker, never by internal code id.
    for key, (form, _boxes, _record) in forms.items():
        shown = form.current.text()
        assert codes[chosen[key]].marker in shown
        assert chosen[key] not in shown.replace(codes[chosen[key]].marker, "")
        _assert_window_words(shown)
