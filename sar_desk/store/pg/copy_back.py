"""A team case copied into a new case folder for offline work (issue 17 item 7), hash-checked.

The copy is the case as the server holds it at one moment (the caller holds the case's lock on
the server meanwhile): every table row for row with the same ids, so the audit log is the
server's entry for entry and its chain, seals and hashes check unchanged in the folder; every
original, attachment and bundle master written from the server's bytes, each checked against
its SHA-256 on the way (`originals.copy_original_to`). What the team store keeps in its own
form becomes the folder's form: its text indexes (a tsvector column, plain tables) fill the
folder's FTS5 tables, and the files it keeps in ``case_meta`` become the folder's files.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from sar_desk.core.errors import BadInputError, CaseDamagedError
from sar_desk.store import audit
from sar_desk.store.db import Store
from sar_desk.store.folder import make_read_only
from sar_desk.store.pg import originals
from sar_desk.store.pg.case_store import TREE_KEY

SHARED_PREFIX = "team_file:"
"""``case_meta`` keys of files every session shares (the bundle signing key), by file name."""
KEPT_PREFIX = "team_kept:"
"""``case_meta`` keys naming a kept file (a bundle master's) by its case-relative path."""

# The folder's FTS5 tables that the team store keeps as plain tables of the same content
# (`store.pg.ddl`); the message index fills itself from `messages` through its triggers.
_TEXT_INDEXES = {"messages_digits": "digits", "attachments_fts": "text"}
_BATCH = 2000


@dataclass(frozen=True, slots=True)
class CopiedFiles:
    """How many files of each kind were written into the folder, each SHA-256 checked."""

    originals: int
    attachments: int
    kept: int


@dataclass(frozen=True, slots=True)
class CopyResult:
    """What a copy holds: the rows per table, the files, and the server log's entries."""

    rows: dict[str, int]
    files: CopiedFiles
    entries: int


def copy_case(team: Store, local: Store, root: Path, user: str, server: str) -> CopyResult:
    """Copy the case schema of `team` into the new, empty case folder `root` (store `local`).

    One write transaction on each side: the server's holds the case's lock, so the copy is one
    moment of the case, and records on the server who took it; the folder's records the copy
    (by `user`, the OS account) as its newest entry, chained to the server's entries, which
    writes the folder's head file. Either side failing leaves neither changed.

    Raises:
        BadInputError: A source is a folder export the team store did not keep.
        CaseDamagedError: A file on the server is missing or no longer matches its SHA-256.
        PermissionDeniedError: The server refused the login's entry in the case's log.
    """
    with team.transaction() as source:
        check_files(source)
        counted = source.execute(
            text(
                "SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(DISTINCT "
                "sha256) FROM attachments WHERE stored_path IS NOT NULL) AS attachments"
            )
        ).one()
        details = {"sources": int(counted.sources), "attachments": int(counted.attachments)}
        audit.append(source, user, "case-copied-to-folder", details)  # the login, on a server
        with local.transaction() as target:
            rows = copy_rows(source, target)
            files = copy_files(source, root)
            head = audit.current_head(target)
            entries = head.entry if head else 0
            audit.append(
                target,
                user,
                "case-copied-from-team-store",
                {
                    "server": server,
                    "entries": entries,
                    "team_head": head.hash if head else None,
                    "originals_sha256_checked": files.originals,
                    "attachments_sha256_checked": files.attachments,
                    "kept_files_sha256_checked": files.kept,
                },
            )
    return CopyResult(rows, files, entries)


def _folder_tables(target: Connection) -> list[str]:
    """The folder's ordinary tables (not its FTS5 tables nor their shadow tables)."""
    rows = target.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).all()
    virtual = [str(r.name) for r in rows if str(r.sql or "").upper().startswith("CREATE VIRTUAL")]
    return [
        str(r.name)
        for r in rows
        if str(r.name) not in virtual and not any(str(r.name).startswith(v + "_") for v in virtual)
    ]


def _columns(target: Connection, table: str) -> list[str]:
    return [str(r[1]) for r in target.exec_driver_sql(f'PRAGMA table_info("{table}")')]


