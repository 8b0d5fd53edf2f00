"""What importers produce: `RawMessage` records and an `ImportReport` of what could not be read.

These live in `core` (not `importers`) because the store consumes them and must not import the
importers package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sar_desk.core.errors import InputLimitError
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis

MAX_ISSUES = 100_000
"""An import stops once this many records could not be read."""


# Not frozen: importers create one per record and a frozen dataclass's __init__ costs several
# times more (object.__setattr__ per field); records are still treated as immutable values.
@dataclass(slots=True)
class RawMessage:
    """One message or system event as read from an export, before it is stored.

    Attributes:
        platform: Registry key of the importer ("whatsapp", "slack", ...).
        conversation_key: Stable key of the conversation within the export.
        conversation_title: Human title of the conversation.
        sender: Display name or handle as written in the export; None for system events.
        sender_id: Normalised id: E.164 phone, lower-case e-mail, or the platform's user id.
        sender_id_kind: What kind of id `sender_id` is.
        timestamp: Aware datetime (the export's offset, UTC, or the case time zone).
        timestamp_raw: The timestamp exactly as the export wrote it.
        time_basis: Where the offset came from.
        kind: message, system, media, call or deleted.
        text: The message text (for media, the caption; for system events, the event line).
        attachments: Files referred to, present or not.
        platform_message_id: The export's own id for the message, if it has one.
        reply_to: The platform id of the message replied to, if known.
        edited: Whether the export marks the message as edited.
        reactions: Emoji reactions.
        mentions: Names or ids mentioned in the text (as the export marks them).
        location: Where in the file the record came from ("line 12", "messages[3]").
        line_no: The 1-based first line of the record, for line-based formats.
    """

    platform: str
    conversation_key: str
    conversation_title: str
    sender: str | None
    sender_id: str | None
    sender_id_kind: IdentifierKind | None
    timestamp: datetime
    timestamp_raw: str
    time_basis: TimeBasis
    kind: str | MessageKind
    text: str
    attachments: tuple[Attachment, ...] = ()
    platform_message_id: str | None = None
    reply_to: str | None = None
    edited: bool = False
    reactions: tuple[Reaction, ...] = ()
    mentions: tuple[str, ...] = ()
    location: str = ""
    line_no: int | None = None


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """A record that could not be read, with where and why."""

    location: str
    message: str
    line_no: int | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True, slots=True)
class DeclaredParticipant:
    """A conversation member named by the export even if they never wrote (e.g. Slack members)."""

    conversation_key: str
    display_name: str | None
    identifier: str
    kind: IdentifierKind


@dataclass(frozen=True, slots=True)
class IdentityLink:
    """Two identifiers an export says belong to one account (a Slack id and its e-mail).

    People resolution merges on these automatically because they are the export's own word,
    not a guess from names.
    """

    kind: IdentifierKind
    identifier: str
    other_kind: IdentifierKind
    other: str
    display_name: str | None = None


@dataclass
class ImportReport:
    """Collected while an importer reads a file: issues, warnings, settings and members.

    Importers append to it as they stream; the caller reads it after the stream ends.
    """

    issues: list[ImportIssue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    participants: list[DeclaredParticipant] = field(default_factory=list)
    limitations: list[str] = field(default_factory=list)
    identity_links: list[IdentityLink] = field(default_factory=list)

    def skip(self, location: str, message: str, line_no: int | None = None) -> None:
        """Record a record that was skipped and why.

        Raises:
            InputLimitError: More records were skipped than any real export has; the file is
                refused (each skip is kept, so an unbounded count would exhaust memory).
        """
        if len(self.issues) >= MAX_ISSUES:
            raise InputLimitError(
                f"More than {MAX_ISSUES:,} records could not be read (the last near "
                f"{location}), so this is not a usable export; it was refused and nothing was "
                "imported. Check it is the unchanged export file."
            )
        self.issues.append(ImportIssue(location, message, line_no))

    def warn(self, message: str) -> None:
        """Record a warning about the whole file (e.g. "possibly truncated")."""
        if message not in self.warnings:
            self.warnings.append(message)

    def declare(
        self,
        conversation_key: str,
        identifier: str,
        kind: IdentifierKind,
        display_name: str | None = None,
    ) -> None:
        """Record a conversation member the export lists."""
        self.participants.append(
            DeclaredParticipant(conversation_key, display_name, identifier, kind)
        )

    def link(
        self,
        kind: IdentifierKind,
        identifier: str,
        other_kind: IdentifierKind,
        other: str,
        display_name: str | None = None,
    ) -> None:
        """Record that two identifiers are the same account (e.g. user id and e-mail)."""
        self.identity_links.append(IdentityLink(kind, identifier, other_kind, other, display_name))
