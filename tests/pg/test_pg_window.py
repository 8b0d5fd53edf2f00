"""The window's "Open a case on a team server" on a private PostgreSQL cluster (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner
from pg_cluster_info import PgCluster

from sar_desk.cli.main import cli
from sar_desk.core.errors import PermissionDeniedError

pytestmark = pytest.mark.gui

DB = "window_test"
PASSWORD = "window-login-secret"
REF = "SAR-2026-0500"


@pytest.fixture(scope="module")
def team(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DB}")
        for login in ("win_cara", "win_nell"):
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'")
    admin = pg_cluster.url(db=DB)
    for args in (["init", admin], ["grant", admin, "win_cara", "--role", "case-handler"]):
        assert CliRunner().invoke(cli, ["server", *args]).exit_code == 0
    env = {"SAR_DESK_SERVER": pg_cluster.url("win_cara", PASSWORD, DB)}
    new = ["case", "new", REF, "--regime", "sar", "--reference", REF, "--received", "2026-05-01"]
    assert CliRunner().invoke(cli, new, env=env).exit_code == 0
    yield pg_cluster
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DB} WITH (FORCE)")
        conn.execute("DROP ROLE win_cara")
        conn.execute("DROP ROLE win_nell")


@pytest.fixture
def window(qtbot: Any) -> Iterator[Any]:
    from sar_desk.gui.app import create_application
    from sar_desk.gui.main_window import MainWindow

    create_application()
    win = MainWindow(user="officer")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.jobs.wait()
    win.context.close()


def test_the_dialog_asks_for_both_address_and_reference(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from sar_desk.gui.dialogs.team_server import TeamServerDialog

    dialog = TeamServerDialog()
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    dialog.address_edit.setText("postgresql://team.example/sar")
    assert not open_button.isEnabled()
    dialog.reference_edit.setText(f"  {REF} ")
    assert open_button.isEnabled()
    assert (dialog.address(), dialog.reference()) == ("postgresql://team.example/sar", REF)


def test_the_start_screen_opens_a_case_on_the_server_as_the_login(
    team: PgCluster, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sar_desk.gui.dialogs import team_server

    chosen = (team.url("win_cara", PASSWORD, DB), REF)
    monkeypatch.setattr(team_server, "ask_team_case", lambda _parent: chosen)
    window.start_page.team_button.click()
    session = window.context.session
    assert session is not None
    assert session.case.reference == REF
    assert session.user == "win_cara"
    assert all(entry.reference != REF for entry in window.context.recent.entries())
    with pytest.raises(PermissionDeniedError, match="acting as officer is refused"):
        session.act_as("officer")
    scratch = session.folder
    window.context.close()
    assert not scratch.exists()


def test_a_login_with_no_role_is_shown_one_clear_error(
    team: PgCluster, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sar_desk.gui import main_window
    from sar_desk.gui.dialogs import team_server

    shown: list[Exception] = []
    monkeypatch.setattr(main_window, "show_error", lambda _parent, exc: shown.append(exc))
    chosen = (team.url("win_nell", PASSWORD, DB), REF)
    monkeypatch.setattr(team_server, "ask_team_case", lambda _parent: chosen)
    window.start_page.team_button.click()
    assert window.context.session is None
    assert len(shown) == 1
    assert "win_nell has no role on this team store" in str(shown[0])


def test_the_new_case_dialog_creates_the_case_on_the_team_server(
    team: PgCluster, window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from PySide6.QtCore import Qt

    from sar_desk.gui.dialogs.new_case import NewCaseDialog

    address = team.url("win_cara", PASSWORD, DB)
    reference = "SAR-2026-0501"

    def fake_exec(self: NewCaseDialog) -> int:
        self.parent_folder.setText(str(tmp_path / "cases"))
        self.encrypt.setChecked(True)  # the server protects the case: no passphrase asked
        self.reference.setText(reference)
        self.requester.setText("Alex Morgan")
        self.server_choice.on_server.setChecked(True)
        assert not self.ok_button.isEnabled()  # no address yet
        self.server_choice.address_edit.setText(address)
        assert self.ok_button.isEnabled()
        assert not self.passphrase.isEnabled()
        assert self.case_passphrase() is None
        assert "on the team server" in self.folder_label.text()
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    session = window.context.session
    assert session is not None
    assert (session.case.reference, session.user) == (reference, "win_cara")
    assert not (tmp_path / "cases").exists()  # no case folder was made on this PC
    assert all(entry.reference != reference for entry in window.context.recent.entries())
    window.context.close()
    # The case is on the server, made by the login, as `case new` with a server makes it.
    env = {"SAR_DESK_SERVER": address}
    shown = CliRunner().invoke(cli, ["case", "show", reference, "--json"], env=env)
    assert shown.exit_code == 0, shown.stderr
    listed = CliRunner().invoke(cli, ["audit", reference, "list"], env=env)
    assert "case-created" in listed.stdout
    assert "win_cara" in listed.stdout


def test_a_login_that_may_not_create_is_shown_one_error(
    team: PgCluster, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sar_desk.gui import main_window
    from sar_desk.gui.dialogs.new_case import NewCaseDialog

    shown: list[Exception] = []
    monkeypatch.setattr(main_window, "show_error", lambda _parent, exc: shown.append(exc))

    def fake_exec(self: NewCaseDialog) -> int:
        self.reference.setText("SAR-2026-0502")
        self.server_choice.on_server.setChecked(True)
        self.server_choice.address_edit.setText(team.url("win_nell", PASSWORD, DB))
        return NewCaseDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewCaseDialog, "exec", fake_exec)
    window.new_case()
    assert window.context.session is None
    assert len(shown) == 1
    assert "win_nell has no role on this team store" in str(shown[0])


def test_the_retention_page_destroys_a_team_case_on_the_server(
    team: PgCluster, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from sar_desk.gui.sections import RETENTION
    from sar_desk.gui.widgets import retention_panel

    address = team.url("win_cara", PASSWORD, DB)
    reference = "SAR-2019-0503"
    env = {"SAR_DESK_SERVER": address}
    for args in (
        ["case", "new", reference, "--regime", "sar", "--reference", reference,
         "--received", "2019-02-01"],
        ["case", "close", reference, "--closed-on", "2019-03-01"],
    ):  # fmt: skip
        assert CliRunner().invoke(cli, args, env=env).exit_code == 0
    shown: list[Exception] = []
    monkeypatch.setattr(retention_panel, "show_error", lambda _parent, exc: shown.append(exc))
    window.context.open_team(address, reference)
    page = window.show_section(RETENTION)
    # A certificate inside a missing folder is refused; the case is open again in the window.
    assert not page.purge(tmp_path / "missing" / "certificate.json")
    assert "does not exist" in str(shown[-1])
    assert window.context.require().case.reference == reference
    assert page.purge(tmp_path / "certificate.json")
    assert window.context.session is None
    assert (tmp_path / "certificate.json").exists()
    gone = CliRunner().invoke(cli, ["case", "show", reference], env=env)
    assert gone.exit_code == 1
    assert "was destroyed on the team store" in gone.stderr
