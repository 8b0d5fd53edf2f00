"""What review hands to export: the approved decisions, as plain data.

`review` and `export` are siblings and never import each other; `app` reads these records
from review and passes them to export. Reason codes travel with their statutory reference so
the bundle can print markers and a glossary without knowing the code tables.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from sar_desk.core.findings import ProposalField
from sar_desk.core.model import MessageId, PersonId, Regime


@dataclass(frozen=True, slots=True)
class ReasonCode:
    """A statutory reason for a redaction or withholding.

    Attributes:
        code: Stable id, e.g. "SAR-3P" or "FOI-40-2".
        regime: The regime the code belongs to.
        reference: The exact statutory reference ("DPA 2018 Sch 2 Pt 3 para 16").
        marker: Short form printed in redaction markers ("Sch 2 Pt 3 para 16", "s.40(2)").
        title: Plain-English title.
        summary: Plain-English explanation for the requester-facing glossary.
        kind: absolute / qualified / prejudice / class / procedural / marker.
        public_interest_test: Whether a public interest test must be recorded.
        source: Where the text was checked (URL).
    """

    code: str
    regime: Regime
    reference: str
    marker: str
    title: str
    summary: str
    kind: str
    public_interest_test: bool
    source: str


@dataclass(frozen=True, slots=True)
class ApprovedRedaction:
    """A redaction a reviewer approved (four-eyes satisfied)."""

    message_id: MessageId
    field: ProposalField
    start: int | None
    end: int | None
    text: str
    code: ReasonCode
    rationale: str
    entity_type: str
    proposer: str
    approver: str
    proposed_at: datetime
    approved_at: datetime
    person_id: PersonId | None = None
    item_id: int | None = None


@dataclass(frozen=True, slots=True)
class WithheldMessage:
    """A whole message withheld under a code."""

    message_id: MessageId
    code: ReasonCode
    rationale: str
    proposer: str
    approver: str
    approved_at: datetime


@dataclass(frozen=True, slots=True)
class PublicInterestTest:
    """The public interest test recorded for one qualified exemption in a case (R31).

    Attributes:
        code: The qualified code it is for, e.g. "FOI-43".
        factors_for: Public interest factors in favour of disclosure.
        factors_against: Public interest factors in favour of maintaining the exemption.
        conclusion: Where the balance lies, and why.
        recorded_by: Who recorded it.
        recorded_at: When (UTC).
    """

    code: str
    factors_for: str
    factors_against: str
    conclusion: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class QualifiedPersonOpinion:
    """The qualified person's reasonable opinion that FOIA s.36 is engaged (R32).

    Attributes:
        code: The s.36 code it is for, e.g. "FOI-36".
        name: The qualified person (name or post, as the authority records it).
        opinion_date: The date they gave their opinion.
        opinion: What they concluded.
        recorded_by: Who recorded it.
        recorded_at: When (UTC).
    """

    code: str
    name: str
    opinion_date: date
    opinion: str
    recorded_by: str
    recorded_at: datetime


class StaffPolicy(enum.StrEnum):
    """What a SAR pack does with staff acting in an official capacity (a case setting).

    ICO guidance: the names of senior staff acting in their official role are usually
    disclosed, so the default is to disclose; a case may instead label them ("Officer 1") or
    redact them, each with a recorded reason.
    """

    DISCLOSE = "disclose"
    LABEL = "label"
    REDACT = "redact"


@dataclass(frozen=True, slots=True)
class PersonNames:
    """A person of the case as the pack's labels need them (issue 13 item 7).

    Attributes:
        person_id: The case's person id.
        names: Every name, nickname, handle and identifier the case knows for them.
        official: Staff acting in an official capacity.
    """

    person_id: PersonId
    names: tuple[str, ...]
    official: bool = False


@dataclass(frozen=True, slots=True)
class NetPlace:
    """A place where the export's safety net found a term that is redacted elsewhere.

    The safety net never redacts by itself: each place needs a recorded decision (the same
    redaction there, or a reason to keep it) before the bundle can be built.

    Attributes:
        message_id: The message the term is in (for a chat title: its first message).
        conversation: The bundle's reference for the conversation ("C002").
        field: Which part of the message (text, sender, reaction, attachment, conversation).
        kind: What the term is (the entity type it was redacted as, or "alias").
        code: The reason code the term was redacted under elsewhere ("" for an alias).
        term: The term itself, for the reviewer's screen only (never logged).
    """

    message_id: MessageId
    conversation: str
    field: ProposalField
    kind: str
    code: str
    term: str


@dataclass(frozen=True, slots=True)
class DisclosureDecisions:
    """Everything export needs from review.

    Attributes:
        in_scope: Messages in the disclosure set, in time order.
        redactions: Approved redactions by message.
        withheld: Messages withheld in full.
        not_in_scope: Messages marked not in scope (never shown as exemptions).
        duplicates: Messages marked as duplicates of another (never shown as exemptions).
        undecided: How many proposals still wait for a decision (export refuses while > 0).
        protected_terms: Every redacted string plus the aliases of every redacted person, for
            the leak checks.
        public_interest_tests: The current public interest test per qualified code (R31).
        qualified_person_opinions: The current qualified person's opinion per s.36 code (R32).
        kept_places: ``(message, field, text)`` of every rejected redaction: a reviewer decided
            that this text stays at this place, so the safety net does not stop on it there.
        ordinary_words: Common English words, never protected strings on their own.
        people: The case's people, so one person gets one label whatever name is redacted.
        staff_policy: The case's policy for staff acting in an official capacity.
    """

    in_scope: tuple[MessageId, ...]
    redactions: dict[MessageId, tuple[ApprovedRedaction, ...]] = field(default_factory=dict)
    withheld: dict[MessageId, WithheldMessage] = field(default_factory=dict)
    not_in_scope: frozenset[MessageId] = frozenset()
    duplicates: frozenset[MessageId] = frozenset()
    undecided: int = 0
    protected_terms: tuple[str, ...] = ()
    public_interest_tests: dict[str, PublicInterestTest] = field(default_factory=dict)
    qualified_person_opinions: dict[str, QualifiedPersonOpinion] = field(default_factory=dict)
    kept_places: frozenset[tuple[MessageId, ProposalField, str]] = frozenset()
    ordinary_words: frozenset[str] = frozenset()
    people: tuple[PersonNames, ...] = ()
    staff_policy: StaffPolicy = StaffPolicy.DISCLOSE
