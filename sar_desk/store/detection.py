"""Detection runs and which messages they have scanned, so a run can stop and carry on.

A message is marked scanned in the same transaction that saves its findings, so after a cancel
or a crash a new run starts exactly where the last one stopped and never stores a finding twice.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Integer,
    Select,
    Table,
    Text,
    exists,
    func,
    insert,
    select,
    update,
)

from sar_desk.core.model import (
    ConversationId,
    IdentifierKind,
    Message,
    Participant,
    ParticipantId,
    Person,
    PersonId,
    PersonRole,
)
from sar_desk.core.records import DetectionRun, Selection
from sar_desk.store.findings import findings
from sar_desk.store.messages import _base, _hydrate
from sar_desk.store.row_values import to_micros
from sar_desk.store.tables import messages, metadata, participants, persons

detection_runs = Table(
    "detection_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    Column("scope", Text, nullable=False),
    Column("engine", Text, nullable=False),
    Column("status", Text, nullable=False),  # running | finished | cancelled
    Column("scanned", Integer, nullable=False, default=0),
    Column("findings", Integer, nullable=False, default=0),
)

scanned_messages = Table(
    "scanned_messages",
    metadata,
    Column("message_id", Integer, ForeignKey("messages.id"), primary_key=True),
    Column("run_id", Integer, ForeignKey("detection_runs.id"), nullable=False),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(conn: Connection, scope: str, engine: str) -> int:
    """Record a new run and return its id."""
    result = conn.execute(
        insert(detection_runs).values(
            started_at=_now(),
            scope=scope,
            engine=engine,
            status="running",
            scanned=0,
            findings=0,
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def add_progress(conn: Connection, run_id: int, message_ids: Sequence[int], found: int) -> None:
    """Mark messages scanned by a run and add to its counts (same transaction as the findings)."""
    if message_ids:
        conn.execute(
            insert(scanned_messages),
            [{"message_id": int(m), "run_id": run_id} for m in message_ids],
        )
    conn.execute(
        update(detection_runs)
        .where(detection_runs.c.id == run_id)
        .values(
            scanned=detection_runs.c.scanned + len(message_ids),
            findings=detection_runs.c.findings + found,
        )
    )


def finish_run(conn: Connection, run_id: int, status: str, extra_findings: int = 0) -> None:
    """Close a run as finished or cancelled."""
    conn.execute(
        update(detection_runs)
        .where(detection_runs.c.id == run_id)
        .values(
            status=status,
            finished_at=_now(),
            findings=detection_runs.c.findings + extra_findings,
        )
    )


def list_runs(conn: Connection) -> list[DetectionRun]:
    """Every run, oldest first."""
    return [
        DetectionRun(
            int(r.id),
            r.started_at,
            r.finished_at,
            r.scope,
            r.engine,
            r.status,
            int(r.scanned),
            int(r.findings),
        )
        for r in conn.execute(select(detection_runs).order_by(detection_runs.c.id))
    ]


_CHUNK = 500


def _filtered(stmt: Select[Any], sel: Selection) -> Select[Any]:
    if sel.start is not None:
        stmt = stmt.where(messages.c.sent_at >= to_micros(sel.start))
    if sel.end is not None:
        stmt = stmt.where(messages.c.sent_at < to_micros(sel.end))
    return stmt


def _id_chunks(sel: Selection, after_id: int) -> Iterator[list[int]]:
    assert sel.ids is not None
    ids = sel.ids[bisect_right(sel.ids, after_id) :]
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def _not_scanned() -> Any:
    return ~exists().where(scanned_messages.c.message_id == messages.c.id)


def _count(conn: Connection, sel: Selection, scanned: bool) -> int:
    cond = ~_not_scanned() if scanned else _not_scanned()
    base = _filtered(select(func.count()).select_from(messages).where(cond), sel)
    if sel.ids is None:
        return int(conn.execute(base).scalar_one())
    return sum(
        int(conn.execute(base.where(messages.c.id.in_(chunk))).scalar_one())
        for chunk in _id_chunks(sel, 0)
    )


def _page(
    conn: Connection, sel: Selection, after_id: int, limit: int, scanned: bool
) -> list[Message]:
    cond = ~_not_scanned() if scanned else _not_scanned()
    base = _filtered(_base().where(cond, messages.c.id > after_id), sel).order_by(messages.c.id)
    if sel.ids is None:
        return _hydrate(conn, conn.execute(base.limit(limit)).all())
    rows: list[Any] = []
    for chunk in _id_chunks(sel, after_id):
        rows += conn.execute(base.where(messages.c.id.in_(chunk)).limit(limit - len(rows))).all()
        if len(rows) >= limit:
            break
    return _hydrate(conn, rows)


def count_unscanned(conn: Connection, sel: Selection) -> int:
    """Messages in the selection not scanned by any run."""
    return _count(conn, sel, scanned=False)


def count_scanned(conn: Connection, sel: Selection) -> int:
    """Messages in the selection already scanned."""
    return _count(conn, sel, scanned=True)


def unscanned_page(conn: Connection, sel: Selection, after_id: int, limit: int) -> list[Message]:
    """The next messages (by id) in the selection that no run has scanned."""
    return _page(conn, sel, after_id, limit, scanned=False)


def scanned_page(conn: Connection, sel: Selection, after_id: int, limit: int) -> list[Message]:
    """The next scanned messages (by id) in the selection, for the propagation pass."""
    return _page(conn, sel, after_id, limit, scanned=True)


def person_name_seeds(
    conn: Connection, recognizers: Sequence[str], before: int = 40
) -> list[tuple[int, str, str]]:
    """PERSON text findings made by the given recognisers, with where each stood.

    Returns ``(message id, text, up to `before` characters of the message before it)``.
    """
    stmt = (
        select(findings.c.message_id, findings.c.text, findings.c.start, messages.c.text)
        .select_from(findings.join(messages, findings.c.message_id == messages.c.id))
        .where(
            findings.c.entity_type == "PERSON",
            findings.c.field == "text",
            findings.c.recognizer.in_(list(recognizers)),
        )
    )
    out = []
    for m, t, start, body in conn.execute(stmt):
        at = int(start or 0)
        out.append((int(m), str(t), str(body or "")[max(0, at - before) : at]))
    return out


def titled_conversations(conn: Connection) -> set[ConversationId]:
    """Conversations whose title already has proposals (scanned once per case)."""
    stmt = (
        select(messages.c.conversation_id)
        .distinct()
        .select_from(findings.join(messages, findings.c.message_id == messages.c.id))
        .where(findings.c.field == "conversation")
    )
    return {ConversationId(int(c)) for (c,) in conn.execute(stmt)}


def relabel_findings(conn: Connection, changes: Sequence[tuple[int, str]]) -> int:
    """Change the entity type of stored findings (a place NER named that is really a name)."""
    for finding_id, entity_type in changes:
        conn.execute(
            update(findings).where(findings.c.id == finding_id).values(entity_type=entity_type)
        )
    return len(changes)


def counts_by_entity(conn: Connection) -> dict[str, int]:
    """Stored findings per entity type."""
    stmt = select(findings.c.entity_type, func.count()).group_by(findings.c.entity_type)
    return {str(e): int(n) for e, n in conn.execute(stmt)}


def known_people(conn: Connection) -> list[tuple[Person, list[Participant]]]:
    """Every person with their participants (names, numbers, handles across platforms)."""
    by_person: dict[int, list[Participant]] = {}
    for r in conn.execute(select(participants).where(participants.c.person_id.is_not(None))):
        by_person.setdefault(int(r.person_id), []).append(
            Participant(
                ParticipantId(r.id),
                r.platform,
                IdentifierKind(r.kind),
                r.identifier,
                r.display_name,
                PersonId(r.person_id),
            )
        )
    out: list[tuple[Person, list[Participant]]] = []
    for r in conn.execute(select(persons).order_by(persons.c.id)):
        person = Person(
            PersonId(r.id),
            r.display_name,
            PersonRole(r.role),
            official_capacity=bool(r.official_capacity),
        )
        out.append((person, by_person.get(int(r.id), [])))
    return out
