"""Reviewing attachments: one item each, decided, edited box by box, approved by another person.

The rules are `core.attachment_review`; this module checks who may act, looks the reason code
up in the case's table (scoped to its regime, never a request-level code), appends the event
(`store.attachment_review`) and one audit entry in the caller's transaction, so the audit chain
seals each decision. Boxes proposed from detection's findings come from the OCR word boxes; no
box is blacked out until a reviewer records it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sar_desk.core.attachment_review import (
    AttachmentAction,
    AttachmentDecision,
    AttachmentStatus,
    RedactionBox,
    approve,
    propose,
    proposed_boxes,
)
from sar_desk.core.attachments import (
    PAGED_KINDS,
    UNDECODED_IMAGES,
    AttachmentFinding,
    MediaKind,
    StoredAttachment,
    WordBox,
)
from sar_desk.core.attachments import AttachmentStatus as KeptStatus
from sar_desk.core.errors import BadInputError, NotFoundError
from sar_desk.core.records import ReviewEvent
from sar_desk.review.codes import Situation
from sar_desk.review.items import ReviewContext
from sar_desk.review.roles import Permission, require
from sar_desk.store.attachment_review import APPROVE, PROPOSE
from sar_desk.store.uow import UnitOfWork

DEFAULT_CODE = "default"
"""Stands for the regime's default code for other people's information (as for text)."""
PERSON_ENTITIES = frozenset({"PERSON", "UK_ADDRESS", "ADDRESS", "LOCATION"})
"""Finding types that show another individual is in the picture (a name or their address)."""


@dataclass(frozen=True, slots=True)
class AttachmentItem:
    """An attachment as a review item: the file, its words, detection's proposals, the decision.

    Attributes:
        attachment: The stored attachment.
        words: Its OCR word boxes (pixels of the upright image).
        findings: Detection's findings in its text.
        proposed: Boxes covering those findings (a proposal, not a decision).
        decision: The current decision.
    """

    attachment: StoredAttachment
    words: tuple[WordBox, ...]
    findings: tuple[AttachmentFinding, ...]
    proposed: tuple[RedactionBox, ...]
    decision: AttachmentDecision


def fold(attachment_id: int, events: Sequence[ReviewEvent]) -> AttachmentDecision:
    """The current decision from an attachment's events, oldest first."""
    state = AttachmentDecision(attachment_id)
    for event in events:
        if event.event == PROPOSE and event.action is not None:
            state = propose(state, event.user, event.action, event.code, event.boxes)
        elif event.event == APPROVE:
            state = approve(state, event.user)
    return state


def current(uow: UnitOfWork, attachment_id: int) -> AttachmentDecision:
    """The current decision on one attachment."""
    return fold(attachment_id, uow.attachment_review.events_of([attachment_id]))


def decisions(uow: UnitOfWork) -> dict[int, AttachmentDecision]:
    """The current decision on every attachment that has one."""
    grouped: dict[int, list[ReviewEvent]] = {}
    for event in uow.attachment_review.events_of():
        grouped.setdefault(event.attachment_id, []).append(event)
    return {aid: fold(aid, events) for aid, events in grouped.items()}


def _attachment(uow: UnitOfWork, attachment_id: int) -> StoredAttachment:
    found = uow.attachments.get_attachment(attachment_id)
    if found is None:
        raise NotFoundError(f"There is no attachment {attachment_id} in this case.")
    return found


def review_item(uow: UnitOfWork, attachment_id: int) -> AttachmentItem:
    """One attachment as a review item.

    Raises:
        NotFoundError: No such attachment.
    """
    attachment = _attachment(uow, attachment_id)
    text = uow.attachments.get_text(attachment.sha256) if attachment.sha256 else None
    words = text.boxes if text is not None else ()
    findings = tuple(uow.attachments.findings_of([attachment_id]))
    return AttachmentItem(
        attachment,
        words,
        findings,
        tuple(proposed_boxes(findings, words)),
        current(uow, attachment_id),
    )


def review_items(uow: UnitOfWork) -> list[AttachmentItem]:
    """Every kept attachment (and any with a decision) as a review item."""
    decided = decisions(uow)
    return [
        review_item(uow, a.id)
        for a in uow.attachments.list_attachments()
        if a.status is KeptStatus.KEPT or a.id in decided
    ]


def can_carry_boxes(attachment: StoredAttachment) -> bool:
    """Whether the export shows it as pictures a box can be burned into.

    Photos Pillow decodes, PDFs, Office documents and text files do; a voice note, a video, an
    iPhone HEIC photo or any other file is disclosed as a line saying it cannot be shown, or
    withheld.
    """
    if attachment.kind is MediaKind.IMAGE:
        return attachment.media_type not in UNDECODED_IMAGES
    return attachment.kind in PAGED_KINDS


def _check_code(
    ctx: ReviewContext, item: AttachmentItem, code: str | None, about_another: bool
) -> str | None:
    if code is None:
        return None
    third = ctx.table.default(ctx.case.regime, Situation.THIRD_PARTY)
    if code.strip().lower() == DEFAULT_CODE:
        if third is None:
            raise BadInputError(
                f"A {ctx.case.regime.name} case has no default code for other people's "
                "information; name the code that applies."
            )
        code = third
    found = ctx.table.get(code, ctx.case.regime)
    names_someone = any(f.entity_type in PERSON_ENTITIES for f in item.findings)
    if found.code == third and not (about_another or names_someone):
        raise BadInputError(
            f"{found.code} protects other people's information, but nothing found in attachment "
            f"{item.attachment.id} is about another individual. Confirm that it shows another "
            "person (a face, a name) or choose another code."
        )
    return found.code


