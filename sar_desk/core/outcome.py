"""The outcome of an FOI, EIR, FOISA or EISR request: held, not held, NCND or refused (pure).

A request under the access-to-information regimes is answered in one of four ways (domain.md
corrections, 2026-12-05): the information is held (and disclosed, in whole or part); it is not
held (FOIA s.1(1)(a); EIR reg 12(4)(a); FOISA s.17; EISR reg 10(4)(a)); the authority neither
confirms nor denies holding it under an exemption's own provision (e.g. FOIA s.40(5B), EIR reg
12(6), FOISA s.18); or the whole request is refused (e.g. FOIA s.12 or s.14, EIR reg 12(4)(b),
FOISA s.12 or s.14). Each is answered with a notice under FOIA s.17 / EIR reg 14 / FOISA s.16.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class OutcomeKind(enum.StrEnum):
    """How a request is answered."""

    HELD = "held"
    NOT_HELD = "not-held"
    NCND = "ncnd"
    REFUSE = "refuse"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The recorded outcome of a request.

    Attributes:
        kind: Held, not held, neither confirm nor deny, or refused.
        code: The reason code relied on (NCND and refusals), else None.
        reason: Why it applies in this case, in words the requester can follow.
        recorded_by: Who recorded it.
        recorded_at: When (UTC).
    """

    kind: OutcomeKind
    code: str | None
    reason: str
    recorded_by: str
    recorded_at: datetime

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (stored in the case record)."""
        return {
            "kind": str(self.kind),
            "code": self.code,
            "reason": self.reason,
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        """Read a dict written by `to_json`."""
        return cls(
            OutcomeKind(data["kind"]),
            data.get("code"),
            str(data.get("reason") or ""),
            str(data["recorded_by"]),
            datetime.fromisoformat(data["recorded_at"]),
        )
