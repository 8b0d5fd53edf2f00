"""SQLite FTS5: the external-content index on message text, its triggers, and query escaping.

This is the SQLite dialect module for full-text search; a PostgreSQL store would put its
tsvector equivalent in a sibling module. User text never reaches FTS5 syntax unescaped: every
term is quoted, so no query string can raise a database error.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

FTS_TABLE = "messages_fts"

_CREATE = [
    # unicode61 with remove_diacritics 2 makes search case- and accent-insensitive.
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, content='messages', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 2\")",
    f"CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER messages_au AFTER UPDATE OF text ON messages BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
]


def create_fts(conn: Connection) -> None:
    """Create the FTS5 index and the triggers that keep it in sync with `messages`."""
    for statement in _CREATE:
        conn.execute(text(statement))


_TOKEN = re.compile(r'"[^"]*"?|\S+')


def quote_term(term: str) -> str:
    """Quote one user term as an FTS5 string, doubling embedded quotes."""
    return '"' + term.replace('"', '""') + '"'


def simple_match(query: str) -> str | None:
    """Turn free text into a safe FTS5 MATCH expression: every word must appear.

    Quoted phrases stay phrases; a trailing ``*`` on a word becomes a prefix search. Everything
    else, including FTS5 operators and punctuation, is treated as plain text.

    Returns:
        The MATCH expression, or None when the query has no searchable words.
    """
    parts: list[str] = []
    for token in _TOKEN.findall(query):
        if token.startswith('"'):
            phrase = token.strip('"').strip()
            if phrase:
                parts.append(quote_term(phrase))
            continue
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if not any(ch.isalnum() for ch in word):
            continue
        parts.append(quote_term(word) + ("*" if prefix else ""))
    return " AND ".join(parts) if parts else None
