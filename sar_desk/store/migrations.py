"""Numbered schema migrations, recorded in SQLite's ``PRAGMA user_version``.

Each feature that needs tables adds one step here, in order. A case written by a newer release
(a higher user_version than the last step) is refused by `store.db.open_store`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from sar_desk.store import fts
from sar_desk.store.audit import audit_log
from sar_desk.store.ddl import v13_copies
from sar_desk.store.decisions import create_review_tables
from sar_desk.store.detection import DETECTION_TABLES
from sar_desk.store.findings import findings
from sar_desk.store.people import PEOPLE_TABLES
from sar_desk.store.pit import create_pit_tables
from sar_desk.store.scope import SCOPE_TABLES
from sar_desk.store.searchlog import SEARCHLOG_TABLES
from sar_desk.store.tables import CORE_TABLES

Migration = Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    for table in CORE_TABLES:
        table.create(conn)
    fts.create_fts(conn)


def _audit(conn: Connection) -> None:
    audit_log.create(conn)


def _findings(conn: Connection) -> None:
    findings.create(conn)


def _people_and_search_log(conn: Connection) -> None:
    # Issue 4: people resolution, scope decisions, the search log and the search indexes.
    for table in (*PEOPLE_TABLES, *SCOPE_TABLES, *SEARCHLOG_TABLES):
        table.create(conn)
    fts.create_search_aids(conn)


def _detection_runs(conn: Connection) -> None:
    # Issue 5: detection runs and scanned messages, so detection can stop and carry on.
    for table in DETECTION_TABLES:
        table.create(conn)


# (version, step). Append only; never edit a step that has shipped. A case records only the
# highest version applied, so a new step must be numbered above every existing one: 6 was
# reserved for export records and never used, and must not be used now. The next step is 9.
MIGRATIONS: list[tuple[int, Migration]] = [
    (1, _initial),
    (2, _audit),
    (3, _findings),
    (4, _people_and_search_log),
    (5, create_review_tables),
    (7, _detection_runs),
    (8, create_pit_tables),  # issue 6: public interest tests, s.36 opinions, QA samples
    (13, v13_copies.step),  # issue 14: custodians and time precision per source (frozen DDL)
]


def latest_version() -> int:
    """The schema version this release writes."""
    return max(version for version, _ in MIGRATIONS)
