"""Crash reports: what a support engineer needs about an unexpected error, and nothing else.

A bug must never show a user a traceback (it is noise to them, and exception messages can
carry case content: a file name, a person's name inside a value). Instead the shell writes a
crash report and shows its path. The report holds the exception's type (and those of its
causes), where it happened as module, line and function names, and the versions; never the
exception's message, arguments, local values or file paths (which can name the user).
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from sar_desk import __version__
from sar_desk.app.paths import user_data_dir


def _chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return list(reversed(chain))


def _where(exc: BaseException) -> list[str]:
    lines = []
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        module = str(frame.f_globals.get("__name__", "?"))
        lines.append(f"  {module}:{lineno} in {frame.f_code.co_name}")
    return lines


def crash_report_text(exc: BaseException, command: str | None = None) -> str:
    """The report for `exc`: types, module/line/function of each frame, versions; no values."""
    lines = [
        "SAR Desk crash report (holds no case content and no error message text)",
        f"time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"version: {__version__}",
        f"python: {platform.python_version()} ({sys.implementation.name})",
        f"system: {platform.system()} {platform.release()} {platform.machine()}",
        f"command: {command or '-'}",
    ]
    for n, link in enumerate(_chain(exc)):
        kind = f"{type(link).__module__}.{type(link).__qualname__}"
        lines.append(f"{'exception' if n == 0 else 'then'}: {kind}")
        lines += _where(link)
    return "\n".join(lines) + "\n"


def write_crash_report(exc: BaseException, command: str | None = None) -> Path:
    """Write a crash report file (0600) in the user's data folder and return its path.

    Raises:
        OSError: The report could not be written.
    """
    folder = user_data_dir() / "crash-reports"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(crash_report_text(exc, command))
    return path
