"""Review items and their decision events (append-only), and third-party records.

Decisions are never updated in place: each is a row in ``decision_events`` and the current state
of an item is `core.decisions.fold` over its rows. Review items mirror detection's findings (one
item per finding, created on demand) plus the items people add (manual spans, withheld
messages, scope markers), so every item has one id space for the command line and the window.
Sign-offs live in `store.signoffs`; recording any decision voids the sign-off in force.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    CursorResult,
    Float,
    ForeignKey,
    Index,
    Integer,
    Row,
    Table,
    Text,
    func,
    insert,
    select,
)

from sar_desk.core.decisions import (
    Action,
    DecisionEvent,
    ItemId,
    ItemKind,
    ReviewItem,
    ReviewStatus,
)
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import MessageId, PersonId
from sar_desk.core.records import ThirdPartyRow
from sar_desk.store.audit_marks import note_row
from sar_desk.store.findings import findings
from sar_desk.store.signoffs import add_signoff as add_signoff
from sar_desk.store.signoffs import latest_signoff as latest_signoff
from sar_desk.store.signoffs import void_signoff
from sar_desk.store.tables import messages, metadata, participants, persons

review_items = Table(
    "review_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("finding_id", Integer, unique=True),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=False),
    Column("field", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text, nullable=False, default=""),
    Column("entity_type", Text, nullable=False),
    Column("score", Float),
    Column("recognizer", Text, nullable=False),
    Column("person_id", Integer),
    Column("duplicate_of", Integer),
    Column("created_by", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Index("ix_review_items_message", "message_id"),
)

decision_events = Table(
    "decision_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("review_items.id"), nullable=False),
    Column("action", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("before", Text, nullable=False),
    Column("after", Text, nullable=False),
    Column("code", Text),
    Column("rationale", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("bulk", Boolean, nullable=False, default=False),
    Column("table_version", Text, nullable=False),
    Index("ix_decision_events_item", "item_id", "id"),
)

third_party_records = Table(
    "third_party_records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("party", Text, nullable=False),
    Column("person_id", Integer),
    Column("details", Text, nullable=False),
    Column("recorded_by", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Index("ix_third_party_party", "party", "id"),
)


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:  # SQLite always returns the new rowid; anything else is a bug
        raise RuntimeError("the database did not return the new row's id")
    return int(key[0])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def sync_finding_items(conn: Connection) -> int:
    """Create a review item for every finding that has none yet; returns how many."""
    missing = (
        select(
            findings.c.id,
            findings.c.message_id,
            findings.c.field,
            findings.c.start,
            findings.c.end,
            findings.c.text,
            findings.c.entity_type,
            findings.c.score,
            findings.c.recognizer,
            findings.c.person_id,
        )
        .where(
            ~select(review_items.c.id).where(review_items.c.finding_id == findings.c.id).exists()
        )
        .order_by(findings.c.message_id, findings.c.id)
    )
    rows = [
        {
            "kind": str(ItemKind.FINDING),
            "finding_id": r.id,
            "message_id": r.message_id,
            "field": r.field,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "entity_type": r.entity_type,
            "score": r.score,
            "recognizer": r.recognizer,
            "person_id": r.person_id,
            "created_by": "detection",
            "created_at": _now(),
        }
        for r in conn.execute(missing)
    ]
    if rows:
        conn.execute(insert(review_items), rows)
    return len(rows)


def add_item(conn: Connection, item: ReviewItem) -> ItemId:
    """Store a person-made item (manual span, withholding, marker); returns its id."""
    result = conn.execute(
        insert(review_items).values(
            kind=str(item.kind),
            finding_id=item.finding_id,
            message_id=int(item.message_id),
            field=str(item.field),
            start=item.start,
            end=item.end,
            text=item.text,
            entity_type=item.entity_type,
            score=item.score,
            recognizer=item.recognizer,
            person_id=int(item.person_id) if item.person_id is not None else None,
            duplicate_of=int(item.duplicate_of) if item.duplicate_of is not None else None,
            created_by=item.created_by,
            created_at=_now(),
        )
    )
    return _new_id(result)


def _to_item(row: Row[Any]) -> ReviewItem:
    return ReviewItem(
        id=int(row.id),
        kind=ItemKind(row.kind),
        message_id=MessageId(row.message_id),
        field=ProposalField(row.field),
        start=row.start,
        end=row.end,
        text=row.text,
        entity_type=row.entity_type,
        score=row.score,
        recognizer=row.recognizer,
        finding_id=row.finding_id,
        person_id=PersonId(row.person_id) if row.person_id is not None else None,
        created_by=row.created_by,
        created_at=datetime.fromisoformat(row.created_at),
        duplicate_of=MessageId(row.duplicate_of) if row.duplicate_of is not None else None,
    )


def list_items(
    conn: Connection, ids: Sequence[int] | None = None, kinds: Iterable[ItemKind] | None = None
) -> list[ReviewItem]:
    """Review items in message order (all, or the given ids / kinds)."""
    stmt = select(review_items).order_by(
        review_items.c.message_id, review_items.c.start, review_items.c.id
    )
    if kinds is not None:
        stmt = stmt.where(review_items.c.kind.in_([str(k) for k in kinds]))
    if ids is None:
        return [_to_item(r) for r in conn.execute(stmt)]
    out: list[ReviewItem] = []
    for first in range(0, len(ids), 500):
        chunk = [int(i) for i in ids[first : first + 500]]
        out.extend(_to_item(r) for r in conn.execute(stmt.where(review_items.c.id.in_(chunk))))
    return out


def _to_event(row: Row[Any]) -> DecisionEvent:
    return DecisionEvent(
        item_id=int(row.item_id),
        action=Action(row.action),
        user=row.user,
        at=datetime.fromisoformat(row.at),
        code=row.code,
        rationale=row.rationale,
        note=row.note,
        start=row.start,
        end=row.end,
        text=row.text,
        bulk=bool(row.bulk),
        before=ReviewStatus(row.before),
        after=ReviewStatus(row.after),
        id=int(row.id),
    )


def events_by_item(conn: Connection) -> dict[ItemId, list[DecisionEvent]]:
    """Every decision event, grouped by item, in recorded order."""
    grouped: dict[ItemId, list[DecisionEvent]] = defaultdict(list)
    for row in conn.execute(select(decision_events).order_by(decision_events.c.id)):
        event = _to_event(row)
        grouped[event.item_id].append(event)
    return dict(grouped)


def events_for(conn: Connection, item_id: ItemId) -> list[DecisionEvent]:
    """The decision history of one item."""
    stmt = select(decision_events).where(decision_events.c.item_id == item_id)
    return [_to_event(r) for r in conn.execute(stmt.order_by(decision_events.c.id))]


def record_event(conn: Connection, event: DecisionEvent, table_version: str) -> int:
    """Append one decision event (the caller has checked it with `core.decisions.transition`)."""
    if event.before is None or event.after is None:
        raise ValueError("record_event needs the states before and after (see decide)")
    # Issue 13 item 8: a sign-off covers the decisions as they were; any change voids it.
    void_signoff(conn, event.user, f"review-{event.action}")
    result = conn.execute(
        insert(decision_events).values(
            item_id=event.item_id,
            action=str(event.action),
            user=event.user,
            at=event.at.astimezone(UTC).isoformat(timespec="microseconds"),
            before=str(event.before),
            after=str(event.after),
            code=event.code,
            rationale=event.rationale,
            note=event.note,
            start=event.start,
            end=event.end,
            text=event.text,
            bulk=event.bulk,
            table_version=table_version,
        )
    )
    new_id = _new_id(result)
    note_row(conn.info, decision_events.name, new_id)  # sealed by this transaction's audit entry
    return new_id


def message_times(conn: Connection, message_ids: Sequence[int]) -> dict[int, datetime]:
    """Send times (UTC) of some messages, for the redaction log."""
    out: dict[int, datetime] = {}
    for first in range(0, len(message_ids), 500):
        chunk = [int(i) for i in message_ids[first : first + 500]]
        stmt = select(messages.c.id, messages.c.sent_at).where(messages.c.id.in_(chunk))
        for row in conn.execute(stmt):
            out[int(row.id)] = datetime.fromtimestamp(row.sent_at / 1_000_000, UTC)
    return out


def conversation_ids(conn: Connection, message_ids: Sequence[int]) -> dict[int, int]:
    """The conversation of each of some messages (message id -> conversation id)."""
    out: dict[int, int] = {}
    for first in range(0, len(message_ids), 500):
        chunk = [int(i) for i in message_ids[first : first + 500]]
        stmt = select(messages.c.id, messages.c.conversation_id).where(messages.c.id.in_(chunk))
        out.update((int(m), int(c)) for m, c in conn.execute(stmt))
    return out


def finding_entity_types(conn: Connection) -> set[str]:
    """Every entity type detection found in the case (for sign-off triggers)."""
    return {str(v) for v in conn.execute(select(findings.c.entity_type).distinct()).scalars()}


def count_events(conn: Connection) -> int:
    """How many decisions were recorded."""
    return int(conn.execute(select(func.count()).select_from(decision_events)).scalar_one())


def person_aliases(conn: Connection, person_ids: Iterable[int]) -> dict[int, set[str]]:
    """Every name and identifier of some people: their display name and each participant's."""
    ids = sorted({int(p) for p in person_ids})
    out: dict[int, set[str]] = {pid: set() for pid in ids}
    for first in range(0, len(ids), 500):
        chunk = ids[first : first + 500]
        for row in conn.execute(
            select(persons.c.id, persons.c.display_name).where(persons.c.id.in_(chunk))
        ):
            out[int(row.id)].add(row.display_name)
        stmt = select(
            participants.c.person_id, participants.c.identifier, participants.c.display_name
        ).where(participants.c.person_id.in_(chunk))
        for link in conn.execute(stmt):
            out[int(link.person_id)].update(v for v in (link.identifier, link.display_name) if v)
    return out


