"""The team server's own objects: group roles, the case register, and case creation.

``server init`` (run by the team's admin login) creates four NOLOGIN group roles, an owner role
no login is ever granted, and the ``sar_desk`` schema holding the case register and the
SECURITY DEFINER function ``sar_desk.create_case`` that builds a case schema from the statements
stored at init (and ``sar_desk.destroy_case``, which drops one: `store.pg.destroy`). Case
schemas and their tables belong to the owner role, so no team login owns anything it could
alter, disable or drop; team roles get only the privileges their work needs,
and the audit log only through its append function (`store.pg.audit_guard`).
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql
from sqlalchemy import Connection, text

from sar_desk.core.errors import PermissionDeniedError
from sar_desk.store.migrations import MIGRATIONS, FrozenStep, latest_version
from sar_desk.store.pg import audit_guard, destroy, ids, rules
from sar_desk.store.pg.ddl import PREAMBLE, translate_step
from sar_desk.store.pg.engine import VERSION_TABLE, case_schema, run_ddl
from sar_desk.store.pg.roles import ROLES

OWNER = destroy.OWNER
"""Owns every case schema; granted to no login, so nobody can bypass the rules as owner."""


@dataclass(frozen=True, slots=True)
class ServerLogin:
    """Who the session is on the server: the login and its team roles (command names)."""

    login: str
    roles: tuple[str, ...]


def case_statements() -> list[str]:
    """Every statement that builds a new case schema (search_path already set to it)."""
    out: list[str] = [*PREAMBLE]
    out.append(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
    for version, step in sorted(MIGRATIONS, key=lambda item: item[0]):
        if not isinstance(step, FrozenStep):
            raise TypeError(f"Schema step {version} is not a frozen step")
        out.extend(translate_step(version, step.ddl))
    out.append(f"INSERT INTO {VERSION_TABLE} (version) VALUES ({latest_version()})")
    out.extend(ids.id_statements(ids.serial_tables(out)))
    out.extend(audit_guard.GUARD_STATEMENTS)
    out.extend(rules.RULE_STATEMENTS)
    return out


_CREATE_CASE = """
CREATE OR REPLACE FUNCTION sar_desk.create_case(p_reference text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$
DECLARE v_schema text; v_stmt record;
  v_all text := 'sar_case_handler, sar_reviewer, sar_dpo, sar_auditor';
  v_writers text := 'sar_case_handler, sar_reviewer, sar_dpo';
  v_fn text; v_pinned text[] := ARRAY[{pinned}];
BEGIN
  IF NOT pg_has_role(session_user, 'sar_case_handler', 'MEMBER') THEN
    RAISE EXCEPTION 'Only a case handler can create a case on the team store.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  v_schema := left('case_' || trim(both '_' from
      regexp_replace(lower(p_reference), '[^a-z0-9]+', '_', 'g')), 63);
  IF v_schema = 'case_' THEN
    RAISE EXCEPTION 'A case reference needs letters or digits.'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM sar_desk.cases WHERE schema_name = v_schema) THEN
    RAISE EXCEPTION 'A case with reference % is already on the team store.', p_reference
      USING ERRCODE = 'unique_violation';
  END IF;
  EXECUTE format('CREATE SCHEMA %I', v_schema);
  PERFORM set_config('search_path', quote_ident(v_schema) || ', public', true);
  FOR v_stmt IN SELECT statement FROM sar_desk.case_ddl ORDER BY seq LOOP
    EXECUTE v_stmt.statement;
  END LOOP;
  FOREACH v_fn IN ARRAY v_pinned LOOP
    -- pg_temp last, explicitly: otherwise a caller's temporary look-alike tables come first.
    EXECUTE format('ALTER FUNCTION %I.%s SET search_path = %I, pg_temp', v_schema, v_fn,
                   v_schema);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', v_schema, v_all);
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %s', v_schema, v_all);
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %s',
                 v_schema, v_writers);
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %s', v_schema, v_writers);
  -- The audit log: read by every team role, written only through its function.
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I.audit_log FROM PUBLIC, %s',
                 v_schema, v_all);
  EXECUTE format('REVOKE ALL ON FUNCTION %I.sar_desk_audit_append(text, text, text) FROM PUBLIC',
                 v_schema);
  EXECUTE format('GRANT EXECUTE ON FUNCTION %I.sar_desk_audit_append(text, text, text) TO %s',
                 v_schema, v_writers);
  INSERT INTO sar_desk.cases (reference, schema_name, created_by, created_at)
    VALUES (p_reference, v_schema, session_user, now());
  RETURN v_schema;
