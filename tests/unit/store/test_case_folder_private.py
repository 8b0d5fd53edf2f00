"""Case folders are private to the user: 0700 folders, 0600 files, 0400 originals (issue 18.4)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.store import folder as folder_module

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: the case must not rely on the user's umask for privacy."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_case_and_its_imports_are_private_whatever_the_umask(
    tmp_path: Path, open_umask: None
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("14/03/2026, 09:00 - Sam Lee: Hello\n", encoding="utf-8")
    chat.chmod(0o666)
    record = Case(reference="SAR-P-1", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "case", record, user="officer")
    try:
        run_job(session.ingest.import_files([chat]))
        root = session.folder
        assert mode(root) == 0o700
        assert mode(root / "originals") == 0o700
        assert mode(session.base.case_folder.master_dir()) == 0o700
        for part in ("case.db", "case.db-wal", "case.db-shm"):  # WAL files exist while open
            assert mode(root / part) == 0o600, part
        (original,) = (root / "originals").iterdir()
        assert mode(original) == 0o400
    finally:
        session.close()
    for path in [root, *root.rglob("*")]:
        assert not path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO), path


def test_opening_a_case_takes_away_access_an_older_release_left(tmp_path: Path) -> None:
    record = Case(reference="SAR-P-2", regime=Regime.SAR, received=date(2026, 5, 5))
    CaseSession.create(tmp_path / "case", record, user="officer").close()
    root = tmp_path / "case"
    root.chmod(0o755)
    (root / "case.db").chmod(0o644)
    (root / "originals").chmod(0o775)
    CaseSession.open(root).close()
    assert mode(root) == 0o700
    assert mode(root / "originals") == 0o700
    assert mode(root / "case.db") == 0o600


SID = "S-1-5-21-1004336348-1177238915-682003330-512"


class _Done:
    def __init__(self, stdout: str) -> None:
        self.stdout = stdout


def test_on_windows_the_folder_access_list_is_cut_down_to_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def fake_run(command: list[str], **kwargs: Any) -> _Done:
        calls.append(command)
        return _Done(f'"COUNCIL\\jsmith","{SID}"\r\n' if command[0] == "whoami" else "")

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setenv("USERNAME", "someone.else")  # never trusted: the token's SID is used
    folder_module._restrict_windows(tmp_path)
    assert calls[1] == [
        "icacls",
        str(tmp_path),
        "/inheritance:r",
        "/grant:r",
        f"*{SID}:(OI)(CI)F",
        "/grant:r",
        "*S-1-5-18:(OI)(CI)F",
    ]
    assert not any("someone.else" in part for call in calls for part in call)


def test_without_the_accounts_identifier_nothing_is_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[list[str]] = []

    def fake_run(command: list[str], **kwargs: Any) -> _Done:
        calls.append(command)
        if command[0] == "whoami":
            raise OSError("no whoami")
        return _Done("")

    monkeypatch.setattr(subprocess, "run", fake_run)
    folder_module._restrict_windows(tmp_path)
    assert [c[0] for c in calls] == ["whoami"]  # icacls never ran
    assert "identifier is unknown" in caplog.text


def test_a_failing_icacls_is_logged_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def failing(command: list[str], **kwargs: Any) -> _Done:
        if command[0] == "whoami":
            return _Done(f'"COUNCIL\\jsmith","{SID}"')
        raise subprocess.CalledProcessError(5, command)

    monkeypatch.setattr(subprocess, "run", failing)
    folder_module._restrict_windows(tmp_path)
    assert "could not restrict" in caplog.text
