"""The plain records the store's repositories hand back, beside the model in `core.model`.

Review, audit and detection code reads these from a unit of work (`store.uow`) and the shells
show them; they hold values only (ids, names of users, times, counts), never a database row,
so nothing above the store depends on how or where they are stored (issue 12, item 1).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sar_desk.core.attachment_review import AttachmentAction, RedactionBox
from sar_desk.core.model import PersonId


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """One recorded event on an attachment."""

    id: int
    attachment_id: int
    event: str
    action: AttachmentAction | None
    code: str | None
    boxes: tuple[RedactionBox, ...]
    user: str
    at: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit record."""

    id: int
    at: datetime
    user: str
    action: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """Where the chain breaks and how.

    Attributes:
        entry_id: The entry concerned (None for a problem with the end of the log).
        message: A sentence saying what was found.
    """

    entry_id: int | None
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Head:
    """The newest audit entry: its number and hash.

    Attributes:
        entry: The entry's number (1 is the first entry of the case).
        hash: Its SHA-256 chain hash.
    """

    entry: int
    hash: str

    def as_json(self) -> dict[str, Any]:
        """The head as written to the head file and into bundle manifests."""
        return {"entry": self.entry, "hash": self.hash}

    @classmethod
    def from_json(cls, data: object) -> Head | None:
        """A head read back, or None when `data` is not one."""
        if not isinstance(data, dict):
            return None
        entry, digest = data.get("entry"), data.get("hash")
        if not isinstance(entry, int) or not isinstance(digest, str) or len(digest) != 64:
            return None
        return cls(entry, digest)


@dataclass(frozen=True, slots=True)
class ThirdPartyRow:
    """A stored para-16 record (R33); `details` are the recorded factors."""

    id: int
    party: str
    person_id: PersonId | None
    details: dict[str, Any]
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class DetectionRun:
    """A recorded detection run."""

    id: int
    started_at: str
    finished_at: str | None
    scope: str
    engine: str
    status: str
    scanned: int
    findings: int


@dataclass(frozen=True, slots=True)
class Selection:
    """Which messages a run covers: a date span, and optionally an explicit id set.

    Attributes:
        start: First instant (inclusive), or None.
        end: Last instant (exclusive), or None.
        ids: Sorted message ids (the disclosure set), or None for every message in the span.
    """

    start: datetime | None = None
    end: datetime | None = None
    ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class ElusionMarkRow:
    """A reviewer's verdict on one sampled message (the newest per message counts).

    Attributes:
        message_id: The sampled message.
        missed: True when it holds personal data the review missed.
        note: What was missed (optional, internal record only).
        marked_by: Who marked it.
        marked_at: When (UTC).
    """

    message_id: int
    missed: bool
    note: str
    marked_by: str
    marked_at: datetime


@dataclass(frozen=True, slots=True)
class ElusionTestRow:
    """A drawn elusion test.

    Attributes:
        id: Test id.
        seed: The random seed used, so the draw can be repeated from `population`.
        population: Ids of the disclosure-set messages with no accepted finding when drawn.
        sample: The message ids drawn for checking.
        drawn_by: Who drew it.
        drawn_at: When (UTC).
    """

    id: int
    seed: int
    population: tuple[int, ...]
    sample: tuple[int, ...]
    drawn_by: str
    drawn_at: datetime


@dataclass(frozen=True, slots=True)
class ApprovalRow:
    """Who approved an exclusion, when, and their note."""

    approved_by: str
    approved_at: str
    note: str


@dataclass(frozen=True, slots=True)
class SampleRow:
    """A stored QA sample (R53).

    Attributes:
        id: Sample id.
        proposer: Whose batch of accepted items it samples.
        percent: The sampling percentage in force when it was drawn.
        seed: The random seed used, so the draw can be repeated and checked.
        population: Ids of the proposer's accepted items when it was drawn.
        sample: The ids drawn for individual checking.
        drawn_by: Who drew it.
        drawn_at: When.
        outcome: None while open, else "passed" or "failed".
        closed_by: Who closed it.
        closed_at: When.
    """

    id: int
    proposer: str
    percent: int
    seed: int
    population: tuple[int, ...]
    sample: tuple[int, ...]
    drawn_by: str
    drawn_at: datetime
    outcome: str | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None


class SearchOrder(enum.StrEnum):
    """What a page of search results is ordered by (then by time, then by id)."""

    TIME = "time"
    PLATFORM = "platform"
    CONVERSATION = "conversation"
    SENDER = "sender"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class SignOffRow:
    """A DPO sign-off (R54): who, when, what it covered and the note.

    Attributes:
        id: Its id.
        user: The DPO.
        at: When (UTC).
        note: What they checked.
        reasons: The reason keys it covered.
        voided_at: When a later decision change voided it (None: still in force).
        voided_by: Who made that change.
    """

    id: int
    user: str
    at: datetime
    note: str
    reasons: tuple[str, ...]
    voided_at: datetime | None = None
    voided_by: str | None = None


@dataclass(frozen=True, slots=True)
class SubjectLink:
    """The current link of an item to the individual it is about.

    Attributes:
        item_id: The review item.
        person_id: The case's person it is about (None: an unnamed other individual).
        other_individual: The reviewer confirmed it is about another individual.
        reason: Why, in the reviewer's words.
        user: Who linked it.
        at: When (UTC, ISO 8601).
    """

    item_id: int
    person_id: int | None
    other_individual: bool
    reason: str
    user: str
    at: str


@dataclass(frozen=True, slots=True)
class UserRow:
    """A registered user of the case.

    Attributes:
        passphrase_hash: The Argon2id hash of their passphrase, or None when none was set.
    """

    name: str
    role: str
    added_by: str
    added_at: datetime
    passphrase_hash: str | None = None
