"""A small record of the long tasks running on a case: which, on what, since when.

A writer that finds the case busy can then say who holds it ("an import of chat.zip started
12:03") instead of "database is locked", and a detection run left "running" by a killed process
can be told apart from one that is still going. Each task holds an OS file lock on its record
for as long as it runs; the lock dies with the process, so a record whose lock can be taken
belongs to a task that no longer runs, whatever the file still says.

Records live in ``<case>/.running/<kind>.json`` (folder 0700, files 0600); they hold a short
description, a start time and a process id, never case content beyond a file name.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

LOCKS: bool = sys.platform != "win32"
"""Whether records are guarded by OS file locks (POSIX); elsewhere the recorded pid decides."""

FOLDER = ".running"


@dataclass(frozen=True, slots=True)
class RunningTask:
    """A task that holds its record's lock right now.

    Attributes:
        kind: "import", "detection", "export", ...
        description: What it works on, as a phrase ("an import of chat.zip").
        started: When it started (UTC).
        pid: The process running it.
    """

    kind: str
    description: str
    started: datetime
    pid: int

    def sentence(self) -> str:
        """Say what runs since when, e.g. "an import of chat.zip started 12:03" (local time)."""
        local = self.started.astimezone()
        today = local.date() == datetime.now().astimezone().date()
        when = local.strftime("%H:%M" if today else "%Y-%m-%d %H:%M")
        return f"{self.description} started {when}"


def _lock(handle: IO[str], shared: bool = False) -> bool:
    """Take the record's lock without waiting; False when another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - Windows: the recorded pid decides
        return True
    import fcntl

    try:
        fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


@contextmanager
def running(
    case_folder: Path, kind: str, description: str, details: dict[str, str] | None = None
) -> Iterator[None]:
    """Record `kind` as running on the case for the duration of the block.

    `details` are kept with the record; a task that ends normally clears its record, so one
    that was killed leaves them for `ended_abruptly` (e.g. where to clean up).

    A second task of the same kind in another process is not refused here (the database
    decides who may write); its record simply replaces the description.
    """
    folder = case_folder / FOLDER
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(folder / f"{kind}.json", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield  # a read-only case folder: nothing to record, nothing to refuse
        return
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        _lock(handle)
        record = {
            "kind": kind,
            "description": description,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "details": details or {},
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(record))
        handle.flush()
        try:
            yield
        finally:
            with suppress(OSError):
                handle.seek(0)
                handle.truncate()


def active_tasks(case_folder: Path) -> list[RunningTask]:
    """The tasks running on the case now, in any process (records of ended tasks are ignored).

    A lock taken through another open file conflicts even within one process, so a task on
    a worker thread of this process is found too.
    """
    folder = case_folder / FOLDER
    found: list[RunningTask] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.json")):
        try:
            with path.open("r", encoding="utf-8") as handle:
                if LOCKS and _lock(handle, shared=True):
                    continue  # nobody holds it: that task is over
                raw = json.loads(handle.read() or "{}")
            task = RunningTask(
                str(raw["kind"]),
                str(raw["description"]),
                datetime.fromisoformat(str(raw["started"])),
                int(raw["pid"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not LOCKS and not _pid_alive(task.pid):
            continue
        found.append(task)
    return found


def ended_abruptly(case_folder: Path, kind: str) -> dict[str, str] | None:
    """The details of the last `kind` task if it was killed (its record was never cleared)."""
    path = case_folder / FOLDER / f"{kind}.json"
    try:
        with path.open("r", encoding="utf-8") as handle:
            if LOCKS and not _lock(handle, shared=True):
                return None  # still running
            raw = json.loads(handle.read() or "null")
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or (not LOCKS and _pid_alive(int(raw.get("pid", 0)))):
        return None
    details = raw.get("details")
    return {str(k): str(v) for k, v in details.items()} if isinstance(details, dict) else {}


def is_running(case_folder: Path, kind: str) -> bool:
    """Whether a task of `kind` runs on the case now, in this process or another."""
    return any(t.kind == kind for t in active_tasks(case_folder))
