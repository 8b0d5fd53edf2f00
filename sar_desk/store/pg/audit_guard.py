"""The append-only audit log on the team store, enforced by the server (issue 17 item 5).

In every case schema: no team role holds UPDATE, DELETE or TRUNCATE on ``audit_log``, a trigger
refuses them even for the schema's owner, and new entries are written only by
``sar_desk_audit_append``, a SECURITY DEFINER function that takes the user from
``session_user`` (the login, not a claimed name), checks that the newest entry still matches
its hash, and chains the new entry to it under a table lock, so two logins appending at once
still make one unbroken chain. Its hash is the one `store.audit` computes: PostgreSQL's JSON
text of ``[id, at, user, action, details, prev_hash]`` is byte for byte Python's
``json.dumps(..., ensure_ascii=False)`` for integers and strings.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

_HASH = (
    "encode(sha256(convert_to(json_build_array({id}, {at}, {user}, {action}, {details}, "
    "{prev})::text, 'UTF8')), 'hex')"
)

GUARD_STATEMENTS: tuple[str, ...] = (
    "CREATE FUNCTION sar_desk_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'The audit log is append-only: entries cannot be changed or removed.' "
    "USING ERRCODE = 'insufficient_privilege'; END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
    "EXECUTE FUNCTION sar_desk_audit_refuse()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT "
    "EXECUTE FUNCTION sar_desk_audit_refuse()",
    "CREATE FUNCTION sar_desk_audit_append(p_at text, p_action text, p_details text) "
    "RETURNS TABLE (entry_id integer, entry_hash text) LANGUAGE plpgsql SECURITY DEFINER AS $$ "
    "DECLARE last_row audit_log%ROWTYPE; v_id integer; v_prev text; v_hash text; BEGIN "
    # One writer at a time extends the chain; readers are not blocked.
    "LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE; "
    "SELECT * INTO last_row FROM audit_log ORDER BY id DESC LIMIT 1; "
    "IF FOUND THEN "
    "  IF last_row.hash <> "
    + _HASH.format(
        id="last_row.id",
        at="last_row.at",
        user='last_row."user"',
        action="last_row.action",
        details="last_row.details",
        prev="last_row.prev_hash",
    )
    + " THEN RAISE EXCEPTION 'The audit log is damaged: entry % no longer matches its hash.', "
    "last_row.id USING ERRCODE = 'data_corrupted'; END IF; "
    "  v_id := last_row.id + 1; v_prev := last_row.hash; "
    "ELSE v_id := 1; v_prev := repeat('0', 64); END IF; "
    "v_hash := "
    + _HASH.format(
        id="v_id",
        at="p_at",
        user="session_user::text",
        action="p_action",
        details="p_details",
        prev="v_prev",
    )
    + '; INSERT INTO audit_log (id, at, "user", action, details, prev_hash, hash) '
    "VALUES (v_id, p_at, session_user, p_action, p_details, v_prev, v_hash); "
    "INSERT INTO case_meta (key, value) VALUES ('audit_head', v_id || ':' || v_hash) "
    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value; "
    "RETURN QUERY SELECT v_id, v_hash; END $$",
)
"""Run in a new case schema after the schema steps (search_path set to that schema)."""


def append(conn: Connection, action: str, details: str, at: datetime | None = None) -> int:
    """Append one entry as the session's login through the server's function; returns its id.

    `details` is the JSON text the entry records (ids and counts, never message text).
    """
    when = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    row: Any = conn.execute(
        text("SELECT entry_id FROM sar_desk_audit_append(:at, :action, :details)"),
        {"at": when, "action": action, "details": details},
    ).one()
    return int(row.entry_id)


def append_entry(conn: Connection, at: str, action: str, details: str) -> tuple[int, str, str, str]:
    """Append one entry through the server's function; its id, hash, login and previous hash.

    `at` is the ISO time and `details` the JSON text `store.audit.append` has prepared.
    """
    entry = append(conn, action, details, datetime.fromisoformat(at))
    row: Any = conn.execute(
        text('SELECT hash, "user", prev_hash FROM audit_log WHERE id = :i'), {"i": entry}
    ).one()
    return entry, str(row.hash), str(row.user), str(row.prev_hash)
