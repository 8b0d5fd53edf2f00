"""The case database: migrations, schema version, transactions and FTS sync."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from sar_desk.core.errors import CaseDamagedError, CaseNotFoundError, StoreTooNewError
from sar_desk.core.imports import RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind, TimeBasis
from sar_desk.store import SCHEMA_VERSION, open_store
from sar_desk.store.sources import add_source
from sar_desk.store.tables import messages
from sar_desk.store.writer import ImportWriter


def raw(text_: str, minute: int = 0, sender: str = "Sam Lee", conv: str = "Team") -> RawMessage:
    return RawMessage(
        platform="whatsapp",
        conversation_key=conv,
        conversation_title=conv,
        sender=sender,
        sender_id=None,
        sender_id_kind=None,
        timestamp=datetime(2026, 1, 5, 10, minute, tzinfo=UTC),
        timestamp_raw="x",
        time_basis=TimeBasis.CASE_TZ,
        kind=MessageKind.MESSAGE,
        text=text_,
    )


def new_source(conn, sha: str) -> int:
    return add_source(
        conn,
        platform="whatsapp",
        original_name="chat.txt",
        stored_path="",
        sha256=sha,
        size=1,
        custodian=None,
        imported_at=datetime.now(UTC),
        importer_version="t",
    )


def test_new_store_is_at_the_latest_schema_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        assert store.user_version() == SCHEMA_VERSION
        with store.read() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert mode == "wal"


def test_missing_case_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CaseNotFoundError, match="no case database"):
        open_store(tmp_path / "nothing" / "case.db")


def test_case_from_a_newer_release_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    open_store(path, create=True).close()
    with sqlite3.connect(path) as raw_conn:
        raw_conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreTooNewError, match="newer release of SAR Desk"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CaseDamagedError, match="cannot be read"):
        open_store(path)


def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:

        def fill_then_fail() -> None:
            with store.transaction() as conn:
                writer = ImportWriter(conn, new_source(conn, "a" * 64))
                for i in range(5000):
                    writer.add(raw(f"message {i}", minute=i % 60))
                writer.finish()
                raise RuntimeError("power cut")

        with pytest.raises(RuntimeError):
            fill_then_fail()
        with store.read() as conn:
            assert conn.execute(select(func.count()).select_from(messages)).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM messages_fts")).scalar() == 0


def test_fts_index_follows_inserts_updates_and_deletes(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        with store.transaction() as conn:
            writer = ImportWriter(conn, new_source(conn, "b" * 64))
            writer.add(raw("the boiler is broken"))
            writer.finish()

        def hits(word: str) -> int:
            with store.read() as conn:
                return int(
                    conn.execute(
                        text("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH :w"),
                        {"w": word},
                    ).scalar_one()
                )

        assert hits("boiler") == 1
        with store.transaction() as conn:
            conn.execute(messages.update().values(text="the radiator leaks"))
        assert hits("boiler") == 0
        assert hits("radiator") == 1
        with store.transaction() as conn:
            conn.execute(text("DELETE FROM message_sources"))
            conn.execute(messages.delete())
        assert hits("radiator") == 0


def test_same_messages_from_two_sources_are_stored_once_and_list_both(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        for sha in ("c" * 64, "d" * 64):
            with store.transaction() as conn:
                writer = ImportWriter(conn, new_source(conn, sha))
                writer.add(raw("ok", minute=1))
                writer.add(raw("ok", minute=1))  # a genuine second "ok" in the same minute
                writer.add(raw("see you", minute=2))
                counts = writer.finish()
        assert counts.duplicates == 3
        assert counts.messages == 0
        with store.read() as conn:
            assert conn.execute(select(func.count()).select_from(messages)).scalar() == 3
            links = conn.execute(
                text("SELECT message_id, count(*) FROM message_sources GROUP BY message_id")
            ).all()
        assert sorted(n for _, n in links) == [2, 2, 2]


def test_participants_are_created_once_per_identity(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        with store.transaction() as conn:
            writer = ImportWriter(conn, new_source(conn, "e" * 64))
            writer.add(raw("hi", sender="Sam Lee"))
            writer.add(raw("hello", minute=3, sender="Sam Lee"))
            phone = raw("yo", minute=4, sender="+44 7911 123456")
            writer.add(
                RawMessage(
                    **{
                        **{f: getattr(phone, f) for f in phone.__slots__},
                        "sender_id": "+447911123456",
                        "sender_id_kind": IdentifierKind.PHONE,
                    }
                )
            )
            writer.finish()
        with store.read() as conn:
            rows = conn.execute(text("SELECT kind, identifier FROM participants ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("name", "Sam Lee"), ("phone", "+447911123456")]


def test_migration_numbers_only_grow_so_every_step_runs_on_old_cases() -> None:
    from sar_desk.store.migrations import MIGRATIONS

    versions = [v for v, _ in MIGRATIONS]
    # Cases record only the highest version applied: a step inserted below it would never run.
    assert versions == sorted(versions)
    assert len(set(versions)) == len(versions)
    assert 6 not in versions  # reserved and skipped when 7 shipped; never fill the gap
