"""The window and encrypted cases: the new-case dialog's passphrase, opening asks for it."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from gui_data import write_chat
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_workflow import fill_new_case, import_file

from sar_desk.app import encryption
from sar_desk.core.errors import CaseLockedError
from sar_desk.gui.dialogs import case_passphrase
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
    fill_new_case(dialog, tmp_path, encrypt=True)
    assert not dialog.ok_button.isEnabled()  # no passphrase yet
    assert dialog.remember.isEnabled()
    dialog.encrypt.setChecked(False)
    assert dialog.ok_button.isEnabled()
    assert dialog.case_passphrase() is None
    assert not dialog.passphrase.isEnabled()
    assert not dialog.remember.isEnabled()
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
        fill_new_case(self, tmp_path / "cases", encrypt=True)
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
    answers = iter([("wrong", False), (SECRET, False)])
    monkeypatch.setattr(case_passphrase, "ask_passphrase", lambda *a: next(answers))
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


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, standing in for the operating system's."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


def _encrypted_case(window, qtbot, tmp_path: Path, monkeypatch, remember: bool) -> Path:  # type: ignore[no-untyped-def]
    def fake_exec(self: NewCaseDialog) -> int:
        fill_new_case(self, tmp_path / "cases", encrypt=True)
        self.passphrase.setText(SECRET)
        self.passphrase_again.setText(SECRET)
        self.remember.setChecked(remember)
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    session = window.context.session
    assert session is not None
    folder = session.folder
    window.context.close()
    case_keys.forget(folder)
    return folder


def test_a_remembered_passphrase_opens_the_case_without_asking(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    store = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(store)
    try:
        folder = _encrypted_case(window, qtbot, tmp_path, monkeypatch, remember=True)
        assert list(store.saved.values()) == [SECRET]  # remembered when the case was made
        store.saved.clear()
        asked = iter([(SECRET, True)])
        monkeypatch.setattr(case_passphrase, "ask_passphrase", lambda *a: next(asked))
        window.open_case(folder)  # asks once, and remembers on request
        assert window.context.session is not None
        assert list(store.saved.values()) == [SECRET]
        window.context.close()
        case_keys.forget(folder)
        monkeypatch.setattr(case_passphrase, "ask_passphrase", lambda *a: pytest.fail("asked"))
        window.open_case(folder)  # from the keyring: no question
        assert window.context.session is not None
        assert not dialogs
    finally:
        keyring.set_keyring(previous)


def test_a_computer_without_a_keyring_says_it_cannot_remember(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path: Path, monkeypatch, dialogs
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        folder = _encrypted_case(window, qtbot, tmp_path, monkeypatch, remember=True)
        assert told == [case_passphrase.NO_KEYRING]
        monkeypatch.setattr(case_passphrase, "ask_passphrase", lambda *a: (SECRET, True))
        window.open_case(folder)
        assert window.context.session is not None  # the case opens all the same
        assert told == [case_passphrase.NO_KEYRING] * 2
        assert not dialogs
    finally:
        keyring.set_keyring(previous)
