"""The domain model: cases, sources, conversations, people and messages as frozen dataclasses.

Datetimes are timezone-aware. Message times keep the offset the export gave (or the case time
zone's offset at that instant) so that transcripts can show local time; comparisons are by instant.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NewType

MessageId = NewType("MessageId", int)
SourceId = NewType("SourceId", int)
ConversationId = NewType("ConversationId", int)
PersonId = NewType("PersonId", int)
ParticipantId = NewType("ParticipantId", int)


class Regime(enum.StrEnum):
    """The law a request is made under."""

    SAR = "sar"
    FOI = "foi"
    EIR = "eir"
    FOISA = "foisa"
    EISR = "eisr"

    @property
    def label(self) -> str:
        """A human name for the regime."""
        return _REGIME_LABELS[self]


_REGIME_LABELS = {
    Regime.SAR: "Subject access request (UK GDPR Art. 15)",
    Regime.FOI: "Freedom of Information Act 2000",
    Regime.EIR: "Environmental Information Regulations 2004",
    Regime.FOISA: "Freedom of Information (Scotland) Act 2002",
    Regime.EISR: "Environmental Information (Scotland) Regulations 2004",
}

# Regimes whose working days, regulator and review are Scottish (FOISA s.73; EISR reg. 2(1)).
SCOTTISH_REGIMES = frozenset({Regime.FOISA, Regime.EISR})


class Jurisdiction(enum.StrEnum):
    """Whose bank holidays apply to a SAR deadline (FOI uses all UK, FOISA Scotland)."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class MessageKind(enum.StrEnum):
    """What a chat record is."""

    MESSAGE = "message"
    SYSTEM = "system"
    MEDIA = "media"
    CALL = "call"
    DELETED = "deleted"


class IdentifierKind(enum.StrEnum):
    """How a participant is identified on a platform. Phone, e-mail and platform id are strong."""

    PHONE = "phone"
    EMAIL = "email"
    PLATFORM_ID = "platform-id"
    HANDLE = "handle"
    NAME = "name"

    @property
    def strong(self) -> bool:
        """Whether two identities with this key may be merged automatically."""
        return self in (IdentifierKind.PHONE, IdentifierKind.EMAIL, IdentifierKind.PLATFORM_ID)


class PersonRole(enum.StrEnum):
    """A person's part in the case."""

    REQUESTER = "requester"
    STAFF = "staff"
    THIRD_PARTY = "third-party"
    UNKNOWN = "unknown"


class TimeBasis(enum.StrEnum):
    """Where a message's offset came from (formats.md rule 3)."""

    OFFSET_GIVEN = "offset-given"
    UTC = "utc"
    CASE_TZ = "case-tz"


@dataclass(frozen=True, slots=True)
class Clarification:
    """A clarification episode: the clock stops from `asked` to `answered` (both inclusive)."""

    asked: date
    answered: date | None = None


@dataclass(frozen=True, slots=True)
class Extension:
    """An extension of the deadline, with the date the requester was told and why."""

    notified: date
    reason: str
    complex_request: bool = False
    voluminous: bool = False
    extra_working_days: int = 20


@dataclass(frozen=True, slots=True)
class Case:
    """A request being answered: its regime, requester and clock events."""

    reference: str
    regime: Regime
    received: date
    requester: str | None = None
    aliases: tuple[str, ...] = ()
    scope_from: date | None = None
    scope_to: date | None = None
    timezone: str = "Europe/London"
    jurisdiction: Jurisdiction = Jurisdiction.ENGLAND_AND_WALES
    default_region: str = "GB"
    id_received: date | None = None
    fee_received: date | None = None
    fee_notice: date | None = None
    clarifications: tuple[Clarification, ...] = ()
    extension: Extension | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file referred to by a message, whether or not the export included it."""

    name: str
    type: str = "file"
    present: bool = False
    path: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Reaction:
    """An emoji reaction and who made it."""

    emoji: str
    actor: str | None = None
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """An imported export file, kept read-only under ``originals/`` with its hash."""

    id: SourceId
    platform: str
    original_name: str
    stored_path: str
    sha256: str
    size: int
    custodian: str | None
    imported_at: datetime
    importer_version: str
    message_count: int
    system_count: int
    issue_count: int
    duplicate_count: int = 0
    excluded: bool = False
    exclusion_reason: str | None = None
    settings: dict[str, str] = field(default_factory=dict)
    # Everyone who handed over this export (the first is `custodian`; a byte-identical copy
    # from someone else adds a name here), and the other sources holding copies of its
    # messages with how many (one chat exported from two phones is stored once).
    custodians: tuple[str, ...] = ()
    shared: tuple[tuple[SourceId, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Conversation:
    """A chat, channel, group or thread on one platform."""

    id: ConversationId
    platform: str
    key: str
    title: str
    message_count: int = 0


@dataclass(frozen=True, slots=True)
class Participant:
    """One identity on one platform (a phone number, an account id, a display name)."""

    id: ParticipantId
    platform: str
    kind: IdentifierKind
    identifier: str
    display_name: str | None
    person_id: PersonId | None


@dataclass(frozen=True, slots=True)
class Person:
    """A human being, resolved across platforms from one or more participants."""

    id: PersonId
    display_name: str
    role: PersonRole = PersonRole.UNKNOWN
    identifiers: tuple[tuple[str, IdentifierKind, str], ...] = ()
    official_capacity: bool = False


@dataclass(frozen=True, slots=True)
class Message:
    """A stored chat record."""

    id: MessageId
    conversation_id: ConversationId
    conversation: str
    platform: str
    sender: str | None
    sender_id: str | None
    timestamp: datetime
    kind: MessageKind
    text: str
    attachments: tuple[Attachment, ...] = ()
    reply_to: MessageId | None = None
    edited: bool = False
    source_ids: tuple[SourceId, ...] = ()
    participant_id: ParticipantId | None = None
    reactions: tuple[Reaction, ...] = ()
    mentions: tuple[str, ...] = ()
    platform_message_id: str | None = None
