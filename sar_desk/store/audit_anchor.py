"""Checking the audit log against what it cannot rewrite: its seals, head file and bundles.

`verify_all` is what "verify the audit log" means since issue 17: the chain itself
(`audit.verify_chain`), the decision rows each entry sealed (`audit_seal.verify_seals`), the
head file kept in the case folder outside ``case.db``, and the head copied into the manifest
of each exported bundle the caller names. A log deleted whole, cut short and re-anchored, or
rewritten consistently from the first entry, still disagrees with a copy of its head made
before; someone able to rewrite the folder *and* every bundle copy is beyond what a local
store can prove (see the README).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection, select

from sar_desk.core.records import ChainProblem, Head
from sar_desk.store import audit_marks, audit_seal
from sar_desk.store.audit import audit_log, entries, verify_chain
from sar_desk.store.case_meta import get_meta


def verify_all(
    conn: Connection, folder: Path, bundles: Sequence[tuple[str, Head]] = ()
) -> list[ChainProblem]:
    """Every check of the audit log; an empty list means it is intact.

    Args:
        conn: The case connection.
        folder: The case folder (where the head file is).
        bundles: (name, head recorded in its manifest) of exported bundles to check against.
    """
    problems = verify_chain(conn)
    log = entries(conn)
    problems += [ChainProblem(e, m) for e, m in audit_seal.verify_seals(conn, log)]
    if not log:
        problems.append(
            ChainProblem(
                None,
                "The audit log is empty, but every case records at least its creation: the "
                "whole log was deleted.",
            )
        )
    elif log[0].action != "case-created":
        problems.append(
            ChainProblem(
                log[0].id,
                "The log does not begin with the creation of the case: its first entries were "
                "deleted.",
            )
        )
    if conn.dialect.name != "postgresql":
        # The team store keeps no head file: its server alone appends entries (issue 17), and
        # the head it records beside the log is checked with the chain.
        problems += _head_file_problems(conn, folder, log[-1].id if log else None)
    for name, head in bundles:
        problems += _anchor_problems(conn, head, f"the manifest of bundle {name}")
    return problems


def _anchor_problems(conn: Connection, head: Head, where: str) -> list[ChainProblem]:
    row = conn.execute(select(audit_log.c.hash).where(audit_log.c.id == head.entry)).first()
    if row is None:
        return [
            ChainProblem(
                None,
                f"Entry {head.entry}, recorded in {where}, is no longer in the log: entries "
                "were deleted.",
            )
        ]
    if row.hash != head.hash:
        return [
            ChainProblem(
                head.entry,
                f"Entry {head.entry} differs from the copy recorded in {where}: the log was "
                "rewritten.",
            )
        ]
    return []


def _head_file_problems(conn: Connection, folder: Path, last: int | None) -> list[ChainProblem]:
    head = audit_marks.read_head(folder)
    name = audit_marks.HEAD_FILE
    if isinstance(head, str):
        return [ChainProblem(None, head)]
    if head is None:
        if last is None or get_meta(conn, audit_seal.UPGRADE_KEY) is not None:
            return []  # a case from before the head file, not yet written to since the upgrade
        return [
            ChainProblem(
                None,
                f"The audit head file ({name}) is missing from the case folder, so the end of "
                "the log cannot be checked: it was deleted.",
            )
        ]
    problems = _anchor_problems(conn, head, f"the head file ({name})")
    if not problems and last is not None and last > head.entry:
        problems.append(
            ChainProblem(
                None,
                f"The log goes on to entry {last}, past entry {head.entry} recorded in the head "
                f"file ({name}): entries were added outside SAR Desk.",
            )
        )
    return problems
