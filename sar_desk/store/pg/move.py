"""What of a case folder can move to the team store as it is (issue 17 item 7).

Decisions are facts bound to the login that makes them on the server (`store.pg.rules`), so a
case folder whose users already decided anything cannot be carried over row by row: its
decision rows would name people who are not logins, outside the server's chain.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from sar_desk.store.audit_seal import sealed_tables
from sar_desk.store.people import person_decisions


def decision_rows(conn: Connection) -> dict[str, int]:
    """How many rows each table of decisions holds (tables holding none are left out).

    The people decisions (merges, splits, marks) count too: they are the officer's, not the
    import's, and would otherwise be lost without a word.
    """
    counts: dict[str, int] = {}
    tables = {**sealed_tables(), "person_decisions": person_decisions}
    for name, table in tables.items():
        found = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        if found:
            counts[name] = found
    return counts
