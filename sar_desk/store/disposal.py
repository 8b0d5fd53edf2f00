"""Destroying a case folder: overwrite-then-unlink, atomic writes, and a resumable order.

A purge may be killed at any moment, so every step is safe to repeat: files already gone are
skipped and a half-overwritten file is overwritten again. The case folder's purge marker
(`CaseFolder.purge_marker`, written before the first file is touched and removed after the
last) stops the case being opened meanwhile, so an interrupted purge never leaves a case that
half works.

Overwriting a file's bytes before unlinking it clears them from the file's blocks on a
magnetic disk. On SSDs, flash cards and copy-on-write or journalling file systems the
overwrite may land elsewhere and the old blocks survive until the drive reuses them; only
full-disk encryption (or an encrypted case whose keys are destroyed) makes them unreadable
(docs/retention.md).
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

_CHUNK = 1 << 20
_ZEROS = bytes(_CHUNK)


@dataclass(frozen=True, slots=True)
class ShredCount:
    """What a shredding pass destroyed."""

    files: int
    bytes: int


def write_atomic(path: Path, text: str) -> None:
    """Write a text file so that it is either the old file or the whole new one, never half.

    The text goes to a temporary file beside it, is flushed to the disk, then renamed over
    the target (an atomic replace on POSIX and Windows).
    """
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    # A rename is durable only once its folder is flushed; Windows has no such call.
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shred_file(path: Path) -> int:
    """Overwrite a file's bytes with zeros, flush them, rename it to a random name, unlink it.

    The rename keeps an export's own file name (which may name a person) out of the folder's
    directory entries. Symbolic links are removed without touching their target, and a file
    with another hard link is only unlinked: its blocks belong to a file outside the case too.

    Returns:
        The number of bytes overwritten.
    """
    if path.is_symlink():
        path.unlink()
        return 0
    if path.stat().st_nlink > 1:
        path.unlink()
        return 0
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)  # kept originals are read-only
    size = path.stat().st_size
    with path.open("r+b", buffering=0) as handle:
        left = size
        while left > 0:
            left -= handle.write(_ZEROS[: min(left, _CHUNK)])
        os.fsync(handle.fileno())
    anonymous = path.with_name(f".shred-{uuid.uuid4().hex}")
    os.replace(path, anonymous)
    anonymous.unlink()
    return size


def inventory(root: Path) -> ShredCount:
    """How many files, and bytes, a folder holds (what a purge will destroy)."""
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    return ShredCount(len(files), sum(p.stat().st_size for p in files))


def shred_tree(root: Path, first: list[Path], keep: Path) -> ShredCount:
    """Shred every file under `root` (the `first` ones before the rest), then its folders.

    Args:
        root: The folder to empty; it is left in place (empty but for `keep`).
        first: Files to destroy before any other (the database, so nothing can reopen it).
        keep: A file to leave (the purge marker, removed by the caller last of all).
    """
    files = bytes_ = 0
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir() and not p.is_symlink())]:
        folder.chmod(stat.S_IRWXU)  # read-only originals folders must let us unlink
    rest = sorted(
        (p for p in root.rglob("*") if not p.is_dir() or p.is_symlink()),
        key=lambda p: (-len(p.parts), str(p)),
    )
    for path in [*first, *(p for p in rest if p not in first)]:
        if path == keep or not (path.exists() or path.is_symlink()):
            continue
        bytes_ += shred_file(path)
        files += 1
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        folder.rmdir()
    logger.info("shredded %d files (%d bytes)", files, bytes_)
    return ShredCount(files, bytes_)
