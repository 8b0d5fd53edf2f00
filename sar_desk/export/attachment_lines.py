"""How a file named in a chat but not in the export is shown: on its line and in the index.

Exports often hold only a link to a shared file (Teams files live in OneDrive or SharePoint,
Slack keeps its files, a phone may export "without media"). Such a file is never dropped
silently: its message's line says "not in the export" (not "not included", which a requester
could read as a choice to leave it out), and the index says how many there are.
"""

from __future__ import annotations

from typing import Final

from sar_desk.export.render_model import RenderBundle

NOT_IN_EXPORT: Final = "not in the export"
IN_EXPORT: Final = "included"


def attachment_line(kind: str, name: str, present: bool) -> str:
    """The line listing one attachment under its message."""
    return f"[Attachment · {kind} · {name} · {IN_EXPORT if present else NOT_IN_EXPORT}]"


def not_in_export(bundle: RenderBundle) -> int:
    """How many attachments of the disclosed messages were named but not in the export."""
    tail = f"· {NOT_IN_EXPORT}]"
    return sum(
        1
        for conv in bundle.conversations
        for msg in conv.messages
        for line in msg.attachments
        if line.endswith(tail)
    )


def index_note(bundle: RenderBundle) -> str | None:
    """The index's sentence about files named but not in the export (None when there are none)."""
    count = not_in_export(bundle)
    if not count:
        return None
    many = count != 1
    return (
        f"{count} file{'s' if many else ''} named in these chats {'were' if many else 'was'} "
        "not in the exports we searched (for example a file shared as a link to OneDrive, "
        f'SharePoint or Slack); {"each is" if many else "it is"} marked "{NOT_IN_EXPORT}" '
        "where it appears."
    )
