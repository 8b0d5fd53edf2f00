"""The import write path: stream `RawMessage`s into the store inside one transaction.

Messages are de-duplicated across sources: the same conversation, sender, time and text
exported from two phones is stored once and listed against both sources. Within one source,
identical messages (two "ok"s in the same minute) stay distinct by their occurrence number.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, text

from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import DeclaredParticipant, RawMessage
from sar_desk.core.model import IdentifierKind, MessageKind
from sar_desk.store.fts import index_messages
from sar_desk.store.tables import (
    conversation_members,
    conversations,
    message_sources,
    messages,
    participants,
)

_BATCH = 2000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_micros(moment: datetime) -> int:
    """Microseconds since the epoch for an aware datetime."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@dataclass
class WriteCounts:
    """What an import added."""

    messages: int = 0
    system: int = 0
    duplicates: int = 0


class ImportWriter:
    """Buffers records and writes them in batches on one connection (inside a transaction)."""

    def __init__(self, conn: Connection, source_id: int) -> None:
        self._conn = conn
        self._source_id = source_id
        self._conversations: dict[tuple[str, str], int] = {}
        self._participants: dict[tuple[str, str, str], int] = {}
        self._members: set[tuple[int, int]] = set()
        self._occurrences: Counter[str] = Counter()
        self._buffer: list[RawMessage] = []
        self._next_id = int(conn.execute(select(func.coalesce(func.max(messages.c.id), 0))).scalar_one()) + 1
        self._seq = 0
        self.counts = WriteCounts()

    def add(self, raw: RawMessage) -> None:
        """Queue one record; writes happen in batches."""
        self._buffer.append(raw)
        if len(self._buffer) >= _BATCH:
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
            row = self._conn.execute(
                insert(conversations).values(platform=platform, key=key, title=title)
            ).inserted_primary_key[0]
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
            row = self._conn.execute(
                insert(participants).values(
                    platform=platform, kind=str(kind), identifier=identifier, display_name=display
                )
            ).inserted_primary_key[0]
        self._participants[cache_key] = int(row)
        return int(row)

    def _sender_participant(self, raw: RawMessage) -> int | None:
        if raw.sender_id and raw.sender_id_kind:
            return self.participant_id(raw.platform, raw.sender_id_kind, raw.sender_id, raw.sender)
        if raw.sender:
            name = clean_whitespace(raw.sender)
            return self.participant_id(raw.platform, IdentifierKind.NAME, name, name) if name else None
        return None

    def _dedup_key(self, raw: RawMessage, conv_key: str, micros: int) -> str:
        who = raw.sender_id or clean_whitespace(raw.sender or "")
        base = "\x1f".join((raw.platform, conv_key, who, str(micros), raw.kind, raw.text))
        digest = hashlib.sha256(base.encode("utf-8", "surrogatepass")).hexdigest()
        self._occurrences[digest] += 1
        return f"{digest}#{self._occurrences[digest]}"

    def flush(self) -> None:
        """Write the buffered records."""
        if not self._buffer:
            return
        batch, self._buffer = self._buffer, []
        prepared = []
        for raw in batch:
            conv = self.conversation_id(raw.platform, raw.conversation_key, raw.conversation_title)
            part = self._sender_participant(raw)
            if part is not None and (conv, part) not in self._members:
                self._members.add((conv, part))
            micros = to_micros(raw.timestamp)
            prepared.append((raw, conv, part, micros, self._dedup_key(raw, raw.conversation_key, micros)))
        keys = [item[4] for item in prepared]
        existing: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for key, msg_id in self._conn.execute(
                select(messages.c.dedup_key, messages.c.id).where(messages.c.dedup_key.in_(chunk))
            ):
                existing[key] = int(msg_id)
        rows = []
        links = []
        for raw, conv, part, micros, key in prepared:
            self._seq += 1
            if key in existing:
                self.counts.duplicates += 1
                links.append({"message_id": existing[key], "source_id": self._source_id,
                              "location": raw.location})
                continue
            msg_id = self._next_id
            self._next_id += 1
            existing[key] = msg_id
            offset = raw.timestamp.utcoffset()
            rows.append({
                "id": msg_id,
                "conversation_id": conv,
                "participant_id": part,
                "sender": raw.sender,
                "sender_id": raw.sender_id,
                "sent_at": micros,
                "utc_offset": int(offset.total_seconds() // 60) if offset is not None else 0,
                "time_basis": str(raw.time_basis),
                "timestamp_raw": raw.timestamp_raw,
                "kind": str(raw.kind),
                "text": raw.text,
                "attachments_json": json.dumps([asdict(a) for a in raw.attachments]),
                "reactions_json": json.dumps([asdict(r) for r in raw.reactions]),
                "mentions_json": json.dumps(list(raw.mentions)),
                "platform_message_id": raw.platform_message_id,
                "reply_to_platform_id": raw.reply_to,
                "reply_to": None,
                "edited": raw.edited,
                "dedup_key": key,
                "seq": self._seq,
            })
            links.append({"message_id": msg_id, "source_id": self._source_id, "location": raw.location})
            if raw.kind == MessageKind.SYSTEM:
                self.counts.system += 1
            else:
                self.counts.messages += 1
        if rows:
            self._conn.execute(insert(messages), rows)
            index_messages(self._conn, rows)  # digits and mentions indexes (store.fts)
        if links:
            # A message can appear twice in one source only through a dedup hit on itself.
            self._conn.execute(insert(message_sources).prefix_with("OR IGNORE"), links)

    def declare(self, members: list[DeclaredParticipant], platform: str) -> None:
        """Record conversation members an export lists (even those who never wrote)."""
        for member in members:
            conv = self._conversations.get((platform, member.conversation_key))
            if conv is None:
                continue
            part = self.participant_id(platform, member.kind, member.identifier, member.display_name)
            self._members.add((conv, part))

    def finish(self) -> WriteCounts:
        """Flush, write conversation membership and link replies to their messages."""
        self.flush()
        if self._members:
            self._conn.execute(
                insert(conversation_members).prefix_with("OR IGNORE"),
                [{"conversation_id": c, "participant_id": p} for c, p in sorted(self._members)],
            )
        self._conn.execute(
            text(
                "UPDATE messages SET reply_to = (SELECT m2.id FROM messages m2 "
                "WHERE m2.conversation_id = messages.conversation_id "
                "AND m2.platform_message_id = messages.reply_to_platform_id "
                "ORDER BY m2.id LIMIT 1) "
                "WHERE reply_to_platform_id IS NOT NULL AND reply_to IS NULL"
            )
        )
        return self.counts