def decide_attachment(
    uow: UnitOfWork,
    ctx: ReviewContext,
    attachment_id: int,
    action: AttachmentAction,
    code: str | None = None,
    boxes: Sequence[RedactionBox] = (),
    *,
    about_another: bool = False,
    note: str = "",
) -> AttachmentDecision:
    """Record a proposal for an attachment (a box edit is one); it needs a second person's approval.

    Args:
        uow: An open write unit of work.
        ctx: Case, code table and who acts.
        attachment_id: The attachment.
        action: Disclose, disclose with boxes blacked out, or withhold.
        code: The reason code (redact and withhold).
        boxes: The regions to black out (redact).
        about_another: The reviewer confirms it shows another individual (for third-party
            codes when detection found no name, e.g. a face).
        note: Why (kept in the record, never in logs).

    Raises:
        PermissionDeniedError: The user may not propose.
        NotFoundError: No such attachment or code.
        BadInputError: The proposal does not fit its action, or the code does not apply.
    """
    require(uow, ctx.user, Permission.PROPOSE)
    item = review_item(uow, attachment_id)
    if item.attachment.status is not KeptStatus.KEPT and action is not AttachmentAction.WITHHOLD:
        raise BadInputError(
            f"Attachment {attachment_id} is not in the case ({item.attachment.status}); it can "
            "only be withheld or left out."
        )
    if action is AttachmentAction.REDACT and not can_carry_boxes(item.attachment):
        raise BadInputError(
            f"Attachment {attachment_id} ({item.attachment.media_type}) cannot be shown as a "
            "picture, so no box can be burned into it: disclose it in full (the bundle says a "
            "copy can be asked for) or withhold it with a code."
        )
    checked = _check_code(ctx, item, code, about_another)
    decided = propose(item.decision, ctx.user, action, checked, boxes)
    event = uow.attachment_review.add_event(
        attachment_id,
        PROPOSE,
        ctx.user,
        action=action,
        code=checked,
        boxes=boxes,
        note=note,
    )
    uow.audit.append(
        ctx.user,
        "attachment-decision",
        {
            "attachment": attachment_id,
            "event": event,
            "action": str(action),
            "code": checked,
            "boxes": len(boxes),
            "version": decided.version,
        },
    )
    return decided


def edit_boxes(
    uow: UnitOfWork,
    ctx: ReviewContext,
    attachment_id: int,
    *,
    add: Sequence[RedactionBox] = (),
    delete: Sequence[int] = (),
    move: dict[int, RedactionBox] | None = None,
    code: str | None = None,
) -> AttachmentDecision:
    """Add, move (replace by number, 1-based) or delete boxes: one new recorded proposal.

    Raises:
        BadInputError: A box number that does not exist, or no box left.
    """
    state = current(uow, attachment_id)
    boxes = list(state.boxes)
    for number in {*delete, *(move or {})}:
        if not 1 <= number <= len(boxes):
            raise BadInputError(
                f"Attachment {attachment_id} has {len(boxes)} boxes; there is no box {number}."
            )
    for number, box in (move or {}).items():
        boxes[number - 1] = box
    boxes = [box for n, box in enumerate(boxes, start=1) if n not in set(delete)] + list(add)
    chosen = code or state.code
    return decide_attachment(uow, ctx, attachment_id, AttachmentAction.REDACT, chosen, boxes)


def approve_attachment(
    uow: UnitOfWork, ctx: ReviewContext, attachment_id: int
) -> AttachmentDecision:
    """Approve the current proposal as the second person (four eyes).

    Raises:
        PermissionDeniedError: The user may not approve.
        InvalidTransitionError: Nothing to approve, or the user proposed it.
    """
    require(uow, ctx.user, Permission.APPROVE)
    _attachment(uow, attachment_id)
    decided = approve(current(uow, attachment_id), ctx.user)
    event = uow.attachment_review.add_event(attachment_id, APPROVE, ctx.user)
    uow.audit.append(
        ctx.user,
        "attachment-approved",
        {"attachment": attachment_id, "event": event, "version": decided.version},
    )
    return decided


def undecided_of(uow: UnitOfWork, message_ids: Sequence[int]) -> list[StoredAttachment]:
    """The kept attachments of these messages whose decision is not approved yet.

    Export refuses while any is left: an attachment without an approved decision would
    otherwise drop out of the bundle unseen (or, were the rule looser, go in undecided).
    """
    found = uow.attachments.attachments_of([int(i) for i in message_ids])
    decided = decisions(uow)
    return [
        a
        for items in found.values()
        for a in items
        if a.status is KeptStatus.KEPT
        and not (a.id in decided and decided[a.id].status is AttachmentStatus.APPROVED)
    ]


def approved(uow: UnitOfWork) -> list[tuple[StoredAttachment, AttachmentDecision]]:
    """Every attachment whose decision is approved (the only ones an export uses)."""
    out = []
    for attachment_id, decision in sorted(decisions(uow).items()):
        if decision.status is AttachmentStatus.APPROVED:
            out.append((_attachment(uow, attachment_id), decision))
    return out
