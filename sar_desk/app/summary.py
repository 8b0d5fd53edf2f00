"""The case summary behind ``case show`` and the window's dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sar_desk.core.model import Case, Source

if TYPE_CHECKING:
    from sar_desk.app.session import CaseSession


@dataclass(frozen=True, slots=True)
class SummarySection:
    """A titled block of lines contributed by a feature (search log, review progress...)."""

    title: str
    lines: tuple[str, ...]
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """Everything ``case show`` prints."""

    case: Case
    sources: tuple[Source, ...]
    conversation_count: int
    message_counts: dict[str, int]
    deadline: Any = None
    days_left: int | None = None
    sections: tuple[SummarySection, ...] = ()

    @property
    def days_left_text(self) -> str:
        """Days left as words: "12 days left", "due today" or "3 days overdue"."""
        if self.days_left is None:
            return ""
        if self.days_left > 0:
            return f"{self.days_left} days left"
        if self.days_left == 0:
            return "due today"
        return f"{-self.days_left} days overdue"

    def to_json(self) -> dict[str, Any]:
        """The ``case show --json`` object."""
        c = self.case
        data: dict[str, Any] = {
            "reference": c.reference,
            "regime": str(c.regime),
            "received": c.received.isoformat(),
            "requester": c.requester,
            "aliases": list(c.aliases),
            "scope_from": c.scope_from.isoformat() if c.scope_from else None,
            "scope_to": c.scope_to.isoformat() if c.scope_to else None,
            "timezone": c.timezone,
            "sources": [
                {
                    "id": int(s.id),
                    "platform": s.platform,
                    "name": s.original_name,
                    "sha256": s.sha256,
                    "custodian": s.custodian,
                    "custodians": list(s.custodians),
                    "shared_with": {str(other): n for other, n in s.shared},
                    "messages": s.message_count,
                    "system": s.system_count,
                    "duplicates": s.duplicate_count,
                    "issues": s.issue_count,
                    "excluded": s.excluded,
                    "exclusion_reason": s.exclusion_reason,
                }
                for s in self.sources
            ],
            "conversations": self.conversation_count,
            "messages": self.message_counts,
            "deadline": None,
            "days_left": self.days_left,
        }
        if self.deadline is not None:
            d = self.deadline
            data["deadline"] = {
                "due": d.due.isoformat(),
                "start": d.start.isoformat(),
                "extended_due": d.extended_due.isoformat() if d.extended_due else None,
                "rule": d.rule,
                "calendar_version": d.calendar_version,
                "derivation": list(d.derivation),
            }
        for section in self.sections:
            data[section.title.lower().replace(" ", "_")] = section.data or list(section.lines)
        return data


def summarise(session: CaseSession, today: date | None = None) -> CaseSummary:
    """Collect the summary of an open case."""
    deadline, days_left = session.clock.deadline(today)
    return CaseSummary(
        case=session.case,
        sources=tuple(session.ingest.sources()),
        conversation_count=len(session.search.conversations()),
        message_counts=session.search.message_counts(),
        deadline=deadline,
        days_left=days_left,
        sections=tuple(session.summary_sections()),
    )
