"""Conversation titles as detection sees them (issue 20 item 1).

A channel or group title ("#ruth-okoro-case", "Guild / Housing / ruth-okoro") reaches the
reader on every page of a bundle, so it is scanned like a message: the same recognisers and
the same case deny-list. A title belongs to a conversation, not to one message, so its
proposals are made once per conversation, on one message of it (the caller chooses which),
as ``CONVERSATION`` findings without offsets: ``text`` is the part of the title as written,
which export replaces wherever it occurs in the title.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import ConversationId, Message
from sar_desk.detect.resolve import resolve

WHY = "Named in the conversation title, shown on every page of the bundle."


def title_carriers(
    messages: Iterable[Message], done: set[ConversationId], preferred: Collection[int] = ()
) -> list[Message]:
    """One message per conversation whose title has not been scanned yet.

    Args:
        messages: Messages being scanned, in id order.
        done: Conversations whose title already has proposals; updated in place.
        preferred: Message ids to carry a title when the conversation has one of them here
            (the disclosure set), so the decision travels with a message that is disclosed.
    """
    chosen: dict[ConversationId, Message] = {}
    for message in messages:
        conv = message.conversation_id
        if conv in done or not message.conversation.strip():
            continue
        held = chosen.get(conv)
        if held is None or (int(held.id) not in preferred and int(message.id) in preferred):
            chosen[conv] = message
    done.update(chosen)
    return list(chosen.values())


def title_findings(
    carrier: Message,
    found: Sequence[Finding],
    structured: Collection[str],
    drop: Collection[str] = (),
) -> list[Finding]:
    """Turn findings over a title's text (offsets into the title) into title proposals.

    Args:
        carrier: The message the proposals are attached to.
        found: Findings made on ``carrier.conversation`` as if it were message text.
        structured: Entity types that win overlaps (as for message text).
        drop: Entity types never proposed.
    """
    title = carrier.conversation
    out: list[Finding] = []
    for f in resolve(found, structured, drop):
        if f.start is None or f.end is None:
            continue
        part = title[f.start : f.end].strip()
        if not part:
            continue
        out.append(
            replace(
                f,
                message_id=carrier.id,
                field=ProposalField.CONVERSATION,
                start=None,
                end=None,
                text=part,
                explanation=WHY,
            )
        )
    return out
