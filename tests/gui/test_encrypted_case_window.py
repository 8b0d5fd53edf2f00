"""The window and encrypted cases: the new-case dialog's passphrase, opening asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_data import write_chat
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from test_workflow import fill_new_case, import_file

from sar_desk.app import encryption
from sar_desk.core.errors import CaseLockedError
from sar_desk.gui.dialogs.new_case import NewCaseDialog
from sar_desk.gui.sections import DASHBOARD
from sar_desk.store import case_keys
from sar_desk.store.case_keys import KdfCost

SECRET = "a window passphrase"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_keys, "DEFAULT_COST", KdfCost(1, 1024, 1))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("SAR_DESK_PASSPHRASE", raising=False)


def test_the_dialog_needs_two_matching_passphrases(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = NewCaseDialog()
    qtbot.addWidget(dialog)
    fill_new_case(dialog, tmp_path)
    assert dialog.ok_button.isEnabled()
    assert dialog.case_passphrase() is None
    assert not dialog.passphrase.isEnabled()
    dialog.encrypt.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    dialog.passphrase.setText(SECRET)
    dialog.passphrase_again.setText(SECRET + "x")
    assert not dialog.ok_button.isEnabled()
    assert "differ" in dialog.passphrase_note.text()
    dialog.passphrase_again.setText(SECRET)
    assert dialog.ok_button.isEnabled()
    assert dialog.case_passphrase() == SECRET


def test_the_box_is_ticked_unless_the_organisation_turned_encryption_off(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from sar_desk.app.organisation import update_profile

    update_profile({"encrypt_new_cases": "yes"})
    dialog = NewCaseDialog()
    qtbot.addWidget(dialog)
    fill_new_case(dialog, tmp_path)
    assert dialog.encrypt.isChecked()
    assert not dialog.ok_button.isEnabled()  # a passphrase first, or untick it on purpose
    dialog.encrypt.setChecked(False)
    assert dialog.ok_button.isEnabled()
    update_profile({"encrypt_new_cases": "no"})
    plain = NewCaseDialog()
    qtbot.addWidget(plain)
    assert not plain.encrypt.isChecked()


def test_an_encrypted_case_from_the_window_asks_for_its_passphrase_to_open(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    def fake_exec(self: NewCaseDialog) -> int:
        fill_new_case(self, tmp_path / "cases")
        self.encrypt.setChecked(True)
        self.passphrase.setText(SECRET)
        self.passphrase_again.setText(SECRET)
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    session = window.context.session
    assert session is not None
    folder = session.folder
    assert encryption.is_encrypted(folder)
    import_file(window, qtbot, write_chat(tmp_path / "exports", lines=20))  # on a worker
    assert not dialogs
    assert b"Alex Morgan" not in (folder / "case.db").read_bytes()
    window.context.close()
    case_keys.forget(folder)
    answers = iter([("wrong", True), (SECRET, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    window.open_case(folder)
    assert window.context.session is None
    assert len(dialogs) == 1  # the wrong passphrase: one error, the case stays closed
    case_keys.forget(folder)
    window.open_case(folder)
    assert window.context.session is not None
    dashboard = window.panels[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.title.text() == "SAR-2026-0142", timeout=10_000)
    case_keys.forget(folder)
    with pytest.raises(CaseLockedError):
        encryption.unlock(folder, "wrong")
