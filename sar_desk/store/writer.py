"""The import write path: stream `RawMessage`s into the store inside one transaction.

Messages are de-duplicated across sources: the same conversation, sender, time and text
exported from two phones is stored once and listed against both sources. Within one source,
identical messages (two "ok"s in the same minute) stay distinct by their occurrence number.
Exact copies are found by key before they are written; copies whose times or conversation
keys differ (an Android and an iPhone export, two languages) are merged by `store.copies`
once the whole source is in.

This is the hot path of every import (a 200,000-message chat is 200,000 rows, their FTS5
entries and their source links), so rows go to SQLite as tuples through the DBAPI cursor's
``executemany`` rather than through SQLAlchemy's per-row parameter processing, on the same
connection and inside the caller's transaction.

The FTS5 text index is normally kept in sync by the ``messages_ai`` trigger, one FTS5 insert
per row. FTS5 flushes its pending terms at every statement boundary, so per-row inserts cost
about five times the rest of the write. While a batch is written the trigger is dropped, and
the batch is indexed with one ``INSERT INTO messages_fts ... SELECT`` over exactly the ids the
batch inserted; the trigger is then re-created from its own stored SQL, in a ``finally`` so it
is back even if the batch fails. All of this happens inside the import transaction, so a
rollback or a killed process restores the trigger with everything else, and no other connection
ever sees the trigger missing.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import timezone, tzinfo
from typing import Any, Final

from sqlalchemy import Connection, CursorResult, func, insert, select, text

from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import DeclaredParticipant, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind
from sar_desk.store.copies import reconcile
from sar_desk.store.fts import FTS_TABLE, index_messages
from sar_desk.store.row_values import EMPTY_JSON, json_list, to_micros
from sar_desk.store.tables import conversation_members, conversations, messages, participants

_BATCH: Final = 5000
_LOOKUP_CHUNK: Final = 500  # bound parameters per dedup lookup (SQLite's limit is 32,766)
# Page cache for the import transaction, in KiB (negative = KiB in SQLite). The unique
# dedup_key index takes keys in hash order, so with the default 2 MB cache every insert into a
# large case touches a page that was just evicted and SQLite spills to the WAL mid-transaction.
# 32 MB holds the indexes of a typical import; a much bigger one would keep SQLite from writing
# any page to the WAL before the commit, making the commit itself one long uninterruptible step.
_IMPORT_CACHE_KIB: Final = 32 * 1024
_SYSTEM: Final = str(MessageKind.SYSTEM)

_INSERT_MESSAGE: Final = (
    "INSERT INTO messages (id, conversation_id, participant_id, sender, sender_id, sent_at, "
    "utc_offset, time_basis, timestamp_raw, kind, text, attachments_json, reactions_json, "
    "mentions_json, platform_message_id, reply_to_platform_id, reply_to, edited, dedup_key, seq) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)"
)
_INSERT_LINK: Final = (
    "INSERT OR IGNORE INTO message_sources (message_id, source_id, location) VALUES (?, ?, ?)"
)
_FTS_TRIGGER: Final = "messages_ai"
_FTS_FILL: Final = (
    f"INSERT INTO {FTS_TABLE}(rowid, text) SELECT id, text FROM messages WHERE id BETWEEN ? AND ?"
)
# Column positions in a message row tuple (see _INSERT_MESSAGE), for the search-aid index.
_ID, _TEXT, _MENTIONS = 0, 10, 13


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key of the row a single-row INSERT created."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - SQLite always reports it for a single-row insert
        raise RuntimeError("the database did not report the new row's id")
    return int(key[0])


@dataclass
class WriteCounts:
    """What an import added."""

    messages: int = 0
    system: int = 0
    duplicates: int = 0


class ImportWriter:
    """Buffers records and writes them in batches on one connection (inside a transaction).

    Call `finish` once every record is added; the caller's transaction decides whether any of
    it is kept.
    """

    def __init__(self, conn: Connection, source_id: int) -> None:
        self._conn = conn
        self._source_id = source_id
        self._cursor: Any = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        self._cache_kib = self._cursor.execute("PRAGMA cache_size").fetchone()[0]
        self._cursor.execute(f"PRAGMA cache_size = {-_IMPORT_CACHE_KIB}")
        trigger = self._cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_FTS_TRIGGER,)
        ).fetchone()
        self._fts_trigger: str | None = trigger[0] if trigger else None
        self._conversations: dict[tuple[str, str], int] = {}
        self._new_conversations: set[int] = set()
        self._participants: dict[tuple[str, str, str], int] = {}
        self._senders: dict[tuple[str, str | None, str | None, str | None], int | None] = {}
        self._whos: dict[str, str] = {}
        self._members: set[tuple[int, int]] = set()
        self._occurrences: Counter[str] = Counter()
        self._buffer: list[RawMessage] = []
        max_id = conn.execute(select(func.coalesce(func.max(messages.c.id), 0))).scalar_one()
        self._next_id = self._first_id = int(max_id) + 1
        self._seq = 0
        self._finished = False
        self.counts = WriteCounts()
        # (message id, location, files) of every record naming attachments, for the import to
        # keep the files; a copy merged by `finish` is found again by its source link.
        self.with_files: list[tuple[int, str, tuple[Attachment, ...]]] = []

    def add(self, raw: RawMessage) -> None:
        """Queue one record; writes happen in batches."""
        buffer = self._buffer
        buffer.append(raw)
        if len(buffer) >= _BATCH:
            self.flush()

    def conversation_id(self, platform: str, key: str, title: str) -> int:
        """Find or create a conversation."""
        cache_key = (platform, key)
        found = self._conversations.get(cache_key)
        if found is not None:
            return found
        row = self._conn.execute(
            select(conversations.c.id).where(
                conversations.c.platform == platform, conversations.c.key == key
            )
        ).scalar()
        if row is None:
            row = _new_id(
                self._conn.execute(
                    insert(conversations).values(platform=platform, key=key, title=title)
                )
            )
            # A conversation this import created holds no earlier source's messages, so its
            # records need no de-duplication lookup.
            self._new_conversations.add(int(row))
        self._conversations[cache_key] = int(row)
        return int(row)

    def participant_id(
        self, platform: str, kind: IdentifierKind, identifier: str, display: str | None
    ) -> int:
        """Find or create a participant (one identity on one platform)."""
        cache_key = (platform, str(kind), identifier)
        found = self._participants.get(cache_key)
        if found is not None:
            return found
        row = self._conn.execute(
            select(participants.c.id).where(
                participants.c.platform == platform,
                participants.c.kind == str(kind),
                participants.c.identifier == identifier,
            )
        ).scalar()
        if row is None:
            row = _new_id(
                self._conn.execute(
                    insert(participants).values(
                        platform=platform,
                        kind=str(kind),
                        identifier=identifier,
                        display_name=display,
                    )
                )
            )
        self._participants[cache_key] = int(row)
        return int(row)

    def _sender_participant(self, raw: RawMessage) -> int | None:
        if raw.sender_id and raw.sender_id_kind:
            return self.participant_id(raw.platform, raw.sender_id_kind, raw.sender_id, raw.sender)
        if raw.sender:
            name = clean_whitespace(raw.sender)
            if not name:
                return None
            return self.participant_id(raw.platform, IdentifierKind.NAME, name, name)
        return None

    def _who(self, sender: str) -> str:
        who = self._whos.get(sender)
        if who is None:
            who = self._whos[sender] = clean_whitespace(sender)
        return who

    def flush(self) -> None:
        """Write the buffered records."""
        if not self._buffer:
            return
        batch, self._buffer = self._buffer, []
        senders, occurrences = self._senders, self._occurrences
        new_conversations, members = self._new_conversations, self._members
        sha256 = hashlib.sha256
        prepared: list[tuple[RawMessage, int, int | None, int, str, bool]] = []
        lookup: list[str] = []
        for raw in batch:
            conv = self._conversations.get((raw.platform, raw.conversation_key))
            if conv is None:
                conv = self.conversation_id(
                    raw.platform, raw.conversation_key, raw.conversation_title
                )
            sender_key = (raw.platform, raw.sender_id, raw.sender_id_kind, raw.sender)
            try:
                part = senders[sender_key]
            except KeyError:
                part = senders[sender_key] = self._sender_participant(raw)
            if part is not None:
                members.add((conv, part))
            micros = to_micros(raw.timestamp)
            who = raw.sender_id or (self._who(raw.sender) if raw.sender else "")
            base = "\x1f".join(
                (raw.platform, raw.conversation_key, who, str(micros), raw.kind, raw.text)
            )
            digest = sha256(base.encode("utf-8", "surrogatepass")).hexdigest()
            occurrences[digest] += 1
            key = f"{digest}#{occurrences[digest]}"
            known = conv not in new_conversations
            if known:
                lookup.append(key)
            prepared.append((raw, conv, part, micros, key, known))
        existing = self._existing(lookup)
        rows: list[tuple[Any, ...]] = []
        links: list[tuple[int, int, str]] = []
        source_id, counts, seq, next_id = self._source_id, self.counts, self._seq, self._next_id
        fixed_minutes: dict[tzinfo | None, int] = {}
        for raw, conv, part, micros, key, known in prepared:
            seq += 1
            if known and key in existing:
                counts.duplicates += 1
                links.append((existing[key], source_id, raw.location))
                if raw.attachments:
                    self.with_files.append((existing[key], raw.location, raw.attachments))
                continue
            msg_id = next_id
            next_id += 1
            zone = raw.timestamp.tzinfo
            minutes = fixed_minutes.get(zone)
            if minutes is None:
                offset = raw.timestamp.utcoffset()
                minutes = int(offset.total_seconds() // 60) if offset is not None else 0
                if type(zone) is timezone:  # a fixed offset: the same for every timestamp
                    fixed_minutes[zone] = minutes
            kind = str(raw.kind)
            rows.append(
                (
                    msg_id,
                    conv,
                    part,
                    raw.sender,
                    raw.sender_id,
                    micros,
                    minutes,
                    str(raw.time_basis),
                    raw.timestamp_raw,
                    kind,
                    raw.text,
                    json_list(raw.attachments),
                    json_list(raw.reactions),
                    json.dumps(list(raw.mentions)) if raw.mentions else EMPTY_JSON,
                    raw.platform_message_id,
                    raw.reply_to,
                    int(raw.edited),
                    key,
                    seq,
                )
            )
            links.append((msg_id, source_id, raw.location))
            if raw.attachments:
                self.with_files.append((msg_id, raw.location, raw.attachments))
            if kind == _SYSTEM:
                counts.system += 1
            else:
                counts.messages += 1
        self._seq, self._next_id = seq, next_id
        if rows:
            self._insert_messages(rows)
            # Digits and mentions indexes (store.fts).
            index_messages(
                self._conn,
                [{"id": r[_ID], "text": r[_TEXT], "mentions_json": r[_MENTIONS]} for r in rows],
            )
        if links:
            # A message can appear twice in one source only through a dedup hit on itself.
            self._cursor.executemany(_INSERT_LINK, links)

    def _insert_messages(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert new message rows and index their text in FTS5 with one statement.

        Row ids are consecutive (the writer assigns them), so ``BETWEEN first AND last`` is
        exactly this batch; on failure only the rows that went in are there to index.
        """
        cursor, trigger = self._cursor, self._fts_trigger
        if trigger is None:  # no trigger to replace (a store without the FTS index)
            cursor.executemany(_INSERT_MESSAGE, rows)
            return
        cursor.execute(f"DROP TRIGGER {_FTS_TRIGGER}")
        try:
            cursor.executemany(_INSERT_MESSAGE, rows)
        finally:
            cursor.execute(_FTS_FILL, (rows[0][_ID], rows[-1][_ID]))
            cursor.execute(trigger)

    def _existing(self, keys: list[str]) -> dict[str, int]:
        """Ids of messages already stored (by earlier sources) under any of these keys."""
        existing: dict[str, int] = {}
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[start : start + _LOOKUP_CHUNK]
            marks = ", ".join("?" * len(chunk))
            for key, msg_id in self._cursor.execute(
                f"SELECT dedup_key, id FROM messages WHERE dedup_key IN ({marks})", chunk
            ):
                existing[key] = int(msg_id)
        return existing

    def declare(self, members: list[DeclaredParticipant], platform: str) -> None:
        """Record conversation members an export lists (even those who never wrote).

        After `finish` the membership is written at once (the import calls this last).
        """
        added: set[tuple[int, int]] = set()
        for member in members:
            conv = self._conversations.get((platform, member.conversation_key))
            if conv is None:
                continue
            part = self.participant_id(
                platform, member.kind, member.identifier, member.display_name
            )
            added.add((conv, part))
        self._members |= added
        if self._finished:
            self._write_members(added)

    def _write_members(self, members: set[tuple[int, int]]) -> None:
        if members:
            self._conn.execute(
                insert(conversation_members).prefix_with("OR IGNORE"),
                [{"conversation_id": c, "participant_id": p} for c, p in sorted(members)],
            )

    def finish(self) -> WriteCounts:
        """Flush, write conversation membership and link replies to their messages."""
        self.flush()
        self._write_members(self._members)
        copies = reconcile(self._conn, self._source_id, self._first_id)
        self.counts.messages -= copies.merged_messages
        self.counts.system -= copies.merged_system
        self.counts.duplicates += copies.merged_messages + copies.merged_system
        for key, conv in self._conversations.items():  # `declare` may still name them
            self._conversations[key] = copies.conversations.get(conv, conv)
        self._conn.execute(
            text(
                "UPDATE messages SET reply_to = (SELECT m2.id FROM messages m2 "
                "WHERE m2.conversation_id = messages.conversation_id "
                "AND m2.platform_message_id = messages.reply_to_platform_id "
                "ORDER BY m2.id LIMIT 1) "
                "WHERE reply_to_platform_id IS NOT NULL AND reply_to IS NULL"
            )
        )
        self._cursor.execute(f"PRAGMA cache_size = {int(self._cache_kib)}")
        self._finished = True
        return self.counts
