"""Recording review decisions: accept, approve, reject, modify, reopen, manual spans, withholding.

Each call checks the user's role, folds the item's history, applies `core.decisions.transition`
(which enforces R29 and four eyes), appends the event rows and one audit entry, all on the
caller's connection inside its transaction, so a refused item leaves nothing behind.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sar_desk.core.decisions import (
    Action,
    DecisionEvent,
    ItemId,
    ItemKind,
    ItemState,
    ReviewItem,
    ReviewStatus,
    fold,
    initial_state,
    transition,
)
from sar_desk.core.disclosure import StaffPolicy
from sar_desk.core.errors import BadInputError, Hint, InvalidTransitionError, NotFoundError
from sar_desk.core.findings import ProposalField
from sar_desk.core.identity import classify_identifier, name_key
from sar_desk.core.model import Case, IdentifierKind, MessageId
from sar_desk.review.codes import CodeTable, CodeUse
from sar_desk.review.pit import check_approvable
from sar_desk.review.roles import Permission, require
from sar_desk.store import audit
from sar_desk.store import decisions as store
from sar_desk.store.case_meta import get_meta, set_meta
from sar_desk.store.decisions import Connection
from sar_desk.store.messages import get_messages

DEFAULT_CODE = "default"
_SETTINGS_KEY = "review_settings"
_VERSIONS_KEY = "code_table_versions"
_AUDIT_IDS = 200  # cap the ids listed in one audit entry; the count is always exact


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """Case-level review settings (stored in the case, house style 12).

    Attributes:
        bulk_warning_threshold: Bulk actions over this many items need confirmation (R78).
        third_party_signoff_threshold: More third parties than this needs DPO sign-off (R54).
        child_data: The case involves a child's data (needs DPO sign-off, R54).
        staff_names: What the pack does with staff acting in an official capacity: disclose
            (the default: ICO guidance, senior staff names are usually disclosed), label
            ("Officer 1") or redact (issue 13 item 7). A simple case setting, so that it can
            later default from the organisation's profile.
    """

    bulk_warning_threshold: int = 50
    third_party_signoff_threshold: int = 10
    child_data: bool = False
    staff_names: str = str(StaffPolicy.DISCLOSE)

    @property
    def staff_policy(self) -> StaffPolicy:
        """The staff policy as an enum (an unknown stored value falls back to disclose)."""
        try:
            return StaffPolicy(self.staff_names)
        except ValueError:
            return StaffPolicy.DISCLOSE


def load_settings(conn: Connection) -> ReviewSettings:
    """The case's review settings (defaults where unset)."""
    raw = get_meta(conn, _SETTINGS_KEY)
    data = json.loads(raw) if raw else {}
    known = {k: v for k, v in data.items() if k in ReviewSettings.__dataclass_fields__}
    return ReviewSettings(**known)


def save_settings(conn: Connection, user: str, settings: ReviewSettings) -> None:
    """Store new review settings, audited."""
    set_meta(conn, _SETTINGS_KEY, json.dumps(asdict(settings), sort_keys=True))
    audit.append(conn, user, "review-settings", asdict(settings))


@dataclass(frozen=True, slots=True)
class ReviewContext:
    """What every decision needs: the case, the code table and who is acting.

    `ordinary_words` are common English words: a "name" that is one of them alone ("Rota",
    "Here") is not taken as another individual's name by default.
    """

    case: Case
    table: CodeTable
    user: str
    ordinary_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ItemView:
    """A review item with its current (folded) state."""

    item: ReviewItem
    state: ItemState

    @property
    def status(self) -> ReviewStatus:
        """The current status."""
        return self.state.status

    @property
    def text(self) -> str:
        """The current span text (after any modification)."""
        return self.state.text if self.state.text is not None else self.item.text


class WithholdBasis(enum.StrEnum):
    """The confirmation R39 asks for before withholding a whole message."""

    MEANINGLESS = "meaningless"  # redaction would leave the item meaningless
    EXEMPT = "exempt"  # the whole item is exempt

    @property
    def sentence(self) -> str:
        """What the user confirmed."""
        if self is WithholdBasis.MEANINGLESS:
            return "Confirmed: redacting this message would leave it meaningless."
        return "Confirmed: the whole message is exempt."


def load_views(conn: Connection, status: ReviewStatus | None = None) -> list[ItemView]:
    """Every review item with its state, optionally only those in one status."""
    history = store.events_by_item(conn)
    views = [
        ItemView(item, fold(history.get(item.id, ()), initial_state(item)))
        for item in store.list_items(conn)
    ]
    return [v for v in views if status is None or v.status == status]


def views_by_id(conn: Connection, ids: Sequence[int]) -> list[ItemView]:
    """Items by id, in the order given.

    Raises:
        NotFoundError: Some ids are not review items (names them).
    """
    found = {i.id: i for i in store.list_items(conn, ids)}
    missing = [int(i) for i in ids if int(i) not in found]
    if missing:
        raise NotFoundError(
            f"No review item {', '.join(map(str, missing))} in this case; the review list "
            "shows the items.",
            hint=Hint.LIST_REVIEW,
        )
    return [
        ItemView(found[int(i)], fold(store.events_for(conn, int(i)), initial_state(found[int(i)])))
        for i in dict.fromkeys(ids)
    ]


