"""Review events on attachments (schema step 18): appended rows, folded by `review.attachments`.

Every row written here is noted for sealing, so the audit entry of the same transaction carries
its hash (`store.audit_seal`): an event edited or deleted afterwards no longer matches the chain.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, ForeignKey, Index, Integer, Table, Text, insert, select

from sar_desk.core.attachment_review import AttachmentAction, RedactionBox
from sar_desk.core.records import ReviewEvent
from sar_desk.store import audit_marks
from sar_desk.store.tables import metadata

attachment_review_events = Table(
    "attachment_review_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("attachment_id", Integer, ForeignKey("attachments.id"), nullable=False),
    Column("event", Text, nullable=False),  # "propose" or "approve"
    Column("action", Text),
    Column("code", Text),
    Column("boxes_json", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("note", Text, nullable=False),
    Index("ix_attachment_review_events_attachment", "attachment_id", "id"),
)

PROPOSE = "propose"
APPROVE = "approve"


def _boxes_json(boxes: Sequence[RedactionBox]) -> str:
    return json.dumps([[b.page, b.x0, b.y0, b.x1, b.y1] for b in boxes])


def add_event(
    conn: Connection,
    attachment_id: int,
    event: str,
    user: str,
    *,
    action: AttachmentAction | None = None,
    code: str | None = None,
    boxes: Sequence[RedactionBox] = (),
    note: str = "",
) -> int:
    """Append one event and note it for the audit seal; returns its id."""
    result = conn.execute(
        insert(attachment_review_events).values(
            attachment_id=attachment_id,
            event=event,
            action=str(action) if action is not None else None,
            code=code,
            boxes_json=_boxes_json(boxes),
            user=user,
            at=datetime.now(UTC).isoformat(timespec="microseconds"),
            note=note,
        )
    )
    row_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    audit_marks.note_row(conn.info, attachment_review_events.name, row_id)
    return row_id


def events_of(conn: Connection, attachment_ids: Sequence[int] | None = None) -> list[ReviewEvent]:
    """Events, oldest first (of some attachments, or all)."""
    query = select(attachment_review_events).order_by(attachment_review_events.c.id)
    if attachment_ids is not None:
        query = query.where(attachment_review_events.c.attachment_id.in_(list(attachment_ids)))
    return [
        ReviewEvent(
            int(row.id),
            int(row.attachment_id),
            str(row.event),
            AttachmentAction(row.action) if row.action else None,
            row.code,
            tuple(
                RedactionBox(float(x0), float(y0), float(x1), float(y1), int(page))
                for page, x0, y0, x1, y1 in json.loads(row.boxes_json)
            ),
            str(row.user),
            str(row.at),
        )
        for row in conn.execute(query)
    ]
