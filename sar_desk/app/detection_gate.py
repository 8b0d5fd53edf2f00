"""Export needs complete detection over the disclosure set, or a DPO's recorded decision.

Detection is what proposes third-party data for redaction; a bundle exported before it ran (or
while a run was cut short) would disclose every message in full without anyone deciding so.
Complete means: every message in the disclosure set was scanned, and the last run finished
(its second, case-wide name pass included). A DPO may decide to export without it, with a
reason; the decision is written to the audit log, bound to the exact disclosure set (a changed
set needs a new decision), and copied into the bundle's internal records.

A run still marked "running" whose task no longer holds the case was interrupted (the process
was killed or crashed); it is shown as interrupted, and the next run carries on from where it
stopped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sar_desk.core.errors import BadInputError, ExportBlockedError
from sar_desk.core.records import DetectionRun, Selection
from sar_desk.review.roles import Permission, require
from sar_desk.store.running import is_running
from sar_desk.store.uow import UnitOfWork

WAIVER_ACTION = "detection-waived"


def run_status(run: DetectionRun, case_folder: Path) -> str:
    """A run's status as people should see it: "running" only while a task really runs."""
    if run.status == "running" and not is_running(case_folder, "detection"):
        return "interrupted"
    return run.status


def disclosure_digest(ids: Sequence[int]) -> str:
    """A fingerprint of the disclosure set (sorted message ids), to bind a decision to it."""
    text = ",".join(str(i) for i in sorted(int(i) for i in ids))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class DetectionCoverage:
    """How far detection covers the disclosure set.

    Attributes:
        messages: Messages in the disclosure set.
        unscanned: Of those, messages no run has scanned.
        last_status: The last run's status (finished, cancelled, interrupted, running), or
            None when detection never ran.
        waiver: The DPO decision to export without complete detection that applies to this
            disclosure set (user, time, reason), or None.
    """

    messages: int
    unscanned: int
    last_status: str | None
    waiver: dict[str, Any] | None = None

    @property
    def complete(self) -> bool:
        """Every message scanned and the last run finished."""
        return self.unscanned == 0 and self.last_status == "finished"

    def as_record(self) -> dict[str, Any]:
        """For the bundle's internal records."""
        return {
            "complete": self.complete,
            "messages": self.messages,
            "unscanned": self.unscanned,
            "last_run": self.last_status,
            "exported_without_complete_detection": None if self.complete else self.waiver,
        }


def coverage(uow: UnitOfWork, case_folder: Path, ids: Sequence[int]) -> DetectionCoverage:
    """Detection's coverage of the disclosure set `ids`."""
    selection = Selection(ids=tuple(sorted(int(i) for i in ids)))
    unscanned = uow.detection.count_unscanned(selection)
    runs = uow.detection.list_runs()
    last = run_status(runs[-1], case_folder) if runs else None
    digest = disclosure_digest(ids)
    waiver = None
    for entry in reversed(uow.audit.entries(WAIVER_ACTION)):
        if entry.details.get("disclosure_sha256") == digest:
            waiver = {
                "by": entry.user,
                "at": entry.at.isoformat(),
                "reason": entry.details.get("reason", ""),
                "audit_entry": entry.id,
            }
            break
    return DetectionCoverage(len(ids), unscanned, last, waiver)


def require_detection(cover: DetectionCoverage) -> None:
    """Refuse export while detection is incomplete and no DPO decided to go without it.

    Raises:
        ExportBlockedError: Saying how much is missing and the two ways forward.
    """
    if cover.complete or cover.waiver is not None:
        return
    if cover.last_status is None:
        missing = "detection has not been run on this case"
    elif cover.unscanned:
        missing = (
            f"{cover.unscanned:,} of the {cover.messages:,} messages in the disclosure set "
            "were never scanned for personal data"
        )
    else:
        missing = "the last detection run did not finish its case-wide pass for names"
    state = {
        "interrupted": " (the last run was interrupted)",
        "cancelled": " (the last run was stopped)",
        "running": " (a run is still going)",
    }.get(cover.last_status or "", "")
    raise ExportBlockedError(
        f"The bundle cannot be exported yet: {missing}{state}. Run detection again (it "
        "carries on where it stopped) and decide its proposals, or ask the DPO to record a "
        "decision, with a reason, to export without complete detection."
    )


def waive_detection(uow: UnitOfWork, user: str, ids: Sequence[int], reason: str) -> int:
    """Record a DPO decision to export this disclosure set without complete detection.

    Returns:
        The audit entry's id.

    Raises:
        PermissionDeniedError: The user is not a DPO of the case.
        BadInputError: No reason, or an empty disclosure set.
    """
    require(uow, user, Permission.SIGN_OFF)
    if not reason.strip():
        raise BadInputError(
            "A decision to export without complete detection needs a reason (what was "
            "checked instead, and why)."
        )
    if not ids:
        raise BadInputError("The disclosure set is empty, so there is nothing to decide.")
    unscanned = uow.detection.count_unscanned(Selection(ids=tuple(sorted(int(i) for i in ids))))
    entry = uow.audit.append(
        user,
        WAIVER_ACTION,
        {
            "reason": reason.strip(),
            "disclosure_sha256": disclosure_digest(ids),
            "messages": len(ids),
            "unscanned": unscanned,
        },
    )
    return entry.id
