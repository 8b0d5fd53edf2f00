"""One message, many copies: exports of one chat from two devices are stored once (issue 14.4)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from sar_desk.core.imports import RawMessage
from sar_desk.core.model import MessageKind, TimeBasis
from sar_desk.store import Store, open_store
from sar_desk.store.copies import MINUTE, SECOND, match_pairs
from sar_desk.store.sources import add_source, list_sources
from sar_desk.store.writer import ImportWriter, WriteCounts

Line = tuple[str, str, int, int] | tuple[str, str, int, int, str]  # sender, text, min, sec[, kind]


def rec(conv: str, sender: str, words: str, minute: int, second: int, kind: str) -> RawMessage:
    return RawMessage(
        platform="whatsapp",
        conversation_key=conv,
        conversation_title=conv,
        sender=None if kind == MessageKind.SYSTEM else sender,
        sender_id=None,
        sender_id_kind=None,
        timestamp=datetime(2026, 3, 14, 9, minute, second, tzinfo=UTC),
        timestamp_raw="x",
        time_basis=TimeBasis.CASE_TZ,
        kind=kind,
        text=words,
    )


def load(store: Store, sha: str, conv: str, lines: list[Line]) -> WriteCounts:
    with store.transaction() as conn:
        source = add_source(
            conn,
            platform="whatsapp",
            original_name=f"{sha}.txt",
            stored_path="",
            sha256=sha * 64,
            size=1,
            custodian=f"custodian {sha}",
            imported_at=datetime.now(UTC),
            importer_version="t",
        )
        writer = ImportWriter(conn, source)
        for line in lines:
            kind = line[4] if len(line) == 5 else MessageKind.MESSAGE
            writer.add(rec(conv, line[0], line[1], line[2], line[3], kind))
        return writer.finish()


def stored(store: Store) -> list[tuple[str, str, str, int]]:
    """(conversation key, sender, text, number of sources) per stored message, in time order."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT c.key, coalesce(m.sender, ''), m.text, (SELECT count(*) FROM "
                "message_sources l WHERE l.message_id = m.id) FROM messages m JOIN "
                "conversations c ON c.id = m.conversation_id ORDER BY m.sent_at, m.id"
            )
        ).all()
    return [(r[0], r[1], r[2], int(r[3])) for r in rows]


ANDROID: list[Line] = [
    ("", "Messages and calls are end-to-end encrypted.", 0, 0, MessageKind.SYSTEM),
    ("Alex Morgan", "Morning Priya, is the damp survey booked?", 2, 0),
    ("Priya Shah", "Yes, Thursday at 10", 3, 0),
    ("Alex Morgan", "ok", 3, 0),
    ("Alex Morgan", "ok", 3, 0),
    ("Priya Shah", "Tom will bring the ladder", 7, 0),
    ("Priya Shah", "ok", 12, 0),
]
IPHONE: list[Line] = [
    ("Priya Shah", "Messages and calls are end-to-end encrypted. Only people in this chat…", 0, 12,
     MessageKind.SYSTEM),
    ("Alex Morgan", "Morning Priya, is the damp survey booked?", 2, 41),
    ("Priya Shah", "Yes, Thursday at 10", 3, 5),
    ("Alex Morgan", "ok", 3, 20),
    ("Alex Morgan", "ok", 3, 58),
    ("Priya Shah", "Tom will bring the ladder", 7, 2),
    ("Priya Shah", "ok", 12, 44),
    ("Priya Shah", "see you then", 13, 1),
]  # fmt: skip


def test_an_android_and_an_iphone_copy_of_one_chat_are_stored_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        load(store, "a", "Priya Shah", ANDROID)
        counts = load(store, "b", "Priya Shah", IPHONE)
        assert (counts.messages, counts.system, counts.duplicates) == (1, 1, 6)
        rows = stored(store)
        # Each message once, listed against both sources; "ok" twice in 09:03 stays two.
        assert [r[2] for r in rows if r[3] == 2] == [
            "Morning Priya, is the damp survey booked?",
            "Yes, Thursday at 10",
            "ok",
            "ok",
            "Tom will bring the ladder",
            "ok",
        ]
        # Differently worded system lines are each kept; the newer message is added.
        assert [r[2] for r in rows if r[3] == 1][-1] == "see you then"
        assert len(rows) == 9


