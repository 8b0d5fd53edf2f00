"""People in the store: persons, identity links and separations (decisions: `person_decisions`).

The decisions themselves (who is whom) are made in `core.people`; this module reads the
participants they need and writes the outcome. Every change is recorded in
`person_decisions` by the caller, who also appends to the audit log.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from sar_desk.core.errors import Hint, NotFoundError
from sar_desk.core.imports import IdentityLink
from sar_desk.core.model import (
    IdentifierKind,
    Participant,
    ParticipantId,
    Person,
    PersonId,
    PersonRole,
)
from sar_desk.core.people import (
    PersonSummary,
    strong_key,
)
from sar_desk.store.tables import messages, metadata, participants, persons

identity_links = Table(
    "identity_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("other_key", Text, nullable=False),
    Column("display_name", Text),
    UniqueConstraint("key", "other_key"),
    Index("ix_identity_links_other", "other_key"),
)

person_decisions = Table(
    "person_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("person_id", Integer, nullable=False),
    Column("other_id", Integer),
    Column("automatic", Boolean, nullable=False, default=False),
    Column("reason", Text, nullable=False, default=""),
    Column("details_json", Text, nullable=False, default="{}"),
)

person_separations = Table(
    "person_separations",
    metadata,
    Column("person_a", Integer, nullable=False),
    Column("person_b", Integer, nullable=False),
    UniqueConstraint("person_a", "person_b"),
)

name_suggestions = Table(
    "name_suggestions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("person_id", Integer, nullable=False),
    Column("other_id", Integer),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", Text, nullable=False, default="open"),
    Column("created_at", Text, nullable=False),
    Index("ix_name_suggestions_pair", "kind", "person_id", "other_id"),
)


def new_id(result: Any) -> int:
    """The primary key of the row an INSERT just wrote."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every insert here has an integer primary key
        raise RuntimeError("the insert returned no primary key")
    return int(key[0])


def now_text() -> str:
    """The current UTC time as stored in decision rows."""
    return datetime.now(UTC).isoformat(timespec="seconds")


# ---------------------------------------------------------------- participants and links


def _participant(row: Any) -> Participant:
    return Participant(
        id=ParticipantId(row.id),
        platform=row.platform,
        kind=IdentifierKind(row.kind),
        identifier=row.identifier,
        display_name=row.display_name,
        person_id=PersonId(row.person_id) if row.person_id is not None else None,
    )


def list_participants(
    conn: Connection, person_ids: Sequence[int] | None = None
) -> list[Participant]:
    """Participants (of some people, or all), by id."""
    stmt = select(participants).order_by(participants.c.id)
    if person_ids is not None:
        stmt = stmt.where(participants.c.person_id.in_([int(p) for p in person_ids]))
    return [_participant(r) for r in conn.execute(stmt)]


def add_links(conn: Connection, platform: str, links: Iterable[IdentityLink]) -> int:
    """Store identity links an importer reported; returns how many were new."""
    added = 0
    for link in links:
        a = strong_key(platform, link.kind, link.identifier)
        b = strong_key(platform, link.other_kind, link.other)
        if not a or not b or a == b:
            continue
        result = conn.execute(
            insert(identity_links)
            .prefix_with("OR IGNORE")
            .values(
                platform=platform,
                key=min(a, b),
                other_key=max(a, b),
                display_name=link.display_name,
            )
        )
        added += result.rowcount or 0
    return added


def all_links(conn: Connection) -> list[tuple[str, str]]:
    """Every stored identity link as a pair of strong keys."""
    return [(r.key, r.other_key) for r in conn.execute(select(identity_links))]


def separations(conn: Connection) -> set[frozenset[PersonId]]:
    """Pairs of people a person split apart (never merged again automatically)."""
    return {
        frozenset((PersonId(r.person_a), PersonId(r.person_b)))
        for r in conn.execute(select(person_separations))
    }


def add_separation(conn: Connection, a: PersonId, b: PersonId) -> None:
    """Record that two people must not be merged automatically."""
    conn.execute(
        insert(person_separations)
        .prefix_with("OR IGNORE")
        .values(person_a=min(a, b), person_b=max(a, b))
    )


# ---------------------------------------------------------------- persons


def create_person(
    conn: Connection, display_name: str, role: PersonRole = PersonRole.UNKNOWN
) -> PersonId:
    """Insert a person row."""
    result = conn.execute(
        insert(persons).values(
            display_name=display_name,
            role=str(role),
            official_capacity=False,
            created_at=now_text(),
        )
    )
    return PersonId(new_id(result))


def assign(conn: Connection, participant_ids: Iterable[int], person_id: PersonId) -> None:
    """Attach participants to a person."""
    ids = [int(p) for p in participant_ids]
    if ids:
        conn.execute(
            update(participants).where(participants.c.id.in_(ids)).values(person_id=int(person_id))
        )


