"""Review states, the moves allowed between them, and the fold of decision events into a state.

A review item is a finding from detection, a manual redaction, a whole-message withholding or a
scope marker. Every decision about it is an immutable event; the item's current state is
`fold(events)`, so the history that an auditor reads is exactly what produced the state.
The rules that hold whoever calls this (a code and a rationale before approval, R29; a reason
for every rejection; the approver is not the proposer, R52) are enforced here, in plain Python.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sar_desk.core.errors import BadInputError, Hint, InvalidTransitionError, PermissionDeniedError
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import MessageId, PersonId

ItemId = int


class ItemKind(enum.StrEnum):
    """Where a review item came from."""

    FINDING = "finding"
    MANUAL = "manual"
    WITHHOLD = "withhold"
    MARKER = "marker"


class ReviewStatus(enum.StrEnum):
    """Where an item is in review. Only APPROVED redactions and withholdings reach export."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    APPROVED = "approved"
    REJECTED = "rejected"
    NOT_IN_SCOPE = "not-in-scope"
    DUPLICATE = "duplicate"


class Action(enum.StrEnum):
    """What a decision event does."""

    ACCEPT = "accept"
    APPROVE = "approve"
    REJECT = "reject"
    MODIFY = "modify"
    REOPEN = "reopen"
    MARK_NOT_IN_SCOPE = "not-in-scope"
    MARK_DUPLICATE = "duplicate"
    UNDO = "undo"


S, A = ReviewStatus, Action

# The workflow as data: (state, action) -> next state. Anything missing is refused.
TRANSITIONS: dict[tuple[ReviewStatus, Action], ReviewStatus] = {
    (S.PROPOSED, A.ACCEPT): S.ACCEPTED,
    (S.PROPOSED, A.REJECT): S.REJECTED,
    (S.PROPOSED, A.MODIFY): S.PROPOSED,
    (S.PROPOSED, A.MARK_NOT_IN_SCOPE): S.NOT_IN_SCOPE,
    (S.PROPOSED, A.MARK_DUPLICATE): S.DUPLICATE,
    # Second-person QA: the approver approves, rejects or reshapes (R53 step 10).
    (S.ACCEPTED, A.APPROVE): S.APPROVED,
    (S.ACCEPTED, A.REJECT): S.REJECTED,
    (S.ACCEPTED, A.MODIFY): S.ACCEPTED,
    (S.ACCEPTED, A.REOPEN): S.PROPOSED,
    (S.APPROVED, A.REOPEN): S.PROPOSED,
    (S.REJECTED, A.REOPEN): S.PROPOSED,
    # Rejecting a third party's data discloses it, so a second person confirms (issue 17).
    (S.REJECTED, A.APPROVE): S.REJECTED,
    (S.NOT_IN_SCOPE, A.REOPEN): S.PROPOSED,
    (S.DUPLICATE, A.REOPEN): S.PROPOSED,
}

# States that count as "a person has decided" (export waits for the others).
SETTLED = frozenset({S.APPROVED, S.REJECTED, S.NOT_IN_SCOPE, S.DUPLICATE})


@dataclass(frozen=True, slots=True)
class DecisionEvent:
    """One decision, as recorded.

    Attributes:
        item_id: The review item decided.
        action: What was done.
        user: Who did it.
        at: When (UTC).
        code: Reason code (accept), else None.
        rationale: Why the code applies (accept) or, for reject, why not redacted.
        note: Free note (the rejection reason, the withholding confirmation, ...).
        start: New span start (modify), else None.
        end: New span end (modify), else None.
        text: The new span's text (modify), else None.
        bulk: Whether it came from a bulk action (bulk never overrides individual decisions).
        before: State before (filled by the store; checked on fold).
        after: State after.
        id: Event id once stored.
    """

    item_id: ItemId
    action: Action
    user: str
    at: datetime
    code: str | None = None
    rationale: str = ""
    note: str = ""
    start: int | None = None
    end: int | None = None
    text: str | None = None
    bulk: bool = False
    before: ReviewStatus | None = None
    after: ReviewStatus | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """Something to decide: a proposed span, a manual span, a whole message, or a marker.

    Attributes:
        id: Item id (the id shown in ``review list``).
        kind: finding, manual, withhold or marker.
        message_id: The message it belongs to.
        field: Which part of the message (text, sender, mention, ...).
        start: Character offset into the message text, or None for a whole field/message.
        end: End offset (exclusive), or None.
        text: The text proposed for redaction ("" for whole-message items).
        entity_type: PERSON, PHONE_NUMBER, ... ("MANUAL", "MESSAGE").
        score: Detection confidence, None for manual items.
        recognizer: Which recogniser proposed it ("manual" for people).
        finding_id: The detection finding, for finding items.
        person_id: The known person it refers to, when known.
        created_by: Who created it ("detection" for findings).
        created_at: When.
        duplicate_of: For duplicate markers, the message it duplicates.
    """

    id: ItemId
    kind: ItemKind
    message_id: MessageId
    field: ProposalField
    start: int | None
    end: int | None
    text: str
    entity_type: str
    score: float | None
    recognizer: str
    finding_id: int | None = None
    person_id: PersonId | None = None
    created_by: str = "detection"
    created_at: datetime | None = None
    duplicate_of: MessageId | None = None