def test_the_times_must_agree_at_the_coarser_precision(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        load(store, "a", "Chat", ANDROID)
        # Same words a minute later (09:04:05 is not in the Android 09:03): a different message.
        late: list[Line] = [(s, t, m + 1, 5) for s, t, m, *_ in ANDROID[1:]]
        counts = load(store, "b", "Chat", late)
        assert counts.duplicates == 0
        assert len(stored(store)) == 2 * len(ANDROID) - 1
        with store.read() as conn:
            precision = dict(conn.execute(text("SELECT * FROM source_precision")).all())
        assert precision == {1: MINUTE, 2: SECOND}


def test_a_third_ok_in_the_same_minute_is_a_third_message(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        load(store, "a", "Chat", ANDROID)
        more: list[Line] = [*IPHONE[:5], ("Alex Morgan", "ok", 3, 59), *IPHONE[5:]]
        counts = load(store, "b", "Chat", more)
        assert counts.duplicates == 6
        oks = [r for r in stored(store) if r[1] == "Alex Morgan" and r[2] == "ok"]
        assert [n for *_, n in oks] == [2, 2, 1]


def test_same_words_from_someone_else_are_not_merged(tmp_path: Path) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        load(store, "a", "Chat", ANDROID)
        counts = load(store, "b", "Chat", [("Tom Reid", "ok", 3, 30)])
        assert counts.duplicates == 0
        assert counts.messages == 1


def test_a_copy_under_another_conversation_name_is_matched_by_its_messages(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "case.db", create=True) as store:
        load(store, "a", "Priya Shah", ANDROID)
        load(store, "b", "priya export", IPHONE)
        rows = stored(store)
        assert {r[0] for r in rows} == {"Priya Shah"}
        assert len(rows) == 9
        with store.read() as conn:
            keys = conn.execute(text("SELECT key FROM conversations")).scalars().all()
            members = conn.execute(text("SELECT count(*) FROM conversation_members")).scalar()
            fts = conn.execute(
                text("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'ladder'")
            ).scalar()
            shared = {s.id: s.shared for s in list_sources(conn, shares=True)}
        assert keys == ["Priya Shah"]
        assert members == 2  # Alex and Priya, once each
        assert fts == 1  # the merged copy left the text index
        assert shared == {1: ((2, 6),), 2: ((1, 6),)}


def test_system_lines_alone_never_make_two_chats_one(tmp_path: Path) -> None:
    notice = ("", "Messages and calls are end-to-end encrypted.", 0, 0, MessageKind.SYSTEM)
    with open_store(tmp_path / "case.db", create=True) as store:
        load(store, "a", "Chat one", [notice, ("Sam", "hello", 1, 0)])
        load(store, "b", "Chat two", [notice, ("Jo", "hi there", 1, 0)])
        assert {r[0] for r in stored(store)} == {"Chat one", "Chat two"}


def test_a_few_shared_lines_do_not_make_two_long_chats_one(tmp_path: Path) -> None:
    forwarded: list[Line] = [("Sam", f"forwarded notice {i}", 1, 0) for i in range(3)]
    own_a: list[Line] = [("Sam", f"first chat line {i}", 10 + i, 0) for i in range(10)]
    own_b: list[Line] = [("Sam", f"second chat line {i}", 10 + i, 0) for i in range(10)]
    with open_store(tmp_path / "case.db", create=True) as store:
        load(store, "a", "Chat one", forwarded + own_a)
        load(store, "b", "Chat two", forwarded + own_b)
        assert {r[0] for r in stored(store)} == {"Chat one", "Chat two"}
        assert len(stored(store)) == 26


def test_pairs_are_taken_in_time_order_one_stored_copy_each() -> None:
    # new id, new time, kind, sender, sender id, stored id, stored time, sender, id, precision
    rows = [
        (10, 20 * SECOND, "message", "Sam", None, 1, 0, "sam", None, MINUTE),
        (10, 20 * SECOND, "message", "Sam", None, 2, 0, "Sam", None, MINUTE),
        (11, 58 * SECOND, "message", "Sam", None, 1, 0, "Sam", None, MINUTE),
        (11, 58 * SECOND, "message", "Sam", None, 2, 0, "Sam", None, MINUTE),
        (12, 59 * SECOND, "message", "Sam", None, 2, 0, "Sam", None, MINUTE),
    ]
    assert match_pairs(rows, SECOND) == [(10, 1, "message"), (11, 2, "message")]


def test_migration_13_records_custodians_and_precision_of_earlier_sources(
    tmp_path: Path,
) -> None:
    path = tmp_path / "case.db"
    with open_store(path, create=True) as store:
        load(store, "a", "Chat", ANDROID)
        load(store, "b", "Chat", IPHONE)
    with sqlite3.connect(path) as db:  # the case as step 10 left it
        db.execute("DROP TABLE source_custodians")
        db.execute("DROP TABLE source_precision")
        # ...and without what step 15 (issue 17) adds, which runs again after step 13.
        db.execute("ALTER TABLE review_users DROP COLUMN passphrase_hash")
        db.execute("DELETE FROM case_meta WHERE key = 'audit_upgrade'")
        db.execute("DROP TABLE elusion_marks")  # step 16, re-run after step 13 below
        db.execute("DROP TABLE elusion_tests")
        db.execute("DROP TABLE attachment_review_events")  # step 18, re-run below
        for table in ("scanned_attachments", "attachment_findings", "attachments_fts"):
            db.execute(f"DROP TABLE {table}")  # step 17, re-run after step 13 below
        db.execute("DROP TABLE attachment_texts")
        db.execute("DROP TABLE attachments")
        db.execute("PRAGMA user_version = 10")
    with open_store(path) as store, store.read() as conn:
        precision = conn.execute(text("SELECT * FROM source_precision ORDER BY 1")).all()
        custodians = conn.execute(text("SELECT source_id, custodian FROM source_custodians"))
        assert [tuple(r) for r in precision] == [(1, MINUTE), (2, SECOND)]
        assert sorted(tuple(r) for r in custodians) == [(1, "custodian a"), (2, "custodian b")]
