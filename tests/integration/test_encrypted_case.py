"""Encrypted cases end to end (issue 18 item 1): the command line, passphrase changes, a
whole demo case with no plain text anywhere in its folder, and purge destroying keys first."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app import lifecycle
from sar_desk.app.demo import demo_case, run_demo, sample_exports
from sar_desk.app.purge import purge_case
from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.errors import BadInputError, CaseLockedError
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.retention import PurgeInterruptedError
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.store import case_keys, disposal
from sar_desk.store.case_keys import KdfCost

SECRET = "a long enough case passphrase"
THIRD = "Zelda Thirdparty"
MESSAGE = "Zelda Thirdparty lives at 14 Secretwell Road"


@pytest.fixture(autouse=True)
def cheap_kdf_and_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    # A cheap Argon2id keeps the suite fast; the fail backend is what a headless Linux has.
    monkeypatch.setattr(case_keys, "DEFAULT_COST", KdfCost(1, 1024, 1))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("SAR_DESK_PASSPHRASE", raising=False)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.output


def forget_all() -> None:
    case_keys._unlocked.clear()  # a new process: nothing unlocked yet


def _new(case: Path) -> tuple[int, str]:
    return run(
        "case", "new", str(case), "--regime", "sar", "--reference", "SAR-ENC-1",
        "--received", "2026-05-05", "--requester", "Quentin Plantedname", "--encrypt",
        env={"SAR_DESK_PASSPHRASE": SECRET},
    )  # fmt: skip


def test_cli_encrypted_case_needs_its_passphrase(tmp_path: Path) -> None:
    case = tmp_path / "case"
    code, out = _new(case)
    assert code == 0, out
    assert "(encrypted)" in out
    assert (case / "case.key").exists()
    with pytest.raises(sqlite3.DatabaseError):  # not a SQLite file without the key
        sqlite3.connect(case / "case.db").execute("select * from sqlite_master").fetchall()
    forget_all()
    code, out = run("case", "show", str(case), env={"SAR_DESK_PASSPHRASE": "wrong guess"})
    assert code == 1
    assert out.strip().splitlines() == [
        f"Error: That is not the passphrase of the encrypted case in {case}. "
        "Type it when asked, or set SAR_DESK_PASSPHRASE."
    ]
    forget_all()
    code, out = run("case", "show", str(case))
    assert code == 1
    assert len(out.strip().splitlines()) == 1
    assert "is encrypted and no passphrase was given" in out
    forget_all()
    code, out = run("case", "show", str(case), env={"SAR_DESK_PASSPHRASE": SECRET})
    assert code == 0, out
    assert "Quentin Plantedname" in out


def test_changing_the_passphrase_rewraps_without_reencrypting(tmp_path: Path) -> None:
    case = tmp_path / "case"
    assert _new(case)[0] == 0
    chat = tmp_path / "chat.txt"
    chat.write_text(f"14/03/2026, 09:01 - {THIRD}: {MESSAGE}\n", encoding="utf-8")
    code, out = run("import", str(case), str(chat), env={"SAR_DESK_PASSPHRASE": SECRET})
    assert code == 0, out
    (original,) = (case / "originals").iterdir()
    assert original.name.endswith(".sealed")
    before = {p: p.read_bytes() for p in [original, case / "case.db"]}
    forget_all()
    code, out = run(
        "case", "passphrase", str(case),
        env={"SAR_DESK_PASSPHRASE": SECRET, "SAR_DESK_NEW_PASSPHRASE": "another passphrase"},
    )  # fmt: skip
    assert code == 0, out
    assert {p: p.read_bytes() for p in before} == before  # no data re-encrypted
    forget_all()
    assert run("case", "show", str(case), env={"SAR_DESK_PASSPHRASE": SECRET})[0] == 1
    forget_all()
    code, out = run(
        "search", str(case), "--text", "Secretwell",
        env={"SAR_DESK_PASSPHRASE": "another passphrase"},
    )  # fmt: skip
    assert code == 0, out
    assert "Secretwell" in out  # FTS5 works through SQLCipher
    folder = CaseSession.open(case).base.case_folder
    assert folder.read_file(original) == chat.read_bytes()


def test_remember_falls_back_silently_without_a_keyring(tmp_path: Path) -> None:
    case = tmp_path / "case"
    assert _new(case)[0] == 0
    code, out = run(
        "case", "passphrase", str(case), "--remember", env={"SAR_DESK_PASSPHRASE": SECRET}
    )
    assert code == 0, out
    assert "no keyring" in out


def _needles() -> list[str]:
    """Known names, numbers and message text of the demo's samples."""
    record = demo_case()
    sam = next(p for p in sample_exports() if p.name.endswith("Sam Patel.txt"))
    lines = sam.read_text(encoding="utf-8").splitlines()
    bodies = [line.split(": ", 1)[1] for line in lines if ": " in line]
    texts = [b for b in bodies if len(b) > 25 and "omitted" not in b][:6]
    names = ["Alex Morgan", "Priya Shah", "Tom Reid", "Sam Patel", "Willow Court"]
    numbers = ["07911 123456", "+44 7911 123456", "7911123456", "alex.morgan@example.org"]
    assert record.requester == "Alex Morgan"
    return [*texts, *names, *numbers]


