"""SQLite full-text search: the FTS5 index on message text, the digits index, and query parsing.

This is the SQLite dialect module for full-text search; a PostgreSQL store would put its
tsvector equivalent in a sibling module. User text never reaches FTS5 syntax unescaped: the
small query language below (words, "phrases", prefix*, AND/OR/NOT, brackets, -word) is parsed
into a tree whose leaves are always quoted, so no query string can raise a database error.

Phone fragments ("7911 123") are searched as substrings of a separate trigram index holding the
digits of each number-like run in a message, because word tokenisers split numbers at spaces.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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

FTS_TABLE = "messages_fts"
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

MAX_QUERY_CHARS = 2000
_PARAMS = itertools.count()
MAX_TERMS = 64
MAX_DEPTH = 16
_MIN_DIGITS = 3


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


# ---------------------------------------------------------------- the query language


@dataclass(frozen=True, slots=True)
class Term:
    """A word, phrase or digit fragment. ``prefix`` makes a word match as a prefix."""

    value: str
    prefix: bool = False
    digits: bool = False


@dataclass(frozen=True, slots=True)
class And:
    """All children must match."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Any child may match."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The child must not match."""

    child: Node


Node = Term | And | Or | Not

_LEX = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_DIGITISH = re.compile(r"^\+?[\d\-.()]+$")


def quote_term(term: str) -> str:
    """Quote one user term as an FTS5 string, doubling embedded quotes."""
    return '"' + term.replace('"', '""') + '"'


def _clean(query: str) -> str:
    # Lone surrogates (from undecodable command-line bytes) cannot be bound as SQLite text.
    return "".join(" " if unicodedata.category(ch) in ("Cs", "Cc") else ch for ch in query)


def _searchable(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def _digit_count(token: str) -> int:
    return sum(ch.isdigit() for ch in token)


class _Parser:
    """Recursive descent over tokens: or := and ("OR" and)*; and := unary+; unary := NOT? atom."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.terms = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> Node | None:
        node = self.parse_or(0)
        # Stray closing brackets are ignored rather than failing the whole search.
        while self.peek() is not None:
            self.pos += 1
            more = self.parse_or(0)
            if more is not None:
                node = more if node is None else And((node, more))
        return node

    def parse_or(self, depth: int) -> Node | None:
        parts: list[Node] = []
        while True:
            node = self.parse_and(depth)
            if node is not None:
                parts.append(node)
            if self.peek() == "OR":
                self.pos += 1
                continue
            break
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def parse_and(self, depth: int) -> Node | None:
        parts: list[Node] = []
        while (token := self.peek()) is not None and token not in (")", "OR"):
            if token == "AND":
                self.pos += 1
                continue
            node = self.parse_unary(depth)
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_unary(self, depth: int) -> Node | None:
        token = self.peek()
        if token == "NOT":
            self.pos += 1
            if self.peek() in (None, ")", "OR", "AND", "NOT"):
                return None
            child = self.parse_unary(depth)
            return Not(child) if child is not None else None
        if token is not None and token.startswith("-") and len(token) > 1 and token[1].isalpha():
            self.tokens[self.pos] = token[1:]
            child = self.parse_unary(depth)
            return Not(child) if child is not None else None
        return self.parse_atom(depth)

    def parse_atom(self, depth: int) -> Node | None:
        token = self.tokens[self.pos]
        self.pos += 1
        if token == "(":
            if depth >= MAX_DEPTH:
                raise BadSearchError(
                    f"The search has more than {MAX_DEPTH} levels of brackets. Simplify it and "
                    "search again."
                )
            node = self.parse_or(depth + 1)
            if self.peek() == ")":
                self.pos += 1  # an unclosed bracket simply closes at the end
            return node
        if token == ")":
            return None
        return self._term(token)

    def _term(self, token: str) -> Node | None:
        if token.startswith('"'):
            phrase = " ".join(token.strip('"').split())
            if not _searchable(phrase):
                return None
            if _DIGITISH.match(phrase.replace(" ", "")) and _digit_count(phrase) >= _MIN_DIGITS:
                return self._count(Term("".join(c for c in phrase if c.isdigit()), digits=True))
            return self._count(Term(phrase))
        if _DIGITISH.match(token) and _digit_count(token):
            # "7911 123", "+44 7911 123456": consecutive number fragments are one phone fragment.
            start, digits = self.pos, "".join(c for c in token if c.isdigit())
            while (nxt := self.peek()) is not None and _DIGITISH.match(nxt) and _digit_count(nxt):
                digits += "".join(c for c in nxt if c.isdigit())
                self.pos += 1
            if len(digits) >= _MIN_DIGITS:
                return self._count(Term(digits, digits=True))
            self.pos = start
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if not _searchable(word):
            return None
        return self._count(Term(word, prefix=prefix))

    def _count(self, term: Term) -> Term:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise BadSearchError(
                f"The search has more than {MAX_TERMS} words. Use fewer words, or split it into "
                "several searches."
            )
        return term


def parse_query(query: str) -> Node | None:
    """Parse the user's search text into a tree; None when it has nothing to search for.

    Raises:
        BadSearchError: The text is too long, too deeply bracketed or has too many words.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise BadSearchError(
            f"The search text is {len(query):,} characters long; the limit is "
            f"{MAX_QUERY_CHARS:,}. Shorten it and search again."
        )
    return _Parser(_LEX.findall(_clean(query))).parse()


def fts_expression(node: Node) -> str | None:
    """The node as one FTS5 MATCH expression, or None when FTS5 alone cannot express it.

    Digit fragments live in another index, and FTS5's NOT is binary (``a NOT b``), so a lone
    negation or anything containing digits is combined in SQL instead (`text_clause`).
    """
    if isinstance(node, Term):
        if node.digits:
            return None
        return quote_term(node.value) + ("*" if node.prefix else "")
    if isinstance(node, Or):
        parts = [fts_expression(c) if not isinstance(c, Not) else None for c in node.children]
        if any(p is None for p in parts):
            return None
        return "(" + " OR ".join(p for p in parts if p) + ")"
    if isinstance(node, And):
        positive = [fts_expression(c) for c in node.children if not isinstance(c, Not)]
        negative = [fts_expression(c.child) for c in node.children if isinstance(c, Not)]
        if not positive or any(p is None for p in [*positive, *negative]):
            return None
        expr = "(" + " AND ".join(p for p in positive if p) + ")"
        for neg in negative:
            expr = f"({expr} NOT {neg})"
        return expr
    return None


def _param() -> str:
    # Each MATCH gets its own bind name: two text() clauses sharing ":m" would share one value.
    return f"fts_{next(_PARAMS)}"


def fts_ids(expression: str) -> Any:
    """A SELECT of message ids whose text matches an FTS5 expression (bound, never inlined)."""
    name = _param()
    return (
        text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{name}")
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


def simple_match(query: str) -> str | None:
    """Turn free text into an FTS5 expression where every word must appear (digits as words).

    Kept for callers that need a plain MATCH string; searches use `search_clause`.
    """
    node = parse_query(query)
    if node is None:
        return None
    terms = _terms(node)
    parts = [quote_term(t.value) + ("*" if t.prefix else "") for t in terms]
    return " AND ".join(parts) if parts else None


def _terms(node: Node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return []
    return [t for c in node.children for t in _terms(c)]


def highlight_terms(query: str | None) -> list[str]:
    """The positive words and phrases of a query (for highlighting hits); never raises."""
    if not query:
        return []
    try:
        node = parse_query(query)
    except BadSearchError:
        return []
    return [t.value for t in _terms(node)] if node is not None else []
