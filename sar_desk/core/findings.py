"""Findings: personal data proposed for redaction, wherever in a message it appears."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sar_desk.core.model import MessageId, PersonId

FindingId = int


class ProposalField(enum.StrEnum):
    """Which part of a message a finding is in. Only `TEXT` findings have character offsets."""

    TEXT = "text"
    SENDER = "sender"
    MENTION = "mention"
    REACTION = "reaction"
    ATTACHMENT = "attachment"
    CONVERSATION = "conversation"


@dataclass(frozen=True, slots=True)
class Finding:
    """A proposal that some text is personal data.

    Attributes:
        message_id: The message it is in.
        field: Where in the message (text, sender header, attachment name...).
        start: Character offset into the message text (TEXT findings), else None.
        end: End offset (exclusive), else None.
        text: The text proposed for redaction (the span, the sender name, the file name...).
        entity_type: PERSON, PHONE_NUMBER, UK_NHS, ...
        score: Confidence between 0 and 1.
        recognizer: Which recogniser found it.
        explanation: One short sentence for the reviewer.
        person_id: The known person this refers to, when detection could tell.
        id: Set once stored.
    """

    message_id: MessageId
    field: ProposalField
    start: int | None
    end: int | None
    text: str
    entity_type: str
    score: float
    recognizer: str
    explanation: str = ""
    person_id: PersonId | None = None
    id: FindingId | None = None

    def overlaps(self, other: Finding) -> bool:
        """Whether two findings cover overlapping characters of the same message text."""
        if self.message_id != other.message_id or self.field != other.field:
            return False
        if self.start is None or other.start is None or self.end is None or other.end is None:
            return self.text == other.text
        return self.start < other.end and other.start < self.end
