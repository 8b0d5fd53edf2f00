"""Manual redaction of the parts of a message that are not its text (issue 20 item 1).

A conversation title ("#ruth-okoro-case") or an attached file's name reaches the reader as
surely as the text does, and detection can miss a name there just as it can in the text. A
reviewer therefore redacts any part of a title or file name by giving the words: they are
found in the field however they are written (case, accents, and hyphens, underscores or dots
between the parts of a name, as the export's own matcher reads them), and the item records
the words as they stand in the field. It is proposed with a code and a rationale like any
manual redaction, and a second person approves it (four eyes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sar_desk.core.decisions import ItemKind, ReviewItem
from sar_desk.core.errors import BadInputError, NotFoundError
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Message, MessageId
from sar_desk.core.text import TermMatcher
from sar_desk.review.decide import ItemView, ReviewContext, _create_and_accept
from sar_desk.review.roles import Permission, require
from sar_desk.store.decisions import Connection, conversation_ids
from sar_desk.store.messages import get_messages

#: The fields redacted by words rather than offsets, with how a reviewer would call them.
FIELD_NAMES = {
    ProposalField.CONVERSATION: "conversation title",
    ProposalField.ATTACHMENT: "attachment names",
}


def _values(message: Message, field: ProposalField) -> list[str]:
    if field is ProposalField.CONVERSATION:
        return [message.conversation]
    return [a.name for a in message.attachments]


def add_field_redaction(
    conn: Connection,
    ctx: ReviewContext,
    message_id: int,
    field: ProposalField,
    words: str,
    code: str,
    rationale: str,
) -> ItemView:
    """Propose redacting `words` wherever they occur in a message's title or file names.

    The title's redaction applies to the conversation's title wherever it is shown, when the
    message is in the disclosure set.

    Returns:
        The (first) item proposed; one is made per distinct spelling found in the field.

    Raises:
        NotFoundError: No such message.
        BadInputError: A field that is redacted by offsets; the words are not in the field;
            missing code or rationale; a code of another regime.
    """
    require(conn, ctx.user, Permission.PROPOSE)
    what = FIELD_NAMES.get(field)
    if what is None:
        raise BadInputError(
            "Only a conversation title or an attachment name is redacted by its words; "
            "redact message text by its offsets."
        )
    found = get_messages(conn, [message_id])
    if not found:
        raise NotFoundError(f"There is no message {message_id} in this case.")
    if not words.strip():
        raise BadInputError("Give the words to redact.")
    matcher = TermMatcher([words], ctx.case.default_region)
    # The words as the field writes them ("ruth-okoro" for "Ruth Okoro"), so the item names
    # exactly what is hidden; the user's words are never echoed in a message.
    parts = [v[s.start : s.end] for v in _values(found[0], field) for s in matcher.spans(v)]
    if not parts:
        raise BadInputError(f"Those words are not in the {what} of message {message_id}.")
    # One item per distinct spelling: export finds an attachment's redaction by its words.
    views = [
        _create_and_accept(conn, ctx, _item(ctx, message_id, field, part), code, rationale, "")
        for part in dict.fromkeys(parts)
    ]
    return views[0]


def _item(ctx: ReviewContext, message_id: int, field: ProposalField, text: str) -> ReviewItem:
    return ReviewItem(
        id=0,
        kind=ItemKind.MANUAL,
        message_id=MessageId(message_id),
        field=field,
        start=None,
        end=None,
        text=text,
        entity_type="MANUAL",
        score=None,
        recognizer="manual",
        created_by=ctx.user,
    )


def titles_from_elsewhere(
    conn: Connection, views: Sequence[ItemView], in_scope: Sequence[MessageId]
) -> list[ItemView]:
    """Title items on messages outside the disclosure set, moved to a disclosed message.

    A title belongs to its conversation: a decision (or an open proposal) made on a message
    that later left the disclosure set still governs the title shown with the messages that
    remain, so each such item is given to the first disclosed message of its conversation.
    """
    wanted = set(in_scope)
    outside = [
        v
        for v in views
        if v.item.field is ProposalField.CONVERSATION
        and v.item.kind in (ItemKind.FINDING, ItemKind.MANUAL)
        and v.item.message_id not in wanted
    ]
    if not outside:
        return []
    conv_of = conversation_ids(conn, [*{int(v.item.message_id) for v in outside}, *in_scope])
    first: dict[int, MessageId] = {}
    for message_id in in_scope:
        conv = conv_of.get(int(message_id))
        if conv is not None:
            first.setdefault(conv, message_id)
    moved = []
    for v in outside:
        target = first.get(conv_of.get(int(v.item.message_id), -1))
        if target is not None:
            moved.append(ItemView(replace(v.item, message_id=target), v.state))
    return moved
