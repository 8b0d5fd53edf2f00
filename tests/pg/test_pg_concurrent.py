"""Two logins in two processes write one case on the team server at once (issue 17 item 6).

Each process records decisions on its own items and appends audit entries through the server's
function, while also searching; afterwards every decision is there and the chain is unbroken.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster_info import PgCluster

from sar_desk.store import audit
from sar_desk.store.pg import server
from sar_desk.store.pg.engine import make_engine

DB = "concurrent_test"
PASSWORD = "two-at-once-secret"
SCHEMA = "case_two_at_once"
ROUNDS = 25

_WORKER = """
import json, sys
from sqlalchemy import text
from sar_desk.store.pg import audit_guard
from sar_desk.store.pg.engine import make_engine
from sar_desk.store.pg.search import search_clause
from sar_desk.store.tables import messages
from sqlalchemy import select
url, schema, login, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
engine = make_engine(url, schema=schema)
for n in range(rounds):
    with engine.begin() as conn:
        item = conn.execute(text(
            "INSERT INTO review_items (kind, message_id, field, text, entity_type, recognizer, "
            "created_by, created_at) SELECT 'span', min(id), 'text', 'x', 'PERSON', 't', :u, 'now' "
            "FROM messages RETURNING id"), {"u": login}).scalar_one()
        conn.execute(text(
            "INSERT INTO decision_events (item_id, action, \\"user\\", at, \\"before\\", "
            "\\"after\\", rationale, note, bulk, table_version) "
            "VALUES (:i, 'accept', :u, 'now', 'proposed', 'accepted', 'r', '', false, 'v1')"),
            {"i": item, "u": login})
        audit_guard.append(conn, "review.decide", json.dumps({"item": item}))
    with engine.connect() as conn:
        conn.execute(select(messages.c.id).where(search_clause(messages.c.id, "boiler"))).all()
engine.dispose()
"""


@pytest.fixture(scope="module")
def shared_case(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {DB}")
        for login in ("ann", "ben"):
            conn.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'")
    admin = make_engine(pg_cluster.url(db=DB))
    with admin.begin() as conn:
        server.init_server(conn)
        server.grant(conn, "ann", "case-handler")
        server.grant(conn, "ben", "reviewer")
    admin.dispose()
    with make_engine(pg_cluster.url("ann", PASSWORD, DB)).begin() as conn:
        server.create_case(conn, "two at once")
        conn.exec_driver_sql(f"SET LOCAL search_path TO {SCHEMA}")
        conn.exec_driver_sql(
            "INSERT INTO conversations (platform, key, title) VALUES ('sms', 'c', 'C')"
        )
        conn.exec_driver_sql(
            "INSERT INTO messages (conversation_id, sent_at, utc_offset, time_basis, "
            "timestamp_raw, kind, text, attachments_json, reactions_json, mentions_json, edited, "
            "dedup_key, seq) SELECT id, 0, 0, 'utc', 'raw', 'text', 'the boiler', '[]', '[]', "
            "'[]', false, 'c-1', 1 FROM conversations"
        )
    yield pg_cluster
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {DB} WITH (FORCE)")
        conn.execute("DROP ROLE ann")
        conn.execute("DROP ROLE ben")


def test_two_logins_at_once_lose_nothing_and_keep_one_chain(
    shared_case: PgCluster, tmp_path: Path
) -> None:
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _WORKER,
                shared_case.url(login, PASSWORD, DB),
                SCHEMA,
                login,
                str(ROUNDS),
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for login in ("ann", "ben")
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    engine = make_engine(shared_case.url("ben", PASSWORD, DB), schema=SCHEMA)
    with engine.connect() as conn:
        by_login = dict(
            conn.exec_driver_sql(
                'SELECT "user", count(*) FROM decision_events GROUP BY "user"'
            ).all()
        )
        entries = audit.entries(conn)
        problems = audit.verify_chain(conn)
    engine.dispose()
    assert by_login == {"ann": ROUNDS, "ben": ROUNDS}
    assert sorted(e.user for e in entries) == ["ann"] * ROUNDS + ["ben"] * ROUNDS
    assert [e.id for e in entries] == list(range(1, 2 * ROUNDS + 1))
    assert problems == []
