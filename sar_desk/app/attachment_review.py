"""Reviewing attachments and carrying the approved decisions into the export.

Thin delegations to `review.attachments` (kept apart for the services refactor), plus the two
things the export needs from the case: the approved decisions with the bytes of the images to
disclose (`approved_outcomes`), and the OCR reader the leak check reads images back with
(`image_reader`), which lives in `sar_desk.attachments` so `export` never loads the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sar_desk.app.attachments import office_font
from sar_desk.app.base import SessionBase
from sar_desk.app.places import ordinary_words
from sar_desk.app.reviewing import bundled_code_table
from sar_desk.app.summary import SummarySection
from sar_desk.core.attachment_review import AttachmentAction, AttachmentDecision, RedactionBox
from sar_desk.core.attachments import (
    LAID_OUT_KINDS,
    PAGED_KINDS,
    MediaKind,
    WordBox,
    boxes_for_span,
)
from sar_desk.core.attachments import AttachmentStatus as KeptStatus
from sar_desk.core.errors import ExportBlockedError
from sar_desk.core.outcome import OutcomeKind
from sar_desk.review import attachments as review
from sar_desk.review import legal
from sar_desk.review.codes import CodeTable
from sar_desk.review.items import ReviewContext
from sar_desk.store.folder import CaseFolder
from sar_desk.store.uow import UnitOfWork, unit_of_work

if TYPE_CHECKING:
    # PDF and image libraries load only to export (a search must not load them).
    from sar_desk.export.attachment_render import AttachmentOutcome
    from sar_desk.export.image_checks import ImageReader


def image_reader() -> ImageReader | None:
    """The OCR engine as the leak check's reader; None when it is not installed."""
    from sar_desk.attachments import ocr

    if not ocr.available():
        return None

    def read(data: bytes) -> str:
        return ocr.ocr_image_bytes(data)[0]

    return read


def approved_outcomes(
    uow: UnitOfWork, folder: CaseFolder, table: CodeTable, message_ids: Sequence[int]
) -> tuple[AttachmentOutcome, ...]:
    """The approved attachment decisions of the messages being disclosed, ready for export."""
    from sar_desk.export.attachment_render import AttachmentOutcome

    wanted = {int(i) for i in message_ids}
    out: list[AttachmentOutcome] = []
    for attachment, decision in review.approved(uow):
        if int(attachment.message_id) not in wanted or decision.action is None:
            continue
        item = review.review_item(uow, attachment.id)
        data = document = None
        shown = decision.action is not AttachmentAction.WITHHOLD
        if shown and attachment.stored_path:
            kept = folder.read_file(folder.attachment_file(attachment.stored_path))
            if review.can_carry_boxes(attachment) and attachment.kind is MediaKind.IMAGE:
                data = kept  # (a HEIC photo Pillow cannot decode gets the "not shown" line)
            elif attachment.kind in PAGED_KINDS:
                document = review_pages(item, kept)
        out.append(
            AttachmentOutcome(
                attachment.message_id,
                attachment.position,
                decision.action,
                table.codes[decision.code] if decision.code else None,
                tuple(box.as_tuple() for box in decision.boxes),
                data,
                covered_terms(item, decision.boxes),
                document,
                tuple((b.page, b.x0, b.y0, b.x1, b.y1) for b in decision.boxes),
                attachment.kind in LAID_OUT_KINDS,
            )
        )
    # A file refused at import (damaged, a bomb, disguised) cannot be decided or shown: its
    # message's line says so, rather than leaving "included" with nothing under it.
    decided = {a.id for a, _ in review.approved(uow)}
    for items in uow.attachments.attachments_of(sorted(wanted)).values():
        for attachment in items:
            if attachment.status is KeptStatus.REFUSED and attachment.id not in decided:
                out.append(
                    AttachmentOutcome(
                        attachment.message_id,
                        attachment.position,
                        AttachmentAction.DISCLOSE,
                        unreadable=True,
                    )
                )
    return tuple(out)


