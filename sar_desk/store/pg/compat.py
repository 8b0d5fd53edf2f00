"""SQLite's few dialect words, spoken to PostgreSQL: so the store modules serve both stores.

The store modules were written for SQLite and use a handful of its words: ``INSERT OR IGNORE``
/ ``OR REPLACE``, FTS5 ``MATCH`` (and ``bm25``) on the text indexes, ``?`` placeholders and
``PRAGMA`` on the import writer's raw cursor. Rather than fork every module, a case connection
on the team server translates exactly these forms, in one reviewed place:

- `translate` rewrites a statement (and its FTS5 parameters) on its way to the server; it is
  hooked into the engine (`install`) and into raw DBAPI cursors (`CompatCursor`);
- an FTS5 expression (built only by `store.query_language`) becomes the equivalent
  ``to_tsquery`` text over the generated tsvector column (`store.pg.ddl`), and a digits MATCH a
  substring LIKE on the trigram-indexed digits table, as `store.pg.search` does;
- anything else passes unchanged, so an untranslated SQLite word fails loudly on the server
  (and in ``tests/pg/``) instead of behaving differently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
from sqlalchemy import Engine, event

from sar_desk.store.pg.ddl import TS_CONFIG, TSV_COLUMN
from sar_desk.store.tables import metadata

_OR_WORD = re.compile(
    r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.IGNORECASE
)
_RETURNING = re.compile(r"\sRETURNING\s", re.IGNORECASE)
# A bound parameter, with the type cast SQLAlchemy's psycopg dialect may add after it.
_PARAM = r"(%\(\w+\)s(?:::\w+)?|%s)"
_QUERY = f"to_tsquery('{TS_CONFIG}', sar_desk_fold({{p}}))"
_MSG_MATCH = re.compile(r"SELECT rowid FROM messages_fts WHERE messages_fts MATCH " + _PARAM)
_ATT_MATCH = re.compile(r"attachments_fts WHERE attachments_fts MATCH " + _PARAM)
_DIGITS_MATCH = re.compile(r"messages_digits WHERE messages_digits MATCH " + _PARAM)
_BM25 = re.compile(
    r"SELECT rowid, bm25\(messages_fts\) FROM messages_fts WHERE messages_fts MATCH "
    + _PARAM
    + r" AND rowid IN"
)
_FTS_TOKEN = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\()|(\))|\b(AND|OR|NOT)\b')
_WORD = re.compile(r"[^\W_]+")
_OPS = {"AND": " & ", "OR": " | ", "NOT": " & !"}


def tsquery_from_fts5(expression: str) -> str:
    """An FTS5 expression from `store.query_language` as ``to_tsquery`` text.

    A quoted phrase is its words in sequence (``<->``), a trailing ``*`` a prefix, and FTS5's
    binary ``a NOT b`` is ``a & !b``. A phrase with no word matches nothing.
    """
    out: list[str] = []
    for match in _FTS_TOKEN.finditer(expression):
        phrase, star, opening, closing, op = match.groups()
        if phrase is not None:
            words = _WORD.findall(phrase.replace('""', '"'))
            if not words:
                out.append("'sar_desk_no_word_matches_this'")
                continue
            parts = [f"'{w}'" for w in words]
            if star:
                parts[-1] += ":*"
            out.append("(" + " <-> ".join(parts) + ")" if len(parts) > 1 else parts[0])
        elif opening:
            out.append("(")
        elif closing:
            out.append(")")
        elif op:
            out.append(_OPS[op])
    return "".join(out)


def _digit_patterns(expression: str) -> list[str]:
    # Digits MATCH expressions are quoted digit runs joined by OR: each is a substring test.
    return [f"%{run}%" for run in re.findall(r'"(\d+)"', expression)]


def _primary_key(table: str) -> list[str]:
    found = metadata.tables.get(table)
    return [c.name for c in found.primary_key.columns] if found is not None else []


def _or_words(statement: str) -> str:
    match = _OR_WORD.match(statement)
    if match is None:
        return statement
    word, table, columns = match.group(1).upper(), match.group(2), match.group(3)
    head = f"INSERT INTO {table} ({columns})"
    body = head + statement[match.end() :]
    if word == "IGNORE":
        clause = " ON CONFLICT DO NOTHING"
    else:
        keys = _primary_key(table)
        names = [c.strip().strip('"') for c in columns.split(",")]
        updates = ", ".join(f'"{n}" = EXCLUDED."{n}"' for n in names if n not in keys)
        target = ", ".join(f'"{k}"' for k in keys)
        clause = f" ON CONFLICT ({target}) DO UPDATE SET {updates}" if keys and updates else ""
        if not clause:
            clause = " ON CONFLICT DO NOTHING"
    returning = _RETURNING.search(body)
    if returning is None:
        return body + clause
    return body[: returning.start()] + clause + body[returning.start() :]


def _param_name(token: str) -> str | None:
    found = re.match(r"%\((\w+)\)s", token)
    return found.group(1) if found else None


def _bare(token: str) -> str:
    return token.split("::", 1)[0]


def translate(statement: str, parameters: Any) -> tuple[str, Any]:
    """The statement and parameters with SQLite's words translated (unchanged if none)."""
    if "INSERT" in statement[:40].upper() and " OR " in statement[:40].upper():
        statement = _or_words(statement)
    if "MATCH" not in statement:
        return statement, parameters
    convert: dict[str, Any] = {}

    def text_query(match: re.Match[str], template: str) -> str:
        token = match.group(1)
        name = _param_name(token)
        if name is not None:
            convert[name] = tsquery_from_fts5
        return template.format(q=_QUERY.format(p=token))

    statement = _BM25.sub(
        lambda m: text_query(
            m,
            f"SELECT id AS rowid, -ts_rank({TSV_COLUMN}, {{q}}) FROM messages "
            f"WHERE {TSV_COLUMN} @@ {{q}} AND id IN",
        ),
        statement,
    )
    statement = _MSG_MATCH.sub(
        lambda m: text_query(m, f"SELECT id AS rowid FROM messages WHERE {TSV_COLUMN} @@ {{q}}"),
        statement,
    )
    statement = _ATT_MATCH.sub(
        lambda m: text_query(m, f"attachments_fts WHERE {TSV_COLUMN} @@ {{q}}"), statement
    )

    def digits(match: re.Match[str]) -> str:
        token = match.group(1)
        name = _param_name(token)
        if name is not None:
            convert[name] = _digit_patterns
        return f"messages_digits WHERE digits LIKE ANY (CAST({_bare(token)} AS text[]))"

    statement = _DIGITS_MATCH.sub(digits, statement)
    if convert and isinstance(parameters, Mapping):
        parameters = {k: (convert[k](v) if k in convert else v) for k, v in parameters.items()}
    return statement, parameters


