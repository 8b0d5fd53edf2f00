"""The same search box query finds the same messages on a case folder and on the team server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pg_cluster_info import PgCluster
from sqlalchemy import Connection, Engine, insert, select

from sar_desk.core.errors import BadSearchError
from sar_desk.store import fts, open_store
from sar_desk.store.pg import compat
from sar_desk.store.pg import search as pg_search
from sar_desk.store.pg.engine import make_engine, migrate_case
from sar_desk.store.tables import conversations, messages

# Synthetic chat lines: accents, hyphens, e-mail addresses, phone numbers in two forms, mentions.
TEXTS = [
    "The boiler repair is booked for Tuesday",
    "Damp report sent to the landlord",
    "Café meeting moved; see the damp-report draft",
    "Ring me on +44 7911 123456 about the boiler",
    "Her number is 07700 900123, not the office one",
    "email jo.bloggs@example.org with the rota",
    "Boiling water leak in flat 3",
    "rota_updated for next week @Sam",
    "NAÏVE question: is the repair done?",
    "nothing relevant here",
]

QUERIES = [
    "boiler",
    "boiler repair",
    '"damp report"',
    "damp report",
    "boil*",
    "boil* -boiler",
    "rota OR café",
    "cafe",
    "naive",
    "7911 123",
    "07911",
    "900123 OR boiler",
    "(damp OR leak) AND NOT landlord",
    "example",
    "jo bloggs",
    "updated",
    "repair -(boiler OR naïve)",
    "'; DROP TABLE messages; --",
    'x" OR 1=1 --',
]


def _fill(conn: Connection, index: Any) -> None:
    conn.execute(insert(conversations).values(id=1, platform="sms", key="c", title="Chat"))
    rows = []
    for number, body in enumerate(TEXTS, start=1):
        mentions = '["@Sam"]' if "@Sam" in body else "[]"
        rows.append(
            {
                "id": number,
                "conversation_id": 1,
                "sent_at": number,
                "utc_offset": 0,
                "time_basis": "utc",
                "timestamp_raw": "raw",
                "kind": "message",
                "text": body,
                "attachments_json": "[]",
                "reactions_json": "[]",
                "mentions_json": mentions,
                "edited": False,
                "dedup_key": f"k{number}",
                "seq": number,
            }
        )
    conn.execute(insert(messages), rows)
    index(conn, rows)


@pytest.fixture(scope="module")
def both_stores(
    pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, Engine]]:
    store = open_store(tmp_path_factory.mktemp("fts") / "case.db", create=True)
    with store.transaction() as conn:
        _fill(conn, fts.index_messages)
    admin = make_engine(pg_cluster.url())
    with admin.begin() as conn:
        migrate_case(conn, "case_search_test", label="SEARCH-TEST")
    admin.dispose()
    engine = make_engine(pg_cluster.url(), schema="case_search_test")
    with engine.begin() as conn:
        _fill(conn, pg_search.index_messages)
    yield store, engine
    store.close()
    engine.dispose()


def _hits(conn: Connection, clause: Any) -> list[int]:
    return [int(r) for r in conn.scalars(select(messages.c.id).where(clause).order_by("id"))]


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_query_finds_the_same_messages_on_both_stores(
    both_stores: tuple[Any, Engine], query: str
) -> None:
    store, engine = both_stores
    try:
        sqlite_clause = fts.search_clause(messages.c.id, query)
    except BadSearchError:
        with pytest.raises(BadSearchError):
            pg_search.search_clause(messages.c.id, query)
        return
    with store.read() as conn:
        expected = _hits(conn, sqlite_clause)
    with engine.connect() as conn:
        found = _hits(conn, pg_search.search_clause(messages.c.id, query))
    assert found == expected


def test_the_queries_are_not_trivially_equal(both_stores: tuple[Any, Engine]) -> None:
    # Guard against a comparison that passes because both stores find nothing.
    _, engine = both_stores
    with engine.connect() as conn:
        assert _hits(conn, pg_search.search_clause(messages.c.id, "boil*")) == [1, 4, 7]
        assert _hits(conn, pg_search.search_clause(messages.c.id, "7911 123")) == [4]
        assert _hits(conn, pg_search.search_clause(messages.c.id, "cafe")) == [3]
        assert _hits(conn, pg_search.search_clause(messages.c.id, "naive")) == [9]
        assert _hits(conn, pg_search.search_clause(messages.c.id, "jo bloggs")) == [6]


@pytest.mark.parametrize("query", QUERIES)
def test_the_case_folders_own_search_finds_the_same_on_the_team_store(
    both_stores: tuple[Any, Engine], pg_cluster: PgCluster, query: str
) -> None:
    # A case worked on the server runs `store.fts`'s SQLite statements through `compat`
    # (FTS5 MATCH as tsquery, digits MATCH as LIKE): the same messages must come back.
    store, _ = both_stores
    try:
        clause = fts.search_clause(messages.c.id, query)
    except BadSearchError:
        return
    with store.read() as conn:
        expected = _hits(conn, clause)
    engine = make_engine(pg_cluster.url(), schema="case_search_test")
    compat.install(engine)
    try:
        with engine.connect() as conn:
            assert _hits(conn, fts.search_clause(messages.c.id, query)) == expected
    finally:
        engine.dispose()


def _ordered_ids(
    conn: Connection, order: Any, descending: bool, text_query: str, limit: int
) -> list[int]:
    from sar_desk.core.search import SearchQuery
    from sar_desk.store.search_order import search_page_ordered

    query = SearchQuery(text=text_query or None)
    out: list[int] = []
    after: int | None = None
    while True:
        page = search_page_ordered(conn, query, order, descending, after, limit=limit)
        if not page:
            return out
        out += [int(m.id) for m in page]
        after = int(page[-1].id)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("text_query", ["", "boil* OR damp OR rota"])
def test_sorted_search_pages_on_the_team_store_as_on_a_case_folder(
    both_stores: tuple[Any, Engine], pg_cluster: PgCluster, descending: bool, text_query: str
) -> None:
    from sar_desk.core.records import SearchOrder

    store, _ = both_stores
    engine = make_engine(pg_cluster.url(), schema="case_search_test")
    compat.install(engine)
    try:
        for order in SearchOrder:
            with store.read() as conn:
                expected = _ordered_ids(conn, order, descending, text_query, limit=100)
            with engine.connect() as conn:
                whole = _ordered_ids(conn, order, descending, text_query, limit=100)
                # Two rows a page: every page boundary is crossed by the keyset.
                paged = _ordered_ids(conn, order, descending, text_query, limit=2)
            assert paged == whole, order  # no row lost or shown twice between pages
            assert sorted(whole) == sorted(expected), order
            if order is SearchOrder.TIME:  # the text order may follow the server's collation
                assert whole == expected
    finally:
        engine.dispose()