def match_key(value: str, region: str = "GB") -> str:
    """A comparison key: E.164 for phones, lower case for e-mails, accent-free for names."""
    kind, normal = classify_identifier(value, region)
    if kind in (IdentifierKind.NAME, IdentifierKind.HANDLE):
        return name_key(normal)
    return normal.casefold()


def _permission(action: Action, state: ItemState) -> Permission:
    if action is Action.APPROVE or (
        action is Action.REOPEN and state.status is ReviewStatus.APPROVED
    ):
        return Permission.APPROVE
    return Permission.PROPOSE


def _modified_text(conn: Connection, view: ItemView, start: int | None, end: int | None) -> str:
    item = view.item
    if item.field is not ProposalField.TEXT or item.start is None:
        raise BadInputError(
            f"Item {item.id} covers the whole {item.field}; only spans in message text can be "
            "modified. Reject it and add a manual redaction instead."
        )
    found = get_messages(conn, [int(item.message_id)])
    body = found[0].text if found else ""
    if start is None or end is None or not 0 <= start < end <= len(body):
        raise BadInputError(
            f"Item {item.id}: the span {start}-{end} is outside message {item.message_id}, "
            f"whose text has {len(body)} characters."
        )
    return body[start:end]


def decide(
    conn: Connection,
    ctx: ReviewContext,
    ids: Sequence[ItemId],
    action: Action,
    *,
    code: str | None = None,
    rationale: str = "",
    note: str = "",
    start: int | None = None,
    end: int | None = None,
    bulk: bool = False,
    audit_extra: dict[str, Any] | None = None,
) -> list[ItemView]:
    """Apply one decision to some items; all are checked before any is recorded.

    Returns:
        The items with their new states.

    Raises:
        PermissionDeniedError: Unknown user, wrong role, or approving one's own proposal.
        InvalidTransitionError: The action is not allowed from an item's state.
        BadInputError: Missing code/rationale/reason, a code from another regime, a bad span.
        NotFoundError: An unknown item id or code.
    """
    if not ids:
        raise BadInputError("Name at least one item id.", hint=Hint.LIST_REVIEW)
    now = datetime.now(UTC)
    planned: list[tuple[ItemView, DecisionEvent, ItemState]] = []
    # `subjects` builds on this module's views, so it is imported when a decision is made.
    from sar_desk.review.resolve import resolve_code
    from sar_desk.review.subjects import SubjectIndex

    index = (
        SubjectIndex(conn, ctx.case, words=ctx.ordinary_words)
        if action is Action.ACCEPT and code
        else None
    )
    for view in views_by_id(conn, ids):
        require(conn, ctx.user, _permission(action, view.state))
        if view.item.kind is ItemKind.MARKER and action is not Action.REOPEN:
            raise InvalidTransitionError(
                f"Item {view.item.id} is a '{view.status}' marker, not a redaction; reopen it "
                "to change it."
            )
        chosen = (
            resolve_code(conn, ctx, view.item, code, index)
            if action is Action.ACCEPT and code
            else None
        )
        text = _modified_text(conn, view, start, end) if action is Action.MODIFY else None
        event = DecisionEvent(
            item_id=view.item.id,
            action=action,
            user=ctx.user,
            at=now,
            code=chosen,
            rationale=rationale,
            note=note,
            start=start,
            end=end,
            text=text,
            bulk=bulk,
        )
        after = transition(view.state, event, view.item.id)
        planned.append((view, event, after))
    if action is Action.APPROVE:
        # R31/R32: a qualified exemption needs its public interest test (and s.36 the qualified
        # person's opinion) on record before anyone approves a redaction under it.
        check_approvable(conn, ctx.case, ctx.table, (v.state.code or "" for v, _, _ in planned))
    versions = json.loads(get_meta(conn, _VERSIONS_KEY) or "[]")
    if ctx.table.version not in versions:
        # R70: the case keeps every table version its decisions used.
        set_meta(conn, _VERSIONS_KEY, json.dumps([*versions, ctx.table.version]))
    for view, event, after in planned:
        store.record_event(
            conn,
            DecisionEvent(**{**_fields(event), "before": view.status, "after": after.status}),
            ctx.table.version,
        )
    item_ids = [v.item.id for v, _, _ in planned]
    codes = sorted({e.code for _, e, _ in planned if e.code})
    audit.append(
        conn,
        ctx.user,
        f"review-{action}",
        {
            "items": item_ids[:_AUDIT_IDS],
            "count": len(item_ids),
            "codes": codes,
            "code_table": ctx.table.version,
            "bulk": bulk,
            **(audit_extra or {}),
        },
    )
    return [ItemView(v.item, after) for v, _, after in planned]


def _fields(event: DecisionEvent) -> dict[str, Any]:
    """The event's fields as keyword arguments."""
    return {name: getattr(event, name) for name in DecisionEvent.__dataclass_fields__}