def _named(statement: str, parameters: Mapping[str, Any]) -> str:
    # SQLite's ``:name`` style, as store modules pass it to ``exec_driver_sql``.
    escaped = statement.replace("%", "%%")
    return re.sub(
        r"(?<![:\w]):([A-Za-z_]\w*)",
        lambda m: f"%({m.group(1)})s" if m.group(1) in parameters else m.group(0),
        escaped,
    )


_INSERT_VALUES = re.compile(
    r"INSERT\s+(?:OR\s+\w+\s+)?INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)", re.I
)


def _boolean_slots(statement: str) -> list[int]:
    """Which ``?`` parameters of an INSERT fill BOOLEAN columns (SQLite takes 0/1 for them)."""
    match = _INSERT_VALUES.search(statement)
    if match is None:
        return []
    table = metadata.tables.get(match.group(1))
    if table is None:
        return []
    columns = [c.strip().strip('"') for c in match.group(2).split(",")]
    values = [v.strip() for v in match.group(3).split(",")]
    slots: list[int] = []
    slot = 0
    for name, value in zip(columns, values, strict=False):
        if value != "?":
            continue
        column = table.columns.get(name)
        if column is not None and column.type.python_type is bool:
            slots.append(slot)
        slot += 1
    return slots


def _with_booleans(row: Sequence[Any], slots: list[int]) -> tuple[Any, ...]:
    values = list(row)
    for slot in slots:
        if isinstance(values[slot], int):
            values[slot] = bool(values[slot])
    return tuple(values)


def driver_statement(statement: str, parameters: Any, many: bool) -> tuple[str, Any]:
    """A statement written for SQLite's driver, with parameters, as psycopg takes them."""
    first = parameters[0] if many and parameters else parameters
    if isinstance(first, Mapping) and "%(" not in statement and ":" in statement:
        statement = _named(statement, first)
    elif isinstance(first, Sequence) and not isinstance(first, str) and "?" in statement:
        slots = _boolean_slots(statement)
        statement = statement.replace("%", "%%").replace("?", "%s")
        if slots:
            parameters = (
                [_with_booleans(row, slots) for row in parameters]
                if many
                else _with_booleans(parameters, slots)
            )
    if many:
        return translate(statement, None)[0], parameters
    return translate(statement, parameters)


def install(engine: Engine) -> None:
    """Translate every statement of `engine` and give its raw cursors the same translation."""

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _translate(
        conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> tuple[str, Any]:
        return driver_statement(statement, parameters, many)

    @event.listens_for(engine, "connect")
    def _raw_cursors(dbapi_conn: psycopg.Connection[Any], _record: Any) -> None:
        dbapi_conn.cursor_factory = CompatCursor


class CompatCursor(psycopg.Cursor[Any]):
    """A raw cursor that takes SQLite's ``?`` placeholders and answers its PRAGMAs.

    SQLAlchemy's own statements reach the cursor already translated (`install`); a store
    module's raw cursor (the import writer's) is translated here.
    """

    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
        """Run one statement, translated."""
        if isinstance(query, str):
            if query.lstrip().upper().startswith("PRAGMA"):
                # A page-cache size is SQLite's tuning; answer its read with a neutral value.
                return super().execute("SELECT 0")
            if "sqlite_master" in query:
                return super().execute("SELECT NULL::text WHERE false")
            if params is not None and "%(" not in query:
                query, params = driver_statement(query, params, False)
        return super().execute(query, params, **kwargs)

    def executemany(self, query: Any, params_seq: Any, **kwargs: Any) -> None:
        """Run one statement for many parameter rows, translated."""
        if isinstance(query, str) and "%(" not in query and "?" in query:
            query, params_seq = driver_statement(query, list(params_seq), True)
        super().executemany(query, params_seq, **kwargs)
