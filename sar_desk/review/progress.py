"""Review progress for ``case show`` and the dashboard: counts per entity type and per reviewer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from sar_desk.core.decisions import ReviewStatus
from sar_desk.review.decide import load_views
from sar_desk.store.uow import UnitOfWork

STATUSES = [str(s) for s in ReviewStatus]


@dataclass(frozen=True, slots=True)
class ReviewProgress:
    """How far review has got.

    Attributes:
        totals: Items per status.
        by_entity: Items per entity type (rows) and status (columns).
        by_reviewer: Per user: proposals accepted, approvals given, rejections made.
    """

    totals: dict[str, int]
    by_entity: pd.DataFrame
    by_reviewer: pd.DataFrame
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def open_items(self) -> int:
        """Items still waiting for a decision or an approval."""
        return self.totals.get("proposed", 0) + self.totals.get("accepted", 0)

    def lines(self) -> list[str]:
        """Human lines for ``case show``."""
        if not sum(self.totals.values()):
            return ["No redaction proposals yet."]
        shown = [f"{n} {s}" for s, n in self.totals.items() if n]
        out = [f"Items: {sum(self.totals.values())} ({', '.join(shown)})"]
        for entity, row in self.by_entity.iterrows():
            parts = [f"{int(row[s])} {s}" for s in self.by_entity.columns if int(row[s])]
            out.append(f"{entity}: {', '.join(parts)}")
        for user, row in self.by_reviewer.iterrows():
            out.append(
                f"{user}: {int(row['accepted'])} accepted, {int(row['approved'])} approved, "
                f"{int(row['rejected'])} rejected"
            )
        return out

    def to_json(self) -> dict[str, Any]:
        """Machine form for ``case show --json``."""
        return {
            "totals": self.totals,
            "by_entity": {
                str(k): {c: int(v) for c, v in row.items()} for k, row in self.by_entity.iterrows()
            },
            "by_reviewer": {
                str(k): {c: int(v) for c, v in row.items()}
                for k, row in self.by_reviewer.iterrows()
            },
        }


def review_progress(uow: UnitOfWork) -> ReviewProgress:
    """Counts of items per status, per entity type and per reviewer."""
    views = load_views(uow)
    items = pd.DataFrame(
        [{"entity_type": v.item.entity_type, "status": str(v.status)} for v in views],
        columns=["entity_type", "status"],
    )
    by_entity = (
        pd.crosstab(items["entity_type"], items["status"]).reindex(columns=STATUSES, fill_value=0)
        if len(items)
        else pd.DataFrame(columns=STATUSES)
    )
    by_entity = by_entity.loc[:, (by_entity != 0).any(axis=0)] if len(by_entity) else by_entity
    # Who did what: the proposer of each accepted/approved item, the approver, the rejecter.
    acts = []
    for v in views:
        s = v.state
        if s.proposer and v.status in (ReviewStatus.ACCEPTED, ReviewStatus.APPROVED):
            acts.append({"user": s.proposer, "act": "accepted"})
        if s.approver and v.status is ReviewStatus.APPROVED:
            acts.append({"user": s.approver, "act": "approved"})
        if s.decided_by and v.status is ReviewStatus.REJECTED:
            acts.append({"user": s.decided_by, "act": "rejected"})
    frame = pd.DataFrame(acts, columns=["user", "act"])
    by_reviewer = (
        pd.crosstab(frame["user"], frame["act"]) if len(frame) else pd.DataFrame()
    ).reindex(columns=["accepted", "approved", "rejected"], fill_value=0)
    totals = {s: int((items["status"] == s).sum()) for s in STATUSES}
    return ReviewProgress(totals, by_entity, by_reviewer)
