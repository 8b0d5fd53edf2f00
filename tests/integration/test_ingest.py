"""Importing into a case: whole sources or nothing, hashed read-only originals, clear refusals."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from sar_desk.app.importing import ImportFailure
from sar_desk.app.ingest import ImportResult
from sar_desk.app.session import CaseSession
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.search import SearchQuery

REPO = Path(__file__).resolve().parents[2]


def write_chat(path: Path, n: int, start_day: int = 13) -> Path:
    lines = []
    for i in range(n):
        day = start_day + (i // 1000) % 15  # past the 12th: day-first is unambiguous
        hh, mm = divmod(i % 1000, 60)
        who = ("Sam Lee", "Priya Shah", "+44 7911 123456")[i % 3]
        lines.append(f"{day:02d}/03/2026, {hh % 24:02d}:{mm:02d} - {who}: message number {i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def new_case(folder: Path) -> CaseSession:
    case = Case(reference="SAR-T-1", regime=Regime.SAR, received=date(2026, 5, 5))
    return CaseSession.create(folder, case, user="officer")


def import_one(session: CaseSession, path: Path) -> ImportResult | ImportFailure:
    return run_job(session.ingest.import_files([path]))[0]


def test_import_keeps_a_read_only_hashed_copy_and_makes_messages_searchable(tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "WhatsApp Chat with Sam Lee.txt", 30)
    session = new_case(tmp_path / "case")
    try:
        result = import_one(session, chat)
        assert isinstance(result, ImportResult), result
        assert result.messages == 30
        kept = session.folder / result.source.stored_path
        assert kept.read_bytes() == chat.read_bytes()
        assert not os.access(kept, os.W_OK) or os.geteuid() == 0
        assert kept.stat().st_mode & 0o222 == 0
        import hashlib

        assert result.source.sha256 == hashlib.sha256(chat.read_bytes()).hexdigest()
        assert session.search.count(SearchQuery(text="number")) == 30
    finally:
        session.close()


def test_reimporting_the_same_file_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 10)
    session = new_case(tmp_path / "case")
    try:
        assert isinstance(import_one(session, chat), ImportResult)
        again = import_one(session, chat)
        assert isinstance(again, ImportFailure)
        assert "already imported" in again.message
        assert len(session.ingest.sources()) == 1
        assert session.search.count(SearchQuery()) == 10
    finally:
        session.close()


def test_hostile_inputs_are_refused_and_leave_the_case_unchanged(
    tmp_path: Path, bad_inputs: Path
) -> None:
    session = new_case(tmp_path / "case")
    try:
        for bad in sorted(bad_inputs.iterdir()):
            outcome = import_one(session, bad)
            assert isinstance(outcome, ImportFailure), bad.name
            assert outcome.message
            assert "Traceback" not in outcome.message
        assert session.ingest.sources() == []
        assert session.search.count(SearchQuery()) == 0
        leftovers = [p.name for p in (session.folder / "originals").iterdir()]
        assert leftovers == []
        assert not Path("/tmp/sar-desk-escape-marker").exists()
    finally:
        session.close()


def test_source_deleted_during_import_does_not_matter_because_we_read_our_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = write_chat(tmp_path / "chat.txt", 50)
    original = chat.read_bytes()
    from sar_desk.importers import importer_for

    importer = importer_for(chat)
    real_read = importer.read

    def read_and_delete(path, report, options):  # type: ignore[no-untyped-def]
        chat.unlink(missing_ok=True)  # the caseworker's USB stick is pulled out
        yield from real_read(path, report, options)

    monkeypatch.setattr(importer, "read", read_and_delete)
    session = new_case(tmp_path / "case")
    try:
        result = import_one(session, chat)
        assert isinstance(result, ImportResult)
        assert (session.folder / result.source.stored_path).read_bytes() == original
    finally:
        session.close()


def test_a_missing_file_is_a_clear_failure(tmp_path: Path) -> None:
    session = new_case(tmp_path / "case")
    try:
        outcome = import_one(session, tmp_path / "gone.txt")
        assert isinstance(outcome, ImportFailure)
        assert "does not exist" in outcome.message
    finally:
        session.close()


@pytest.mark.slow
def test_import_killed_midway_leaves_no_half_imported_source(tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "big.txt", 150_000)
    session = new_case(tmp_path / "case")
    session.close()
    case_dir = tmp_path / "case"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sar_desk", "import", str(case_dir), str(chat)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    wal = case_dir / "case.db-wal"
    deadline = time.monotonic() + 60
    # Kill once records are being written (the WAL grows past its initial size).
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before it could be killed; use a bigger file"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(case_dir / "case.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    reopened = CaseSession.open(case_dir, user="officer")
    try:
        assert list((case_dir / "originals").iterdir()) == []
        result = import_one(reopened, chat)
        assert isinstance(result, ImportResult)
        assert result.messages == 150_000
    finally:
        reopened.close()


def test_opening_the_case_during_an_import_does_not_disturb_it(tmp_path: Path) -> None:
    # The window opens its own sessions (dashboard, search) while an import runs on a worker.
    chat = write_chat(tmp_path / "chat.txt", 5000)
    session = new_case(tmp_path / "case")
    try:
        job = session.ingest.import_files([chat])
        next(job)  # the original is now being copied into originals/.incoming-...
        next(job)
        other = CaseSession.open(tmp_path / "case", user="viewer")
        other.close()
        result = run_job(job)[0]
        assert isinstance(result, ImportResult), result
        assert result.messages == 5000
        assert [p.name for p in (tmp_path / "case" / "originals").iterdir()] == [
            Path(result.source.stored_path).name
        ]
    finally:
        session.close()


def test_leftovers_of_a_dead_import_are_removed_when_the_case_is_opened(tmp_path: Path) -> None:
    session = new_case(tmp_path / "case")
    session.close()
    leftover = tmp_path / "case" / "originals" / ".incoming-dead"
    leftover.mkdir()
    (leftover / ".in-use").write_bytes(b"")  # its lock died with its process
    (leftover / "chat.txt").write_text("partial copy", encoding="utf-8")
    CaseSession.open(tmp_path / "case").close()
    assert not leftover.exists()


def test_an_original_left_by_an_import_killed_before_commit_is_removed_on_open(
    tmp_path: Path,
) -> None:
    chat = write_chat(tmp_path / "chat.txt", 20)
    session = new_case(tmp_path / "case")
    kept = import_one(session, chat)
    session.close()
    assert isinstance(kept, ImportResult)
    orphan = tmp_path / "case" / "originals" / "0002-abcdef012345-other.txt"
    orphan.write_text("copied but never committed", encoding="utf-8")
    reopened = CaseSession.open(tmp_path / "case")
    try:
        names = [p.name for p in (tmp_path / "case" / "originals").iterdir()]
        assert names == [Path(kept.source.stored_path).name]
    finally:
        reopened.close()
