"""Attachments in a WhatsApp zip: kept by content hash, typed, refused when hostile, searchable.

The done-when of issue 16 (our half): a photo showing a third party's name and address, with
GPS in its EXIF, is kept with its message, read by OCR, found by that name in search, and
detection proposes findings in its text that map to boxes on the photo.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.attachments import AttachmentStatus, TextKind, boxes_for_span
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.search import SearchQuery
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set
from tests.unit.attachments import files

REGISTRY = Path(__file__).resolve().parents[2] / "resources" / "detect" / "recognizers-uk-v2.yaml"

# Android export with media: "<file> (file attached)", the caption on the next line.
LINES = [
    ("Sam Patel", "IMG-20260314-WA0001.jpg (file attached)\nnotice on the door"),
    ("Alex Morgan", "DOC-20260314-WA0002.pdf (file attached)"),
    ("Sam Patel", "Minutes.docx (file attached)"),
    ("Sam Patel", "Rota.xlsx (file attached)"),
    ("Sam Patel", "Notes.odt (file attached)"),
    ("Alex Morgan", "PTT-20260314-WA0003.opus (file attached)"),
    ("Sam Patel", "IMG-20260314-WA0004.jpg (file attached)"),
    ("Sam Patel", "IMG-20260314-WA0005.jpg (file attached)"),
    ("Sam Patel", "DOC-20260314-WA0006.pdf (file attached)"),
    ("Sam Patel", "Report.docx (file attached)"),
    ("Sam Patel", "IMG-20260314-WA0007.jpg (file attached)"),
    ("Alex Morgan", "thanks, all received"),
]
FILES = {
    "IMG-20260314-WA0001.jpg": files.photo,
    "DOC-20260314-WA0002.pdf": files.pdf_with_text,
    "Minutes.docx": files.docx,
    "Rota.xlsx": files.xlsx,
    "Notes.odt": files.odt,
    "PTT-20260314-WA0003.opus": files.voice_note,
    "IMG-20260314-WA0004.jpg": files.pixel_bomb,
    "IMG-20260314-WA0005.jpg": files.truncated_jpeg,
    "DOC-20260314-WA0006.pdf": files.encrypted_pdf,
    "Report.docx": files.escaping_docx,
    # WA0007 is named by the chat but not in the zip.
}


def _export(path: Path) -> Path:
    chat = "".join(
        f"14/03/2026, 09:{30 + n:02d} - {who}: {text}\n" for n, (who, text) in enumerate(LINES)
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", chat)
        for name, make in FILES.items():
            archive.writestr(name, make())
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[CaseSession, list[str]]:
    root = tmp_path_factory.mktemp("attachments")
    case = Case(
        reference="SAR-ATT-1",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 3, 1),
        scope_to=date(2026, 3, 31),
    )
    session = CaseSession.create(root / "case", case, user="officer")
    export = _export(root / "WhatsApp Chat with Housing.zip")
    (result,) = run_job(session.ingest.import_files([export], day_first=True))
    return session, list(result.warnings)


def _by_name(session: CaseSession) -> dict[str, object]:
    from sar_desk.store import attachments as store_attachments

    with session.store.read() as conn:
        return {a.name: a for a in store_attachments.list_attachments(conn)}


def test_every_named_file_has_a_row_with_its_message(
    imported: tuple[CaseSession, list[str]],
) -> None:
    session, _ = imported
    rows = _by_name(session)
    assert set(rows) == {*FILES, "IMG-20260314-WA0007.jpg"}
    assert session.attachments.attachment_counts() == {"kept": 6, "refused": 4, "missing": 1}
    photo = rows["IMG-20260314-WA0001.jpg"]
    assert photo.status is AttachmentStatus.KEPT  # type: ignore[attr-defined]
    assert photo.media_type == "image/jpeg"  # type: ignore[attr-defined]
    kept = session.base.case_folder.attachment_file(photo.stored_path)
    assert kept.read_bytes() == files.photo()
    assert kept.name == photo.sha256  # type: ignore[attr-defined]
    assert not os.stat(kept).st_mode & (stat.S_IWUSR | stat.S_IRWXG | stat.S_IRWXO)
    by_message = session.attachments.attachments_of([photo.message_id])  # type: ignore[attr-defined]
    assert [a.name for a in by_message[photo.message_id]] == ["IMG-20260314-WA0001.jpg"]  # type: ignore[attr-defined]
    assert rows["Minutes.docx"].media_type.endswith("wordprocessingml.document")  # type: ignore[attr-defined]
    assert rows["PTT-20260314-WA0003.opus"].needs_decision  # type: ignore[attr-defined]
    assert rows["IMG-20260314-WA0007.jpg"].status is AttachmentStatus.MISSING  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("IMG-20260314-WA0004.jpg", "decompression bomb"),
        ("IMG-20260314-WA0005.jpg", "malformed image"),
        ("DOC-20260314-WA0006.pdf", "encrypted"),
        ("Report.docx", "outside it"),
    ],
)
def test_hostile_files_are_refused_one_by_one_and_their_messages_stay(
    imported: tuple[CaseSession, list[str]], name: str, words: str
) -> None:
    session, warnings = imported
    row = _by_name(session)[name]
    assert row.status is AttachmentStatus.REFUSED  # type: ignore[attr-defined]
    assert words in row.reason  # type: ignore[attr-defined]
    assert row.stored_path is None  # type: ignore[attr-defined]
    (line,) = [w for w in warnings if name in w]
    assert line.startswith("line ")
    assert "was not kept" in line
    assert "message was imported" in line
    (message,) = session.search.messages([row.message_id])  # type: ignore[attr-defined]
    assert message.attachments[0].name == name


def test_the_photo_is_found_by_the_name_in_it_and_detection_boxes_it(
    imported: tuple[CaseSession, list[str]],
) -> None:
    session, _ = imported
    query = SearchQuery(text="Whitfield")
    assert session.search.search(query) == []  # nothing is read before detection runs
    settings = load_recognizer_set(REGISTRY)
    engine = blank_nlp_engine(settings, ["Jordan Whitfield", "Sam Patel", "Morgana Fairweather"])
    detector = InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))
    run_job(session.detection.run_detection(detector=detector))
    rows = _by_name(session)
    photo = rows["IMG-20260314-WA0001.jpg"]
    assert photo.text_kind is TextKind.OCR  # type: ignore[attr-defined]
    hits = session.search.search(query)
    assert [m.id for m in hits] == [photo.message_id]  # type: ignore[attr-defined]
    assert rows["DOC-20260314-WA0002.pdf"].text_kind is TextKind.PDF_TEXT  # type: ignore[attr-defined]
    assert [m.id for m in session.search.search(SearchQuery(text="Oyelaran"))] == [
        rows["Minutes.docx"].message_id  # type: ignore[attr-defined]
    ]
    findings = session.attachments.attachment_findings([photo.id])  # type: ignore[attr-defined]
    names = [f for f in findings if f.text == "Jordan Whitfield"]
    assert names, [f.text for f in findings]
    from sar_desk.store import attachments as store_attachments

    with session.store.read() as conn:
        read = store_attachments.get_text(conn, photo.sha256)  # type: ignore[attr-defined]
    assert read is not None
    boxes = boxes_for_span(read.boxes, names[0].start, names[0].end)
    assert [b.text for b in boxes] == ["Jordan", "Whitfield"]
    # A second run reads and scans nothing again (text is cached by content hash).
    before = len(session.attachments.attachment_findings([photo.id]))  # type: ignore[attr-defined]
    run_job(session.detection.run_detection(detector=detector))
    assert len(session.attachments.attachment_findings([photo.id])) == before  # type: ignore[attr-defined]


def test_the_photo_keeps_its_gps_exif_in_the_case(imported: tuple[CaseSession, list[str]]) -> None:
    # The kept copy is the original, bytes unchanged (stripping is the export's job).
    from PIL import Image

    session, _ = imported
    photo = _by_name(session)["IMG-20260314-WA0001.jpg"]
    kept = session.base.case_folder.attachment_file(photo.stored_path)
    with Image.open(io.BytesIO(kept.read_bytes())) as image:
        assert image.getexif().get_ifd(0x8825)


@pytest.mark.parametrize(
    ("platform", "sample", "inside"),
    [
        ("telegram", "full_export", "photos/photo_1@01-06-2024_09-00-00.jpg"),
        ("discord", "with_media", "General [500].json_Files/damp-1A2B.png"),
        ("signal", "chats", "Priya Shah/media/photo.jpg"),
    ],
)
def test_other_platforms_keep_their_photos_with_the_message(
    tmp_path: Path, platform: str, sample: str, inside: str
) -> None:
    import shutil

    source = Path(__file__).resolve().parents[1] / "data" / "importers" / platform / sample
    export = tmp_path / sample
    shutil.copytree(source, export)
    # The committed samples hold stand-in bytes; put a real photo (PNG for Discord) there.
    (export / inside).write_bytes(files.photo())
    case = Case(reference="SAR-ATT-2", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    try:
        run_job(session.ingest.import_files([export], platform=platform))
        rows = [a for a in _by_name(session).values() if a.status is AttachmentStatus.KEPT]  # type: ignore[attr-defined]
        assert [(a.media_type, a.size) for a in rows] == [("image/jpeg", len(files.photo()))]  # type: ignore[attr-defined]
        (message,) = session.search.messages([rows[0].message_id])  # type: ignore[attr-defined]
        assert any(a.present for a in message.attachments)
    finally:
        session.close()
