"""Reading many files' text on several cores (OCR is the slow part of a detection run).

Files are read in worker processes (spawn: safe on Windows and macOS), each loading the OCR
engine once; with one worker, or only a few files, they are read here, since starting a worker
costs more than OCR of a handful of photos.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

from sar_desk.attachments.text import read_file
from sar_desk.core.attachments import AttachmentText

MIN_FOR_WORKERS = 6
"""Below this many files, reading them here is quicker than starting workers."""

Item = tuple[str, str, str, str]
"""(file path, media type, SHA-256, font for Office pages) of a file to read."""


def _read(item: Item) -> AttachmentText:
    return read_file(*item)


def read_all(items: Sequence[Item], workers: int = 1) -> Iterator[AttachmentText]:
    """The text of each file, in order, read by up to `workers` processes."""
    if workers <= 1 or len(items) < MIN_FOR_WORKERS:
        for item in items:
            yield _read(item)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(min(workers, len(items))) as pool:
        yield from pool.imap(_read, items)
