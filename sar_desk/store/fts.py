"""SQLite full-text search: the FTS5 index on message text, the digits index, and query parsing.

This is the SQLite dialect module for full-text search; a PostgreSQL store would put its
tsvector equivalent in a sibling module. User text never reaches FTS5 syntax unescaped: the
query language (`store.query_language`) parses it into a tree whose leaves are always quoted,
so no query string can raise a database error.

Phone fragments ("7911 123") are searched as substrings of a separate trigram index holding the
digits of each number-like run in a message, because word tokenisers split numbers at spaces.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    column,
    false,
    not_,
    or_,
    text,
    true,
)

from sar_desk.core.errors import BadSearchError
from sar_desk.core.identity import normalise_phone
from sar_desk.store.query_language import (
    _MIN_DIGITS,
    Node,
    Not,
    Or,
    Term,
    fts_expression,
    parse_query,
    quote_term,
)

FTS_TABLE = "messages_fts"
ATTACHMENTS_FTS_TABLE = "attachments_fts"  # step 17, see store.attachments
DIGITS_TABLE = "messages_digits"
MENTIONS_TABLE = "message_mentions"

_CREATE = [
    # unicode61 with remove_diacritics 2 makes search case- and accent-insensitive.
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, content='messages', content_rowid='id', "
    'tokenize="unicode61 remove_diacritics 2")',
    f"CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER messages_au AFTER UPDATE OF text ON messages BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
]

_CREATE_SEARCH_AIDS = [
    # Trigram tokens make any 3+ digit fragment a substring match over the stored digit runs.
    f"CREATE VIRTUAL TABLE {DIGITS_TABLE} USING fts5(digits, tokenize='trigram')",
    f"CREATE TABLE {MENTIONS_TABLE} (message_id INTEGER NOT NULL REFERENCES messages(id), "
    "value TEXT NOT NULL, PRIMARY KEY (value, message_id)) WITHOUT ROWID",
    f"CREATE TRIGGER messages_digits_ad AFTER DELETE ON messages BEGIN "
    f"DELETE FROM {DIGITS_TABLE} WHERE rowid = old.id; "
    f"DELETE FROM {MENTIONS_TABLE} WHERE message_id = old.id; END",
    # Quoted replies: "messages replying to something this person wrote" probes by reply_to.
    "CREATE INDEX ix_messages_reply_to ON messages(reply_to) WHERE reply_to IS NOT NULL",
]

_PARAMS = itertools.count()


def create_fts(conn: Connection) -> None:
    """Create the FTS5 index and the triggers that keep it in sync with `messages`."""
    for statement in _CREATE:
        conn.execute(text(statement))


def create_search_aids(conn: Connection) -> None:
    """Create the digits and mentions indexes (migration 4) and fill them for existing rows."""
    for statement in _CREATE_SEARCH_AIDS:
        conn.execute(text(statement))
    last = 0
    while True:
        rows = conn.execute(
            text(
                "SELECT id, text, mentions_json FROM messages WHERE id > :last "
                "ORDER BY id LIMIT 5000"
            ),
            {"last": last},
        ).all()
        if not rows:
            break
        index_messages(
            conn, [{"id": r.id, "text": r.text, "mentions_json": r.mentions_json} for r in rows]
        )
        last = int(rows[-1].id)


# ---------------------------------------------------------------- digits and mentions


_NUMBER_RUN = re.compile(r"\+?\d[\d \-.()\u00a0]*\d")
_ANY_DIGIT = re.compile(r"\d")  # a number run needs at least one digit


def digit_runs(value: str, region: str = "GB") -> list[str]:
    """The digit strings to index for a text: each number-like run, plus its other phone forms.

    "+44 7911 123456" yields "447911123456" and "07911123456", so a fragment of either the
    international or the national form finds it.
    """
    found: list[str] = []
    for match in _NUMBER_RUN.finditer(value):
        digits = "".join(ch for ch in match.group() if ch.isdigit())
        if len(digits) < _MIN_DIGITS:
            continue
        found.append(digits)
        e164 = normalise_phone(match.group(), region) if len(digits) >= 9 else None
        if e164:
            national = "0" + e164[3:] if e164.startswith("+44") else None
            for form in (e164[1:], national):
                if form and form not in found:
                    found.append(form)
    return found


def mention_key(value: str) -> str:
    """How a mention is compared: no leading @, no case, single spaces."""
    return " ".join(value.lstrip("@").casefold().split())


def index_messages(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Add new messages to the digits and mentions indexes (called by the import writer).

    Args:
        conn: Connection inside the import transaction.
        rows: Message rows with at least ``id``, ``text`` and ``mentions_json``.
    """
    digit_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    has_digit = _ANY_DIGIT.search
    for row in rows:
        # Most messages hold no digit and no mention: skip the run finder and the JSON
        # parser for them (this runs once per imported message).
        value = str(row["text"])
        runs = digit_runs(value) if has_digit(value) else None
        if runs:
            digit_rows.append({"rowid": row["id"], "digits": " ".join(runs)})
        mentions = row["mentions_json"]
        if not mentions or mentions == "[]":
            continue
        keys = {mention_key(str(m)) for m in json.loads(mentions)}
        mention_rows.extend({"message_id": row["id"], "value": k} for k in sorted(keys) if k)
    if digit_rows:
        conn.execute(
            text(f"INSERT INTO {DIGITS_TABLE}(rowid, digits) VALUES (:rowid, :digits)"), digit_rows
        )
    if mention_rows:
        conn.execute(
            text(
                f"INSERT OR IGNORE INTO {MENTIONS_TABLE}(message_id, value) "
                "VALUES (:message_id, :value)"
            ),
            mention_rows,
        )


