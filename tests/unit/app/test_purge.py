"""Destroying a case: the rules, the certificate (no personal data), and a crash midway (R69)."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sar_desk.app import cases_due, lifecycle
from sar_desk.app.purge import purge_case
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import BadInputError, Hint, PermissionDeniedError
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.retention import PurgeInterruptedError, PurgeRefusedError
from sar_desk.review.roles import Role
from sar_desk.store import disposal
from sar_desk.store.folder import CaseFolder

# Synthetic names planted wherever a case may hold a name; none may reach the certificate.
REQUESTER = "Quentin Plantedname"
THIRD_PARTY = "Zelda Thirdparty"
CUSTODIAN = "Horatio Custodian"
MESSAGE = "Zelda Thirdparty lives at 14 Secretwell Road"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file calls")
CLOSED = date(2026, 6, 30)
AFTER = date(2027, 7, 1)  # one year and a day later: a SAR is due


def make_case(tmp_path: Path) -> tuple[Path, Path]:
    """A closed SAR with one imported chat full of planted names; returns (case, original)."""
    chat = tmp_path / f"WhatsApp Chat with {THIRD_PARTY}.txt"
    lines = [
        f"14/03/2026, 09:0{i} - {who}: {text}"
        for i, (who, text) in enumerate(
            [(REQUESTER, "Hello"), (THIRD_PARTY, MESSAGE), (REQUESTER, "Thanks Zelda")]
        )
    ]
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "case"
    record = Case(
        reference="SAR-2026-0042",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester=REQUESTER,
        aliases=("quentin@example.org",),
    )
    session = CaseSession.create(folder, record, user="officer")
    try:
        run_job(session.ingest.import_files([chat], custodian=CUSTODIAN))
        assert session.ingest.sources()
        session.review.add_user("dpo.lead", Role.DPO)
        lifecycle.close_case(session, CLOSED, today=CLOSED)
    finally:
        session.close()
    return folder, chat


def test_a_due_case_is_destroyed_with_a_certificate_that_names_it(tmp_path: Path) -> None:
    folder, chat = make_case(tmp_path)
    cert_path = tmp_path / "certificate.json"
    cert = purge_case(folder, cert_path, "officer", today=AFTER)
    assert not folder.exists()
    written = json.loads(cert_path.read_text(encoding="utf-8"))
    assert written == cert
    assert written["status"] == "complete"
    assert written["completed_at"]
    assert written["case"]["reference"] == "SAR-2026-0042"
    assert written["case"]["regime"] == "sar"
    assert written["case"]["closed_on"] == "2026-06-30"
    assert written["case"]["retain_until"] == "2027-06-30"
    assert written["case"]["destroyed_early"] is False
    assert written["contents"]["sources"] == 1
    assert written["contents"]["messages"] == 3
    assert written["contents"]["files"] >= 2  # the database and the original at least
    (original,) = written["originals"]
    assert original["sha256"] == hashlib.sha256(chat.read_bytes()).hexdigest()
    assert written["destroyed_by"] == {"user": "officer", "role": "case-handler"}
    assert [e["action"] for e in written["lifecycle"]] == [
        "case-created",
        "case-closed",
        "case-purge-started",
    ]
    assert written["audit"]["intact"] is True
    assert len(written["audit"]["head"]) == 64


def test_the_certificate_holds_no_personal_data(tmp_path: Path) -> None:
    folder, _ = make_case(tmp_path)
    session = CaseSession.open(folder, user="officer")
    try:
        lifecycle.place_hold(session, f"Complaint by {REQUESTER} about {THIRD_PARTY}")
        lifecycle.release_hold(session, f"{THIRD_PARTY}'s complaint closed")
    finally:
        session.close()
    cert_path = tmp_path / "certificate.json"
    purge_case(folder, cert_path, "dpo.lead", early=True, reason=f"{REQUESTER} asked", today=CLOSED)
    text = cert_path.read_text(encoding="utf-8")
    for planted in (
        REQUESTER,
        "Quentin",
        "Plantedname",
        THIRD_PARTY,
        "Zelda",
        CUSTODIAN,
        "Horatio",
        "Secretwell",
        "quentin@example.org",
        "WhatsApp Chat with",
        "Thanks",
        "asked",
    ):
        assert planted not in text, planted
    cert = json.loads(text)
    assert cert["case"]["destroyed_early"] is True
    assert cert["case"]["early_reason_sha256"] == lifecycle.reason_digest(f"{REQUESTER} asked")
    assert cert["destroyed_by"]["role"] == "dpo"


def test_a_hold_refuses_the_purge_and_once_released_it_runs(tmp_path: Path) -> None:
    folder, _ = make_case(tmp_path)
    session = CaseSession.open(folder, user="officer")
    try:
        lifecycle.place_hold(session, "Tribunal appeal")
    finally:
        session.close()
    cert_path = tmp_path / "certificate.json"
    with pytest.raises(PurgeRefusedError, match="legal hold") as caught:
        purge_case(folder, cert_path, "dpo.lead", early=True, reason="x", today=AFTER)
    assert caught.value.hint is Hint.RELEASE_HOLD
    assert not cert_path.exists()
    assert CaseFolderIntact(folder)
    session = CaseSession.open(folder, user="officer")
    try:
        lifecycle.release_hold(session, "Appeal withdrawn")
    finally:
        session.close()
    assert purge_case(folder, cert_path, "officer", today=AFTER)["status"] == "complete"
    assert not folder.exists()


def CaseFolderIntact(folder: Path) -> bool:  # noqa: N802 - reads as a sentence in asserts
    session = CaseSession.open(folder, user="officer")
    try:
        return (
            len(session.ingest.sources()) == 1
            and sum(session.search.message_counts().values()) == 3
        )
    finally:
        session.close()


def test_before_the_retention_date_only_the_dpo_may_purge_early(tmp_path: Path) -> None:
    folder, _ = make_case(tmp_path)
    cert_path = tmp_path / "certificate.json"
    with pytest.raises(PurgeRefusedError, match="kept until 30 Jun 2027"):
        purge_case(folder, cert_path, "officer", today=date(2026, 12, 1))
    with pytest.raises(PermissionDeniedError, match="Only the DPO"):
        purge_case(folder, cert_path, "officer", early=True, reason="r", today=date(2026, 12, 1))
    with pytest.raises(BadInputError, match="Say why"):
        purge_case(folder, cert_path, "dpo.lead", early=True, today=date(2026, 12, 1))
    assert CaseFolderIntact(folder)
    assert not cert_path.exists()


def test_bad_certificate_places_are_refused_before_anything_changes(tmp_path: Path) -> None:
    folder, _ = make_case(tmp_path)
    existing = tmp_path / "old.json"
    existing.write_text("{}", encoding="utf-8")
    for target, words in (
        (folder / "cert.json", "outside the case folder"),
        (tmp_path / "missing" / "cert.json", "does not exist"),
        (existing, "already exists"),
        # Longer than any file system allows: a clear refusal, not an OSError from exists().
        (tmp_path / ("c" * 300 + ".json"), "Choose a shorter file name"),
    ):
        with pytest.raises(BadInputError, match=words):
            purge_case(folder, target, "officer", today=AFTER)
    assert CaseFolderIntact(folder)


def _fail_after(count: int) -> Callable[[Path], int]:
    real = disposal.shred_file
    done = {"n": 0}

    def shred(path: Path) -> int:
        if done["n"] == count:
            raise OSError("simulated power cut")
        done["n"] += 1
        return real(path)

    return shred


def _fail_completing(path: Path, text: str) -> None:
    if '"complete"' in text:
        raise OSError("simulated power cut")
    disposal.write_atomic(path, text)


@pytest.mark.parametrize("crash", ["first-file", "after-database", "before-completing"])
def test_a_purge_interrupted_midway_blocks_the_case_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash: str
) -> None:
    folder, _ = make_case(tmp_path)
    cert_path = tmp_path / "certificate.json"
    with monkeypatch.context() as patch:
        if crash == "before-completing":  # every file gone, the certificate not yet final
            patch.setattr("sar_desk.app.purge.write_atomic", _fail_completing)
        else:
            patch.setattr(disposal, "shred_file", _fail_after(int(crash == "after-database")))
        with pytest.raises(OSError, match="power cut"):
            purge_case(folder, cert_path, "officer", today=AFTER)
    left = {p.parent.name for p in folder.rglob("*") if p.is_file()}
    if crash == "after-database":  # the database is gone first; the original is still there
        assert not (folder / "case.db").exists()
        assert "originals" in left
    # The certificate was written first, and says the destruction is not finished.
    assert json.loads(cert_path.read_text(encoding="utf-8"))["status"] == "in-progress"
    # The half-destroyed case cannot be opened, and the list of cases due shows it.
    with pytest.raises(PurgeInterruptedError, match="did not finish") as caught:
        CaseSession.open(folder, user="officer")
    assert caught.value.hint is Hint.RESUME_PURGE
    (row,) = cases_due.disposal_list([tmp_path])
    assert row.interrupted
    assert row.due
    assert row.to_json()["state"] == "purge-interrupted"
    assert row.reference == "SAR-2026-0042"
    # Purging again finishes it, with the same certificate, now complete.
    first_id = json.loads(cert_path.read_text(encoding="utf-8"))["certificate_id"]
    cert = purge_case(folder, cert_path, "someone-else", today=AFTER)
    assert not folder.exists()
    assert cert["status"] == "complete"
    assert cert["certificate_id"] == first_id
    assert cert["resumed"] is True
    assert json.loads(cert_path.read_text(encoding="utf-8")) == cert


def test_a_certificate_that_cannot_be_written_leaves_the_case_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = make_case(tmp_path)
    real = disposal.write_atomic

    def refuse_certificate(path: Path, text: str) -> None:
        if path.name == "certificate.json":
            raise PermissionError(13, "Permission denied")
        real(path, text)

    monkeypatch.setattr("sar_desk.app.purge.write_atomic", refuse_certificate)
    with pytest.raises(BadInputError, match="nothing was destroyed"):
        purge_case(folder, tmp_path / "certificate.json", "officer", today=AFTER)
    assert CaseFolderIntact(folder)


@POSIX
def test_shredding_overwrites_the_bytes_before_unlinking(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(MESSAGE.encode() * 1000)
    secret.chmod(0o400)
    size = len(MESSAGE) * 1000
    witness = os.open(secret, os.O_RDONLY)  # keeps the file's blocks readable after the unlink
    try:
        assert disposal.shred_file(secret) == size
        assert not secret.exists()
        assert os.pread(witness, size + 1, 0) == bytes(size)
    finally:
        os.close(witness)


@POSIX
def test_a_file_with_another_hard_link_is_unlinked_not_overwritten(tmp_path: Path) -> None:
    inside = tmp_path / "inside.txt"
    inside.write_bytes(b"the user's own file")
    outside = tmp_path / "outside.txt"
    os.link(inside, outside)
    assert disposal.shred_file(inside) == 0
    assert not inside.exists()
    assert outside.read_bytes() == b"the user's own file"


def test_a_purge_waits_for_a_running_import(tmp_path: Path) -> None:
    folder, _ = make_case(tmp_path)
    with (
        CaseFolder(folder).incoming(),  # holds the lock a running import holds
        pytest.raises(BadInputError, match="import into this case is running"),
    ):
        purge_case(folder, tmp_path / "certificate.json", "officer", today=AFTER)
    assert CaseFolderIntact(folder)


def test_a_kill_between_the_marker_and_the_certificate_resumes_with_a_certificate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = make_case(tmp_path)
    cert_path = tmp_path / "certificate.json"

    def killed(path: Path, text: str) -> None:
        if path == cert_path:
            raise SystemExit("killed")  # not an OSError: nothing gets to tidy up
        disposal.write_atomic(path, text)

    with monkeypatch.context() as patch:
        patch.setattr("sar_desk.app.purge.write_atomic", killed)
        with pytest.raises(SystemExit):
            purge_case(folder, cert_path, "officer", today=AFTER)
    assert not cert_path.exists()
    with pytest.raises(PurgeInterruptedError):
        CaseSession.open(folder)
    cert = purge_case(folder, cert_path, "officer", today=AFTER)
    assert cert["status"] == "complete"
    assert json.loads(cert_path.read_text(encoding="utf-8"))["status"] == "complete"
    assert not folder.exists()
