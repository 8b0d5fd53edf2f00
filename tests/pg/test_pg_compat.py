"""The few SQLite words the store modules use, as the team store's connections translate them."""

from __future__ import annotations

import pytest

from sar_desk.store.pg.compat import driver_statement, translate, tsquery_from_fts5


def test_insert_or_ignore_and_or_replace_become_on_conflict() -> None:
    sql, _ = translate(
        "INSERT OR IGNORE INTO conversation_members (conversation_id, participant_id) "
        "VALUES (%(a)s, %(b)s) RETURNING conversation_id",
        {},
    )
    assert sql == (
        "INSERT INTO conversation_members (conversation_id, participant_id) VALUES (%(a)s, "
        "%(b)s) ON CONFLICT DO NOTHING RETURNING conversation_id"
    )
    sql, _ = translate(
        "INSERT OR REPLACE INTO source_precision (source_id, micros) VALUES (%s, %s)", None
    )
    assert sql.endswith('ON CONFLICT ("source_id") DO UPDATE SET "micros" = EXCLUDED."micros"')


@pytest.mark.parametrize(
    ("fts5", "tsquery"),
    [
        ('"boiler"', "'boiler'"),
        ('"boil"*', "'boil':*"),
        ('"damp report"', "('damp' <-> 'report')"),
        ('("a" OR "b")', "('a' | 'b')"),
        ('(("repair") NOT "boiler")', "(('repair') & !'boiler')"),
        ('"x"" OR 1=1 --"', "('x' <-> 'OR' <-> '1' <-> '1')"),
        ('"--"', "'sar_desk_no_word_matches_this'"),
    ],
)
def test_fts5_expressions_become_tsquery_text(fts5: str, tsquery: str) -> None:
    assert tsquery_from_fts5(fts5) == tsquery


def test_fts5_parameters_are_converted_with_their_statement() -> None:
    sql, params = translate(
        "SELECT rowid FROM messages_fts WHERE messages_fts MATCH %(fts_1)s::VARCHAR",
        {"fts_1": '"boil"*', "other": '"kept"'},
    )
    assert "text_tsv @@ to_tsquery('simple', sar_desk_fold(%(fts_1)s::VARCHAR))" in sql
    assert params == {"fts_1": "'boil':*", "other": '"kept"'}
    sql, params = translate(
        "SELECT rowid FROM messages_digits WHERE messages_digits MATCH %(fts_2)s",
        {"fts_2": '"7911" OR "123"'},
    )
    assert "digits LIKE ANY (CAST(%(fts_2)s AS text[]))" in sql
    assert params == {"fts_2": ["%7911%", "%123%"]}


def test_driver_statements_take_psycopg_placeholders_and_booleans() -> None:
    sql, params = driver_statement(
        "INSERT INTO messages (id, reply_to, edited, text) VALUES (?, NULL, ?, ?)",
        [(1, 0, "50% off"), (2, 1, "x")],
        True,
    )
    assert sql == "INSERT INTO messages (id, reply_to, edited, text) VALUES (%s, NULL, %s, %s)"
    assert params == [(1, False, "50% off"), (2, True, "x")]
    sql, params = driver_statement(
        "UPDATE messages SET conversation_id = :t WHERE conversation_id = :c AND x LIKE '5%'",
        {"c": 1, "t": 2},
        False,
    )
    assert sql == (
        "UPDATE messages SET conversation_id = %(t)s WHERE conversation_id = %(c)s AND x LIKE '5%%'"
    )
    assert params == {"c": 1, "t": 2}
