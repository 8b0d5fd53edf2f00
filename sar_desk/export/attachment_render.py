"""Approved attachment decisions into the render records: images under their message.

`app` hands over one `AttachmentOutcome` per attachment with an approved decision (the export
uses approved decisions only). A disclosed image is rebuilt from its pixels with every box
burned in (`images.redact_image`) and placed under its message; a withheld attachment gets
one line saying so and under which code; a document or voice note disclosed in full (this
version cannot render them to page images) gets a line saying it is not shown.
The message's status and codes follow, and the codes join the glossary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sar_desk.core.attachment_review import AttachmentAction
from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.model import MessageId
from sar_desk.export.images import MAX_EXPORT_PIXELS, Box, redact_image
from sar_desk.export.render_model import ItemStatus, RenderBundle, RenderImage, RenderMessage


@dataclass(frozen=True, slots=True)
class AttachmentOutcome:
    """One attachment's approved decision, with what the export needs to carry it out.

    Attributes:
        message_id: Its message.
        position: Its place in the message's attachment list (0-based).
        action: Disclose, disclose with boxes, or withhold.
        code: The reason code (redact and withhold), as a full record for the glossary.
        boxes: Regions to burn in (pixels of the upright image).
        data: The kept file's bytes, for images to disclose; None for anything else.
        terms: What the boxes cover that detection named (a name, an address): protected
            terms for the leak checks, so OCR of the output finds them if a box misses.
    """

    message_id: MessageId
    position: int
    action: AttachmentAction
    code: ReasonCode | None = None
    boxes: tuple[Box, ...] = ()
    data: bytes | None = None
    terms: tuple[str, ...] = ()


NOT_SHOWN = (
    "[Attachment {number}: a document, voice note or video this bundle cannot show; "
    "ask us for a copy]"
)
"""The line for an attachment disclosed in full that is not an image (rendering documents to
page images is a later step); it is not withheld, so it carries no code."""


def _place(
    msg: RenderMessage, outcomes: Sequence[AttachmentOutcome], max_pixels: int
) -> tuple[RenderMessage, list[ReasonCode]]:
    images = list(msg.images)
    lines = list(msg.attachments)
    codes = set(msg.codes)
    used: list[ReasonCode] = []
    for outcome in sorted(outcomes, key=lambda o: o.position):
        number = outcome.position + 1
        if outcome.action is AttachmentAction.WITHHOLD and outcome.code is not None:
            lines.append(f"[Attachment {number} withheld · {outcome.code.marker}]")
            codes.add(outcome.code.code)
            used.append(outcome.code)
            continue
        if outcome.data is None:
            lines.append(NOT_SHOWN.format(number=number))
            continue
        boxes = outcome.boxes if outcome.action is AttachmentAction.REDACT else ()
        clean = redact_image(outcome.data, boxes, max_pixels=max_pixels)
        label = f"Image {number}"
        if boxes and outcome.code is not None:
            plural = "s" if len(boxes) != 1 else ""
            label += f" · {len(boxes)} area{plural} redacted · {outcome.code.marker}"
            codes.add(outcome.code.code)
            used.append(outcome.code)
        images.append(RenderImage(clean.png, clean.width, clean.height, label))
    status = msg.status
    if codes and status is ItemStatus.FULL:
        status = ItemStatus.PART
    placed = replace(
        msg,
        images=tuple(images),
        attachments=tuple(lines),
        codes=tuple(sorted(codes)),
        status=status,
    )
    return placed, used


def attachment_terms(outcomes: Sequence[AttachmentOutcome]) -> tuple[str, ...]:
    """The protected terms the attachments' boxes cover, each once, in order."""
    return tuple(dict.fromkeys(term for outcome in outcomes for term in outcome.terms))


def place_attachments(
    bundle: RenderBundle,
    outcomes: Sequence[AttachmentOutcome],
    *,
    max_pixels: int = MAX_EXPORT_PIXELS,
) -> RenderBundle:
    """The bundle with every approved attachment decision carried out.

    Raises:
        ImageRefusedError: An image to disclose is over the pixel limit or unreadable.
    """
    if not outcomes:
        return bundle
    by_message: dict[MessageId, list[AttachmentOutcome]] = {}
    for outcome in outcomes:
        by_message.setdefault(outcome.message_id, []).append(outcome)
    glossary = {code.code: code for code in bundle.codes}
    conversations = []
    for conv in bundle.conversations:
        messages = []
        for msg in conv.messages:
            mine = by_message.get(msg.message_id)
            if mine and msg.kind != "withheld":
                msg, used = _place(msg, mine, max_pixels)
                glossary.update((code.code, code) for code in used)
            messages.append(msg)
        conversations.append(replace(conv, messages=tuple(messages)))
    codes = tuple(sorted(glossary.values(), key=lambda c: c.code))
    return replace(bundle, conversations=tuple(conversations), codes=codes)
