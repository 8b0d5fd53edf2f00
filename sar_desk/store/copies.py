"""One message, many copies: matching an import's new rows to copies already in the case.

The import writer stores records whose exact key (conversation, sender, instant, kind, text) is
already in the case as links to the stored message. That misses copies of one chat exported
from two devices or by two custodians: an Android export gives times to the minute, an iPhone
export to the second; the file names (and so the conversation keys) differ by language and
device. After the writer has stored an import, `reconcile` looks again at the rows it created:

- Each conversation the import created is matched to an existing conversation of the same
  platform by its *message overlap* (same text and kind at about the same time), never by its
  system lines, whose wording differs between devices, app versions and languages.
- Within the matched conversation, a new row and a stored one are the same message when sender,
  kind and text are equal and their times agree at the coarser precision of the two sources
  (a minute for Android, a second for iOS). A deleted message's text is only the app's note
  ("This message was deleted." on iOS, "Diese Nachricht wurde gelöscht" in German), so deleted
  messages match on sender and time alone. Pairs are taken in time order, one stored message
  per new row: "ok" twice in one minute is two messages when both exports show it twice.
- A matched row's source link moves to the stored message and the row is deleted (the delete
  triggers take it out of the text indexes); the rest of the conversation moves over, so the
  chat is one conversation with every message once, listed against every source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import Connection

from sar_desk.core.identity import clean_whitespace

MINUTE: Final = 60_000_000
SECOND: Final = 1_000_000
_SYSTEM: Final = "system"
_DELETED: Final = "deleted"
_CANDIDATES: Final = 3  # conversations whose overlap is checked in full
_MIN_OVERLAP: Final = 3  # matched messages needed to call two conversations one chat

_PRECISION = (
    "SELECT CASE "
    "WHEN NOT EXISTS (SELECT 1 FROM message_sources l JOIN messages m ON m.id = l.message_id "
    "WHERE l.source_id = :s AND m.sent_at % 60000000 != 0) THEN 60000000 "
    "WHEN NOT EXISTS (SELECT 1 FROM message_sources l JOIN messages m ON m.id = l.message_id "
    "WHERE l.source_id = :s AND m.sent_at % 1000000 != 0) THEN 1000000 ELSE 1 END"
)
# Conversations of the platform holding stored copies of a new conversation's messages.
_OVERLAP = (
    "SELECT o.conversation_id, count(*) AS n FROM messages n "
    "JOIN messages o ON o.sent_at BETWEEN n.sent_at - :w AND n.sent_at + :w "
    "AND o.kind = n.kind AND o.text = n.text AND o.id < :first "
    "JOIN conversations oc ON oc.id = o.conversation_id AND oc.platform = :platform "
    "WHERE n.conversation_id = :c AND n.id >= :first AND n.kind NOT IN ('system', 'deleted') "
    "AND n.text != '' GROUP BY o.conversation_id ORDER BY n DESC LIMIT :limit"
)
# Stored messages of conversation :t that could be copies of new rows of conversation :c, with
# the precision of the source that stored them (the lowest source id linked).
_PAIRS = (
    "SELECT n.id, n.sent_at, n.kind, n.sender, n.sender_id, o.id, o.sent_at, o.sender, "
    "o.sender_id, coalesce((SELECT p.micros FROM source_precision p WHERE p.source_id = "
    "(SELECT min(l.source_id) FROM message_sources l WHERE l.message_id = o.id)), 1) "
    "FROM messages n JOIN messages o ON o.conversation_id = :t "
    "AND o.sent_at BETWEEN n.sent_at - :w AND n.sent_at + :w "
    "AND o.kind = n.kind AND (o.text = n.text OR n.kind = 'deleted') AND o.id < :first "
    "WHERE n.conversation_id = :c AND n.id >= :first AND NOT EXISTS "
    "(SELECT 1 FROM message_sources x WHERE x.message_id = o.id AND x.source_id = :source) "
    "ORDER BY n.sent_at, n.id, o.sent_at, o.id"
)
_OWN_COUNT = (
    "SELECT count(*) FROM messages WHERE conversation_id = :c AND id >= :first "
    "AND kind NOT IN ('system', 'deleted')"
)
_STORED_COUNT = (
    "SELECT count(*) FROM messages WHERE conversation_id = :t AND id < :first "
    "AND kind NOT IN ('system', 'deleted')"
)


@dataclass
class Reconciled:
    """What `reconcile` did: copies merged (by kind) and conversations folded into others."""

    merged_messages: int = 0
    merged_system: int = 0
    conversations: dict[int, int] = field(default_factory=dict)


def record_precision(conn: Connection, source_id: int) -> int:
    """Work out and store how finely a source gives times (in microseconds)."""
    micros = int(conn.exec_driver_sql(_PRECISION, {"s": source_id}).scalar_one())
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO source_precision (source_id, micros) VALUES (?, ?)",
        (source_id, micros),
    )
    return micros


def _sender_key(kind: str, sender: str | None, sender_id: str | None) -> str:
    # iOS files system lines under a sender and Android under none: only text and time count.
    if kind == _SYSTEM:
        return ""
    if sender_id:
        return sender_id
    return clean_whitespace(sender or "").casefold()


def match_pairs(rows: Sequence[Sequence[Any]], precision: int) -> list[tuple[int, int, str]]:
    """Pair new rows with stored copies: (new id, stored id, kind), one stored row each.

    `rows` are candidate pairs in new-row time order (see ``_PAIRS``); a pair holds when the
    senders agree and both times fall in the same unit of the coarser precision.
    """
    used: set[int] = set()
    paired: set[int] = set()
    pairs: list[tuple[int, int, str]] = []
    for new_id, new_at, kind, sender, sender_id, old_id, old_at, old_sender, old_sid, old_p in rows:
        if new_id in paired or old_id in used:
            continue
        unit = max(precision, int(old_p), 1)
        if new_at // unit != old_at // unit:
            continue
        if _sender_key(kind, sender, sender_id) != _sender_key(kind, old_sender, old_sid):
            continue
        used.add(old_id)
        paired.add(new_id)
        pairs.append((int(new_id), int(old_id), str(kind)))
    return pairs


def _overlap(pairs: list[tuple[int, int, str]]) -> int:
    """Matched messages that say something: system lines and deletion notes do not count."""
    return sum(1 for _, _, kind in pairs if kind not in (_SYSTEM, _DELETED))


class _Pass:
    """One reconciliation pass over the rows a source's import created."""

    def __init__(self, conn: Connection, source_id: int, first_new_id: int) -> None:
        self.conn, self.source_id, self.first = conn, source_id, first_new_id
        self.precision = record_precision(conn, source_id)
        widest = conn.exec_driver_sql("SELECT max(micros) FROM source_precision").scalar()
        self.window = max(int(widest or 1), self.precision)

    def params(self, **extra: Any) -> dict[str, Any]:
        return {"first": self.first, "w": self.window, "source": self.source_id, **extra}

    def pairs(self, conv: int, target: int) -> list[tuple[int, int, str]]:
        rows = self.conn.exec_driver_sql(_PAIRS, self.params(c=conv, t=target)).all()
        return match_pairs(rows, self.precision)

    def target(self, conv: int, platform: str) -> tuple[int | None, list[tuple[int, int, str]]]:
        """The existing conversation this new one is a copy of, judged by message overlap."""
        params = self.params(c=conv, platform=platform, limit=_CANDIDATES)
        candidates = [int(r[0]) for r in self.conn.exec_driver_sql(_OVERLAP, params).all()]
        own = int(self.conn.exec_driver_sql(_OWN_COUNT, self.params(c=conv)).scalar_one())
        best: tuple[int | None, list[tuple[int, int, str]]] = (None, [])
        for target in candidates:
            pairs = self.pairs(conv, target)
            overlap = _overlap(pairs)
            stored = int(
                self.conn.exec_driver_sql(_STORED_COUNT, self.params(t=target)).scalar_one()
            )
            smaller = min(own, stored)
            # Most of the shorter chat must be in the longer one; a few shared lines (a
            # forwarded message, a broadcast) do not make two chats one.
            enough = overlap >= min(_MIN_OVERLAP, smaller) and 2 * overlap >= smaller > 0
            if enough and overlap > _overlap(best[1]):
                best = (target, pairs)
        return best

    def merge(self, pairs: list[tuple[int, int, str]], result: Reconciled) -> None:
        if not pairs:
            return
        cursor: Any = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany(
            "UPDATE message_sources SET message_id = ? WHERE message_id = ? AND source_id = ?",
            [(old, new, self.source_id) for new, old, _ in pairs],
        )
        cursor.executemany("DELETE FROM messages WHERE id = ?", [(new,) for new, _, _ in pairs])
        system = sum(1 for _, _, kind in pairs if kind == _SYSTEM)
        result.merged_system += system
        result.merged_messages += len(pairs) - system

    def fold(self, conv: int, target: int) -> None:
        """Move what is left of a new conversation into the one it copies, then drop it."""
        for sql in (
            "UPDATE messages SET conversation_id = :t WHERE conversation_id = :c",
            "INSERT OR IGNORE INTO conversation_members (conversation_id, participant_id) "
            "SELECT :t, participant_id FROM conversation_members WHERE conversation_id = :c",
            "DELETE FROM conversation_members WHERE conversation_id = :c",
            "DELETE FROM conversations WHERE id = :c",
        ):
            self.conn.exec_driver_sql(sql, {"c": conv, "t": target})


