"""Frozen migrations: an old case migrates to exactly a new case's schema, which is the models'."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect

import sar_desk.store
from sar_desk.store import SCHEMA_VERSION, fts, open_store
from sar_desk.store import attachments as store_attachments
from sar_desk.store.migrations import MIGRATIONS
from sar_desk.store.tables import metadata

# Importing every store module registers every Table on the shared metadata (so this test
# also passes when run on its own).
for _module in pkgutil.iter_modules(sar_desk.store.__path__):
    importlib.import_module(f"sar_desk.store.{_module.name}")


def _first_release_case(path: Path) -> None:
    """A case as the first release left it: step 1 only, holding one message with a number."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        MIGRATIONS[0][1](conn)
        conn.exec_driver_sql("PRAGMA user_version = 1")
        conn.exec_driver_sql(
            "INSERT INTO conversations (id, platform, key, title) VALUES (1, 'sms', 'c', 'Chat')"
        )
        conn.exec_driver_sql(
            "INSERT INTO messages (id, conversation_id, sent_at, utc_offset, time_basis, "
            "timestamp_raw, kind, text, attachments_json, reactions_json, mentions_json, "
            "edited, dedup_key, seq) VALUES (1, 1, 0, 0, 'utc', 'raw', 'text', "
            "'Call me on 07911 123456 @Sam', '[]', '[]', '[\"@Sam\"]', 0, 'k1', 1)"
        )
    engine.dispose()


def _models_case(path: Path) -> None:
    """A database built from today's Table objects and FTS definitions, not the migrations."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        metadata.create_all(conn)
        fts.create_fts(conn)
        fts.create_search_aids(conn)
        store_attachments.create_fts(conn)
    engine.dispose()


def _master(path: Path) -> set[tuple[str, str, str, str]]:
    """Every schema object with its SQL, whitespace-normalised."""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(t, n, tbl, " ".join((sql or "").split())) for t, n, tbl, sql in rows}


def _options(index: Any) -> str:
    """An index's dialect options (a partial index's WHERE) as comparable text."""
    return repr(sorted((k, str(v)) for k, v in index.get("dialect_options", {}).items()))


def _reflect(path: Path) -> dict[str, Any]:
    """Tables, columns, keys and indexes as SQLAlchemy reflects them; FTS tables and triggers."""
    engine = create_engine(f"sqlite:///{path}")
    inspector = inspect(engine)
    schema: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        columns = [
            (c["name"], str(c["type"]), c["nullable"], c["default"], c["primary_key"])
            for c in inspector.get_columns(table)
        ]
        indexes = sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"]), _options(i))
            for i in inspector.get_indexes(table)
        )
        foreign = sorted(
            (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
            for f in inspector.get_foreign_keys(table)
        )
        uniques = sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(table))
        schema[table] = (columns, indexes, foreign, uniques)
    engine.dispose()
    # Virtual tables and triggers are not reflected as models: compare their SQL.
    schema["sql"] = sorted(
        entry
        for entry in _master(path)
        if entry[0] == "trigger" or "VIRTUAL TABLE" in entry[3] or "WHERE" in entry[3]
    )
    return schema


def test_a_first_release_case_migrates_to_exactly_a_new_cases_schema(tmp_path: Path) -> None:
    _first_release_case(tmp_path / "old.db")
    open_store(tmp_path / "old.db").close()
    open_store(tmp_path / "new.db", create=True).close()
    assert _master(tmp_path / "old.db") == _master(tmp_path / "new.db")
    with sqlite3.connect(tmp_path / "old.db") as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        # Step 4's data step indexed the message the first release had stored.
        digits = db.execute("SELECT rowid FROM messages_digits WHERE digits MATCH '911123'")
        assert digits.fetchall() == [(1,)]
        assert db.execute("SELECT message_id, value FROM message_mentions").fetchall() == [
            (1, "sam")
        ]


def test_the_migrated_schema_is_the_one_todays_tables_define(tmp_path: Path) -> None:
    open_store(tmp_path / "new.db", create=True).close()
    _models_case(tmp_path / "models.db")
    migrated, models = _reflect(tmp_path / "new.db"), _reflect(tmp_path / "models.db")
    assert sorted(migrated) == sorted(models)
    for table in models:
        assert migrated[table] == models[table], table


def test_steps_never_build_from_todays_table_objects() -> None:
    # A step that imported a Table or called Table.create() would follow every later edit.
    store = Path(__file__).parents[3] / "sar_desk" / "store"
    for module in [store / "migrations.py", *sorted((store / "ddl").glob("v*.py"))]:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module in ALLOWED_IMPORTS, (module.name, node.module)
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"create", "create_all"}, module.name


# What a frozen step may use: the DDL modules and SQLAlchemy's connection, plus the
# digits/mentions indexer that step 4's data step shares with the import writer.
ALLOWED_IMPORTS = {
    "__future__",
    "collections.abc",
    "sqlalchemy",
    "sar_desk.store.ddl",
    "sar_desk.store.fts",
}
