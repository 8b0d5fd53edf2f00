"""The case store: the only package that speaks SQL (SQLAlchemy 2 Core on SQLite with FTS5)."""

from sar_desk.store.db import SCHEMA_VERSION, Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]
