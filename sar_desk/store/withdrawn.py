"""Proposals the detector withdraws once it has read the whole case (issue 15, round 18).

A first pass stores each message's proposals as it goes; only when every message has been read
can the detector see that "Kevin" is the alpaca in one message and nobody's name in any. Such
proposals are removed again, but only while they are outside the review queue: once a review
item holds a finding (the queue takes every finding in when it is opened), it is part of the
record, and a reviewer rejects it there instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, exists, select

from sar_desk.store.decisions import review_items
from sar_desk.store.detection import scanned_messages
from sar_desk.store.findings import findings


def person_proposals(
    conn: Connection, exclude: Iterable[str] = (), run_id: int | None = None
) -> list[tuple[int, int, str, bool]]:
    """PERSON findings in message text, except those the `exclude` recognisers made.

    With `run_id`, only those on messages that detection run scanned (so its own findings).
    Returns ``(finding id, message id, text, whether a review item holds it)`` in id order.
    """
    held = exists().where(review_items.c.finding_id == findings.c.id)
    stmt = (
        select(findings.c.id, findings.c.message_id, findings.c.text, held)
        .where(
            findings.c.entity_type == "PERSON",
            findings.c.field == "text",
            findings.c.recognizer.not_in(list(exclude)),
        )
        .order_by(findings.c.id)
    )
    if run_id is not None:
        scanned_by_run = select(scanned_messages.c.message_id).where(
            scanned_messages.c.run_id == run_id
        )
        stmt = stmt.where(findings.c.message_id.in_(scanned_by_run))
    return [(int(i), int(m), str(t), bool(h)) for i, m, t, h in conn.execute(stmt)]


def withdraw_proposals(conn: Connection, finding_ids: Sequence[int]) -> int:
    """Remove the given findings that no review item holds; returns how many went."""
    gone = 0
    ids = sorted(set(int(i) for i in finding_ids))
    # A few hundred at a time keeps each statement inside SQLite's bound-parameter limit.
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        held = select(review_items.c.finding_id).where(review_items.c.finding_id.in_(part))
        result = conn.execute(
            delete(findings).where(findings.c.id.in_(part), findings.c.id.not_in(held))
        )
        gone += int(result.rowcount or 0)
    return gone
