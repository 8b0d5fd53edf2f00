"""Session methods for the legal records of an FOI-type response (issue 13).

The legitimate-interests test per personal-data code, and the request's outcome (held, not
held, neither confirm nor deny, refused). Export reads both to write the right notice.
"""

from __future__ import annotations

from sar_desk.app.base import SessionBase
from sar_desk.app.reviewing import bundled_code_table
from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.errors import SarDeskError
from sar_desk.core.legitimate_interests import LegitimateInterestsTest
from sar_desk.core.model import Regime
from sar_desk.core.outcome import Outcome, OutcomeKind
from sar_desk.review import legal
from sar_desk.store.uow import unit_of_work


class LegalMixin(SessionBase):
    """Legitimate-interests tests and the request outcome."""

    def record_legitimate_interests(
        self, code: str, purpose: str, necessity: str, balance: str
    ) -> LegitimateInterestsTest:
        """Record the legitimate-interests test (purpose, necessity, balance) for a code."""
        with unit_of_work(self.store, write=True) as uow:
            return legal.record_legitimate_interests(
                uow, self.case, bundled_code_table(), self.user, code, purpose, necessity, balance
            )

    def legitimate_interests_tests(self) -> dict[str, LegitimateInterestsTest]:
        """The current legitimate-interests test per code."""
        with unit_of_work(self.store) as uow:
            return legal.legitimate_interests_tests(uow)

    def record_outcome(self, kind: OutcomeKind, code: str | None, reason: str) -> Outcome:
        """Record how the request is answered (held / not held / NCND / refused)."""
        with unit_of_work(self.store, write=True) as uow:
            return legal.record_outcome(
                uow, self.case, bundled_code_table(), self.user, kind, code, reason
            )

    def outcome(self) -> Outcome | None:
        """The recorded outcome, or None (treated as held)."""
        with unit_of_work(self.store) as uow:
            return legal.current_outcome(uow)

    def outcome_codes(self, kind: OutcomeKind) -> list[ReasonCode]:
        """The codes `record_outcome` accepts for ``kind`` in this case (none for held/not held).

        Each code of the case's regime is put through the same check `record_outcome` makes, so
        a picker offering these never offers a code the record would refuse.
        """
        if kind in (OutcomeKind.HELD, OutcomeKind.NOT_HELD) or self.case.regime is Regime.SAR:
            return []
        table = bundled_code_table()
        accepted = []
        for found in table.for_regime(self.case.regime):
            try:
                legal.check_outcome(self.case, table, kind, found.code, "checked")
            except SarDeskError:
                continue
            accepted.append(found)
        return accepted