def review_pages(item: review.AttachmentItem, kept: bytes) -> bytes:
    """The PDF a document is reviewed and disclosed as: the kept PDF, or an Office file's pages.

    Raises:
        ExportBlockedError: An Office document's words no longer sit where the reviewer saw
            them (its text was read by an older version): boxes could miss, so nothing is shown.
    """
    if item.attachment.kind not in LAID_OUT_KINDS:
        return kept
    from sar_desk.attachments.office_pages import laid_out_pdf
    from sar_desk.attachments.pdf_pages import read_pdf

    pages = laid_out_pdf(kept, item.attachment.kind, office_font())
    # Words read by this version were laid out on these pages; if the layout moved since,
    # the boxes drawn on them would miss. (Never read: the reviewer saw today's layout.)
    if item.words and read_pdf(pages, use_ocr=False)[1] != item.words:
        raise ExportBlockedError(
            f"Attachment {item.attachment.id} (a document) was reviewed on pages laid out "
            "differently from the pages this version makes, so its boxes could miss: withhold "
            "it, or have its text read again and review it again."
        )
    return pages


def _preview_pages(item: review.AttachmentItem, kept: bytes) -> bytes:
    if item.attachment.kind in LAID_OUT_KINDS:
        from sar_desk.attachments.office_pages import laid_out_pdf

        return laid_out_pdf(kept, item.attachment.kind, office_font())
    return kept


def undecided_line(count: int) -> str:
    """The one line export's refusal and the readiness list give for undecided attachments."""
    many = "s" if count != 1 else ""
    return (
        f"{count} attachment{many} (photos, documents, voice notes) of messages in the "
        f"disclosure set still need{'' if many else 's'} a decision or a second person's "
        "approval; each attachment is decided on its own in the review's attachment list."
    )


def undecided_count(uow: UnitOfWork, message_ids: Sequence[int]) -> int:
    """How many kept attachments of these messages have no approved decision."""
    return len(review.undecided_of(uow, message_ids))


def _overlap(word: WordBox, box: RedactionBox) -> float:
    width = min(word.x1, box.x1) - max(word.x0, box.x0)
    height = min(word.y1, box.y1) - max(word.y0, box.y0)
    area = (word.x1 - word.x0) * (word.y1 - word.y0)
    return max(0.0, width) * max(0.0, height) / area if area > 0 else 0.0


def covered_terms(item: review.AttachmentItem, boxes: Sequence[RedactionBox]) -> tuple[str, ...]:
    """The findings' texts whose every word lies (mostly) under a box: redacted, so protected."""
    out: list[str] = []
    for finding in item.findings:
        words = boxes_for_span(item.words, finding.start, finding.end)
        if words and all(
            any(w.page == b.page and _overlap(w, b) >= 0.5 for b in boxes) for w in words
        ):
            out.append(finding.text)
    return tuple(out)


AttachmentItemView = review.AttachmentItem
"""An attachment as a review item, re-exported for the shells (which never import `review`)."""


