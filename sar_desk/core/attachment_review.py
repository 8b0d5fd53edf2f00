"""Review decisions on attachments: disclose, disclose with boxes blacked out, or withhold.

An attachment is one review item. Its decision is a whole: the action, the reason code and the
boxes (regions of the upright image, in pixels). Every change (a box added, moved or deleted, a
new action) records a new proposal; a second person approves it (four eyes, as for text), and
the export uses approved decisions only. Boxes proposed from detection's findings in the OCR
text come from the word boxes (`proposed_boxes`); nothing is blacked out until a human records
a decision.

Pure data and rules: no I/O here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sar_desk.core.attachments import (
    AttachmentFinding,
    MediaKind,
    WordBox,
    boxes_for_span,
    merge_boxes,
)
from sar_desk.core.errors import BadInputError, InvalidTransitionError


class AttachmentAction(enum.StrEnum):
    """What happens to an attachment in the disclosure."""

    DISCLOSE = "disclose"
    REDACT = "redact"
    """Disclosed with its boxes burned in black."""
    WITHHOLD = "withhold"


class AttachmentStatus(enum.StrEnum):
    """Where an attachment's decision stands."""

    UNDECIDED = "undecided"
    PROPOSED = "proposed"
    APPROVED = "approved"


@dataclass(frozen=True, slots=True)
class RedactionBox:
    """A region to black out, in pixels of the upright image (page 0 for an image)."""

    x0: float
    y0: float
    x1: float
    y1: float
    page: int = 0

    def as_tuple(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1)."""
        return (self.x0, self.y0, self.x1, self.y1)

    @classmethod
    def from_xywh(cls, text: str) -> RedactionBox:
        """Parse "x,y,w,h" (pixels), or "P:x,y,w,h" for page P (from 1) of a document.

        Raises:
            BadInputError: Not four non-negative numbers with a positive width and height,
                or a page that is not a whole number from 1.
        """
        page_text, _, numbers = text.rpartition(":")
        if page_text and not (page_text.strip().isdigit() and int(page_text) >= 1):
            raise BadInputError(f"A box's page is a whole number from 1, not {page_text!r}.")
        try:
            x, y, w, h = (float(part) for part in numbers.split(","))
        except ValueError:
            raise BadInputError(
                f"A box is four numbers x,y,width,height in pixels, not {text!r}."
            ) from None
        if x < 0 or y < 0 or w <= 0 or h <= 0:
            raise BadInputError(
                f"The box {text!r} needs x, y >= 0 and a positive width and height."
            )
        return cls(x, y, x + w, y + h, int(page_text) - 1 if page_text else 0)


@dataclass(frozen=True, slots=True)
class AttachmentDecision:
    """The current decision on one attachment (folded from its events).

    Attributes:
        attachment_id: The attachment.
        status: Undecided, proposed or approved.
        action: The proposed or approved action (None while undecided).
        code: The reason code id (redact and withhold only).
        boxes: The regions to black out (redact only).
        proposed_by: Who recorded the current proposal.
        approved_by: Who approved it (never the proposer).
        version: How many proposals were recorded (each box edit is one).
    """

    attachment_id: int
    status: AttachmentStatus = AttachmentStatus.UNDECIDED
    action: AttachmentAction | None = None
    code: str | None = None
    boxes: tuple[RedactionBox, ...] = ()
    proposed_by: str | None = None
    approved_by: str | None = None
    version: int = 0

    @property
    def approved(self) -> bool:
        """Whether the export may use it."""
        return self.status is AttachmentStatus.APPROVED


def shown_as(kind: MediaKind) -> str:
    """How an attachment of this kind appears in the bundle when it is disclosed (for reviewers)."""
    if kind is MediaKind.IMAGE:
        return "the picture, rebuilt from its pixels with the boxes burned in and no metadata"
    if kind is MediaKind.PDF:
        return (
            "its pages as pictures, with the boxes burned in; no text, link or metadata of the "
            "file comes along (boxes are in points of the page, one pixel per point in the preview)"
        )
    if kind is MediaKind.TEXT:
        return "its text laid out on plain pages, with the boxes burned in"
    if kind is MediaKind.OFFICE:
        return (
            "its text only, laid out afresh on plain pages, with the boxes burned in; the "
            "file itself (its layout, pictures, comments, tracked changes) is never disclosed"
        )
    return "a line saying it cannot be shown and that a copy can be asked for"


def check_proposal(
    action: AttachmentAction, code: str | None, boxes: Sequence[RedactionBox]
) -> None:
    """Refuse a proposal that does not fit its action.

    Raises:
        BadInputError: A code or box where none belongs, or one missing.
    """
    if action is AttachmentAction.DISCLOSE and (code or boxes):
        raise BadInputError("An attachment disclosed in full has no reason code and no boxes.")
    if action is not AttachmentAction.DISCLOSE and not code:
        raise BadInputError(f"To {action} an attachment, give the legal reason code that applies.")
    if action is AttachmentAction.REDACT and not boxes:
        raise BadInputError("To disclose an attachment with redactions, draw at least one box.")
    if action is AttachmentAction.WITHHOLD and boxes:
        raise BadInputError("A withheld attachment is not disclosed at all, so it has no boxes.")


def propose(
    current: AttachmentDecision,
    user: str,
    action: AttachmentAction,
    code: str | None,
    boxes: Sequence[RedactionBox],
) -> AttachmentDecision:
    """A new proposal (a box edit is one too): it replaces the last and needs approval again."""
    check_proposal(action, code, boxes)
    return AttachmentDecision(
        current.attachment_id,
        AttachmentStatus.PROPOSED,
        action,
        code,
        tuple(boxes),
        user,
        None,
        current.version + 1,
    )


def approve(current: AttachmentDecision, user: str) -> AttachmentDecision:
    """Approve the current proposal as a second person (four eyes).

    Raises:
        InvalidTransitionError: Nothing is proposed, it is approved already, or the approver
            is the person who proposed it.
    """
    if current.status is not AttachmentStatus.PROPOSED:
        raise InvalidTransitionError(
            f"Attachment {current.attachment_id} has no proposal waiting for approval "
            f"(it is {current.status})."
        )
    if current.proposed_by == user:
        raise InvalidTransitionError(
            f"Attachment {current.attachment_id} was proposed by {user}; a second person must "
            "approve it (four eyes)."
        )
    return AttachmentDecision(
        current.attachment_id,
        AttachmentStatus.APPROVED,
        current.action,
        current.code,
        current.boxes,
        current.proposed_by,
        user,
        current.version,
    )


def proposed_boxes(
    findings: Iterable[AttachmentFinding], words: Sequence[WordBox]
) -> list[RedactionBox]:
    """Boxes covering the words each finding's text span touches, one per line of words."""
    out: list[RedactionBox] = []
    for finding in findings:
        touched = boxes_for_span(words, finding.start, finding.end)
        for page, x0, y0, x1, y1 in merge_boxes(touched):
            box = RedactionBox(x0, y0, x1, y1, page)
            if box not in out:
                out.append(box)
    return out
