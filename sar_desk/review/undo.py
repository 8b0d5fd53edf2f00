"""Undo a reviewer's latest decision, recorded as a decision of its own (issue 19 item 2).

Nothing is erased: the undone events stay in the history and an UNDO event per item takes it
back to its state before them (`core.decisions.fold`), with one audit entry that names the
events it undoes. A "decision" is everything one call recorded (all of a bulk action's items
share its time), so one undo reverses one press of a button.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sar_desk.core.decisions import (
    Action,
    DecisionEvent,
    ItemKind,
    fold,
    initial_state,
)
from sar_desk.core.errors import InvalidTransitionError, NotFoundError
from sar_desk.review.items import ItemView, ReviewContext, views_by_id
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class UndoResult:
    """What an undo did.

    Attributes:
        undone: The decision events undone (ids), one per item.
        action: The action that was undone (accept, reject, ...).
        items: The items with their restored states.
    """

    undone: tuple[int, ...]
    action: Action
    items: tuple[ItemView, ...]


def _live(events: list[DecisionEvent]) -> list[DecisionEvent]:
    """The events of one item that no later UNDO has undone, oldest first."""
    stack: list[DecisionEvent] = []
    for event in events:
        if event.action is Action.UNDO:
            if stack:
                stack.pop()
        else:
            stack.append(event)
    return stack


def last_decision(uow: UnitOfWork, user: str) -> list[DecisionEvent]:
    """The events of `user`'s latest decision not yet undone (empty when there is none)."""
    live = [e for events in uow.decisions.events_by_item().values() for e in _live(events)]
    mine = [e for e in live if e.user.casefold() == user.casefold()]
    if not mine:
        return []
    latest = max(mine, key=lambda e: e.id or 0)
    return sorted((e for e in mine if e.at == latest.at), key=lambda e: e.id or 0)


def undo_last(uow: UnitOfWork, ctx: ReviewContext, note: str = "") -> UndoResult:
    """Undo the acting user's latest decision on every item it touched.

    Raises:
        NotFoundError: The user has no decision left to undo.
        InvalidTransitionError: Someone decided one of the items since (undo would hide
            their decision), or the decision marked a message rather than a redaction.
        PermissionDeniedError: The user no longer has the role the decision needed.
    """
    events = last_decision(uow, ctx.user)
    if not events:
        raise NotFoundError("You have no review decision left to undo in this case.")
    action = events[0].action
    require(uow, ctx.user, Permission.APPROVE if action is Action.APPROVE else Permission.PROPOSE)
    now = datetime.now(UTC)
    views = views_by_id(uow, [e.item_id for e in events])
    restored: list[ItemView] = []
    for view, event in zip(views, events, strict=True):
        history = uow.decisions.events_for(view.item.id)
        live = _live(history)
        if live[-1].id != event.id:
            raise InvalidTransitionError(
                f"Item {view.item.id} was decided again by {live[-1].user} after your decision, "
                "so it cannot be undone; decide the item again instead."
            )
        if view.item.kind is ItemKind.MARKER:
            raise InvalidTransitionError(
                f"Your last decision marked message {int(view.item.message_id)} "
                f"{view.status}; reopen the marker instead of undoing it."
            )
        undo = DecisionEvent(
            item_id=view.item.id,
            action=Action.UNDO,
            user=ctx.user,
            at=now,
            note=note or f"Undo of decision {event.id} ({event.action}).",
            before=view.status,
        )
        after = fold([*history, undo], initial_state(view.item))
        uow.decisions.record_event(replace(undo, after=after.status), ctx.table.version)
        restored.append(ItemView(view.item, after))
    uow.audit.append(
        ctx.user,
        f"review-{Action.UNDO}",
        {
            "items": [int(v.item.id) for v in restored][:200],
            "count": len(restored),
            "undoes": [int(e.id or 0) for e in events][:200],
            "undone_action": str(action),
        },
    )
    return UndoResult(tuple(int(e.id or 0) for e in events), action, tuple(restored))
