"""Deciding what becomes of one file an import names: kept, refused or missing.

`plan` is pure apart from the one `Keeper` call that writes a kept file's bytes; the case folder
supplies that function (`store.folder.CaseFolder.keep_attachment`), so an encrypted case can
swap in a sealed writer without touching this module.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable

from sar_desk.attachments.checks import check_declared, check_size, vet
from sar_desk.attachments.sniff import sniff
from sar_desk.core.attachments import UNKNOWN_MEDIA_TYPE, AttachmentPlan, AttachmentStatus
from sar_desk.core.model import Attachment

Keeper = Callable[[str, bytes], str]
"""Writes a file's bytes under its SHA-256 and returns where it is kept (case-relative)."""


def missing(position: int, item: Attachment, why: str = "") -> AttachmentPlan:
    """A file the export names but does not hold."""
    return AttachmentPlan(
        position=position,
        name=item.name,
        declared_type=item.type,
        media_type=UNKNOWN_MEDIA_TYPE,
        size=int(item.size or 0),
        sha256=None,
        status=AttachmentStatus.MISSING,
        reason=why or "the export names this file but does not include it",
    )


def refused_unread(position: int, item: Attachment, size: int, why: str) -> AttachmentPlan:
    """A file refused before its bytes were read (too large, or unreadable in the export)."""
    return AttachmentPlan(
        position=position,
        name=item.name,
        declared_type=item.type,
        media_type=UNKNOWN_MEDIA_TYPE,
        size=size,
        sha256=None,
        status=AttachmentStatus.REFUSED,
        reason=why,
    )


def precheck(position: int, item: Attachment, size: int) -> AttachmentPlan | None:
    """Refuse a file by its size alone, before reading it; None when it may be read."""
    reason = check_size(size)
    return refused_unread(position, item, size, reason) if reason else None


def plan(
    position: int, item: Attachment, data: bytes, keep: Keeper, declared: str = ""
) -> AttachmentPlan:
    """Type a file by its content, vet it, and keep it (via `keep`) unless it is hostile.

    `declared` is the media type the export gave it, when it gave one (MMS parts do): content
    of another kind altogether is refused (`checks.check_declared`).
    """
    sha = hashlib.sha256(data).hexdigest()
    media_type = sniff(data)
    reason = vet(data, media_type) or check_declared(declared, media_type)
    if reason is not None:
        return AttachmentPlan(
            position=position,
            name=item.name,
            declared_type=item.type,
            media_type=media_type,
            size=len(data),
            sha256=sha,
            status=AttachmentStatus.REFUSED,
            reason=reason,
        )
    return AttachmentPlan(
        position=position,
        name=item.name,
        declared_type=item.type,
        media_type=media_type,
        size=len(data),
        sha256=sha,
        status=AttachmentStatus.KEPT,
        stored_path=keep(sha, data),
    )


def plan_base64(
    position: int, item: Attachment, text: str, keep: Keeper, declared: str = ""
) -> AttachmentPlan:
    """`plan` for a file an export inlined as base64 (an MMS part), refusing a damaged one."""
    compact = "".join(text.split())
    early = precheck(position, item, len(compact) * 3 // 4)
    if early is not None:
        return early
    try:
        data = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return refused_unread(
            position, item, len(compact), "its content in the backup is damaged (not base64)"
        )
    if not data:
        return refused_unread(position, item, 0, "its content in the backup is empty")
    return plan(position, item, data, keep, declared)
