"""Originals on the team store: each imported export held in the database, hash-checked on read.

A case folder keeps originals as read-only files beside ``case.db``; a case on the server keeps
them in ``originals``/``original_chunks`` (bytea in chunks, so a large export never has to sit
in memory whole). Every read recomputes the SHA-256 and refuses bytes that do not match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection, text

from sar_desk.core.errors import CaseDamagedError, NotFoundError

CHUNK_BYTES = 4 * 1024 * 1024


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while block := stream.read(CHUNK_BYTES):
        yield block


def store_original(conn: Connection, path: Path) -> str:
    """Copy the file at `path` into the case and return its SHA-256 (stored once per content)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        for block in _chunks(stream):
            digest.update(block)
            size += len(block)
    sha = digest.hexdigest()
    exists = conn.execute(text("SELECT 1 FROM originals WHERE sha256 = :s"), {"s": sha}).first()
    if exists is not None:
        return sha
    conn.execute(
        text("INSERT INTO originals (sha256, size, stored_at) VALUES (:s, :n, :at)"),
        {"s": sha, "n": size, "at": datetime.now(UTC).isoformat(timespec="seconds")},
    )
    with path.open("rb") as stream:
        for seq, block in enumerate(_chunks(stream)):
            conn.execute(
                text("INSERT INTO original_chunks (sha256, seq, data) VALUES (:s, :q, :d)"),
                {"s": sha, "q": seq, "d": block},
            )
    return sha


def folder_sha256(folder: Path) -> str:
    """A folder export's SHA-256 as an import records it: every file's path and hash, sorted."""
    listing = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for block in _chunks(stream):
                digest.update(block)
        listing.update(f"{path.relative_to(folder).as_posix()}\0{digest.hexdigest()}\n".encode())
    return listing.hexdigest()


def copy_original_to(conn: Connection, sha256: str, target: Path) -> Path:
    """Write the original with `sha256` to `target`, checking its hash and size on the way.

    Raises:
        NotFoundError: The case holds no original with that hash.
        CaseDamagedError: The stored bytes no longer have that hash (nothing is left at `target`).
    """
    row = conn.execute(text("SELECT size FROM originals WHERE sha256 = :s"), {"s": sha256}).first()
    if row is None:
        raise NotFoundError(f"The case holds no original with SHA-256 {sha256[:12]}.")
    digest = hashlib.sha256()
    size = 0
    partial = target.with_name(target.name + ".partial")
    with partial.open("wb") as out:
        blocks = conn.execute(
            text("SELECT data FROM original_chunks WHERE sha256 = :s ORDER BY seq"), {"s": sha256}
        )
        for (block,) in blocks:
            data = bytes(block)
            digest.update(data)
            size += len(data)
            out.write(data)
    if digest.hexdigest() != sha256 or size != int(row.size):
        partial.unlink(missing_ok=True)
        raise CaseDamagedError(
            f"The stored original {sha256[:12]} no longer matches its SHA-256, so it was not "
            "used. Restore the case from a backup, or contact the team store's administrator."
        )
    partial.replace(target)
    return target
