"""Recorded people decisions and name suggestions (the store's side of `core.people`).

Every merge, split, mark and suggestion outcome is a row in ``person_decisions``; suggestions
wait in ``name_suggestions`` for a person to accept or dismiss. The tables are defined in
`store.people`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Connection,
    delete,
    func,
    insert,
    select,
    update,
)

from sar_desk.core.errors import Hint, NotFoundError
from sar_desk.core.model import (
    PersonId,
)
from sar_desk.core.people import (
    PersonDecision,
    Suggestion,
    SuggestionKind,
)
from sar_desk.store.people import name_suggestions, new_id, now_text, person_decisions


def record_decision(
    conn: Connection,
    *,
    user: str,
    action: str,
    person_id: PersonId,
    other_id: PersonId | None = None,
    automatic: bool = False,
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> int:
    """Record who decided what about a person, when and why; returns the decision id."""
    result = conn.execute(
        insert(person_decisions).values(
            at=now_text(),
            user=user,
            action=action,
            person_id=int(person_id),
            other_id=int(other_id) if other_id is not None else None,
            automatic=automatic,
            reason=reason,
            details_json=json.dumps(details or {}, sort_keys=True, default=str),
        )
    )
    return new_id(result)


def list_decisions(conn: Connection) -> list[PersonDecision]:
    """Every recorded people decision, oldest first."""
    return [
        PersonDecision(
            id=int(r.id),
            at=r.at,
            user=r.user,
            action=r.action,
            person_id=PersonId(r.person_id),
            other_id=PersonId(r.other_id) if r.other_id is not None else None,
            automatic=bool(r.automatic),
            reason=r.reason,
            details=json.loads(r.details_json),
        )
        for r in conn.execute(select(person_decisions).order_by(person_decisions.c.id))
    ]


# ---------------------------------------------------------------- suggestions


def _suggestion(row: Any) -> Suggestion:
    return Suggestion(
        id=int(row.id),
        kind=SuggestionKind(row.kind),
        person_id=PersonId(row.person_id),
        other_id=PersonId(row.other_id) if row.other_id is not None else None,
        score=int(row.score),
        reason=row.reason,
        status=row.status,
    )


def list_suggestions(conn: Connection, status: str | None = "open") -> list[Suggestion]:
    """Stored suggestions (open ones by default), best first."""
    stmt = select(name_suggestions).order_by(name_suggestions.c.score.desc(), name_suggestions.c.id)
    if status is not None:
        stmt = stmt.where(name_suggestions.c.status == status)
    return [_suggestion(r) for r in conn.execute(stmt)]


def get_suggestion(conn: Connection, suggestion_id: int) -> Suggestion:
    """One suggestion.

    Raises:
        NotFoundError: No such suggestion.
    """
    row = conn.execute(
        select(name_suggestions).where(name_suggestions.c.id == suggestion_id)
    ).first()
    if row is None:
        raise NotFoundError(
            f"There is no suggestion {suggestion_id}; the people list shows the open ones.",
            hint=Hint.LIST_SUGGESTIONS,
        )
    return _suggestion(row)


def set_suggestion_status(conn: Connection, suggestion_id: int, status: str) -> None:
    """Mark a suggestion accepted or dismissed (kept, so it is not offered again)."""
    conn.execute(
        update(name_suggestions).where(name_suggestions.c.id == suggestion_id).values(status=status)
    )


def sync_suggestions(conn: Connection, candidates: Iterable[Any]) -> int:
    """Replace the open suggestions with `candidates`, keeping ids of ones still offered.

    Pairs already accepted or dismissed are not offered again. Returns how many are open.
    """
    existing = {
        (r.kind, int(r.person_id), r.other_id): (int(r.id), r.status)
        for r in conn.execute(select(name_suggestions))
    }
    wanted = set()
    for cand in candidates:
        key = (
            str(cand.kind),
            int(cand.person_id),
            int(cand.other_id) if cand.other_id is not None else None,
        )
        wanted.add(key)
        if key in existing:
            if existing[key][1] == "open":
                conn.execute(
                    update(name_suggestions)
                    .where(name_suggestions.c.id == existing[key][0])
                    .values(score=cand.score, reason=cand.reason)
                )
            continue
        conn.execute(
            insert(name_suggestions).values(
                kind=key[0],
                person_id=key[1],
                other_id=key[2],
                score=cand.score,
                reason=cand.reason,
                status="open",
                created_at=now_text(),
            )
        )
    for key, (sid, status) in existing.items():
        if status == "open" and key not in wanted:
            conn.execute(delete(name_suggestions).where(name_suggestions.c.id == sid))
    return int(
        conn.execute(
            select(func.count())
            .select_from(name_suggestions)
            .where(name_suggestions.c.status == "open")
        ).scalar_one()
    )


def decided_pairs(conn: Connection) -> set[frozenset[PersonId]]:
    """Merge pairs a person already dismissed (so name matching does not offer them again)."""
    rows = conn.execute(
        select(name_suggestions.c.person_id, name_suggestions.c.other_id).where(
            name_suggestions.c.kind == str(SuggestionKind.MERGE),
            name_suggestions.c.status == "dismissed",
        )
    )
    return {frozenset((PersonId(a), PersonId(b))) for a, b in rows if b is not None}
