"""What was searched and what is in scope: relevance decisions (R27) and the search log (R19, R72).

Plain records shared by the store, the session and both shells.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from sar_desk.core.model import ConversationId, MessageId, PersonId, SourceId


class Relevance(enum.StrEnum):
    """A message's relevance to the request (R27)."""

    ABOUT_REQUESTER = "about-requester"
    MENTIONS_ONLY = "mentions-only"
    NOT_RELEVANT = "not-relevant"

    @property
    def label(self) -> str:
        """How the decision reads in lists and reports."""
        return {
            Relevance.ABOUT_REQUESTER: "about the requester",
            Relevance.MENTIONS_ONLY: "mentions only",
            Relevance.NOT_RELEVANT: "not relevant",
        }[self]


MENTIONS_ONLY_REASON = (
    "Mentions only: the requester is named but the message is not about them; excluded from "
    "disclosure by default (R27)."
)


@dataclass(frozen=True, slots=True)
class MessageScope:
    """The scope decision of one message.

    Attributes:
        message_id: The message.
        relevance: The relevance decision, or None if none was made.
        in_disclosure: Whether the message is in the disclosure set (explicit or by default).
        explicit: Whether `in_disclosure` was set by hand rather than following `relevance`.
        reason: Why (the last reason given, or the default exclusion reason).
        decided_by: Who made the last decision.
        decided_at: When.
    """

    message_id: MessageId
    relevance: Relevance | None = None
    in_disclosure: bool = False
    explicit: bool = False
    reason: str = ""
    decided_by: str | None = None
    decided_at: str | None = None


@dataclass(frozen=True, slots=True)
class ConversationScope:
    """In-scope counts for one conversation."""

    conversation_id: ConversationId
    platform: str
    title: str
    messages: int
    about_requester: int
    mentions_only: int
    not_relevant: int
    in_disclosure: int

    @property
    def undecided(self) -> int:
        """Messages without a relevance decision."""
        return self.messages - self.about_requester - self.mentions_only - self.not_relevant


class SearchStatus(enum.StrEnum):
    """Where a source stands in the search record (R72)."""

    FOUND = "searched – found"
    NONE_FOUND = "searched – none found"
    NOT_SEARCHED_JUSTIFIED = "not searched – justified"
    NOT_AVAILABLE = "not available – deleted/disappearing messages"
    NOT_YET_SEARCHED = "not yet searched"


@dataclass(frozen=True, slots=True)
class SearchLogEntry:
    """One search as recorded (R19): who, when, the filters and the hit counts.

    Person names are recorded so the search plan reads on its own; the log stays inside the
    case (it is never written to application logs).
    """

    id: int
    at: datetime
    user: str
    origin: str
    text: str | None
    person_ids: tuple[PersonId, ...]
    person_names: tuple[str, ...]
    person_roles: tuple[str, ...]
    date_from: datetime | None
    date_to: datetime | None
    platforms: tuple[str, ...]
    conversation_ids: tuple[ConversationId, ...]
    include_excluded: bool
    total: int
    by_source: dict[int, int] = field(default_factory=dict)
    by_platform: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SourceSearchStatus:
    """The search record of one source or one unavailable one (R72).

    Attributes:
        source_id: The imported source, or None for a source recorded as unavailable.
        platform: Platform name.
        name: File name or description.
        custodian: Whose device or account.
        status: Where it stands.
        explanation: The justification or explanation recorded.
        recorded_at: When the status was recorded (last search, exclusion or note).
        recorded_by: Who recorded it.
        hits: Hits in the latest search that covered it (None if never searched).
    """

    source_id: SourceId | None
    platform: str
    name: str
    custodian: str | None
    status: SearchStatus
    explanation: str = ""
    recorded_at: str | None = None
    recorded_by: str | None = None
    hits: int | None = None


@dataclass(frozen=True, slots=True)
class ScopeExclusion:
    """A message excluded from the disclosure as not relevant, and its second-person approval.

    Attributes:
        message_id: The message.
        kind: not-relevant / mentions-only / removed (scope) or not-in-scope (review marker).
        reason: Why it was excluded.
        excluded_by: Who excluded it.
        excluded_at: When (ISO 8601, UTC).
        approved_by: The second person (or DPO) who approved it; None while pending.
        approved_at: When.
        note: The approver's note ("DPO sign-off 3" when a sign-off approved it).
    """

    message_id: MessageId
    kind: str
    reason: str
    excluded_by: str
    excluded_at: str
    approved_by: str | None = None
    approved_at: str | None = None
    note: str = ""

    @property
    def pending(self) -> bool:
        """Whether it still waits for a second person."""
        return self.approved_by is None
