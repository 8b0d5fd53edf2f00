"""Every kind of attachment an import keeps, through review to the requester's pack.

Issue 16: photos (JPEG, PNG, GIF, WebP, BMP, TIFF), an iPhone HEIC photo, PDFs, every Office
and OpenDocument kind (docx, xlsx, pptx, odt, ods, odp), voice notes (Opus, M4A), videos (MP4,
WebM) and plain text are each one review item. Nothing is disclosed without an approved
decision; pictures and pages carry burned-in boxes; a voice note, video or HEIC photo can never
be boxed (no picture of it is shown) and is either withheld with a code or disclosed as a line
saying a copy can be asked for.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sar_desk.app.session import CaseSession
from sar_desk.core.attachment_review import AttachmentAction, RedactionBox
from sar_desk.core.errors import BadInputError, ExportBlockedError
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.organisation import DEMO_PROFILE
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.export.image_checks import pdf_pictures
from sar_desk.export.images import metadata_problems
from sar_desk.review.roles import Role
from tests.unit.attachments import files

pytestmark = pytest.mark.slow  # one export with a dozen documents rendered to pages
A4 = (1241, 1754)  # an A4 page at 150 dpi


def _picture(size: tuple[int, int], kind: str) -> Callable[[], bytes]:
    def make() -> bytes:
        out = io.BytesIO()
        Image.new("RGB", size, (200, 220, 240)).save(out, format=kind)
        return out.getvalue()

    return make


def _heic() -> bytes:
    return b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(300)


def _webm() -> bytes:
    return b"\x1a\x45\xdf\xa3" + bytes(300)


# name -> (file, media type sniffed from its content)
TYPES: dict[str, tuple[Callable[[], bytes], str]] = {
    "IMG-0001.jpg": (files.photo, "image/jpeg"),
    "IMG-0002.png": (_picture((301, 121), "PNG"), "image/png"),
    "IMG-0003.gif": (_picture((302, 122), "GIF"), "image/gif"),
    "IMG-0004.webp": (_picture((303, 123), "WEBP"), "image/webp"),
    "IMG-0005.bmp": (_picture((304, 124), "BMP"), "image/bmp"),
    "IMG-0006.tif": (_picture((305, 125), "TIFF"), "image/tiff"),
    "IMG-0007.heic": (_heic, "image/heic"),
    "DOC-0008.pdf": (files.multi_page_pdf, "application/pdf"),
    "Minutes.docx": (
        files.docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "Rota.xlsx": (files.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "Visit.pptx": (
        files.pptx,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "Notes.odt": (files.odt, "application/vnd.oasis.opendocument.text"),
    "Tenants.ods": (files.ods, "application/vnd.oasis.opendocument.spreadsheet"),
    "Review.odp": (files.odp, "application/vnd.oasis.opendocument.presentation"),
    "PTT-0009.opus": (files.voice_note, "audio/ogg"),
    "Memo-0010.m4a": (files.audio_m4a, "audio/mp4"),
    "VID-0011.mp4": (files.video, "video/mp4"),
    "VID-0012.webm": (_webm, "video/webm"),
    "notes.txt": (lambda: b"Keys left with the caretaker on Friday.\n", "text/plain"),
    "Contact.vcf": (
        lambda: b"BEGIN:VCARD\nVERSION:3.0\nFN:Ottilie Marchbanks\nTEL:07700 900456\nEND:VCARD\n",
        "text/vcard",
    ),
}
DOCUMENTS = (
    "Minutes.docx",
    "Rota.xlsx",
    "Visit.pptx",
    "Notes.odt",
    "Tenants.ods",
    "Review.odp",
    "notes.txt",  # text files and contact cards: their text laid out on plain pages
    "Contact.vcf",
)
IMAGES = (
    "IMG-0001.jpg",
    "IMG-0002.png",
    "IMG-0003.gif",
    "IMG-0004.webp",
    "IMG-0005.bmp",
    "IMG-0006.tif",
)
NO_PICTURE = (
    "IMG-0007.heic",
    "PTT-0009.opus",
    "Memo-0010.m4a",
    "VID-0011.mp4",
    "VID-0012.webm",
)


def _zip(path: Path) -> Path:
    chat = "".join(
        f"14/03/2026, {9 + n // 60:02d}:{n % 60:02d} - Sam Patel: {name} (file attached)\n"
        for n, name in enumerate(TYPES)
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", chat)
        for name, (make, _) in TYPES.items():
            archive.writestr(name, make())
    return path


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseSession]:
    root = tmp_path_factory.mktemp("types")
    record = Case(
        reference="SAR-ATT-TYPES",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 3, 1),
        scope_to=date(2026, 3, 31),
    )
    session = CaseSession.create(root / "case", record, user="officer")
    session.export.set_case_organisation(DEMO_PROFILE.to_json())
    run_job(session.ingest.import_files([_zip(root / "WhatsApp Chat with Housing.zip")]))
    session.review.add_user("dpo.lead", Role.DPO)
    session.review.add_user("second", Role.REVIEWER)
    session.scope.mark_scope(
        session.scope.search_ids(SearchQuery()), Relevance.ABOUT_REQUESTER, "t"
    )
    session.search.search_logged(SearchQuery(), limit=1, origin="test")
    dpo = CaseSession.open(session.folder, "dpo.lead")
    try:  # no detection (no OCR needed): the DPO's recorded decision stands in for it
        dpo.export.waive_detection("Read in full by two reviewers")
    finally:
        dpo.close()
    yield session
    session.close()


def _ids(case: CaseSession) -> dict[str, int]:
    return {
        item.attachment.name: item.attachment.id for item in case.attachments.attachment_items()
    }


def test_each_type_is_kept_typed_by_content_and_is_a_review_item(case: CaseSession) -> None:
    items = {i.attachment.name: i for i in case.attachments.attachment_items()}
    assert {name: i.attachment.media_type for name, i in items.items()} == {
        name: media for name, (_, media) in TYPES.items()
    }
    assert all(str(i.decision.status) == "undecided" for i in items.values())
    voice = [n for n, i in items.items() if i.attachment.needs_decision]
    assert sorted(voice) == ["Memo-0010.m4a", "PTT-0009.opus", "VID-0011.mp4", "VID-0012.webm"]
    assert case.attachments.attachment_page_count(items["DOC-0008.pdf"].attachment.id) == 3
    for name in DOCUMENTS:  # each Office kind is previewed as the pages it is disclosed as
        preview = case.attachments.attachment_preview(items[name].attachment.id)
        assert Image.open(io.BytesIO(preview)).size == (596, 842), name


def test_every_type_goes_through_review_to_the_pack(case: CaseSession, tmp_path: Path) -> None:
    ids = _ids(case)
    # Nothing is disclosed undecided: voice notes and videos wait for a person like the rest.
    with pytest.raises(ExportBlockedError, match=rf"^{len(TYPES)} attachments"):
        run_job(case.export.export_bundle(tmp_path / "early"))
    for name in NO_PICTURE:
        with pytest.raises(BadInputError, match="no box can be burned into it"):
            case.attachments.decide_attachment(
                ids[name],
                AttachmentAction.REDACT,
                "SAR-3P",
                [RedactionBox(0, 0, 10, 10)],
                about_another=True,
            )
    box = RedactionBox(60, 50, 300, 100)  # over the first line of a laid-out page
    for name in (*IMAGES, "DOC-0008.pdf", *DOCUMENTS, *NO_PICTURE):
        if name in ("Visit.pptx", "IMG-0002.png", "Contact.vcf"):
            case.attachments.decide_attachment(
                ids[name], AttachmentAction.REDACT, "SAR-3P", [box], about_another=True
            )
        elif name in ("Memo-0010.m4a", "VID-0012.webm"):
            case.attachments.decide_attachment(
                ids[name], AttachmentAction.WITHHOLD, "SAR-3P", about_another=True
            )
        else:
            case.attachments.decide_attachment(ids[name], AttachmentAction.DISCLOSE)
    second = CaseSession.open(case.folder, "second")
    try:
        for name in TYPES:
            second.attachments.approve_attachment(ids[name])
    finally:
        second.close()
    if case.review.signoff_required():
        dpo = CaseSession.open(case.folder, "dpo.lead")
        try:
            dpo.review.sign_off("Checked")
        finally:
            dpo.close()
    run_job(case.export.export_bundle(tmp_path / "out"))
    pack = tmp_path / "out" / "pack"
    pictures = pdf_pictures(next(pack.glob("*.pdf")))
    sizes = [Image.open(io.BytesIO(png)).size for _, png, _ in pictures]
    for size in ((1200, 800), (301, 121), (302, 122), (303, 123), (304, 124), (305, 125)):
        assert sizes.count(size) == 1, size  # each photo, re-encoded once
    assert sizes.count(A4) == 3 + len(DOCUMENTS)  # the PDF's three pages, a page per document
    assert all(problems == [] and metadata_problems(png) == [] for _, png, problems in pictures)
    (png,) = [p for _, p, _ in pictures if Image.open(io.BytesIO(p)).size == (301, 121)]
    assert Image.open(io.BytesIO(png)).convert("RGB").getpixel((100, 70)) == (0, 0, 0)
    html = "".join(p.read_text("utf-8") for p in pack.glob("*.htm*"))
    assert html.count("Attachment 1 withheld") == 2  # the M4A memo and the WebM video
    # The Opus voice note, the MP4 video and the HEIC photo: a line each.
    assert html.count("cannot show; ask us for a copy") == 3
    assert "(its text, laid out afresh)" in html
    assert html.count("1 area redacted") == 2 * 3  # alt text and caption of three pictures
    for path in pack.rglob("*"):
        if path.is_file():
            assert b"OpusHead" not in path.read_bytes()
            assert b"ftypheic" not in path.read_bytes()
