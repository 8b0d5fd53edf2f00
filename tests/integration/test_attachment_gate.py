"""An attachment with no approved decision blocks export, as an undecided proposal does.

Issue 16, safety: a photo or document of a message in the disclosure set must never drop out of
the bundle unseen (no decision) nor go in undecided (a proposal no second person approved); an
attachment of a message outside the set neither blocks nor enters the pack.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sar_desk.app.next_step import Step, next_step
from sar_desk.app.session import CaseSession
from sar_desk.cli.hints import error_line
from sar_desk.core.attachment_review import AttachmentAction, RedactionBox
from sar_desk.core.errors import ExportBlockedError, Hint
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.organisation import DEMO_PROFILE
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.export.image_checks import pdf_pictures
from sar_desk.review.roles import Role
from tests.unit.attachments import files

CHAT = (
    "14/03/2026, 09:30 - Sam Patel: IMG-0001.jpg (file attached)\nthe notice\n"
    "14/03/2026, 09:31 - Sam Patel: letter.pdf (file attached)\nthe letter\n"
    "14/03/2026, 09:32 - Alex Morgan: thanks\n"
    "14/03/2026, 09:33 - Sam Patel: IMG-0002.jpg (file attached)\nunrelated photo\n"
)


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", CHAT)
        archive.writestr("IMG-0001.jpg", files.photo())
        archive.writestr("letter.pdf", files.pdf_with_text())
        archive.writestr("IMG-0002.jpg", files.photo(("SOMETHING ELSE",)))
    return path


@pytest.fixture
def case(tmp_path: Path) -> Iterator[CaseSession]:
    record = Case(
        reference="SAR-ATT-GATE",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        scope_from=date(2026, 3, 1),
        scope_to=date(2026, 3, 31),
    )
    session = CaseSession.create(tmp_path / "case", record, user="officer")
    session.export.set_case_organisation(DEMO_PROFILE.to_json())
    run_job(session.ingest.import_files([_zip(tmp_path / "WhatsApp Chat with Housing.zip")]))
    session.review.add_user("dpo.lead", Role.DPO)
    session.review.add_user("second", Role.REVIEWER)
    # Everything but the unrelated photo's message is in the disclosure set.
    ids = session.scope.search_ids(SearchQuery())
    unrelated = session.scope.search_ids(SearchQuery(text="unrelated"))
    session.scope.mark_scope([i for i in ids if i not in unrelated], Relevance.ABOUT_REQUESTER, "t")
    session.search.search_logged(SearchQuery(), limit=1, origin="test")
    dpo = CaseSession.open(session.folder, "dpo.lead")
    try:  # no detection here (no OCR needed): the DPO's recorded decision stands in for it
        dpo.export.waive_detection("Read in full by two reviewers")
    finally:
        dpo.close()
    yield session
    session.close()


def _attachments(case: CaseSession) -> dict[str, int]:
    ids = case.scope.search_ids(SearchQuery())
    return {a.name: a.id for items in case.attachments.attachments_of(ids).values() for a in items}


def _as(case: CaseSession, user: str) -> CaseSession:
    return CaseSession.open(case.folder, user)


def _sign_off(case: CaseSession) -> None:
    if case.review.signoff_required():
        dpo = _as(case, "dpo.lead")
        try:
            dpo.review.sign_off("Checked")
        finally:
            dpo.close()


def test_undecided_attachments_block_export_and_are_named_once(
    case: CaseSession, tmp_path: Path
) -> None:
    assert (
        case.attachments.export_undecided_attachments() == 2
    )  # the unrelated photo is out of the set
    with pytest.raises(ExportBlockedError) as refused:
        run_job(case.export.export_bundle(tmp_path / "out"))
    message = str(refused.value)
    assert message.startswith("2 attachments (photos, documents, voice notes)")
    assert "attachment list" in message
    assert refused.value.hint is Hint.LIST_ATTACHMENTS
    assert "sar-desk review CASE attachments" in error_line(refused.value)
    assert not (tmp_path / "out").exists()
    (shown,) = [s for s in case.summary_sections() if s.title == "Attachments"]  # case show
    assert shown.lines[0].startswith("3 kept, 0 refused")
    assert shown.lines[1].startswith("2 attachments")
    step = next_step(case)
    assert step.step is Step.REVIEW
    assert step.sentence.startswith("2 attachments")


def test_a_proposal_without_approval_still_blocks_and_approved_ones_go_in(
    case: CaseSession, tmp_path: Path
) -> None:
    found = _attachments(case)
    photo, letter, other = found["IMG-0001.jpg"], found["letter.pdf"], found["IMG-0002.jpg"]
    case.attachments.decide_attachment(photo, AttachmentAction.DISCLOSE)
    case.attachments.decide_attachment(
        letter, AttachmentAction.WITHHOLD, "SAR-3P", about_another=True
    )
    case.attachments.decide_attachment(other, AttachmentAction.DISCLOSE)
    with pytest.raises(ExportBlockedError, match=r"^2 attachments"):
        run_job(case.export.export_bundle(tmp_path / "out"))
    second = _as(case, "second")
    try:
        second.attachments.approve_attachment(photo)
        assert case.attachments.export_undecided_attachments() == 1
        with pytest.raises(ExportBlockedError, match=r"^1 attachment \(photos.*needs a decision"):
            run_job(case.export.export_bundle(tmp_path / "out"))
        second.attachments.approve_attachment(letter)
        second.attachments.approve_attachment(other)  # approved, but its message is not in the set
    finally:
        second.close()
    assert case.attachments.export_undecided_attachments() == 0
    _sign_off(case)
    run_job(case.export.export_bundle(tmp_path / "out"))
    pdf = next((tmp_path / "out" / "pack").glob("*.pdf"))
    photos = [p for p in pdf_pictures(pdf) if Image.open(io.BytesIO(p[1])).size == (1200, 800)]
    assert len(photos) == 1  # the disclosed photo; the unrelated one never enters the pack
    html = "".join(p.read_text("utf-8") for p in (tmp_path / "out" / "pack").glob("*.htm*"))
    assert "Attachment 1 withheld" in html

    # A new proposal replaces the approved decision: it blocks again until approved.
    case.attachments.decide_attachment(
        photo, AttachmentAction.REDACT, "SAR-3P", [RedactionBox(0, 0, 50, 50)], about_another=True
    )
    with pytest.raises(ExportBlockedError, match=r"^1 attachment "):
        run_job(case.export.export_bundle(tmp_path / "again"))
    assert not (tmp_path / "again").exists()


def test_documents_are_previewed_and_disclosed_as_pages_with_the_reviewers_box(
    case: CaseSession, tmp_path: Path
) -> None:
    found = _attachments(case)
    photo, letter, other = found["IMG-0001.jpg"], found["letter.pdf"], found["IMG-0002.jpg"]
    assert case.attachments.attachment_page_count(letter) == 1
    preview = Image.open(io.BytesIO(case.attachments.attachment_preview(letter)))
    assert preview.size == (596, 842)  # one pixel per point (rounded up): the unit of the boxes
    # The reviewer boxes the name on the page as shown (words at x 117-259, y 74-89 points).
    box = RedactionBox(110, 70, 265, 92)
    case.attachments.decide_attachment(
        letter, AttachmentAction.REDACT, "SAR-3P", [box], about_another=True
    )
    case.attachments.decide_attachment(
        photo, AttachmentAction.WITHHOLD, "SAR-3P", about_another=True
    )
    case.attachments.decide_attachment(
        other, AttachmentAction.WITHHOLD, "SAR-3P", about_another=True
    )
    second = _as(case, "second")
    try:
        for attachment in (photo, letter, other):
            second.attachments.approve_attachment(attachment)
    finally:
        second.close()
    _sign_off(case)
    run_job(case.export.export_bundle(tmp_path / "out"))
    pdf = next((tmp_path / "out" / "pack").glob("*.pdf"))
    pages = [p for p in pdf_pictures(pdf) if Image.open(io.BytesIO(p[1])).size == (1241, 1754)]
    assert len(pages) == 1
    page = Image.open(io.BytesIO(pages[0][1])).convert("RGB")
    assert page.getpixel((int(180 * 150 / 72), int(80 * 150 / 72))) == (0, 0, 0)
    assert page.getpixel((int(80 * 150 / 72), int(80 * 150 / 72))) != (0, 0, 0)  # "Letter"


def test_attachments_of_a_message_withheld_in_full_need_no_decision(
    case: CaseSession, tmp_path: Path
) -> None:
    from sar_desk.review.items import WithholdBasis

    found = _attachments(case)
    letter_message = next(
        m
        for m, items in case.attachments.attachments_of(
            case.scope.search_ids(SearchQuery())
        ).items()
        if any(a.id == found["letter.pdf"] for a in items)
    )
    held = case.review.withhold(
        int(letter_message), "SAR-3P", "All about a neighbour", WithholdBasis.EXEMPT
    )
    # Proposed only: the letter still needs a decision (the withholding may yet be refused).
    assert case.attachments.export_undecided_attachments() == 2
    second = _as(case, "second")
    try:
        second.review.approve([held.item.id])
    finally:
        second.close()
    # Withheld in full: nothing of the message is shown, so only the photo waits.
    assert case.attachments.export_undecided_attachments() == 1
    with pytest.raises(ExportBlockedError, match=r"^1 attachment "):
        run_job(case.export.export_bundle(tmp_path / "out"))
    case.attachments.decide_attachment(found["IMG-0001.jpg"], AttachmentAction.DISCLOSE)
    second = _as(case, "second")
    try:
        second.attachments.approve_attachment(found["IMG-0001.jpg"])
    finally:
        second.close()
    _sign_off(case)
    run_job(case.export.export_bundle(tmp_path / "out"))
    html = "".join(p.read_text("utf-8") for p in (tmp_path / "out" / "pack").glob("*.htm*"))
    assert "letter.pdf" not in html
