"""The team server: init, grant/revoke, case creation by role, and the append-only audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator

import psycopg
import pytest
from pg_cluster_info import PgCluster
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from sar_desk.core.errors import PermissionDeniedError
from sar_desk.store import audit
from sar_desk.store.pg import audit_guard, server
from sar_desk.store.pg.engine import make_engine

DB = "team_test"
LOGINS = {"alice": "case-handler", "bob": "reviewer", "dora": "dpo", "nora": None}
PASSWORD = "login-test-secret"


@pytest.fixture(scope="module")
def team(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    """A database of its own, initialised by the admin, with three logins granted a role."""
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DB}")
        for login in LOGINS:
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'")
    admin = make_engine(pg_cluster.url(db=DB))
    with admin.begin() as conn:
        server.init_server(conn)
        for login, role in LOGINS.items():
            if role:
                server.grant(conn, login, role)
    with make_engine(pg_cluster.url("alice", PASSWORD, DB)).begin() as conn:
        assert server.create_case(conn, "SAR-2026-0001") == "case_sar_2026_0001"
    admin.dispose()
    yield pg_cluster
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DB} WITH (FORCE)")
        for login in LOGINS:
            conn.execute(f"DROP ROLE {login}")


def _engine(team: PgCluster, login: str) -> Engine:
    return make_engine(team.url(login, PASSWORD, DB), schema="case_sar_2026_0001")


def test_each_login_is_who_the_server_says(team: PgCluster) -> None:
    for login, role in LOGINS.items():
        with _engine(team, login).connect() as conn:
            if role is None:
                with pytest.raises(PermissionDeniedError, match="no role on this team store"):
                    server.who_am_i(conn)
            else:
                assert server.who_am_i(conn) == server.ServerLogin(login, (role,))


def test_a_login_with_no_role_cannot_read_a_case(team: PgCluster) -> None:
    with _engine(team, "nora").connect() as conn, pytest.raises(DBAPIError, match="denied"):
        conn.exec_driver_sql("SELECT count(*) FROM case_sar_2026_0001.messages")


def test_only_a_case_handler_creates_cases(team: PgCluster) -> None:
    with _engine(team, "bob").begin() as conn, pytest.raises(DBAPIError, match="denied"):
        server.create_case(conn, "SAR-2026-0002")
    with _engine(team, "alice").begin() as conn, pytest.raises(DBAPIError, match="already"):
        server.create_case(conn, "sar 2026 0001")


def test_grant_and_revoke_name_roles_and_logins_clearly(team: PgCluster) -> None:
    admin = make_engine(team.url(db=DB))
    with admin.begin() as conn:
        with pytest.raises(ValueError, match="no team role 'admin'"):
            server.grant(conn, "bob", "admin")
        with pytest.raises(ValueError, match="no login 'zed'"):
            server.grant(conn, "zed", "reviewer")
        server.grant(conn, "nora", "auditor")
    with _engine(team, "nora").connect() as conn:
        assert server.who_am_i(conn).roles == ("auditor",)
    with admin.begin() as conn:
        server.revoke(conn, "nora", "auditor")
    with _engine(team, "nora").connect() as conn, pytest.raises(PermissionDeniedError):
        server.who_am_i(conn)
    admin.dispose()


def test_entries_are_written_as_the_login_and_chain_as_store_audit_checks(
    team: PgCluster,
) -> None:
    for login in ("alice", "bob", "dora"):
        with _engine(team, login).begin() as conn:
            audit_guard.append(conn, "review.decide", json.dumps({"item": 7}, sort_keys=True))
            # An e-mail-like value, an accent, a quote and a newline hash the same in both.
            audit_guard.append(conn, "note", json.dumps({"n": 'Zoë "q"\n'}, ensure_ascii=False))
    with _engine(team, "dora").connect() as conn:
        entries = audit.entries(conn)
        assert [e.user for e in entries][-6:] == ["alice", "alice", "bob", "bob", "dora", "dora"]
        assert audit.verify_chain(conn) == []


@pytest.mark.parametrize("login", ["alice", "bob", "dora"])
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET \"user\" = 'someone' WHERE id = 1",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        'INSERT INTO audit_log (id, at, "user", action, details, prev_hash, hash) '
        "VALUES (999, 'x', 'x', 'x', '{}', 'x', 'x')",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update",
        "DROP TRIGGER audit_log_no_update ON audit_log",
        "CREATE OR REPLACE FUNCTION sar_desk_audit_refuse() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN RETURN OLD; END $$",
    ],
)
def test_no_team_login_can_change_the_audit_log_by_direct_sql(
    team: PgCluster, login: str, statement: str
) -> None:
    with _engine(team, login).connect() as conn:
        before = conn.exec_driver_sql("SELECT count(*), max(hash) FROM audit_log").one()
    with _engine(team, login).begin() as conn, pytest.raises(DBAPIError):
        conn.exec_driver_sql(statement)
    with _engine(team, login).connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*), max(hash) FROM audit_log").one() == before


def test_even_the_owner_cannot_update_and_a_damaged_head_stops_new_entries(
    team: PgCluster,
) -> None:
    admin = make_engine(team.url(db=DB), schema="case_sar_2026_0001")
    with admin.begin() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.exec_driver_sql("DELETE FROM audit_log")
    with admin.begin() as conn:
        # Only a superuser can do this; it stands for tampering outside SAR Desk.
        conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
        conn.exec_driver_sql(
            "UPDATE audit_log SET action = 'changed' WHERE id = (SELECT max(id) FROM audit_log)"
        )
        conn.exec_driver_sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update")
    admin.dispose()
    with _engine(team, "alice").begin() as conn, pytest.raises(DBAPIError, match="damaged"):
        audit_guard.append(conn, "review.decide", "{}")
