"""The legitimate-interests test for third-party personal data in an FOI response (pure record).

FOIA s.40(2) with s.40(3A)(a), EIR reg 13, FOISA s.38(1)(b) and EISR reg 11(2) withhold another
person's data when disclosure would breach the data protection principles. Whether it would is
decided by the three-part test in the ICO's s.40 / reg 13 guidance: is a legitimate interest
pursued (purpose), is disclosure necessary for it (necessity), and does it override the data
subject's interests, rights and freedoms (balance). The refusal notice prints the recorded test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class LegitimateInterestsTest:
    """The legitimate-interests test recorded for one personal-data code in a case.

    Attributes:
        code: The code it is for, e.g. "FOI-40-2".
        purpose: The legitimate interest in disclosure (the requester's or the public's).
        necessity: Whether disclosure is necessary to meet that interest, and why.
        balance: Whether the interest overrides the data subjects' interests and rights.
        recorded_by: Who recorded it.
        recorded_at: When (UTC).
    """

    code: str
    purpose: str
    necessity: str
    balance: str
    recorded_by: str
    recorded_at: datetime
