"""Attachments named in words for the review page: what each one is, and its decision.

A reviewer scanning the list must see at once which attachments are disclosed in full, which
with boxes blacked out, and which are withheld under which code, and which still wait for a
decision or a second person. These functions only word that; no Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping

from sar_desk.app.attachment_review import AttachmentItemView
from sar_desk.core.attachment_review import (
    AttachmentAction,
    AttachmentDecision,
    AttachmentStatus,
    shown_as,
)
from sar_desk.core.attachments import PAGED_KINDS, MediaKind, StoredAttachment

_KINDS = {
    MediaKind.IMAGE: "photo",
    MediaKind.PDF: "PDF",
    MediaKind.OFFICE: "document",
    MediaKind.TEXT: "text file",
    MediaKind.AUDIO: "voice note",
    MediaKind.VIDEO: "video",
    MediaKind.OTHER: "file",
}
_ACTIONS = {
    AttachmentAction.DISCLOSE: "Disclose",
    AttachmentAction.REDACT: "Disclose with redactions",
    AttachmentAction.WITHHOLD: "Withhold",
}


def kind_word(attachment: StoredAttachment) -> str:
    """One word or two for the kind of file ("photo", "voice note")."""
    return _KINDS[attachment.kind]


def kind_words(attachment: StoredAttachment, pages: int) -> str:
    """What the attachment is, how many pages, and how it would be disclosed."""
    kind = kind_word(attachment)
    if attachment.kind in PAGED_KINDS:
        kind += f", {pages} page{'s' if pages != 1 else ''}"
    if attachment.kind in (MediaKind.AUDIO, MediaKind.VIDEO):
        return (
            f"A {kind}: it is never read or disclosed automatically. Listen to or watch it, "
            "then decide: disclose it, or withhold it with a code."
        )
    return f"A {kind}. Disclosed as {shown_as(attachment.kind)}."


def _code(decision: AttachmentDecision, codes: Mapping[str, str]) -> str:
    if not decision.code:
        return ""
    return f" under {codes.get(decision.code, decision.code)}"


def decision_words(decision: AttachmentDecision, codes: Mapping[str, str]) -> str:
    """The decision in full: action, code, boxes, and where it stands (four eyes).

    `codes` maps a code id to how the reviewer knows it ("Third party (S40)").
    """
    if decision.action is None or decision.status is AttachmentStatus.UNDECIDED:
        return "Decision: not decided yet (export waits for it)."
    words = f"Decision: {_ACTIONS[decision.action]}{_code(decision, codes)}"
    if decision.action is AttachmentAction.REDACT:
        pages = sorted({b.page + 1 for b in decision.boxes})
        many = "es" if len(decision.boxes) != 1 else ""
        where = ", ".join(str(p) for p in pages)
        words += f" · {len(decision.boxes)} box{many} (page{'s' if len(pages) > 1 else ''} {where})"
    if decision.status is AttachmentStatus.APPROVED:
        return f"{words} · proposed by {decision.proposed_by}, approved by {decision.approved_by}."
    return f"{words} · proposed by {decision.proposed_by}, waiting for a second person's approval."


def short_decision(decision: AttachmentDecision) -> str:
    """The decision in a few words for the list ("Withhold, approved")."""
    if decision.action is None or decision.status is AttachmentStatus.UNDECIDED:
        return "not decided"
    state = "approved" if decision.status is AttachmentStatus.APPROVED else "to approve"
    return f"{_ACTIONS[decision.action]}{' ' + decision.code if decision.code else ''}, {state}"


def list_line(item: AttachmentItemView) -> str:
    """One line of the attachment list: name, kind, decision."""
    kind, decided = kind_word(item.attachment), short_decision(item.decision)
    return f"{item.attachment.name} · {kind} · {decided}"