class AttachmentReviewMixin(SessionBase):
    """Attachment review items for the shells (each a one-line delegation)."""

    def attachment_items(self) -> list[review.AttachmentItem]:
        """Every kept attachment as a review item, in message order."""
        with unit_of_work(self.store) as uow:
            return review.review_items(uow)

    def export_undecided_attachments(self) -> int:
        """How many attachments export would refuse over now (the number its refusal names)."""
        with unit_of_work(self.store) as uow:
            outcome = legal.current_outcome(uow)
            if outcome is not None and outcome.kind is not OutcomeKind.HELD:
                return 0  # an outcome that discloses no records discloses no attachment
            # Imported here: review.disclosure loads pandas, which a search must not wait for.
            from sar_desk.review.disclosure import leaving_messages

            leaving = leaving_messages(uow)
            ids = [int(i) for i in uow.scope.disclosure_ids() if i not in leaving]
            return undecided_count(uow, ids)

    def summary_sections(self) -> list[SummarySection]:
        """Add "Attachments": kept, refused and missing, and how many still block export."""
        sections = super().summary_sections()
        with unit_of_work(self.store) as uow:
            counts = uow.attachments.status_counts()
        if not counts:
            return sections
        waiting = self.export_undecided_attachments()
        lines = [
            f"{counts.get('kept', 0)} kept, {counts.get('refused', 0)} refused (damaged or "
            f"unsafe), {counts.get('missing', 0)} named but not in the export"
        ]
        if waiting:
            lines.append(undecided_line(waiting))
        data = {**counts, "undecided_in_disclosure": waiting}
        sections.append(SummarySection("Attachments", tuple(lines), data))
        return sections

    def _attachment_context(self) -> ReviewContext:
        return ReviewContext(self.case, bundled_code_table(), self.user, ordinary_words())

    def attachment_item(self, attachment_id: int) -> review.AttachmentItem:
        """One attachment as a review item (file, words, proposed boxes, decision)."""
        with unit_of_work(self.store) as uow:
            return review.review_item(uow, attachment_id)

    def attachment_bytes(self, attachment_id: int) -> bytes:
        """The kept file's bytes (for the box editor); never written anywhere."""
        item = self.attachment_item(attachment_id)
        if not item.attachment.stored_path:
            return b""
        folder = self.case_folder
        return folder.read_file(folder.attachment_file(item.attachment.stored_path))

    def attachment_preview(self, attachment_id: int, page: int = 0) -> bytes:
        """The picture as the reviewer draws boxes on it: upright, as the export rebuilds it.

        A PDF or Office document is shown one page at a time at one pixel per point (the unit
        of its boxes), laid out exactly as the export renders it.

        Raises:
            ImageRefusedError: It is not an image or page that can be shown.
        """
        from sar_desk.export.images import redact_image
        from sar_desk.export.pages import render_pages

        item = self.attachment_item(attachment_id)
        data = self.attachment_bytes(attachment_id)
        if item.attachment.kind in PAGED_KINDS:
            pages = _preview_pages(item, data)
            return render_pages(pages, [], dpi=72, pages=[page])[0].png
        return redact_image(data, []).png

    def attachment_page_count(self, attachment_id: int) -> int:
        """How many pages the reviewer can page through (1 for a photo)."""
        from sar_desk.export.pages import page_count

        item = self.attachment_item(attachment_id)
        if item.attachment.kind not in PAGED_KINDS:
            return 1
        return page_count(_preview_pages(item, self.attachment_bytes(attachment_id)))

    def decide_attachment(
        self,
        attachment_id: int,
        action: AttachmentAction,
        code: str | None = None,
        boxes: Sequence[RedactionBox] = (),
        *,
        about_another: bool = False,
        note: str = "",
    ) -> AttachmentDecision:
        """Propose disclose / redact with boxes / withhold (a second person approves)."""
        with unit_of_work(self.store, write=True) as uow:
            return review.decide_attachment(
                uow,
                self._attachment_context(),
                attachment_id,
                action,
                code,
                boxes,
                about_another=about_another,
                note=note,
            )

    def edit_attachment_boxes(
        self,
        attachment_id: int,
        *,
        add: Sequence[RedactionBox] = (),
        delete: Sequence[int] = (),
        move: dict[int, RedactionBox] | None = None,
        code: str | None = None,
    ) -> AttachmentDecision:
        """Add, move or delete boxes: one new recorded proposal."""
        with unit_of_work(self.store, write=True) as uow:
            return review.edit_boxes(
                uow,
                self._attachment_context(),
                attachment_id,
                add=add,
                delete=delete,
                move=move,
                code=code,
            )

    def approve_attachment(self, attachment_id: int) -> AttachmentDecision:
        """Approve an attachment's proposal as the second person."""
        with unit_of_work(self.store, write=True) as uow:
            return review.approve_attachment(uow, self._attachment_context(), attachment_id)
