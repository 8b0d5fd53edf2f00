"""Recording review decisions: accept, approve, reject, modify, reopen, manual spans, withholding.

Each call checks the user's role, folds the item's history, applies `core.decisions.transition`
(which enforces R29 and four eyes), appends the event rows and one audit entry, all on the
caller's unit of work inside its transaction, so a refused item leaves nothing behind.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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
    transition,
)
from sar_desk.core.errors import BadInputError, Hint, InvalidTransitionError, NotFoundError
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import MessageId
from sar_desk.review.codes import CodeUse
from sar_desk.review.items import (
    ItemView,
    ReviewContext,
    ReviewSettings,
    WithholdBasis,
    load_settings,
    load_views,
    match_key,
    save_settings,
    views_by_id,
)
from sar_desk.review.pit import check_approvable
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork

DEFAULT_CODE = "default"
_VERSIONS_KEY = "code_table_versions"
_AUDIT_IDS = 200  # cap the ids listed in one audit entry; the count is always exact


def _permission(action: Action, state: ItemState) -> Permission:
    if action is Action.APPROVE or (
        action is Action.REOPEN and state.status is ReviewStatus.APPROVED
    ):
        return Permission.APPROVE
    return Permission.PROPOSE


def _modified_text(uow: UnitOfWork, view: ItemView, start: int | None, end: int | None) -> str:
    item = view.item
    if item.field is not ProposalField.TEXT or item.start is None:
        raise BadInputError(
            f"Item {item.id} covers the whole {item.field}; only spans in message text can be "
            "modified. Reject it and add a manual redaction instead."
        )
    found = uow.messages.get_messages([int(item.message_id)])
    body = found[0].text if found else ""
    if start is None or end is None or not 0 <= start < end <= len(body):
        raise BadInputError(
            f"Item {item.id}: the span {start}-{end} is outside message {item.message_id}, "
            f"whose text has {len(body)} characters."
        )
    return body[start:end]


def decide(
    uow: UnitOfWork,
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
        SubjectIndex(uow, ctx.case, words=ctx.ordinary_words)
        if action is Action.ACCEPT and code
        else None
    )
    for view in views_by_id(uow, ids):
        require(uow, ctx.user, _permission(action, view.state))
        if view.item.kind is ItemKind.MARKER and action is not Action.REOPEN:
            raise InvalidTransitionError(
                f"Item {view.item.id} is a '{view.status}' marker, not a redaction; reopen it "
                "to change it."
            )
        chosen = (
            resolve_code(uow, ctx, view.item, code, index)
            if action is Action.ACCEPT and code
            else None
        )
        text = _modified_text(uow, view, start, end) if action is Action.MODIFY else None
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
        check_approvable(uow, ctx.case, ctx.table, (v.state.code or "" for v, _, _ in planned))
    versions = json.loads(uow.case.get_meta(_VERSIONS_KEY) or "[]")
    if ctx.table.version not in versions:
        # R70: the case keeps every table version its decisions used.
        uow.case.set_meta(_VERSIONS_KEY, json.dumps([*versions, ctx.table.version]))
    for view, event, after in planned:
        uow.decisions.record_event(
            DecisionEvent(**{**_fields(event), "before": view.status, "after": after.status}),
            ctx.table.version,
        )
    item_ids = [v.item.id for v, _, _ in planned]
    codes = sorted({e.code for _, e, _ in planned if e.code})
    uow.audit.append(
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
    uow: UnitOfWork,
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
    require(uow, ctx.user, Permission.PROPOSE)
    found = uow.messages.get_messages([message_id])
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
    return _create_and_accept(uow, ctx, item, code, rationale, "")


def withhold_message(
    uow: UnitOfWork,
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
    require(uow, ctx.user, Permission.PROPOSE)
    if not uow.messages.get_messages([message_id]):
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
    return _create_and_accept(uow, ctx, item, code, rationale, basis.sentence)


def _create_and_accept(
    uow: UnitOfWork, ctx: ReviewContext, item: ReviewItem, code: str, rationale: str, note: str
) -> ItemView:
    # Validate before creating the item so a refusal leaves no orphan row behind. "default"
    # is resolved per item by `decide` (issue 19: the window's "Redact selection" uses it).
    if code.strip().lower() != DEFAULT_CODE:
        ctx.table.get(code, ctx.case.regime, CodeUse.ITEM)
    if not rationale.strip():
        raise BadInputError(
            "A redaction needs a rationale (R29): a sentence saying why.", hint=Hint.GIVE_REASON
        )
    item_id = uow.decisions.add_item(item)
    return decide(
        uow,
        ctx,
        [item_id],
        Action.ACCEPT,
        code=code,
        rationale=rationale,
        note=note,
        audit_extra={"created": str(item.kind), "message": int(item.message_id)},
    )[0]


def mark_message(
    uow: UnitOfWork,
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
    require(uow, ctx.user, Permission.PROPOSE)
    wanted = [message_id] + ([duplicate_of] if duplicate_of is not None else [])
    if len(uow.messages.get_messages(wanted)) != len(set(wanted)):
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
    item_id = uow.decisions.add_item(item)
    view = views_by_id(uow, [item_id])[0]
    event = DecisionEvent(
        item_id=item_id, action=action, user=ctx.user, at=datetime.now(UTC), note=reason
    )
    after = transition(view.state, event, item_id)
    uow.decisions.record_event(
        DecisionEvent(**{**_fields(event), "before": view.status, "after": after.status}),
        ctx.table.version,
    )
    uow.audit.append(
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


__all__ = [
    "DEFAULT_CODE",
    "ItemView",
    "ReviewContext",
    "ReviewSettings",
    "WithholdBasis",
    "add_manual_redaction",
    "decide",
    "load_settings",
    "load_views",
    "mark_message",
    "match_key",
    "save_settings",
    "views_by_id",
    "withhold_message",
]
