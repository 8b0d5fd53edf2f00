"""Manual redaction of the parts of a message that are not its text (issue 20 item 1).

A conversation title ("#ruth-okoro-case") or an attached file's name reaches the reader as
surely as the text does, and detection can miss a name there just as it can in the text. A
reviewer therefore redacts any part of a title or file name by giving the words: they are
found in the field however they are written (case, accents, and hyphens, underscores or dots
between the parts of a name, as the export's own matcher reads them), and the item records
the words as they stand in the field. It is proposed with a code and a rationale like any
manual redaction, and a second person approves it (four eyes). The store-facing steps live
in `places` (the manual item) and `disclosure` (titles decided on undisclosed messages).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sar_desk.core.decisions import ItemKind, ReviewItem
from sar_desk.core.errors import BadInputError
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Message, MessageId
from sar_desk.core.text import TermMatcher
from sar_desk.review.decide import ItemView

#: The fields redacted by words rather than offsets, with how a reviewer would call them.
FIELD_NAMES = {
    ProposalField.CONVERSATION: "conversation title",
    ProposalField.ATTACHMENT: "attachment names",
}


def field_parts(
    message: Message, field: ProposalField, words: str, region: str | None
) -> list[str]:
    """The distinct spellings of `words` in a message's title or attachment names.

    Raises:
        BadInputError: A field redacted by offsets, no words, or words not in the field.
    """
    what = FIELD_NAMES.get(field)
    if what is None:
        raise BadInputError(
            "Only a conversation title or an attachment name is redacted by its words; "
            "redact message text by its offsets."
        )
    if not words.strip():
        raise BadInputError("Give the words to redact.")
    values = (
        [message.conversation]
        if field is ProposalField.CONVERSATION
        else [a.name for a in message.attachments]
    )
    matcher = TermMatcher([words], region)
    # The words as the field writes them ("ruth-okoro" for "Ruth Okoro"), so the item names
    # exactly what is hidden; the user's words are never echoed in a message.
    parts = [v[s.start : s.end] for v in values for s in matcher.spans(v)]
    if not parts:
        raise BadInputError(f"Those words are not in the {what} of message {int(message.id)}.")
    return list(dict.fromkeys(parts))


def field_item(user: str, message_id: int, field: ProposalField, text: str) -> ReviewItem:
    """A manual item redacting `text` in a field that has no offsets."""
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
        created_by=user,
    )


def outside_titles(views: Sequence[ItemView], in_scope: Sequence[MessageId]) -> list[ItemView]:
    """Title items (decided or open) on messages outside the disclosure set."""
    wanted = set(in_scope)
    return [
        v
        for v in views
        if v.item.field is ProposalField.CONVERSATION
        and v.item.kind in (ItemKind.FINDING, ItemKind.MANUAL)
        and v.item.message_id not in wanted
    ]


def move_titles(
    outside: Sequence[ItemView], in_scope: Sequence[MessageId], conv_of: Mapping[int, int]
) -> list[ItemView]:
    """Give each title item to the first disclosed message of its conversation.

    A title belongs to its conversation: a decision (or an open proposal) made on a message
    that later left the disclosure set still governs the title shown with the messages that
    remain. Items of conversations with nothing disclosed are dropped.
    """
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