@dataclass(frozen=True, slots=True)
class ItemState:
    """The current state of an item: the fold of its events.

    Attributes:
        status: Where it is in review.
        code: The reason code of the current proposal.
        rationale: Why the code applies.
        proposer: Who accepted it as a redaction (the first pair of eyes).
        proposed_at: When.
        approver: Who approved it (the second pair of eyes).
        approved_at: When.
        start: Current span start (after any modification).
        end: Current span end.
        text: Current span text when modified, else None (the item's own text applies).
        note: The latest note (rejection reason, withholding confirmation).
        decided_by: Who made the latest decision.
        decided_at: When.
        individual: Whether any event came from an individual (non-bulk) decision.
        events: How many events the item has.
        rejected_by: Who rejected it (while rejected); a second person confirms a rejection
            by approving it, which sets `approver`.
    """

    status: ReviewStatus = S.PROPOSED
    code: str | None = None
    rationale: str = ""
    proposer: str | None = None
    proposed_at: datetime | None = None
    approver: str | None = None
    approved_at: datetime | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    note: str = ""
    decided_by: str | None = None
    decided_at: datetime | None = None
    individual: bool = False
    events: int = 0
    rejected_by: str | None = None


def initial_state(item: ReviewItem) -> ItemState:
    """The state of an item nobody has decided yet."""
    return ItemState(start=item.start, end=item.end)


def next_status(status: ReviewStatus, action: Action) -> ReviewStatus:
    """The state an action leads to.

    Raises:
        InvalidTransitionError: The action is not allowed from that state.
    """
    after = TRANSITIONS.get((status, action))
    if after is None:
        allowed = sorted(str(a) for (s, a) in TRANSITIONS if s == status) or ["nothing"]
        raise InvalidTransitionError(
            f"An item that is {status} cannot be {_past(action)}; from {status} you can: "
            f"{', '.join(allowed)}."
        )
    return after