def _value(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def _copy(source: Connection, target: Connection, table: str, columns: list[str]) -> int:
    names = ", ".join(f'"{c}"' for c in columns)
    where = " WHERE " + " AND ".join(
        f"key NOT LIKE '{prefix}%'" for prefix in (SHARED_PREFIX, KEPT_PREFIX, TREE_KEY)
    )
    query = f'SELECT {names} FROM "{table}"' + (where if table == "case_meta" else "")
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    copied = 0
    result = source.execution_options(yield_per=_BATCH).execute(text(query))
    for part in result.partitions():
        target.exec_driver_sql(insert, [tuple(_value(v) for v in row) for row in part])
        copied += len(part)
    return copied


def copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    """Copy every row of the case schema (`source`) into a new, empty case database.

    Returns:
        Rows copied per table (text indexes included).
    """
    target.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # the order of tables is free
    counts: dict[str, int] = {}
    for table in _folder_tables(target):
        counts[table] = _copy(source, target, table, _columns(target, table))
    for table, column in _TEXT_INDEXES.items():
        counts[table] = _copy(source, target, table, ["rowid", column])
    return counts


def _held(source: Connection) -> set[str]:
    return {str(s) for s in source.execute(text("SELECT sha256 FROM originals")).scalars()}


def _tree(source: Connection, stored_path: str) -> dict[str, str] | None:
    """The files of a folder export kept on the server (path -> SHA-256), or None."""
    raw = source.execute(
        text("SELECT value FROM case_meta WHERE key = :k"), {"k": TREE_KEY + stored_path}
    ).scalar()
    return {str(k): str(v) for k, v in json.loads(str(raw)).items()} if raw is not None else None


def check_files(source: Connection) -> None:
    """Refuse, before anything is written, a case whose files the server does not all hold.

    Raises:
        BadInputError: A folder export whose files the server did not keep (an earlier release).
        CaseDamagedError: A kept original or attachment is missing from the server.
    """
    held = _held(source)
    query = text("SELECT id, original_name, stored_path, sha256 FROM sources ORDER BY id")
    for row in source.execute(query).all():
        if str(row.sha256) in held:
            continue
        tree = _tree(source, str(row.stored_path))
        if tree is None:
            raise BadInputError(
                f"Source {int(row.id)} ({row.original_name}) is a folder export whose files the "
                "team store did not keep (it was imported by an earlier release), so the case "
                "cannot be copied to a folder with every original checked."
            )
        if set(tree.values()) - held:
            raise CaseDamagedError(
                f"Files of source {int(row.id)} ({row.original_name}) are missing on the team "
                "store, so nothing was copied. Ask the team store's administrator to restore "
                "the case."
            )
    missing = source.execute(
        text(
            "SELECT count(*) FROM attachments WHERE stored_path IS NOT NULL "
            "AND sha256 NOT IN (SELECT sha256 FROM originals)"
        )
    ).scalar_one()
    if missing:
        raise CaseDamagedError(
            f"{int(missing)} kept attachments of the case are missing on the team store, so "
            "nothing was copied. Ask the team store's administrator to restore the case."
        )


def _fetch_folder(source: Connection, row: Any, target: Path, tree: dict[str, str]) -> None:
    for relative, sha in sorted(tree.items()):
        _fetch(source, sha, _inside(target, relative), read_only=False)
    if originals.folder_sha256(target) != str(row.sha256):
        raise CaseDamagedError(
            f"The files of source {int(row.id)} ({row.original_name}) on the team store no "
            "longer add up to the SHA-256 recorded when it was imported, so nothing was copied."
        )
    make_read_only(target)


def _inside(root: Path, relative: str) -> Path:
    parts = relative.split("/")
    if relative.startswith("/") or ".." in parts or "" in parts:
        raise CaseDamagedError(f"The team store names a file outside the case ({relative}).")
    return root.joinpath(*parts)


def _fetch(source: Connection, sha256: str, target: Path, *, read_only: bool) -> None:
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if target.exists():
        return  # content-addressed: one attachment kept once, however many rows name it
    originals.copy_original_to(source, sha256, target)
    target.chmod(0o600)
    if read_only:
        make_read_only(target)


def copy_files(source: Connection, root: Path) -> CopiedFiles:
    """Write the case's originals, attachments, bundle masters and shared files under `root`."""
    query = text("SELECT id, original_name, stored_path, sha256 FROM sources ORDER BY id")
    sources = source.execute(query).all()
    for row in sources:
        target = _inside(root, str(row.stored_path))
        tree = _tree(source, str(row.stored_path))
        if tree is not None:
            _fetch_folder(source, row, target, tree)
        else:
            _fetch(source, str(row.sha256), target, read_only=True)
    kept = source.execute(
        text(
            "SELECT DISTINCT stored_path, sha256 FROM attachments WHERE stored_path IS NOT NULL "
            "ORDER BY stored_path"
        )
    ).all()
    for row in kept:
        _fetch(source, str(row.sha256), _inside(root, str(row.stored_path)), read_only=True)
    files = source.execute(
        text("SELECT key, value FROM case_meta WHERE key LIKE :k ORDER BY key"),
        {"k": KEPT_PREFIX + "%"},
    ).all()
    for key, sha in files:
        relative = str(key)[len(KEPT_PREFIX) :]
        _fetch(source, str(sha), _inside(root, relative), read_only=False)
    shared = source.execute(
        text("SELECT key, value FROM case_meta WHERE key LIKE :k ORDER BY key"),
        {"k": SHARED_PREFIX + "%"},
    ).all()
    for key, value in shared:
        name = str(key)[len(SHARED_PREFIX) :]
        handle = os.open(_inside(root, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(str(value))
    return CopiedFiles(len(sources), len(kept), len(files))
