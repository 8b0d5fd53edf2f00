"""Step 13 (issue 14): one message, many copies: custodians per source, time precision per source.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
The data step fills both tables for sources imported before this step: the custodian typed at
import, and the precision the stored times show (whole minutes, whole seconds or finer).
"""

from __future__ import annotations

from sqlalchemy import Connection

DDL: tuple[str, ...] = (
    """CREATE TABLE source_custodians (
    source_id INTEGER NOT NULL,
    custodian TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    PRIMARY KEY (source_id, custodian),
    FOREIGN KEY(source_id) REFERENCES sources (id)
)""",
    """CREATE TABLE source_precision (
    source_id INTEGER NOT NULL,
    micros BIGINT NOT NULL,
    PRIMARY KEY (source_id),
    FOREIGN KEY(source_id) REFERENCES sources (id)
)""",
)

_FILL: tuple[str, ...] = (
    "INSERT INTO source_custodians (source_id, custodian, added_at, added_by) "
    "SELECT id, custodian, imported_at, '' FROM sources WHERE custodian IS NOT NULL",
    # A source's precision is the coarsest unit every one of its stored times is a whole
    # multiple of: a minute (Android WhatsApp), a second (iOS), or exact.
    "INSERT INTO source_precision (source_id, micros) SELECT s.id, CASE "
    "WHEN NOT EXISTS (SELECT 1 FROM message_sources l JOIN messages m ON m.id = l.message_id "
    "WHERE l.source_id = s.id AND m.sent_at % 60000000 != 0) THEN 60000000 "
    "WHEN NOT EXISTS (SELECT 1 FROM message_sources l JOIN messages m ON m.id = l.message_id "
    "WHERE l.source_id = s.id AND m.sent_at % 1000000 != 0) THEN 1000000 "
    "ELSE 1 END FROM sources s",
)


def fill(conn: Connection) -> None:
    """Record the custodian and time precision of every source imported before this step."""
    for statement in _FILL:
        conn.exec_driver_sql(statement)
