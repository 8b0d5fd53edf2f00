"""Destroying a case on the team server: one transaction that drops its schema (R69).

A case on the server lives in its own schema: every table, the originals and attachments
(``originals``/``original_chunks``) and the audit log. No team login owns that schema, so the
drop is done by ``sar_desk.destroy_case``, a SECURITY DEFINER function installed by ``server
init``. It checks the rules again on the server, whatever the program calling it did:

- the login is a case handler or the DPO;
- the case is closed and not under a legal hold (its lifecycle record);
- the newest audit entry is this login's "case-purge-started" for this certificate, so a
  destruction is always announced in the audit log before it happens and tied to one
  certificate;
- an early destruction (announced as such) is the DPO's; otherwise the retention date the case
  was closed with has passed.

Then, in the same transaction, it drops the schema, takes the case out of the register and
records the destruction (reference, certificate, login, time: no personal data) in
``sar_desk.destroyed_cases``, so the reference is known to have been destroyed. If anything
fails nothing is destroyed: PostgreSQL drops schemas transactionally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from sar_desk.store.pg.engine import run_ddl

OWNER = "sar_desk_owner"

_TABLE = (
    "CREATE TABLE IF NOT EXISTS sar_desk.destroyed_cases (reference TEXT NOT NULL, "
    "schema_name TEXT NOT NULL, certificate_id TEXT NOT NULL PRIMARY KEY, "
    "destroyed_by TEXT NOT NULL, destroyed_at TIMESTAMPTZ NOT NULL)"
)

_FUNCTION = """
CREATE OR REPLACE FUNCTION sar_desk.destroy_case(p_schema text, p_certificate text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
DECLARE v_reference text; v_life jsonb; v_last record; v_closed jsonb; v_details jsonb;
BEGIN
  IF NOT (pg_has_role(session_user, 'sar_case_handler', 'MEMBER')
          OR pg_has_role(session_user, 'sar_dpo', 'MEMBER')) THEN
    RAISE EXCEPTION 'Only the case handler or the DPO can destroy a case.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT reference INTO v_reference FROM sar_desk.cases WHERE schema_name = p_schema;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'There is no such case on the team store.' USING ERRCODE = 'no_data_found';
  END IF;
  -- Another session writing to the case holds its tables: wait a little, then refuse.
  PERFORM set_config('lock_timeout', '10s', true);
  EXECUTE format('SELECT value::jsonb FROM %I.case_meta WHERE key = %L', p_schema,
                 'lifecycle') INTO v_life;
  IF v_life IS NULL OR v_life->>'closed_on' IS NULL THEN
    RAISE EXCEPTION 'The case is still open; it must be closed before it is destroyed.'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF jsonb_typeof(v_life->'hold') = 'object' THEN
    RAISE EXCEPTION 'The case is under a legal hold, so it cannot be destroyed.'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  EXECUTE format('SELECT "user", action, details FROM %I.audit_log ORDER BY id DESC LIMIT 1',
                 p_schema) INTO v_last;
  v_details := v_last.details::jsonb;
  IF v_last.action IS DISTINCT FROM 'case-purge-started'
     OR v_last."user" IS DISTINCT FROM session_user::text
     OR v_details->>'certificate_id' IS DISTINCT FROM p_certificate THEN
    RAISE EXCEPTION 'The destruction was not announced in the case''s audit log just before; '
      'start it again.' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF (v_details->>'early')::boolean THEN
    IF NOT pg_has_role(session_user, 'sar_dpo', 'MEMBER') THEN
      RAISE EXCEPTION 'Only the DPO can destroy a case before the end of its retention period.'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSE
    EXECUTE format('SELECT details::jsonb FROM %I.audit_log WHERE action = %L '
                   'ORDER BY id DESC LIMIT 1', p_schema, 'case-closed') INTO v_closed;
    IF v_closed IS NULL OR (v_closed->>'retain_until')::date > current_date THEN
      RAISE EXCEPTION 'The case''s retention period has not ended; only the DPO can destroy '
        'it earlier.' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;
  EXECUTE format('DROP SCHEMA %I CASCADE', p_schema);
  DELETE FROM sar_desk.cases WHERE schema_name = p_schema;
  INSERT INTO sar_desk.destroyed_cases
    (reference, schema_name, certificate_id, destroyed_by, destroyed_at)
    VALUES (v_reference, p_schema, p_certificate, session_user, now());
END $fn$
"""


@dataclass(frozen=True, slots=True)
class Destroyed:
    """The server's record of a destroyed case (no personal data)."""

    certificate_id: str
    destroyed_by: str
    destroyed_at: datetime


@dataclass(frozen=True, slots=True)
class KeptFiles:
    """What a team case holds as files on the server (originals, attachments, bundles)."""

    files: int
    bytes: int


def install(conn: Connection, everyone: str) -> None:
    """Create the destruction register and function (``server init``; idempotent)."""
    conn.exec_driver_sql(_TABLE)
    run_ddl(conn, _FUNCTION)
    conn.exec_driver_sql(f"ALTER TABLE sar_desk.destroyed_cases OWNER TO {OWNER}")
    conn.exec_driver_sql(f"ALTER FUNCTION sar_desk.destroy_case(text, text) OWNER TO {OWNER}")
    conn.exec_driver_sql(f"GRANT SELECT ON sar_desk.destroyed_cases TO {everyone}")
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION sar_desk.destroy_case(text, text) FROM PUBLIC")
    conn.exec_driver_sql(
        "GRANT EXECUTE ON FUNCTION sar_desk.destroy_case(text, text) TO sar_case_handler, sar_dpo"
    )


def destroy_case(conn: Connection, schema: str, certificate_id: str) -> None:
    """Drop the case schema `schema` through the server's function (see the module notes)."""
    conn.execute(text("SELECT sar_desk.destroy_case(:s, :c)"), {"s": schema, "c": certificate_id})


def destroyed(conn: Connection, reference: str) -> Destroyed | None:
    """The newest destruction record of the case with `reference`, or None."""
    if conn.execute(text("SELECT to_regclass('sar_desk.destroyed_cases')")).scalar() is None:
        return None  # a server set up by a release before destruction was possible
    row = conn.execute(
        text(
            "SELECT certificate_id, destroyed_by, destroyed_at FROM sar_desk.destroyed_cases "
            "WHERE reference = :r ORDER BY destroyed_at DESC LIMIT 1"
        ),
        {"r": reference},
    ).first()
    if row is None:
        return None
    return Destroyed(str(row.certificate_id), str(row.destroyed_by), row.destroyed_at)


def kept_files(conn: Connection) -> KeptFiles:
    """How many files the open case keeps on the server, and their bytes."""
    row = conn.execute(text("SELECT count(*) AS n, coalesce(sum(size), 0) AS b FROM originals"))
    found = row.one()
    return KeptFiles(int(found.n), int(found.b))
