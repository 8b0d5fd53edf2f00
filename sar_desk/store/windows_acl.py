"""A case folder's access list on Windows, cut down to the account that made it (and SYSTEM).

POSIX folders get mode 0700 in `store.folder`; Windows has no mode bits that mean this, so
``icacls`` (part of every installation) replaces the inherited entries instead.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)


def _current_user_sid() -> str | None:
    """The security identifier of the account this process runs as (Windows), or None.

    Read from ``whoami /user`` (part of every Windows installation), which reports the
    process token rather than the USERNAME variable: an environment variable can name another
    account, and granting that account the case while removing inheritance would hand the
    case to it and lock its owner out.
    """
    try:
        done = subprocess.run(
            ["whoami", "/user", "/fo", "csv", "/nh"],
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    # One CSV line: "DOMAIN\user","S-1-5-21-...". The SID is the last quoted field.
    fields = [f.strip().strip('"') for f in (done.stdout or "").strip().split(",")]
    sid = fields[-1] if fields else ""
    return sid if sid.startswith("S-1-") else None


def restrict_windows(path: Path) -> None:
    """Give only the current user (and the system) access to a folder, on Windows.

    Uses icacls, part of every Windows installation: inherited entries are removed and the
    user (named by the SID of this process's account) and SYSTEM get full control over the
    folder and everything created in it. A failure is logged and leaves the folder with its
    parent's permissions (as before).
    """
    sid = _current_user_sid()
    if sid is None:
        logger.warning("cannot restrict the case folder: the account's identifier is unknown")
        return
    command = ["icacls", str(path), "/inheritance:r", "/grant:r", f"*{sid}:(OI)(CI)F"]
    command += ["/grant:r", "*S-1-5-18:(OI)(CI)F"]  # S-1-5-18: SYSTEM in every language
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        logger.warning("could not restrict the case folder's access list")