def get_person(conn: Connection, person_id: int) -> Person:
    """One person with their identifiers.

    Raises:
        NotFoundError: There is no such person (perhaps merged into another).
    """
    row = conn.execute(select(persons).where(persons.c.id == int(person_id))).first()
    if row is None:
        raise NotFoundError(
            f"There is no person {person_id} in this case (they may have been merged into "
            "another). The people list shows the current ones.",
            hint=Hint.LIST_PEOPLE,
        )
    parts = list_participants(conn, [int(person_id)])
    return Person(
        id=PersonId(row.id),
        display_name=row.display_name,
        role=PersonRole(row.role),
        identifiers=tuple((p.platform, p.kind, p.identifier) for p in parts),
        official_capacity=bool(row.official_capacity),
    )


def list_people(conn: Connection) -> list[Person]:
    """Every person, by id, with identifiers."""
    by_person: dict[int, list[Participant]] = defaultdict(list)
    for part in list_participants(conn):
        if part.person_id is not None:
            by_person[int(part.person_id)].append(part)
    return [
        Person(
            id=PersonId(r.id),
            display_name=r.display_name,
            role=PersonRole(r.role),
            identifiers=tuple((p.platform, p.kind, p.identifier) for p in by_person[int(r.id)]),
            official_capacity=bool(r.official_capacity),
        )
        for r in conn.execute(select(persons).order_by(persons.c.id))
    ]


def message_counts_by_person(conn: Connection) -> dict[int, int]:
    """Messages sent by each person (through any of their participants)."""
    sent = (
        select(messages.c.participant_id, func.count().label("n"))
        .where(messages.c.participant_id.is_not(None))
        .group_by(messages.c.participant_id)
        .subquery()
    )
    rows = conn.execute(
        select(participants.c.person_id, func.sum(sent.c.n))
        .join(sent, sent.c.participant_id == participants.c.id)
        .group_by(participants.c.person_id)
    )
    return {int(pid): int(n) for pid, n in rows if pid is not None}


def summaries(conn: Connection) -> list[PersonSummary]:
    """People with identifiers grouped by platform and sent-message counts."""
    counts = message_counts_by_person(conn)
    result = []
    for person in list_people(conn):
        grouped: dict[str, list[str]] = defaultdict(list)
        for platform, _kind, identifier in person.identifiers:
            grouped[platform].append(identifier)
        result.append(
            PersonSummary(
                person,
                {k: tuple(v) for k, v in sorted(grouped.items())},
                counts.get(int(person.id), 0),
            )
        )
    return result


def set_role(conn: Connection, person_id: PersonId, role: PersonRole, official: bool) -> None:
    """Mark a person's part in the case."""
    conn.execute(
        update(persons)
        .where(persons.c.id == int(person_id))
        .values(role=str(role), official_capacity=official)
    )


def rename(conn: Connection, person_id: PersonId, display_name: str) -> None:
    """Change the name shown for a person."""
    conn.execute(
        update(persons).where(persons.c.id == int(person_id)).values(display_name=display_name)
    )


def merge_into(conn: Connection, keep: PersonId, absorb: PersonId) -> int:
    """Move every participant of `absorb` to `keep` and remove `absorb`; returns how many moved.

    The requester role wins; official capacity is kept if either had it.
    """
    a, b = get_person(conn, keep), get_person(conn, absorb)
    role = a.role
    if PersonRole.REQUESTER in (a.role, b.role):
        role = PersonRole.REQUESTER
    elif a.role is PersonRole.UNKNOWN:
        role = b.role
    moved = (
        conn.execute(
            update(participants)
            .where(participants.c.person_id == int(absorb))
            .values(person_id=int(keep))
        ).rowcount
        or 0
    )
    set_role(conn, keep, role, a.official_capacity or b.official_capacity)
    for col_a, col_b in (
        (person_separations.c.person_a, person_separations.c.person_b),
        (person_separations.c.person_b, person_separations.c.person_a),
    ):
        for row in conn.execute(select(col_b).where(col_a == int(absorb))).all():
            if int(row[0]) != int(keep):
                add_separation(conn, keep, PersonId(int(row[0])))
    conn.execute(
        delete(person_separations).where(
            or_(
                person_separations.c.person_a == int(absorb),
                person_separations.c.person_b == int(absorb),
            )
        )
    )
    conn.execute(
        delete(name_suggestions).where(
            name_suggestions.c.status == "open",
            or_(
                name_suggestions.c.person_id == int(absorb),
                name_suggestions.c.other_id == int(absorb),
            ),
        )
    )
    conn.execute(delete(persons).where(persons.c.id == int(absorb)))
    return int(moved)
