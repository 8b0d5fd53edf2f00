"""The append-only, hash-chained audit log (R55).

Every state change of the case is appended with the user, the time and a SHA-256 chained to
the previous entry, so an edit, deletion or reordering made outside the application breaks
the chain and `verify_chain` reports where. There is no update or delete path in code.
Details hold ids and counts, never message text.

Two things tie the chain to facts outside the table (issue 17): each entry seals the decision
rows its transaction wrote (`store.audit_seal`), and the newest entry is also written to a head
file in the case folder and into every exported bundle's manifest (`store.audit_marks`), so a
log rewritten from start to end still disagrees with the copies it cannot reach.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Connection, Integer, Table, Text, delete, insert, select

from sar_desk.core.records import AuditEntry, ChainProblem, Head
from sar_desk.store import audit_marks, audit_seal
from sar_desk.store.case_meta import get_meta, set_meta
from sar_desk.store.tables import case_meta, metadata

_HEAD_KEY = "audit_head"

GENESIS = "0" * 64

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
)


def _digest(seq: int, at: str, user: str, action: str, details: str, prev_hash: str) -> str:
    payload = json.dumps([seq, at, user, action, details, prev_hash], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    conn: Connection, user: str, action: str, details: dict[str, Any], at: datetime | None = None
) -> AuditEntry:
    """Append one entry (call inside the transaction that makes the change it records).

    The decision rows this transaction wrote are sealed into the entry's details, and the new
    head is handed to the commit, which writes the head file.
    """
    sealed = audit_seal.seal_pending(conn)
    if sealed:
        details = {**details, "sealed": sealed}
    conn.execute(delete(case_meta).where(case_meta.c.key == audit_seal.UPGRADE_KEY))
    last = conn.execute(
        select(audit_log.c.id, audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)
    ).first()
    seq = (int(last.id) + 1) if last else 1
    prev_hash = last.hash if last else GENESIS
    when = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    body = json.dumps(details, sort_keys=True, ensure_ascii=False, default=str)
    if conn.dialect.name == "postgresql":
        # The team store: only the server's function writes entries, as the login (issue 17).
        from sar_desk.store.pg.audit_guard import append_entry

        seq, digest, user, prev_hash = append_entry(conn, when, action, body)
        return AuditEntry(
            seq, datetime.fromisoformat(when), user, action, details, prev_hash, digest
        )
    digest = _digest(seq, when, user, action, body, prev_hash)
    conn.execute(
        insert(audit_log).values(
            id=seq,
            at=when,
            user=user,
            action=action,
            details=body,
            prev_hash=prev_hash,
            hash=digest,
        )
    )
    set_meta(conn, _HEAD_KEY, f"{seq}:{digest}")
    conn.info[audit_marks.PENDING_HEAD] = Head(seq, digest)
    return AuditEntry(seq, datetime.fromisoformat(when), user, action, details, prev_hash, digest)


def upgrade_pending(conn: Connection) -> bool:
    """Whether a case from before schema step 15 still waits for its first sealed entry."""
    if get_meta(conn, audit_seal.UPGRADE_KEY) is None:
        return False
    return conn.execute(select(audit_log.c.id).limit(1)).first() is not None


def finish_upgrade(conn: Connection, user: str) -> None:
    """Seal the decisions recorded before step 15 and start the head file, in one entry."""
    if upgrade_pending(conn):
        append(conn, user, "audit-anchored", {"schema_step": 15})


def current_head(conn: Connection) -> Head | None:
    """The newest entry as a head (None for an empty log), for bundle manifests."""
    last = conn.execute(
        select(audit_log.c.id, audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)
    ).first()
    return Head(int(last.id), last.hash) if last else None


def entries(conn: Connection, action: str | None = None) -> list[AuditEntry]:
    """Audit entries in order, optionally of one action."""
    stmt = select(audit_log).order_by(audit_log.c.id)
    if action is not None:
        stmt = stmt.where(audit_log.c.action == action)
    return [
        AuditEntry(
            int(r.id),
            datetime.fromisoformat(r.at),
            r.user,
            r.action,
            _details(r.details),
            r.prev_hash,
            r.hash,
        )
        for r in conn.execute(stmt)
    ]


def _details(raw: str) -> dict[str, Any]:
    # A row edited behind our back may hold anything; listing must still work so it can be seen.
    try:
        value = json.loads(raw)
    except ValueError:
        return {"unreadable": raw}
    return value if isinstance(value, dict) else {"value": value}


def _describe(row: Any) -> str:
    # Says which entry in words a DPO can check against ``sar-desk audit CASE list``.
    return f"entry {row.id} ({row.action} by {row.user} at {row.at})"


def verify_chain(conn: Connection) -> list[ChainProblem]:
    """Recompute the chain; an empty list means it is intact.

    Detects entries edited (hash mismatch), deleted from the middle (a gap in the numbering and
    a broken link), reordered or renumbered (broken links), and cut off the end (the head
    recorded in ``case_meta`` no longer matches).
    """
    problems: list[ChainProblem] = []
    expected_prev = GENESIS
    expected_seq = 1
    for row in conn.execute(select(audit_log).order_by(audit_log.c.id)):
        entry = int(row.id)
        if entry != expected_seq:
            missing = (
                f"entry {expected_seq}"
                if entry == expected_seq + 1
                else f"entries {expected_seq} to {entry - 1}"
            )
            if entry > expected_seq:
                problems.append(
                    ChainProblem(
                        entry,
                        f"{missing.capitalize()} {'is' if entry == expected_seq + 1 else 'are'} "
                        f"missing: the log jumps from entry {expected_seq - 1} to {entry}.",
                    )
                )
            expected_seq = entry
        digest = _digest(entry, row.at, row.user, row.action, row.details, row.prev_hash)
        if digest != row.hash:
            problems.append(
                ChainProblem(
                    entry,
                    f"{_describe(row).capitalize()} was changed after it was written "
                    "(its content no longer matches its hash).",
                )
            )
        elif row.prev_hash != expected_prev:
            problems.append(
                ChainProblem(
                    entry,
                    f"{_describe(row).capitalize()} does not follow the entry before it: "
                    "entries were deleted, reordered or renumbered.",
                )
            )
        expected_prev = row.hash
        expected_seq += 1
    head = conn.execute(
        select(audit_log.c.id, audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)
    ).first()
    anchor = get_meta(conn, _HEAD_KEY)
    current = f"{head.id}:{head.hash}" if head else None
    if anchor is not None and anchor != current:
        # The head is also recorded outside the table, so cutting entries off the end shows.
        last = anchor.split(":", 1)[0]
        problems.append(
            ChainProblem(
                None,
                f"The newest entries were removed or replaced: the log should end at entry "
                f"{last} but ends at {head.id if head else 'nothing'}.",
            )
        )
    return problems