def add_manual_redaction(
    conn: Connection,
    ctx: ReviewContext,
    message_id: int,
    start: int,
    end: int,
    code: str,
    rationale: str,
) -> ItemView:
    """Add a person's own redaction of a span of a message's text, proposed with its code.

    Raises:
        NotFoundError: No such message.
        BadInputError: The span is outside the text; missing code or rationale; wrong regime.
    """
    require(conn, ctx.user, Permission.PROPOSE)
    found = get_messages(conn, [message_id])
    if not found:
        raise NotFoundError(f"There is no message {message_id} in this case.")
    body = found[0].text
    if not 0 <= start < end <= len(body):
        raise BadInputError(
            f"The span {start}-{end} is outside message {message_id}, whose text has "
            f"{len(body)} characters (offsets start at 0; the end is exclusive)."
        )
    item = ReviewItem(
        id=0,
        kind=ItemKind.MANUAL,
        message_id=MessageId(message_id),
        field=ProposalField.TEXT,
        start=start,
        end=end,
        text=body[start:end],
        entity_type="MANUAL",
        score=None,
        recognizer="manual",
        created_by=ctx.user,
    )
    return _create_and_accept(conn, ctx, item, code, rationale, "")


def withhold_message(
    conn: Connection,
    ctx: ReviewContext,
    message_id: int,
    code: str,
    rationale: str,
    basis: WithholdBasis,
) -> ItemView:
    """Propose withholding a whole message under a code, with the R39 confirmation.

    Raises:
        NotFoundError: No such message.
        BadInputError: Missing code or rationale, or a code of another regime.
    """
    require(conn, ctx.user, Permission.PROPOSE)
    if not get_messages(conn, [message_id]):
        raise NotFoundError(f"There is no message {message_id} in this case.")
    item = ReviewItem(
        id=0,
        kind=ItemKind.WITHHOLD,
        message_id=MessageId(message_id),
        field=ProposalField.TEXT,
        start=None,
        end=None,
        text="",
        entity_type="MESSAGE",
        score=None,
        recognizer="manual",
        created_by=ctx.user,
    )
    return _create_and_accept(conn, ctx, item, code, rationale, basis.sentence)


def _create_and_accept(
    conn: Connection, ctx: ReviewContext, item: ReviewItem, code: str, rationale: str, note: str
) -> ItemView:
    # Validate before creating the item so a refusal leaves no orphan row behind.
    ctx.table.get(code, ctx.case.regime, CodeUse.ITEM)
    if not rationale.strip():
        raise BadInputError(
            "A redaction needs a rationale (R29): a sentence saying why.", hint=Hint.GIVE_REASON
        )
    item_id = store.add_item(conn, item)
    return decide(
        conn,
        ctx,
        [item_id],
        Action.ACCEPT,
        code=code,
        rationale=rationale,
        note=note,
        audit_extra={"created": str(item.kind), "message": int(item.message_id)},
    )[0]


def mark_message(
    conn: Connection,
    ctx: ReviewContext,
    message_id: int,
    marker: ReviewStatus,
    reason: str,
    duplicate_of: int | None = None,
) -> ItemView:
    """Mark a message not in scope or a duplicate (never an exemption, R40).

    Raises:
        NotFoundError: No such message (or original).
        BadInputError: No reason; a duplicate without the message it duplicates.
    """
    require(conn, ctx.user, Permission.PROPOSE)
    wanted = [message_id] + ([duplicate_of] if duplicate_of is not None else [])
    if len(get_messages(conn, wanted)) != len(set(wanted)):
        raise NotFoundError(f"There is no message {', '.join(map(str, wanted))} in this case.")
    if marker is ReviewStatus.DUPLICATE and (duplicate_of is None or duplicate_of == message_id):
        raise BadInputError(
            "Say which other message this one duplicates.", hint=Hint.NAME_DUPLICATE
        )
    if not reason.strip():
        raise BadInputError(f"Say why message {message_id} is {marker}.", hint=Hint.GIVE_REASON)
    action = Action.MARK_DUPLICATE if marker is ReviewStatus.DUPLICATE else Action.MARK_NOT_IN_SCOPE
    item = ReviewItem(
        id=0,
        kind=ItemKind.MARKER,
        message_id=MessageId(message_id),
        field=ProposalField.TEXT,
        start=None,
        end=None,
        text="",
        entity_type="MESSAGE",
        score=None,
        recognizer="manual",
        created_by=ctx.user,
        duplicate_of=MessageId(duplicate_of) if duplicate_of is not None else None,
    )
    item_id = store.add_item(conn, item)
    view = views_by_id(conn, [item_id])[0]
    event = DecisionEvent(
        item_id=item_id, action=action, user=ctx.user, at=datetime.now(UTC), note=reason
    )
    after = transition(view.state, event, item_id)
    store.record_event(
        conn,
        DecisionEvent(**{**_fields(event), "before": view.status, "after": after.status}),
        ctx.table.version,
    )
    audit.append(
        conn,
        ctx.user,
        f"review-{action}",
        {
            "items": [item_id],
            "count": 1,
            "message": message_id,
            "duplicate_of": duplicate_of,
        },
    )
    return ItemView(view.item, after)
