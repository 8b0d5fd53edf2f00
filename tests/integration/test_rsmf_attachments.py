"""RSMF attachment files become attachments of their event's message (issue 16).

In an ``.rsmf`` e-mail the files are inside the rsmf.zip part; in a bare rsmf.zip they are
plain entries. Either way each is typed by content and kept; a hostile file (a cut-off photo,
a zip-bomb document) is refused alone with a line, and its message stays.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from sar_desk.app.ingest import ImportResult
from sar_desk.app.session import CaseSession
from sar_desk.core.attachments import AttachmentStatus
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.search import SearchQuery
from tests.unit.attachments import files

FILES = {
    "notice.jpg": files.photo(),
    "cut.jpg": files.truncated_jpeg(),
    "minutes.docx": files.bomb_docx(),
    "letter.pdf": files.pdf_with_text(),
}
BODIES = {
    "notice.jpg": "photo of the notice",
    "cut.jpg": "a cut-off photo",
    "minutes.docx": "the minutes",
    "letter.pdf": "the letter",
}


def _manifest() -> dict[str, object]:
    events = [
        {
            "id": f"E{n}",
            "type": "message",
            "participant": "P1",
            "conversation": "C1",
            "timestamp": f"2026-03-14T09:{30 + n}:00Z",
            "body": BODIES[name],
            "attachments": [{"id": name, "display": name, "size": len(FILES[name])}],
        }
        for n, name in enumerate(FILES)
    ]
    return {
        "version": "2.0.0",
        "participants": [{"id": "P1", "display": "Sam Patel", "email": "sam.patel@example.org"}],
        "conversations": [{"id": "C1", "platform": "teams", "participants": ["P1"]}],
        "events": events,
    }


def _rsmf_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rsmf_manifest.json", json.dumps(_manifest()))
        for name, data in FILES.items():
            archive.writestr(name, data)
    return out.getvalue()


def _email() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Sam Patel <sam.patel@example.org>"
    msg["X-RSMF-Version"] = "2.0.0"
    msg.set_content("Transcript (synthetic).")
    msg.add_attachment(_rsmf_zip(), maintype="application", subtype="zip", filename="rsmf.zip")
    return bytes(msg)


@pytest.fixture(params=["rsmf", "zip"])
def imported(
    tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[CaseSession, ImportResult]]:
    export = tmp_path / ("chat.rsmf" if request.param == "rsmf" else "rsmf.zip")
    export.write_bytes(_email() if request.param == "rsmf" else _rsmf_zip())
    record = Case(
        reference="SAR-RSMF-1",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 3, 1),
        scope_to=date(2026, 3, 31),
    )
    session = CaseSession.create(tmp_path / "case", record, user="officer")
    (result,) = run_job(session.ingest.import_files([export]))
    assert isinstance(result, ImportResult)
    yield session, result
    session.close()


def _by_text(session: CaseSession) -> dict[str, list]:
    hits = session.search.search(SearchQuery())
    found = session.attachments.attachments_of([h.id for h in hits])
    return {h.text: found.get(h.id, []) for h in hits}


def test_rsmf_files_are_kept_and_linked_to_their_message(imported) -> None:
    session, _ = imported
    by_text = _by_text(session)
    (photo,) = by_text["photo of the notice"]
    assert (photo.status, photo.media_type) == (AttachmentStatus.KEPT, "image/jpeg")
    assert session.attachments.attachment_bytes(photo.id) == FILES["notice.jpg"]
    (letter,) = by_text["the letter"]
    assert (letter.status, letter.media_type) == (AttachmentStatus.KEPT, "application/pdf")


@pytest.mark.parametrize(
    ("text", "why"),
    [("a cut-off photo", "damaged or malformed image"), ("the minutes", "zip bomb")],
)
def test_a_hostile_rsmf_file_is_refused_alone_and_its_message_stays(
    imported, text: str, why: str
) -> None:
    session, result = imported
    (refused,) = _by_text(session)[text]
    assert refused.status is AttachmentStatus.REFUSED
    assert why in refused.reason
    lines = [w for w in result.warnings if refused.name in w]
    assert len(lines) == 1
    assert "Its message was imported" in lines[0]
