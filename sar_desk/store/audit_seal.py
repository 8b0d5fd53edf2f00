"""Decisions as facts in the audit chain: the rows each entry seals, and checking them (issue 17).

Every decision event, sign-off (and its voiding), third-party record, public interest test,
qualified person's opinion, legitimate-interests test, whose-data link, scope decision and
approval of an exclusion is noted as it is written
(`audit_marks.note_row`); the audit entry of the same transaction then carries a ``sealed``
detail: the row ids and a SHA-256 over their full content (a decision event together with the
span and message of its item). The entry's chain hash covers that detail, so a decision row
changed, deleted or added after the fact no longer matches any entry, and `verify_seals` says
which. Users are checked the same way against their ``user-added`` / passphrase entries.
Only hashes and ids enter the audit log, never the rows' text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, func, or_, select

from sar_desk.core.records import passphrase_mark
from sar_desk.store import audit_marks
from sar_desk.store.case_meta import get_meta
from sar_desk.store.users import list_users

UPGRADE_KEY = "audit_upgrade"
_WHAT = {
    "decision_events": "review decisions",
    "signoffs": "sign-offs",
    "signoff_voids": "sign-off voids",
    "third_party_records": "third-party records",
    "public_interest_tests": "public interest tests",
    "qualified_person_opinions": "qualified person's opinions",
    "legitimate_interests_tests": "legitimate-interests tests",
    "item_subjects": "decisions on whose data an item is",
    "scope_events": "scope decisions",
    "scope_approvals": "second-person approvals of exclusions",
    "attachment_review_events": "decisions on attachments",
    "deliveries": "delivery records",
}
# The item fields a decision depends on: changing the span after approval changes what is hidden.
_ITEM_FIELDS = ("kind", "message_id", "field", "start", "end", "text", "finding_id")


def sealed_tables() -> dict[str, Table]:
    """The tables whose rows audit entries seal, by name."""
    # Imported when called: these modules append audit entries themselves (a sign-off void),
    # so importing them here at load time would be circular.
    from sar_desk.store.attachment_review import attachment_review_events
    from sar_desk.store.decisions import decision_events, third_party_records
    from sar_desk.store.deliveries import deliveries
    from sar_desk.store.exclusions import scope_approvals
    from sar_desk.store.legal_records import legitimate_interests_tests
    from sar_desk.store.pit import public_interest_tests, qualified_person_opinions
    from sar_desk.store.scope import scope_events
    from sar_desk.store.signoffs import signoff_voids, signoffs
    from sar_desk.store.subjects import item_subjects

    tables = (
        decision_events,
        signoffs,
        signoff_voids,
        third_party_records,
        public_interest_tests,
        qualified_person_opinions,
        legitimate_interests_tests,
        item_subjects,
        scope_events,
        scope_approvals,
        attachment_review_events,
        deliveries,
    )
    return {t.name: t for t in tables}


def last_id(conn: Connection, table: Table) -> int:
    """The highest row id of a table (0 when empty), taken before a bulk insert."""
    return int(conn.execute(select(func.max(table.c.id))).scalar() or 0)


def note_rows_after(conn: Connection, table: Table, before: int) -> None:
    """Note the rows a bulk insert just added (their ids are above `before`) for sealing."""
    for row_id in conn.execute(select(table.c.id).where(table.c.id > before)).scalars():
        audit_marks.note_row(conn.info, table.name, int(row_id))


def ranges(ids: Iterable[int]) -> list[list[int]]:
    """Ids as sorted inclusive [first, last] runs (a bulk decision is one run)."""
    out: list[list[int]] = []
    for value in sorted(set(ids)):
        if out and value == out[-1][1] + 1:
            out[-1][1] = value
        else:
            out.append([value, value])
    return out


def _select(table: Table, runs: Sequence[Sequence[int]]) -> Select[Any]:
    from sar_desk.store.decisions import review_items

    where = or_(*(table.c.id.between(int(a), int(b)) for a, b in runs))
    if table.name == "decision_events":
        item = [review_items.c[name].label(f"item_{name}") for name in _ITEM_FIELDS]
        joined = table.outerjoin(review_items, review_items.c.id == table.c.item_id)
        return select(table, *item).select_from(joined).where(where).order_by(table.c.id)
    return select(table).where(where).order_by(table.c.id)


def digest(conn: Connection, table: Table, runs: Sequence[Sequence[int]]) -> tuple[str, set[int]]:
    """The SHA-256 over the rows now in `runs` (in id order) and the ids found."""
    hasher = hashlib.sha256()
    found: set[int] = set()
    for row in conn.execute(_select(table, runs)):
        found.add(int(row.id))
        line = json.dumps(list(row), ensure_ascii=False, default=str)
        hasher.update(line.encode("utf-8") + b"\n")
    return hasher.hexdigest(), found


def seal_pending(conn: Connection) -> dict[str, Any]:
    """The ``sealed`` detail for the rows this transaction wrote (all rows, after an upgrade)."""
    pending = audit_marks.take_rows(conn.info)
    tables = sealed_tables()
    if get_meta(conn, UPGRADE_KEY) is not None:
        # The first entry after schema step 15 vouches for the decisions recorded before it.
        pending = {
            name: [int(v) for v in conn.execute(select(table.c.id)).scalars()]
            for name, table in tables.items()
        }
    sealed: dict[str, Any] = {}
    for name, ids in sorted(pending.items()):
        if not ids:
            continue
        runs = ranges(ids)
        sealed[name] = {"ids": runs, "sha256": digest(conn, tables[name], runs)[0]}
    return sealed


def verify_seals(conn: Connection, entries: Iterable[Any]) -> list[tuple[int | None, str]]:
    """Check every sealed detail and that every decision row is sealed by some entry.

    Args:
        conn: The case connection.
        entries: The audit entries (``store.audit.AuditEntry``), in order.

    Returns:
        (entry id or None, sentence) for each problem found.
    """
    problems: list[tuple[int | None, str]] = []
    tables = sealed_tables()
    covered: dict[str, set[int]] = {name: set() for name in tables}
    users: dict[str, tuple[str | None, str | None]] = {}
    for entry in entries:
        if entry.action in ("user-added", "user-passphrase-set"):
            _fold_user(users, entry.details)
        sealed = entry.details.get("sealed")
        if not isinstance(sealed, dict):
            continue
        for name, seal in sealed.items():
            table = tables.get(name)
            if table is None or not isinstance(seal, dict):
                continue
            runs = seal.get("ids") or []
            now, found = digest(conn, table, runs)
            covered[name].update(found)
            if now != seal.get("sha256"):
                problems.append(
                    (
                        entry.id,
                        f"The {_WHAT[name]} recorded by entry {entry.id} ({entry.action} by "
                        f"{entry.user}) were changed or deleted after they were recorded.",
                    )
                )
    for name, table in tables.items():
        loose = [int(v) for v in conn.execute(select(table.c.id)).scalars()]
        extra = sorted(set(loose) - covered[name])
        if extra:
            shown = ", ".join(map(str, extra[:10])) + (" ..." if len(extra) > 10 else "")
            problems.append(
                (
                    None,
                    f"{len(extra)} {_WHAT[name]} ({shown}) are in no audit entry: they were "
                    "added outside SAR Desk.",
                )
            )
    problems.extend((None, text) for text in _user_problems(conn, users))
    problems.extend((None, text) for text in _scope_problems(conn))
    return problems


def _scope_problems(conn: Connection) -> list[str]:
    # The export reads each message's scope from `message_scope`, a state table; it must be
    # what the (sealed) scope decisions in `scope_events` add up to.
    from sar_desk.store.scope import message_scope, scope_events

    expected: dict[int, tuple[str | None, bool | None]] = {}
    events = select(scope_events.c.message_id, scope_events.c.action, scope_events.c.value)
    for event in conn.execute(events.order_by(scope_events.c.id)):
        relevance, included = expected.get(int(event.message_id), (None, None))
        if event.action == "relevance":
            relevance = event.value
        else:
            included = event.value == "in"
        expected[int(event.message_id)] = (relevance, included)
    state = select(
        message_scope.c.message_id, message_scope.c.relevance, message_scope.c.in_disclosure
    )
    changed = [
        int(row.message_id)
        for row in conn.execute(state.order_by(message_scope.c.message_id))
        if expected.get(int(row.message_id))
        != (row.relevance, None if row.in_disclosure is None else bool(row.in_disclosure))
    ]
    if not changed:
        return []
    shown = ", ".join(map(str, changed[:10])) + (" ..." if len(changed) > 10 else "")
    return [
        f"The scope of {len(changed)} message{'s' if len(changed) != 1 else ''} ({shown}) was "
        "changed outside SAR Desk: it no "
        "longer follows the scope decisions recorded for them."
    ]


def _fold_user(users: dict[str, tuple[str | None, str | None]], details: dict[str, Any]) -> None:
    name = str(details.get("user", ""))
    role, mark = users.get(name.casefold(), (None, None))
    if "role" in details:
        role = details.get("role")
    if "passphrase" in details:
        mark = details.get("passphrase")
    users[name.casefold()] = (role, mark)


def _user_problems(conn: Connection, users: dict[str, tuple[str | None, str | None]]) -> list[str]:
    out = []
    for row in list_users(conn):
        recorded = users.get(row.name.casefold())
        if recorded is None:
            out.append(f"The case user {row.name} was added outside SAR Desk.")
            continue
        role, mark = recorded
        if role != row.role:
            out.append(f"The role of {row.name} was changed outside SAR Desk (to {row.role}).")
        if mark != passphrase_mark(row.passphrase_hash):
            out.append(f"The passphrase of {row.name} was changed outside SAR Desk.")
    return out
