"""The pages an Office document is disclosed on must be the pages its words were read from."""

from __future__ import annotations

import pytest

from sar_desk.app.attachment_review import review_pages
from sar_desk.app.attachments import office_font
from sar_desk.attachments.office_pages import office_pdf
from sar_desk.attachments.pdf_pages import read_pdf
from sar_desk.attachments.sniff import DOCX
from sar_desk.core.attachment_review import AttachmentDecision
from sar_desk.core.attachments import AttachmentStatus, StoredAttachment, WordBox
from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.model import MessageId, SourceId
from sar_desk.review.attachments import AttachmentItem
from tests.unit.attachments import files


def _item(words: tuple[WordBox, ...], media_type: str = DOCX) -> AttachmentItem:
    stored = StoredAttachment(
        1,
        MessageId(1),
        SourceId(1),
        0,
        "minutes.docx",
        "file",
        media_type,
        10,
        "0" * 64,
        AttachmentStatus.KEPT,
        stored_path="a/b",
    )
    return AttachmentItem(stored, words, (), (), AttachmentDecision(1))


def test_an_office_document_is_disclosed_on_the_pages_its_boxes_were_drawn_on() -> None:
    pages = office_pdf(files.docx(), office_font())
    words = read_pdf(pages, use_ocr=False)[1]
    assert review_pages(_item(words), files.docx()) == pages
    assert review_pages(_item(()), files.docx()) == pages  # never read: today's layout was seen


def test_a_layout_that_moved_since_review_blocks_the_export() -> None:
    moved = tuple(
        WordBox(w.text, w.page, w.x0 + 30, w.y0, w.x1 + 30, w.y1, w.start, w.end)
        for w in read_pdf(office_pdf(files.docx(), office_font()), use_ocr=False)[1]
    )
    with pytest.raises(ExportBlockedError, match="laid out differently"):
        review_pages(_item(moved), files.docx())


def test_a_pdf_is_disclosed_from_its_own_bytes() -> None:
    data = files.pdf_with_text()
    assert review_pages(_item((), "application/pdf"), data) == data
