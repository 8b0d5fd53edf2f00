"""The private cluster itself: it runs, listens only on 127.0.0.1, and refuses a wrong password."""

from __future__ import annotations

import psycopg
import pytest
from pg_cluster_info import PgCluster


def test_the_private_cluster_answers_its_admin_login(pg_cluster: PgCluster) -> None:
    with psycopg.connect(pg_cluster.url()) as conn:
        row = conn.execute("SELECT session_user, current_setting('listen_addresses')").fetchone()
        version = conn.execute("SHOW server_version_num").fetchone()
    assert row == (pg_cluster.admin, "127.0.0.1")
    assert version is not None
    assert int(version[0]) // 10000 == 15


def test_a_wrong_password_is_refused(pg_cluster: PgCluster) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_cluster.url(password="not-the-password")).close()
