"""What ties the audit chain to things outside it: rows to seal and the head file (issue 17).

Two small records live here so that any store module can use them without import cycles:

- the decision rows a transaction wrote, noted as they are inserted (`note_row`), which the
  next audit entry of the same transaction seals with a hash (see `store.audit_seal`);
- the head of the chain, kept in a file in the case folder beside (not in) ``case.db``. It is
  written while the write transaction still holds the database lock, just before the commit,
  so two processes cannot interleave their heads, and a rolled-back entry never reaches it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sar_desk.core.records import Head

HEAD_FILE = "audit-head.json"
PENDING_HEAD = "sar_desk.audit_head"
PENDING_ROWS = "sar_desk.audit_rows"


def note_row(info: dict[Any, Any], table: str, row_id: int) -> None:
    """Record that this transaction wrote a decision row (`info` is the connection's)."""
    info.setdefault(PENDING_ROWS, {}).setdefault(table, []).append(int(row_id))


def take_rows(info: dict[Any, Any]) -> dict[str, list[int]]:
    """The rows noted since the last audit entry, forgetting them."""
    rows: dict[str, list[int]] = info.pop(PENDING_ROWS, {})
    return rows


def head_path(folder: Path) -> Path:
    """Where a case folder keeps its audit head."""
    return folder / HEAD_FILE


def write_head(folder: Path, head: Head) -> None:
    """Replace the head file atomically (a crash leaves the old head or the new, never half)."""
    target = head_path(folder)
    spare = target.with_name(f".{HEAD_FILE}.new")
    # Private like every file of the case (owner only), whatever the umask.
    handle = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(json.dumps(head.as_json(), sort_keys=True) + "\n")
    os.replace(spare, target)


def read_head(folder: Path) -> Head | str | None:
    """The recorded head; None when there is no head file; a sentence when it is unreadable."""
    path = head_path(folder)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"The audit head file {path.name} cannot be read ({exc.strerror})."
    try:
        head = Head.from_json(json.loads(raw))
    except ValueError:
        head = None
    return head if head is not None else f"The audit head file {path.name} is damaged."