def test_a_whole_encrypted_case_leaves_no_plain_text_in_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    result = run_job(run_demo(folder, case_passphrase=SECRET))
    text = "\n".join(result.lines)
    assert "Bundle verified" in text, text
    assert "DO NOT SEND" not in text, text
    # The bundle (the disclosure, plain by design) goes beside an encrypted case, not in it.
    bundle = tmp_path / "case-bundle"
    assert (bundle / "pack").is_dir()
    assert not (folder / "bundle").exists()
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.parent.name == "originals" for p in files)
    assert any("masters" in p.parts for p in files)
    # Scan while the case is open and has just written: its WAL holds the newest pages.
    session = CaseSession.open(folder, user="demo-officer")
    try:
        hits = session.scope.search_ids(SearchQuery(text="mould"))
        assert hits  # full-text search works on the encrypted database
        session.scope.mark_scope(hits[:1], Relevance.ABOUT_REQUESTER, "Tom Reid said so")
        assert (folder / "case.db-wal").exists()
        with pytest.raises(BadInputError, match="inside the encrypted case"):
            run_job(session.export.export_bundle(folder / "again"))
        files = [p for p in folder.rglob("*") if p.is_file()]
        # The demo's WhatsApp photo (a notice naming a neighbour, GPS in its EXIF) is kept
        # sealed: no JPEG or EXIF bytes in the case, yet its OCR text is searchable.
        kept = [p for p in files if "attachments" in p.relative_to(folder).parts]
        assert kept
        assert not [p for p in kept if b"\xff\xd8\xff" in p.read_bytes()[:16]]
        assert not [p for p in kept if b"Exif" in p.read_bytes()]
        assert session.scope.search_ids(SearchQuery(text="Whitfield"))
        needles = _needles()
        needles += ["Jordan Whitfield", "Oak Road"]
        found = _scan(folder, files, needles)
    finally:
        session.close()
    assert found == []
    # The control: the scan finds the needles where they are in the plain (the samples).
    plain = b"".join(p.read_bytes() for p in sample_exports() if p.suffix != ".zip")
    assert sum(n.encode() in plain for n in needles) >= 8


def _scan(folder: Path, files: list[Path], needles: list[str]) -> list[tuple[Path, str]]:
    found = []
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le")):
                if encoded in data:
                    found.append((path.relative_to(folder), needle))
        for needle in ["Sam Patel", "Housing Team", "Priya"]:
            assert needle not in str(path.relative_to(folder)), path
    return found


def _encrypted_closed_case(tmp_path: Path) -> Path:
    chat = tmp_path / f"WhatsApp Chat with {THIRD}.txt"
    chat.write_text(f"14/03/2026, 09:01 - {THIRD}: {MESSAGE}\n", encoding="utf-8")
    folder = tmp_path / "case"
    record = Case(
        reference="SAR-2026-0042", regime=Regime.SAR, received=date(2026, 5, 5),
        requester="Quentin Plantedname",
    )  # fmt: skip
    session = CaseSession.create(folder, record, user="officer", case_passphrase=SECRET)
    try:
        run_job(session.ingest.import_files([chat]))
        lifecycle.close_case(session, date(2026, 6, 30), today=date(2026, 6, 30))
    finally:
        session.close()
    return folder


def test_purge_destroys_the_key_first_and_a_crash_leaves_nothing_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _encrypted_closed_case(tmp_path)
    cert_path = tmp_path / "certificate.json"
    real = disposal.shred_file
    shredded: list[str] = []

    def crash_after_the_key(path: Path) -> int:
        if shredded:
            raise OSError("simulated power cut")
        shredded.append(path.name)
        return real(path)

    with monkeypatch.context() as patch:
        patch.setattr(disposal, "shred_file", crash_after_the_key)
        with pytest.raises(OSError, match="power cut"):
            purge_case(folder, cert_path, "officer", today=date(2027, 7, 1))
    assert shredded == ["case.key"]
    assert (folder / "case.db").exists()  # the crash left the data, but not its key
    forget_all()
    with pytest.raises(PurgeInterruptedError):
        CaseSession.open(folder, user="officer")
    for path in folder.rglob("*"):
        if path.is_file():
            assert b"Secretwell" not in path.read_bytes()
            assert THIRD.encode() not in path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(folder / "case.db").execute("select * from sqlite_master").fetchall()
    cert = purge_case(folder, cert_path, "officer", today=date(2027, 7, 1))
    assert cert["status"] == "complete"
    assert cert["method"].startswith("The case was encrypted: its key file was destroyed first")
    assert not folder.exists()
    assert THIRD not in json.dumps(cert)


def test_a_locked_case_cannot_be_opened_in_process(tmp_path: Path) -> None:
    folder = _encrypted_closed_case(tmp_path)
    forget_all()
    with pytest.raises(CaseLockedError):
        CaseSession.open(folder)
