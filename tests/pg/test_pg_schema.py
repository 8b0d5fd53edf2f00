"""A case on the team server migrates, through the translated frozen steps, to today's tables."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
from pg_cluster_info import PgCluster
from sqlalchemy import Engine, inspect

import sar_desk.store
from sar_desk.store import SCHEMA_VERSION
from sar_desk.store.migrations import MIGRATIONS, FrozenStep
from sar_desk.store.pg.ddl import TSV_COLUMN, UntranslatedStepError, translate
from sar_desk.store.pg.engine import (
    VERSION_TABLE,
    case_schema,
    make_engine,
    migrate_case,
    schema_version,
)
from sar_desk.store.tables import metadata

for _module in pkgutil.iter_modules(sar_desk.store.__path__):
    importlib.import_module(f"sar_desk.store.{_module.name}")

# Objects the translation adds for search, and the server's own tables (its step record and
# the originals held in the database); today's Table objects do not name them.
SEARCH_ONLY_TABLES = {
    "messages_digits",
    "message_mentions",
    "attachments_fts",
    VERSION_TABLE,
    "originals",
    "original_chunks",
}
SEARCH_ONLY_INDEXES = {f"ix_messages_{TSV_COLUMN}", "ix_messages_reply_to"}


def _reflect(engine: Engine, schema: str) -> dict[str, Any]:
    inspector = inspect(engine)
    found: dict[str, Any] = {}
    for table in sorted(set(inspector.get_table_names(schema=schema)) - SEARCH_ONLY_TABLES):
        columns = [
            (c["name"], str(c["type"]), c["nullable"], str(c["default"] or "")[:8])
            for c in inspector.get_columns(table, schema=schema)
            if c["name"] != TSV_COLUMN
        ]
        pk = inspector.get_pk_constraint(table, schema=schema)["constrained_columns"]
        indexes = sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"]))
            for i in inspector.get_indexes(table, schema=schema)
            if i["name"] not in SEARCH_ONLY_INDEXES
        )
        foreign = sorted(
            (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
            for f in inspector.get_foreign_keys(table, schema=schema)
        )
        uniques = sorted(
            tuple(u["column_names"]) for u in inspector.get_unique_constraints(table, schema=schema)
        )
        found[table] = (columns, tuple(pk), indexes, foreign, uniques)
    return found


@pytest.fixture
def admin_engine(pg_cluster: PgCluster) -> Any:
    engine = make_engine(pg_cluster.url())
    yield engine
    engine.dispose()


def test_a_new_server_case_migrates_to_the_schema_todays_tables_define(
    admin_engine: Engine,
) -> None:
    with admin_engine.begin() as conn:
        assert migrate_case(conn, "case_schema_test", label="SCHEMA-TEST") == SCHEMA_VERSION
    with admin_engine.begin() as conn:
        conn.exec_driver_sql('CREATE SCHEMA "models_schema_test"')
        conn.exec_driver_sql('SET LOCAL search_path TO "models_schema_test"')
        metadata.create_all(conn)
    migrated = _reflect(admin_engine, "case_schema_test")
    models = _reflect(admin_engine, "models_schema_test")
    assert sorted(migrated) == sorted(models)
    for table in models:
        assert migrated[table] == models[table], table
    with admin_engine.begin() as conn:
        assert schema_version(conn, "case_schema_test") == SCHEMA_VERSION
        search_aids = conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'case_schema_test' "
            "AND indexname IN ('ix_messages_text_tsv', 'ix_messages_reply_to', "
            "'ix_messages_digits_trgm') ORDER BY indexname"
        ).all()
        assert [name for name, _ in search_aids] == [
            "ix_messages_digits_trgm",
            "ix_messages_reply_to",
            "ix_messages_text_tsv",
        ]
        assert "gin_trgm_ops" in search_aids[0][1]
        assert "WHERE (reply_to IS NOT NULL)" in search_aids[1][1]
        assert "USING gin (text_tsv)" in search_aids[2][1]
        # Migrating again is a no-op: the case is already at the latest step.
        assert migrate_case(conn, "case_schema_test", label="SCHEMA-TEST") == SCHEMA_VERSION


def test_every_frozen_step_has_a_reviewed_translation() -> None:
    for version, step in MIGRATIONS:
        assert isinstance(step, FrozenStep), version
        for statement in step.ddl:
            for out in translate(statement):
                assert "fts5" not in out.lower()
                assert "WITHOUT ROWID" not in out


def test_an_unknown_sqlite_construct_is_refused_not_shipped() -> None:
    with pytest.raises(UntranslatedStepError):
        translate("CREATE VIRTUAL TABLE other_fts USING fts5(text)")
    with pytest.raises(UntranslatedStepError):
        translate("CREATE TRIGGER t AFTER INSERT ON messages BEGIN SELECT 1; END")


def test_case_schemas_are_named_from_the_reference() -> None:
    assert case_schema("SAR-2026-0142") == "case_sar_2026_0142"
    with pytest.raises(ValueError, match="reference"):
        case_schema("--")