def person_ids_with_role(conn: Connection, role: str) -> set[int]:
    """Ids of the people marked with a role (e.g. the requester)."""
    stmt = select(persons.c.id).where(persons.c.role == role)
    return {int(v) for v in conn.execute(stmt).scalars()}


def add_third_party_record(
    conn: Connection, party: str, person_id: int | None, details: dict[str, Any], user: str
) -> int:
    """Append a third-party record; the newest per party is the current one."""
    result = conn.execute(
        insert(third_party_records).values(
            party=party,
            person_id=person_id,
            details=json.dumps(details, sort_keys=True, default=_iso),
            recorded_by=user,
            recorded_at=_now(),
        )
    )
    new_id = _new_id(result)
    note_row(
        conn.info, third_party_records.name, new_id
    )  # sealed by this transaction's audit entry
    return new_id


def third_party_history(conn: Connection, party: str | None = None) -> list[ThirdPartyRow]:
    """Third-party records in recorded order (all, or one party's)."""
    stmt = select(third_party_records).order_by(third_party_records.c.id)
    if party is not None:
        stmt = stmt.where(func.lower(third_party_records.c.party) == party.casefold())
    return [
        ThirdPartyRow(
            int(r.id),
            r.party,
            PersonId(r.person_id) if r.person_id is not None else None,
            json.loads(r.details),
            r.recorded_by,
            datetime.fromisoformat(r.recorded_at),
        )
        for r in conn.execute(stmt)
    ]


def _iso(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)
