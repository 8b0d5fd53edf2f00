"""The search query language: parsing, escaping and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from sar_desk.core.errors import BadSearchError
from sar_desk.store import open_store
from sar_desk.store.fts import digit_runs, search_clause
from sar_desk.store.query_language import And, Not, Or, Term, fts_expression, parse_query
from sar_desk.store.tables import messages


def test_words_are_anded_and_quoted() -> None:
    node = parse_query("boiler repair")
    assert node == And((Term("boiler"), Term("repair")))
    assert fts_expression(node) == '("boiler" AND "repair")'


def test_phrases_prefixes_or_and_not() -> None:
    node = parse_query('"damp report" OR boil* -rota')
    assert node == Or((Term("damp report"), And((Term("boil", prefix=True), Not(Term("rota"))))))
    assert fts_expression(node) == '("damp report" OR (("boil"*) NOT "rota"))'


def test_phone_fragments_become_one_digit_term() -> None:
    assert parse_query("7911 123") == Term("7911123", digits=True)
    assert parse_query('"+44 7911"') == Term("447911", digits=True)
    assert fts_expression(Term("7911123", digits=True)) is None


def test_digit_runs_index_both_phone_forms() -> None:
    assert digit_runs("ring +44 7911 123456 now") == ["447911123456", "07911123456"]
    assert digit_runs("ring 07911-123456") == ["07911123456", "447911123456"]
    assert digit_runs("on 12/03") == []


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '"unbalanced',
        "NEAR(",
        "NEAR(a b",
        "*",
        "(((",
        "a)))",
        "AND",
        "OR OR",
        "NOT",
        "'; DROP TABLE messages; --",
        'x" OR 1=1 --',
        "col:value",
        "^start",
        "a + b",
        "{a b}",
    ],
)
def test_hostile_strings_never_reach_fts_unquoted(hostile: str) -> None:
    try:
        node = parse_query(hostile)
    except BadSearchError:
        return
    if node is not None:
        expr = fts_expression(node)
        assert expr is None or '"' in expr


def test_too_deep_or_too_long_queries_are_refused_clearly() -> None:
    with pytest.raises(BadSearchError, match="brackets"):
        parse_query("(" * 40 + "a")
    with pytest.raises(BadSearchError, match="characters"):
        parse_query("a" * 5000)
    with pytest.raises(BadSearchError, match="no words"):
        search_clause(messages.c.id, "*** ((( )))")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    s = open_store(Path(tmp_path_factory.mktemp("fts")) / "case.db", create=True)
    with s.transaction() as conn:  # one row, so FTS5 really evaluates every expression
        conn.exec_driver_sql(
            "INSERT INTO conversations(id, platform, key, title) VALUES (1, 'x', 'k', 't')"
        )
        conn.exec_driver_sql(
            "INSERT INTO messages(id, conversation_id, sent_at, utc_offset, time_basis, "
            "timestamp_raw, kind, text, attachments_json, reactions_json, mentions_json, edited, "
            "dedup_key, seq) VALUES (1, 1, 0, 0, 'utc', '', 'message', 'Near the café, call "
            "07911 123456 AND NOT', '[]', '[]', '[]', 0, 'k1', 1)"
        )
        conn.exec_driver_sql("INSERT INTO messages_digits(rowid, digits) VALUES (1, '07911123456')")
    yield s
    s.close()


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from(list('"()*:^-+{}NEAROTD ')),
        max_size=80,
    )
)
def test_arbitrary_text_runs_or_raises_bad_search(store, query: str) -> None:  # type: ignore[no-untyped-def]
    try:
        clause = search_clause(messages.c.id, query)
    except BadSearchError:
        return
    if clause is None:
        return
    with store.read() as conn:
        conn.execute(select(messages.c.id).where(clause)).all()
