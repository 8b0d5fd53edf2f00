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


def _event(item: int, action: str, user: str) -> str:
    return (
        'INSERT INTO decision_events (item_id, action, "user", at, "before", "after", code, '
        f"rationale, note, bulk, table_version) VALUES ({item}, '{action}', '{user}', 'now', "
        "'proposed', 'accepted', 'SAR-3P', 'third party', '', false, 'v1')"
    )


@pytest.fixture(scope="module")
def review_item(team: PgCluster) -> int:
    """One proposal on one synthetic message, accepted by alice."""
    with _engine(team, "alice").begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO conversations (platform, key, title) VALUES ('sms', 'r', 'Chat')"
        )
        conn.exec_driver_sql(
            "INSERT INTO messages (conversation_id, sent_at, utc_offset, time_basis, "
            "timestamp_raw, kind, text, attachments_json, reactions_json, mentions_json, edited, "
            "dedup_key, seq) SELECT id, 0, 0, 'utc', 'raw', 'text', 'Ring Pat Kerr', '[]', '[]', "
            "'[]', false, 'rule-1', 1 FROM conversations WHERE key = 'r'"
        )
        item = conn.exec_driver_sql(
            'INSERT INTO review_items (kind, message_id, field, start, "end", text, '
            "entity_type, recognizer, created_by, created_at) SELECT 'span', id, 'text', 5, 13, "
            "'Pat Kerr', 'PERSON', 'test', 'alice', 'now' FROM messages WHERE dedup_key = "
            "'rule-1' RETURNING id"
        ).scalar_one()
        conn.exec_driver_sql(_event(item, "accept", "alice"))
    return int(item)


def test_nobody_records_a_decision_as_another_login(team: PgCluster, review_item: int) -> None:
    with _engine(team, "alice").begin() as conn, pytest.raises(DBAPIError, match="not as bob"):
        conn.exec_driver_sql(_event(review_item, "accept", "bob"))


def test_four_eyes_is_enforced_by_the_server(team: PgCluster, review_item: int) -> None:
    with _engine(team, "alice").begin() as conn, pytest.raises(DBAPIError, match="Four eyes"):
        conn.exec_driver_sql(_event(review_item, "approve", "alice"))
    with _engine(team, "bob").begin() as conn:
        conn.exec_driver_sql(_event(review_item, "approve", "bob"))
    with _engine(team, "bob").connect() as conn:
        who = conn.exec_driver_sql(
            f'SELECT action, "user" FROM decision_events WHERE item_id = {review_item} ORDER BY id'
        ).all()
    assert [tuple(r) for r in who] == [("accept", "alice"), ("approve", "bob")]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE decision_events SET \"user\" = 'bob'",
        "DELETE FROM decision_events",
        "UPDATE signoffs SET note = 'x'",
        "DELETE FROM signoffs",
    ],
)
def test_decisions_and_sign_offs_cannot_be_rewritten(
    team: PgCluster, review_item: int, statement: str
) -> None:
    with _engine(team, "dora").begin() as conn:
        conn.exec_driver_sql(
            'INSERT INTO signoffs ("user", at, note, reasons) '
            "SELECT 'dora', 'now', 'checked', '[]' WHERE NOT EXISTS (SELECT 1 FROM signoffs)"
        )
    for login in ("alice", "bob", "dora"):
        with _engine(team, login).begin() as conn, pytest.raises(DBAPIError, match="cannot be"):
            conn.exec_driver_sql(statement)


def test_only_the_dpo_login_signs_off(team: PgCluster) -> None:
    sign = "INSERT INTO signoffs (\"user\", at, note, reasons) VALUES ('{user}', 'now', 'ok', '[]')"
    with _engine(team, "bob").begin() as conn, pytest.raises(DBAPIError, match="Only the DPO"):
        conn.exec_driver_sql(sign.format(user="bob"))
    with _engine(team, "alice").begin() as conn, pytest.raises(DBAPIError, match="not as dora"):
        conn.exec_driver_sql(sign.format(user="dora"))


def test_a_callers_search_path_cannot_redirect_the_rules(team: PgCluster, review_item: int) -> None:
    # alice points the rules at an empty look-alike table of her own: they still read the case's.
    with _engine(team, "alice").begin() as conn:
        conn.exec_driver_sql(
            "CREATE TEMP TABLE decision_events (LIKE case_sar_2026_0001.decision_events)"
        )
        conn.exec_driver_sql("SET LOCAL search_path TO pg_temp, case_sar_2026_0001")
        with pytest.raises(DBAPIError, match="Four eyes"):
            conn.exec_driver_sql(
                _event(review_item, "accept", "alice")
                .replace(
                    "INSERT INTO decision_events", "INSERT INTO case_sar_2026_0001.decision_events"
                )
                .replace("'accept'", "'approve'")
            )
