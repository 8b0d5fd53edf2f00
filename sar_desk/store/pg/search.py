"""Full-text search on the team store: the same query language, run on tsvector/GIN.

`store.query_language` parses the search box into a tree; this module turns that tree into SQL
for PostgreSQL, as `store.fts` does for SQLite's FTS5. Every leaf is a bound parameter built
only from letters and digits, so no query string can raise a database error here either.
Digit fragments search the digits table by substring (its ``pg_trgm`` index serves LIKE).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, not_, or_, text, true

from sar_desk.core.errors import BadSearchError
from sar_desk.store.fts import digit_runs, mention_key
from sar_desk.store.pg.ddl import TS_CONFIG, TSV_COLUMN
from sar_desk.store.query_language import And, Node, Not, Or, Term, parse_query

_WORD = re.compile(r"[^\W_]+")
"""A token as unicode61 cuts one: a run of letters and digits (underscore separates)."""


def tsquery_text(term: Term) -> str | None:
    """The term as ``to_tsquery`` input: its words in sequence, the last one a prefix if asked.

    None when the term holds no word (nothing can match it).
    """
    words = _WORD.findall(term.value)
    if not words:
        return None
    parts = [f"'{w}'" for w in words]
    if term.prefix:
        parts[-1] += ":*"
    return " <-> ".join(parts)


class _Binder:
    """Gives each leaf its own bind name (two leaves sharing one name would share one value)."""

    def __init__(self) -> None:
        self.count = 0

    def name(self) -> str:
        self.count += 1
        return f"pgq_{self.count}"


def _term_clause(id_column: Any, term: Term, binder: _Binder) -> ColumnElement[bool]:
    name = binder.name()
    if term.digits:
        pattern = f"%{term.value}%"  # digits only: no LIKE wildcard can come from the user
        ids = text(f"SELECT rowid FROM messages_digits WHERE digits LIKE :{name}")
        return id_column.in_(ids.bindparams(**{name: pattern}))  # type: ignore[no-any-return]
    query = tsquery_text(term)
    if query is None:
        return false()
    ids = text(
        f"SELECT id FROM messages WHERE {TSV_COLUMN} @@ "
        f"to_tsquery('{TS_CONFIG}', sar_desk_fold(:{name}))"
    )
    return id_column.in_(ids.bindparams(**{name: query}))  # type: ignore[no-any-return]


def text_clause(id_column: Any, node: Node, binder: _Binder | None = None) -> ColumnElement[bool]:
    """A WHERE clause on `id_column` for a parsed query."""
    binder = binder or _Binder()
    if isinstance(node, Term):
        return _term_clause(id_column, node, binder)
    if isinstance(node, Not):
        return not_(text_clause(id_column, node.child, binder))
    if isinstance(node, Or):
        return or_(false(), *(text_clause(id_column, c, binder) for c in node.children))
    if isinstance(node, And):
        return and_(true(), *(text_clause(id_column, c, binder) for c in node.children))
    raise TypeError(f"Unknown query node {node!r}")


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


def index_messages(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Add new messages to the digits and mentions tables (the tsvector keeps itself)."""
    digit_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    for row in rows:
        runs = digit_runs(str(row["text"]))
        if runs:
            digit_rows.append({"rowid": row["id"], "digits": " ".join(runs)})
        mentions = row["mentions_json"]
        if mentions and mentions != "[]":
            keys = {mention_key(str(m)) for m in json.loads(mentions)}
            mention_rows.extend({"message_id": row["id"], "value": k} for k in sorted(keys) if k)
    if digit_rows:
        conn.execute(
            text("INSERT INTO messages_digits (rowid, digits) VALUES (:rowid, :digits)"),
            digit_rows,
        )
    if mention_rows:
        conn.execute(
            text(
                "INSERT INTO message_mentions (message_id, value) VALUES (:message_id, :value) "
                "ON CONFLICT DO NOTHING"
            ),
            mention_rows,
        )