END $fn$
"""


def init_server(conn: Connection) -> None:
    """Create (or bring up to date) the team's roles, register and case builder.

    Run by the admin login (a superuser, or a login with CREATEROLE that owns the database).
    """
    for group in (*ROLES.values(), OWNER):
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": group})
        if exists.first() is None:
            conn.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    conn.exec_driver_sql(f'GRANT CREATE ON DATABASE "{database}" TO {OWNER}')
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS sar_desk AUTHORIZATION {OWNER}")
    conn.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS sar_desk.cases (reference TEXT NOT NULL PRIMARY KEY, "
        "schema_name TEXT NOT NULL UNIQUE, created_by TEXT NOT NULL, "
        "created_at TIMESTAMPTZ NOT NULL)"
    )
    conn.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS sar_desk.case_ddl (seq INTEGER NOT NULL PRIMARY KEY, "
        "statement TEXT NOT NULL)"
    )
    conn.exec_driver_sql("DELETE FROM sar_desk.case_ddl")
    conn.execute(
        text("INSERT INTO sar_desk.case_ddl (seq, statement) VALUES (:seq, :statement)"),
        [{"seq": n, "statement": s} for n, s in enumerate(case_statements())],
    )
    pinned = ", ".join(f"'{name}'" for name in (*rules.PINNED, ids.FOLLOW_FUNCTION))
    run_ddl(conn, _CREATE_CASE.replace("{pinned}", pinned))
    for table in ("sar_desk.cases", "sar_desk.case_ddl"):
        conn.exec_driver_sql(f"ALTER TABLE {table} OWNER TO {OWNER}")
    conn.exec_driver_sql(f"ALTER FUNCTION sar_desk.create_case(text) OWNER TO {OWNER}")
    everyone = ", ".join(ROLES.values())
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA sar_desk TO {everyone}")
    conn.exec_driver_sql(f"GRANT SELECT ON sar_desk.cases TO {everyone}")
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION sar_desk.create_case(text) FROM PUBLIC")
    conn.exec_driver_sql("GRANT EXECUTE ON FUNCTION sar_desk.create_case(text) TO sar_case_handler")
    destroy.install(conn, everyone)


def _group(role: str) -> str:
    try:
        return ROLES[role]
    except KeyError:
        raise ValueError(
            f"There is no team role {role!r}; the roles are {', '.join(ROLES)}."
        ) from None


def _login_must_exist(conn: Connection, login: str) -> None:
    found = conn.execute(
        text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": login}
    ).first()
    if found is None or not found.rolcanlogin:
        raise ValueError(
            f"There is no login {login!r} on the team server. Ask the server's administrator "
            "to create it first."
        )


def _quoted(conn: Connection, login: str) -> str:
    raw: psycopg.Connection[object] = conn.connection.dbapi_connection  # type: ignore[assignment]
    return sql.Identifier(login).as_string(raw)


def grant(conn: Connection, login: str, role: str) -> None:
    """Give `login` the team `role` (run by the admin login)."""
    group = _group(role)
    _login_must_exist(conn, login)
    conn.exec_driver_sql(f"GRANT {group} TO {_quoted(conn, login)}")


def revoke(conn: Connection, login: str, role: str | None = None) -> tuple[str, ...]:
    """Take the team `role` (every team role when None) away from `login` (the admin login).

    Returns:
        The team roles taken away (those the login held).
    """
    groups = [_group(role)] if role is not None else list(ROLES.values())
    _login_must_exist(conn, login)
    held = tuple(
        name
        for name, group in ROLES.items()
        if group in groups
        and conn.execute(
            text("SELECT pg_has_role(:l, :g, 'MEMBER')"), {"l": login, "g": group}
        ).scalar_one()
    )
    for group in groups:
        conn.exec_driver_sql(f"REVOKE {group} FROM {_quoted(conn, login)}")
    return held


def who_am_i(conn: Connection) -> ServerLogin:
    """The session's login and its team roles.

    Raises:
        PermissionDeniedError: The login holds no team role.
    """
    login = str(conn.execute(text("SELECT session_user")).scalar_one())
    held = tuple(
        role
        for role, group in ROLES.items()
        if conn.execute(
            text("SELECT pg_has_role(session_user, :g, 'MEMBER')"), {"g": group}
        ).scalar_one()
    )
    if not held:
        raise PermissionDeniedError(
            f"The login {login} has no role on this team store (case-handler, reviewer, dpo or "
            "auditor), so it cannot open cases here. Ask the team's administrator for a role."
        )
    return ServerLogin(login, held)


def create_case(conn: Connection, reference: str) -> str:
    """Create the case with `reference` through the server's function; returns its schema."""
    return str(conn.execute(text("SELECT sar_desk.create_case(:r)"), {"r": reference}).scalar_one())


def find_case(conn: Connection, reference: str) -> str | None:
    """The schema of the case with `reference` (or whose schema name it gives), or None."""
    found = conn.execute(
        text("SELECT schema_name FROM sar_desk.cases WHERE reference = :r OR schema_name = :s"),
        {"r": reference, "s": case_schema(reference)},
    ).first()
    return str(found.schema_name) if found is not None else None
