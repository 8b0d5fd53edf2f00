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
