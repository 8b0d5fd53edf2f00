"""Every hostile file kind, sent as a chat attachment, is refused alone; the message stays.

Issue 16, item 1: the hostile files of ``shared/tools/make_bad_inputs.py`` (zip slip, absolute
paths, a 2 GB zip bomb, a cut-off zip, billion laughs, an external entity, an empty file) and
the attachment-specific ones (a pixel bomb, a cut-off photo, encrypted and damaged PDFs, Office
documents that escape, inflate, are cut off or declare entities, a file over the size limit)
are each attached to their own WhatsApp message. Each is refused with one line in the import
report naming the file and why; no byte of it is kept; its message is imported with the file
named. Files that are merely odd (unknown binary, Latin-1 text, cut-off JSON) are kept as
files that are never opened and wait for a person's decision.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.attachments import AttachmentStatus
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.store import attachments as store_attachments
from tests.unit.attachments import files

# attachment name -> (its bytes: a bad_inputs file name or a maker, words of the refusal)
HOSTILE: dict[str, tuple[str | Callable[[], bytes], str]] = {
    "slip.zip": ("zip_slip.zip", "points outside it"),
    "absolute.zip": ("zip_absolute.zip", "points outside it"),
    "bomb.zip": ("zip_bomb.zip", "zip bomb"),
    "cut.zip": ("truncated.zip", "damaged zip file"),
    "laughs.xml": ("billion_laughs.xml", "declares entities"),
    "xxe.xml": ("xxe.xml", "declares entities"),
    "empty.txt": ("empty.txt", "the file is empty"),
    "IMG-bomb.png": (files.pixel_bomb, "decompression bomb"),
    "IMG-cut.jpg": (files.truncated_jpeg, "malformed image"),
    "locked.pdf": (files.encrypted_pdf, "encrypted"),
    "broken.pdf": (files.damaged_pdf, "damaged PDF"),
    "escape.docx": (files.escaping_docx, "points outside it"),
    "inflate.docx": (files.bomb_docx, "zip bomb"),
    "cut.docx": (files.truncated_docx, "damaged zip file"),
    "laughs.docx": (files.entity_docx, "declares entities"),
    "xxe.odt": (files.external_entity_odt, "declares entities"),
}
ODD = {
    "binary.bin": "binary.txt",
    "latin.txt": "latin1_garbage.txt",
    "cut.json": "truncated_telegram.json",
}


@pytest.fixture(scope="module")
def imported(bad_inputs: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("hostile")
    names = [*HOSTILE, *ODD]
    chat = "".join(
        f"14/03/2026, 10:{n:02d} - Sam Patel: {name} (file attached)\nfile {n}\n"
        for n, name in enumerate(names)
    )
    export = root / "WhatsApp Chat with Housing.zip"
    # Stored, as phones store media: a bomb deflated again inside the export would make the
    # export itself a zip bomb, refused whole before any attachment is looked at.
    with zipfile.ZipFile(export, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", chat)
        for name, (source, _) in HOSTILE.items():
            data = (bad_inputs / source).read_bytes() if isinstance(source, str) else source()
            archive.writestr(name, data)
        for name, source in ODD.items():
            archive.writestr(name, (bad_inputs / source).read_bytes())
    case = Case(reference="SAR-ATT-BAD", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(root / "case", case, user="officer")
    (result,) = run_job(session.ingest.import_files([export], day_first=True))
    with session.store.read() as conn:
        rows = {a.name: a for a in store_attachments.list_attachments(conn)}
    yield session, result, rows
    session.close()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_is_refused_alone_with_a_line(imported, name: str) -> None:  # type: ignore[no-untyped-def]
    session, result, rows = imported
    _, words = HOSTILE[name]
    row = rows[name]
    assert row.status is AttachmentStatus.REFUSED, (row.status, row.reason)
    assert words in row.reason
    assert row.stored_path is None
    (line,) = [w for w in result.warnings if f"{name!r}" in w]
    assert "was not kept" in line
    assert words in line
    assert "message was imported" in line
    (message,) = session.search.messages([row.message_id])
    assert message.text.startswith("file ")
    assert [a.name for a in message.attachments] == [name]
    assert all(i.attachment.name != name for i in session.attachments.attachment_items())


def test_nothing_of_a_refused_file_is_in_the_case(imported) -> None:  # type: ignore[no-untyped-def]
    session, _, rows = imported
    kept = {a.sha256 for a in rows.values() if a.status is AttachmentStatus.KEPT}
    refused = {a.sha256 for a in rows.values() if a.status is AttachmentStatus.REFUSED}
    stored = {p.name for p in session.base.case_folder.root.rglob("*") if p.is_file()}
    assert not (refused - {None}) & stored
    assert kept <= stored


def test_odd_but_harmless_files_are_kept_unopened_and_wait_for_a_person(imported) -> None:  # type: ignore[no-untyped-def]
    session, _, rows = imported
    queue = {i.attachment.name: i for i in session.attachments.attachment_items()}
    for name in ODD:
        assert rows[name].status is AttachmentStatus.KEPT, rows[name].reason
        assert str(queue[name].decision.status) == "undecided"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit (200 MB) lowered so that one ordinary photo stands for a huge file.
    monkeypatch.setattr("sar_desk.attachments.checks.MAX_ATTACHMENT_BYTES", 1024)
    export = tmp_path / "WhatsApp Chat with Housing.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr(
            "WhatsApp Chat with Housing.txt",
            "14/03/2026, 10:00 - Sam Patel: huge.jpg (file attached)\nthe photo\n",
        )
        archive.writestr("huge.jpg", files.photo())
    case = Case(reference="SAR-ATT-BIG", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    try:
        (result,) = run_job(session.ingest.import_files([export], day_first=True))
        with session.store.read() as conn:
            (row,) = store_attachments.list_attachments(conn)
        assert row.status is AttachmentStatus.REFUSED
        assert row.sha256 is None  # refused by its size alone, never read
        assert "kept for one attachment" in row.reason
        (line,) = [w for w in result.warnings if "'huge.jpg'" in w]
        assert "message was imported" in line
        assert session.search.messages([row.message_id])[0].text == "the photo"
    finally:
        session.close()
