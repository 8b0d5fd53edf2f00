"""An over-compressed attachment inside a compressed export costs that attachment, not the export.

A phone's export zip deflates everything; a blank scan or a log file of repeated lines can
shrink more than 200:1. Such an entry is refused when it is read, with its reason, and the chat
with its other files is imported. A chat file that would unpack absurdly still refuses it all.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from sar_desk.app.importing import ImportFailure
from sar_desk.app.session import CaseSession
from sar_desk.core.attachments import AttachmentStatus
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.store import attachments as store_attachments
from tests.unit.attachments import files

CHAT = (
    "14/03/2026, 10:00 - Sam Patel: blank.txt (file attached)\nthe blank scan\n"
    "14/03/2026, 10:01 - Sam Patel: IMG-0001.jpg (file attached)\nthe notice\n"
)


def _case(root: Path) -> CaseSession:
    record = Case(reference="SAR-ZIP-RATIO", regime=Regime.SAR, received=date(2026, 5, 5))
    return CaseSession.create(root / "case", record, user="officer")


def test_only_the_over_compressed_attachment_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Housing.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", CHAT)
        archive.writestr("blank.txt", b"\0" * (3 * 1024**2))  # ~1000:1 once deflated
        archive.writestr("IMG-0001.jpg", files.photo())
    session = _case(tmp_path)
    try:
        (result,) = run_job(session.ingest.import_files([export], day_first=True))
        assert not isinstance(result, ImportFailure), result
        with session.store.read() as conn:
            rows = {a.name: a for a in store_attachments.list_attachments(conn)}
        assert rows["blank.txt"].status is AttachmentStatus.REFUSED
        assert "zip bomb" in rows["blank.txt"].reason
        assert rows["blank.txt"].stored_path is None
        assert rows["IMG-0001.jpg"].status is AttachmentStatus.KEPT
        texts = [m.text for m in session.search.messages([rows["blank.txt"].message_id])]
        assert texts == ["the blank scan"]
    finally:
        session.close()


def test_an_over_compressed_chat_file_still_refuses_the_export(tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Housing.zip"
    line = "14/03/2026, 10:00 - Sam Patel: ok\n"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", CHAT + " " * (3 * 1024**2) + line)
    session = _case(tmp_path)
    try:
        (result,) = run_job(session.ingest.import_files([export], day_first=True))
        assert isinstance(result, ImportFailure)
        assert "zip bomb" in result.message
        assert session.ingest.sources() == []
    finally:
        session.close()
