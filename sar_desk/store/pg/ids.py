"""Row ids on the team store behave as SQLite's do: the next id follows the largest one.

A SQLite ``INTEGER PRIMARY KEY`` gives a new row the largest id plus one, whether earlier rows
were numbered by SQLite or by the writer. The translated ``SERIAL`` column draws from a
sequence instead, which an insert naming its ids (the import writer numbers messages itself;
the audit log's function numbers entries) never advances: the next row left to the default
would then take an id already used and fail. After every insert into a table with a serial id,
`ID_STATEMENTS`' trigger moves the sequence up to the largest id inserted, never down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FOLLOW_FUNCTION = "sar_desk_ids_follow()"
"""The trigger function (SECURITY DEFINER: team roles may draw ids, not set the counter)."""

ID_FUNCTION = (
    "CREATE FUNCTION sar_desk_ids_follow() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
    "AS $$ DECLARE v_max bigint; v_last bigint; v_seq text; BEGIN "
    "SELECT max(id) INTO v_max FROM new_rows; "
    "IF v_max IS NULL THEN RETURN NULL; END IF; "
    "v_seq := pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'); "
    "EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %s', v_seq) "
    "INTO v_last; "
    "IF v_max > v_last THEN PERFORM setval(v_seq, v_max); END IF; "
    "RETURN NULL; END $$"
)

_SERIAL_TABLE = re.compile(r"^\s*CREATE TABLE (\w+)\s*\(.*\bid SERIAL NOT NULL\b", re.S)


def serial_tables(statements: Iterable[str]) -> list[str]:
    """The tables whose ``id`` the translated steps made a serial column."""
    found = (_SERIAL_TABLE.match(statement) for statement in statements)
    return [match.group(1) for match in found if match is not None]


def id_statements(tables: Iterable[str]) -> list[str]:
    """The trigger function and one statement-level trigger per table (after the tables)."""
    out = [ID_FUNCTION]
    for table in tables:
        out.append(
            f"CREATE TRIGGER {table}_ids_follow AFTER INSERT ON {table} "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION sar_desk_ids_follow()"
        )
    return out