def transition(state: ItemState, event: DecisionEvent, item_id: ItemId | None = None) -> ItemState:
    """Apply one decision to a state, enforcing the review rules.

    Raises:
        InvalidTransitionError: The move is not allowed from the current state.
        BadInputError: A required code, rationale or reason is missing, or a span is invalid.
        PermissionDeniedError: The approver is the person who proposed the redaction.
    """
    label = f"Item {item_id if item_id is not None else event.item_id}"
    after = next_status(state.status, event.action)
    base = replace(
        state,
        status=after,
        decided_by=event.user,
        decided_at=event.at,
        individual=state.individual or not event.bulk,
        events=state.events + 1,
    )
    if event.action is A.ACCEPT:
        if not event.code:
            raise BadInputError(
                f"{label}: a redaction needs a reason code (R29).", hint=Hint.GIVE_CODE
            )
        if not event.rationale.strip():
            raise BadInputError(
                f"{label}: a redaction needs a rationale saying why {event.code} applies here "
                "(R29), in a sentence.",
                hint=Hint.GIVE_REASON,
            )
        return replace(
            base,
            code=event.code,
            rationale=event.rationale.strip(),
            proposer=event.user,
            proposed_at=event.at,
            approver=None,
            approved_at=None,
            note=event.note,
        )
    if event.action is A.APPROVE and state.status is S.REJECTED:
        if state.rejected_by is not None and state.rejected_by.casefold() == event.user.casefold():
            raise PermissionDeniedError(
                f"{label} was rejected by {state.rejected_by}, so {event.user} cannot also "
                "confirm it: disclosing a third party's data needs a second person (four eyes). "
                "Ask another reviewer."
            )
        return replace(base, approver=event.user, approved_at=event.at)
    if event.action is A.APPROVE:
        if not state.code or not state.rationale.strip():
            raise BadInputError(
                f"{label} has no reason code or rationale yet, so it cannot be approved (R29)."
            )
        if state.proposer is not None and state.proposer.casefold() == event.user.casefold():
            raise PermissionDeniedError(
                f"{label} was proposed by {state.proposer}, so {event.user} cannot also approve "
                "it: a redaction needs a second person (four eyes, R52). Ask another reviewer."
            )
        return replace(base, approver=event.user, approved_at=event.at, note=event.note)
    if event.action is A.REJECT:
        if not event.note.strip():
            raise BadInputError(
                f"{label}: say why it is rejected (for example 'requester's own data' or "
                "'not personal data').",
                hint=Hint.GIVE_REASON,
            )
        return replace(
            base,
            approver=None,
            approved_at=None,
            note=event.note.strip(),
            rejected_by=event.user,
        )
    if event.action is A.MODIFY:
        if event.start is None or event.end is None or not 0 <= event.start < event.end:
            raise BadInputError(
                f"{label}: the new span must have a start before its end "
                f"(got {event.start}-{event.end})."
            )
        # Whoever reshapes a span becomes its proposer, so someone else must approve the new one.
        proposer = event.user if state.status is S.ACCEPTED else state.proposer
        return replace(
            base,
            start=event.start,
            end=event.end,
            text=event.text,
            proposer=proposer,
            proposed_at=event.at if state.status is S.ACCEPTED else state.proposed_at,
            note=event.note,
        )
    if event.action in (A.MARK_NOT_IN_SCOPE, A.MARK_DUPLICATE):
        if not event.note.strip():
            raise BadInputError(f"{label}: say why it is {after}.", hint=Hint.GIVE_REASON)
        return replace(base, note=event.note.strip())
    # REOPEN: back to proposed; keeps the span, forgets the approval and the code.
    return replace(
        base,
        code=None,
        rationale="",
        proposer=None,
        proposed_at=None,
        approver=None,
        approved_at=None,
        note=event.note,
        rejected_by=None,
    )


def fold(events: Iterable[DecisionEvent], start: ItemState | None = None) -> ItemState:
    """The current state after a sequence of events (in the order they were recorded).

    An UNDO event takes the item back to its state before the latest decision not yet undone
    (the undone event stays in the history; the undo is a decision of its own).

    Raises:
        InvalidTransitionError: The events do not form a valid history (a sign of tampering
            or a bug: the store only records valid moves).
    """
    state = start or ItemState()
    earlier: list[ItemState] = []  # the state before each decision not undone, newest last
    for event in events:
        if event.before is not None and event.before != state.status:
            raise InvalidTransitionError(
                f"Decision {event.id} on item {event.item_id} was recorded from {event.before} "
                f"but the item was {state.status}; the decision history is inconsistent."
            )
        if event.action is A.UNDO:
            state = undo(state, earlier, event)
            earlier.pop()
            continue
        earlier.append(state)
        state = transition(state, event)
    return state


def undo(state: ItemState, earlier: list[ItemState], event: DecisionEvent) -> ItemState:
    """The state an UNDO event leads to: the one before the latest decision not undone.

    Raises:
        InvalidTransitionError: There is no decision left to undo.
    """
    if not earlier:
        raise InvalidTransitionError(f"Item {event.item_id} has no decision left to undo.")
    return replace(
        earlier[-1],
        decided_by=event.user,
        decided_at=event.at,
        individual=earlier[-1].individual or not event.bulk,
        events=state.events + 1,
        note=earlier[-1].note,
    )


def _past(action: Action) -> str:
    return {
        A.ACCEPT: "accepted",
        A.APPROVE: "approved",
        A.REJECT: "rejected",
        A.MODIFY: "modified",
        A.REOPEN: "reopened",
        A.MARK_NOT_IN_SCOPE: "marked not in scope",
        A.MARK_DUPLICATE: "marked duplicate",
        A.UNDO: "undone",
    }[action]