def _param() -> str:
    # Each MATCH gets its own bind name: two text() clauses sharing ":m" would share one value.
    return f"fts_{next(_PARAMS)}"


def fts_ids(expression: str) -> Any:
    """A SELECT of message ids whose text matches an FTS5 expression (bound, never inlined).

    A message also matches through the text read out of its attachments (a name in a photo,
    step 17), so search and "mentioned" find it.
    """
    name = _param()
    return (
        text(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{name} "
            f"UNION SELECT message_id FROM attachments WHERE id IN "
            f"(SELECT rowid FROM {ATTACHMENTS_FTS_TABLE} WHERE {ATTACHMENTS_FTS_TABLE} "
            f"MATCH :{name})"
        )
        .bindparams(**{name: expression})
        .columns(column("rowid", Integer))
    )


def digits_ids(fragments: Iterable[str]) -> Any:
    """A SELECT of message ids containing any of the digit fragments (3+ digits each)."""
    name = _param()
    expression = " OR ".join(quote_term(f) for f in fragments)
    return (
        text(f"SELECT rowid FROM {DIGITS_TABLE} WHERE {DIGITS_TABLE} MATCH :{name}")
        .bindparams(**{name: expression})
        .columns(column("rowid", Integer))
    )


def text_clause(id_column: Any, node: Node) -> ColumnElement[bool]:
    """A WHERE clause on `id_column` for a parsed query."""
    expr = fts_expression(node)
    if expr is not None:
        return id_column.in_(fts_ids(expr))  # type: ignore[no-any-return]
    if isinstance(node, Term):
        return id_column.in_(digits_ids([node.value]))  # type: ignore[no-any-return]
    if isinstance(node, Not):
        return not_(text_clause(id_column, node.child))
    if isinstance(node, Or):
        return or_(false(), *(text_clause(id_column, c) for c in node.children))
    return and_(true(), *(text_clause(id_column, c) for c in node.children))


def search_clause(id_column: Any, query: str) -> ColumnElement[bool] | None:
    """Parse `query` and return its WHERE clause; None when the text is blank.

    Raises:
        BadSearchError: The text has no words or numbers to search for, or is too complex.
    """
    if not query.strip():
        return None
    node = parse_query(query)
    if node is None:
        raise BadSearchError(
            f"The search text {query.strip()[:60]!r} has no words or numbers to search for. "
            "Type at least one word (letters or digits) and search again."
        )
    return text_clause(id_column, node)