def reconcile(conn: Connection, source_id: int, first_new_id: int) -> Reconciled:
    """Merge the rows an import created (ids from `first_new_id`) with copies already stored.

    Runs inside the import transaction, after the writer's last batch and before replies are
    linked, so a rollback undoes it with the rest of the import.
    """
    result = Reconciled()
    run = _Pass(conn, source_id, first_new_id)
    # The conversations first, then one EXISTS each: asked per new message, the EXISTS scanned
    # the whole conversation every time (quadratic: 150,000 lines took half an hour).
    touched = conn.exec_driver_sql(
        "SELECT t.cid, c.platform, EXISTS (SELECT 1 FROM messages o "
        "WHERE o.conversation_id = t.cid AND o.id < :first) "
        "FROM (SELECT DISTINCT conversation_id AS cid FROM messages WHERE id >= :first) t "
        "JOIN conversations c ON c.id = t.cid",
        {"first": first_new_id},
    ).all()
    for conv, platform, has_stored in touched:
        if has_stored:
            run.merge(run.pairs(int(conv), int(conv)), result)
            continue
        target, pairs = run.target(int(conv), str(platform))
        if target is None:
            continue
        run.merge(pairs, result)
        run.fold(int(conv), target)
        result.conversations[int(conv)] = target
    return result
