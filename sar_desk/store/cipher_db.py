"""The engine of an encrypted case database: SQLite through SQLCipher.

SQLCipher comes from the ``sqlcipher3-wheels`` package (wheels for Windows, macOS and Linux;
``sqlcipher3-binary`` has the same import name but Linux wheels only, so never both; see
docs/encryption.md). It is used as the DB-API module of SQLAlchemy's ordinary SQLite dialect,
so the rest of `store.db` (pragmas, transactions, errors) works unchanged, and FTS5 is
compiled in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool


def make_engine(path: Path, key_hex: str) -> Engine:
    """An engine whose every connection is keyed before anything else touches the file.

    Args:
        path: The ``case.db`` file.
        key_hex: The 256-bit raw database key in hex (`case_keys.database_key`).
    """
    import sqlcipher3  # loaded only for encrypted cases

    def connect() -> Any:
        conn = sqlcipher3.connect(str(path), check_same_thread=True)
        # SQLCipher logs a wrong key on stderr by default; the caller reports it in one line.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        # Temporary tables and sort files stay in memory, never as plain files on disk.
        conn.execute("PRAGMA temp_store = MEMORY")
        return conn

    return create_engine(
        f"sqlite:///{path}", creator=connect, module=sqlcipher3, poolclass=NullPool
    )
