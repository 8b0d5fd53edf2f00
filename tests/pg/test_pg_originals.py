"""Originals held in the team store come back byte for byte, and altered bytes are refused."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_cluster_info import PgCluster
from sqlalchemy import Engine

from sar_desk.core.errors import CaseDamagedError, NotFoundError
from sar_desk.store.pg import originals
from sar_desk.store.pg.engine import make_engine, migrate_case


@pytest.fixture(scope="module")
def case_engine(pg_cluster: PgCluster) -> Iterator[Engine]:
    admin = make_engine(pg_cluster.url())
    with admin.begin() as conn:
        migrate_case(conn, "case_originals_test", label="ORIGINALS-TEST")
    admin.dispose()
    engine = make_engine(pg_cluster.url(), schema="case_originals_test")
    yield engine
    engine.dispose()


def test_an_original_round_trips_in_chunks(
    case_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(originals, "CHUNK_BYTES", 1000)
    source = tmp_path / "export.zip"
    source.write_bytes(os.urandom(4500))
    with case_engine.begin() as conn:
        sha = originals.store_original(conn, source)
        assert originals.store_original(conn, source) == sha  # stored once per content
    assert sha == hashlib.sha256(source.read_bytes()).hexdigest()
    with case_engine.connect() as conn:
        chunks = conn.exec_driver_sql(
            "SELECT count(*) FROM original_chunks WHERE sha256 = %(s)s", {"s": sha}
        ).scalar()
        back = originals.copy_original_to(conn, sha, tmp_path / "back.zip")
    assert chunks == 5
    assert back.read_bytes() == source.read_bytes()


def test_altered_bytes_are_refused_and_nothing_is_left(case_engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "chat.txt"
    source.write_bytes(b"12/03/2026, 09:14 - Sam: synthetic line\n")
    with case_engine.begin() as conn:
        sha = originals.store_original(conn, source)
        conn.exec_driver_sql(
            "UPDATE original_chunks SET data = 'tampered'::bytea WHERE sha256 = %(s)s", {"s": sha}
        )
    with case_engine.connect() as conn, pytest.raises(CaseDamagedError, match="no longer matches"):
        originals.copy_original_to(conn, sha, tmp_path / "out.txt")
    assert list(tmp_path.glob("out.txt*")) == []
    with case_engine.connect() as conn, pytest.raises(NotFoundError):
        originals.copy_original_to(conn, "0" * 64, tmp_path / "none.txt")
