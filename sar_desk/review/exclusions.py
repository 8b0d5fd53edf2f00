"""Scope needs four eyes (issue 13 item 8): exclusions and their second-person approval.

Excluding messages from a SAR or FOI as not relevant (a "not relevant" or "mentions only"
decision, a message taken out of the disclosure set, or a review "not in scope" marker) needs
a second person: a reviewer or the DPO who did not make the exclusion approves it, or the DPO's
sign-off covers it. Every exclusion and its approval is listed in the bundle's internal record.
"""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.core.decisions import ItemKind, ReviewStatus
from sar_desk.core.errors import BadInputError, PermissionDeniedError
from sar_desk.core.model import MessageId
from sar_desk.core.scope import ScopeExclusion
from sar_desk.review.decide import load_views
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork

MARKER_KIND = "not-in-scope"


def scope_exclusions(uow: UnitOfWork) -> list[ScopeExclusion]:
    """Every exclusion of the case with its approval, by message."""
    found = [
        (m, kind, reason, who, at) for m, kind, reason, who, at in uow.exclusions.scope_exclusions()
    ]
    for v in load_views(uow, ReviewStatus.NOT_IN_SCOPE):
        if v.item.kind is ItemKind.MARKER and v.state.decided_at is not None:
            found.append(
                (
                    int(v.item.message_id),
                    MARKER_KIND,
                    v.state.note,
                    v.state.decided_by or "",
                    v.state.decided_at.isoformat(),
                )
            )
    approved = uow.exclusions.approvals()
    out = []
    for m, kind, reason, who, at in sorted(found):
        ok = approved.get((m, kind, at))
        out.append(
            ScopeExclusion(
                MessageId(m),
                kind,
                reason,
                who,
                at,
                ok.approved_by if ok else None,
                ok.approved_at if ok else None,
                ok.note if ok else "",
            )
        )
    return out


def pending_exclusions(uow: UnitOfWork) -> list[ScopeExclusion]:
    """Exclusions still waiting for a second person."""
    return [e for e in scope_exclusions(uow) if e.pending]


def approve_exclusions(
    uow: UnitOfWork,
    user: str,
    message_ids: Sequence[int] | None,
    note: str,
    *,
    signoff: bool = False,
) -> int:
    """Approve pending exclusions as the second person; returns how many were approved.

    Args:
        uow: The case's unit of work (inside the caller's transaction).
        user: The approver (a reviewer or DPO who did not make the exclusion).
        message_ids: Only these messages (None: every pending exclusion).
        note: What was checked.
        signoff: The DPO's sign-off approves them (the DPO's own exclusions are skipped).

    Raises:
        PermissionDeniedError: The user may not approve, or made every exclusion named.
        BadInputError: Nothing pending to approve, or no note.
    """
    require(uow, user, Permission.SIGN_OFF if signoff else Permission.APPROVE)
    if not note.strip():
        raise BadInputError("Say what you checked before approving the exclusions (a note).")
    pending = pending_exclusions(uow)
    if message_ids is not None:
        wanted = {int(i) for i in message_ids}
        pending = [e for e in pending if int(e.message_id) in wanted]
    mine = [e for e in pending if e.excluded_by.casefold() == user.casefold()]
    chosen = [e for e in pending if e not in mine]
    if not signoff and not chosen:
        if mine:
            raise PermissionDeniedError(
                f"{user} made these {len(mine)} exclusions, so {user} cannot also approve "
                "them: excluding messages needs a second person (four eyes)."
            )
        raise BadInputError("There are no exclusions waiting for approval.")
    if not chosen:
        return 0
    uow.signoffs.void_signoff(user, "scope-approve")
    count = uow.exclusions.add_approvals(
        ((int(e.message_id), e.kind, e.excluded_at) for e in chosen),
        user,
        f"DPO sign-off: {note.strip()}" if signoff else note.strip(),
    )
    uow.audit.append(
        user,
        "scope-approve",
        {
            "messages": [int(e.message_id) for e in chosen][:200],
            "count": count,
            "skipped_own": len(mine),
            "signoff": signoff,
        },
    )
    return count
