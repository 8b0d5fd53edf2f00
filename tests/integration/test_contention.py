"""Two processes contending for one case both end in a sentence (issue 20 item 7)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app.crash import crash_report_text
from sar_desk.cli.main import cli
from sar_desk.store import db

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "importers" / "whatsapp" / "_chat.txt"

# An import in another process: it records itself as running and holds the write lock.
HOLDER = """
import sys, time
from pathlib import Path
from sar_desk.store.db import open_store
from sar_desk.store.running import running
folder = Path(sys.argv[1])
store = open_store(folder / "case.db")
with running(folder, "import", "an import of chat.zip"):
    with store.transaction() as conn:
        conn.exec_driver_sql("UPDATE case_meta SET value = value WHERE 0")
        (folder.parent / "ready").write_text("x")
        end = time.monotonic() + 30
        while not (folder.parent / "release").exists() and time.monotonic() < end:
            time.sleep(0.05)
store.close()
print("The import finished.")
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, int]:
    folder = tmp_path / "case"
    code, out = run(
        "case", "new", str(folder), "--regime", "sar", "--reference", "SAR-LOCK-1",
        "--received", "2026-05-05", "--requester", "Alex Morgan", "--as", "officer",
    )  # fmt: skip
    assert code == 0, out
    code, out = run("import", str(folder), str(SAMPLE), "--as", "officer")
    assert code == 0, out
    code, out = run("search", str(folder), "--json", "--limit", "1")
    return folder, int(json.loads(out.splitlines()[0])["id"])


def test_a_decision_while_an_import_holds_the_case_is_a_sentence_naming_it(
    case: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, message = case
    monkeypatch.setattr(db, "WAIT_SECONDS", 1.0)
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        end = time.monotonic() + 30
        while not (tmp_path / "ready").exists():
            assert holder.poll() is None, holder.communicate()
            assert time.monotonic() < end
            time.sleep(0.05)
        decide = [
            "review", str(folder), "redact", "--message", str(message), "--start", "0",
            "--end", "3", "--code", "SAR-3P", "--reason", "Third party", "--as", "officer",
        ]  # fmt: skip
        started = time.monotonic()
        code, out = run(*decide)
        # It waited, with back-off, first (it gives up before a pause would pass the limit, so
        # the wait is somewhat under WAIT_SECONDS; without the wait it would be ~0.1 s).
        assert time.monotonic() - started >= 0.5
        assert code == 1
        assert "is busy (an import of chat.zip started " in out
        assert "Traceback" not in out
        assert len(out.strip().splitlines()) == 1
    finally:
        (tmp_path / "release").write_text("x")
        stdout, stderr = holder.communicate(timeout=30)
    assert holder.returncode == 0, stderr
    assert stdout.strip() == "The import finished."
    assert not stderr.strip()
    code, out = run(*decide)  # the case is free again: the decision goes through
    assert code == 0, out


def test_an_unexpected_error_is_a_sentence_and_a_crash_report_without_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sar_desk.cli import parse as parse_cmds

    secret = "Priya Shah 07700 900123"

    def boom(*_args: object, **_kwargs: object) -> object:
        raise ValueError(secret)

    monkeypatch.setattr(parse_cmds, "parse_export", boom)
    chat = tmp_path / "chat.txt"
    chat.write_text("x", encoding="utf-8")
    code, out = run("parse", str(chat))
    assert code == 1
    assert "Traceback" not in out
    assert secret not in out
    assert "ValueError" in out
    report = Path(out.split("saved to ", 1)[1].split("; please", 1)[0])
    text = report.read_text("utf-8")
    assert secret not in text
    assert "builtins.ValueError" in text
    assert "sar_desk.cli.parse:" in text
    assert report.stat().st_mode & 0o777 == 0o600


def test_usage_errors_exit_2() -> None:
    code, _out = run("export", "--no-such-option")
    assert code == 2


def test_a_crash_report_names_the_chain_of_types_only() -> None:
    try:
        try:
            raise KeyError("alex.morgan@example.org")
        except KeyError as inner:
            raise RuntimeError("07911 123456") from inner
    except RuntimeError as exc:
        text = crash_report_text(exc, "import")
    assert "builtins.KeyError" in text
    assert "builtins.RuntimeError" in text
    assert "example.org" not in text
    assert "07911" not in text
