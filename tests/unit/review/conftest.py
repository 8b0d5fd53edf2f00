"""A SAR case with three WhatsApp messages and detection findings saved directly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.jobs import run_job
from sar_desk.core.model import MessageId
from sar_desk.store import detection as store_detection
from sar_desk.store.findings import save_findings

CHAT = """12/03/2026, 09:15 - Alex Morgan: Hi, any news on the repair?
12/03/2026, 09:20 - Jo Bloggs: Sam Carter from the repairs team will call you on 07700 900123
12/03/2026, 09:21 - Sam Carter: Yes, I spoke to Sam Carter's manager
"""


def _text_of(message_id: int) -> str:
    return CHAT.splitlines()[message_id - 1].split(": ", 1)[1]


def _check_offsets(findings: list[Finding]) -> list[Finding]:
    # Offsets that miss their words would let tests pass on spans no reviewer would see.
    for f in findings:
        if f.start is not None and f.end is not None:
            assert _text_of(f.message_id)[f.start : f.end] == f.text, f
    return findings


def add_findings(session: CaseSession) -> None:
    """Findings as a detection run would save them, with its record of a finished run."""
    with session.store.transaction() as conn:
        run = store_detection.start_run(conn, "case", "test")
        store_detection.add_progress(conn, run, [1, 2, 3], 5)
        store_detection.finish_run(conn, run, "finished")
        save_findings(
            conn,
            _check_offsets(
                [
                    Finding(
                        MessageId(2),
                        ProposalField.TEXT,
                        0,
                        10,
                        "Sam Carter",
                        "PERSON",
                        0.85,
                        "spacy",
                    ),
                    Finding(
                        MessageId(2),
                        ProposalField.TEXT,
                        50,
                        62,
                        "07700 900123",
                        "PHONE_NUMBER",
                        0.7,
                        "uk_phone",
                    ),
                    Finding(
                        MessageId(3),
                        ProposalField.SENDER,
                        None,
                        None,
                        "Sam Carter",
                        "PERSON",
                        0.9,
                        "structure",
                    ),
                    Finding(
                        MessageId(3),
                        ProposalField.TEXT,
                        16,
                        26,
                        "Sam Carter",
                        "PERSON",
                        0.85,
                        "spacy",
                    ),
                ]
            ),
        )


@pytest.fixture
def chat_file(tmp_path: Path) -> Path:
    path = tmp_path / "chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    return path


@pytest.fixture
def reviewed(session: CaseSession, chat_file: Path) -> Iterator[CaseSession]:
    """The `session` case (user officer) with messages, findings and a reviewer 'rita'."""
    run_job(session.ingest.import_files([chat_file], day_first=True), lambda _p: None)
    add_findings(session)
    session.review.add_user(
        "rita", __import__("sar_desk.review.roles", fromlist=["Role"]).Role.REVIEWER
    )
    return session


def as_user(session: CaseSession, user: str) -> CaseSession:
    return CaseSession.open(session.folder, user)
