"""Session methods for the elusion test (issue 15 item 5b): draw, mark, show, threshold.

The rules live in `review.elusion`; this mixin runs each call in one transaction, so a refused
draw or mark leaves nothing behind.
"""

from __future__ import annotations

from sar_desk.app.base import SessionBase
from sar_desk.review import elusion
from sar_desk.review.elusion import ElusionResult
from sar_desk.store.uow import unit_of_work


class ElusionMixin(SessionBase):
    """Estimate how much personal data review missed, from a checked random sample."""

    def draw_elusion_sample(self, size: int, seed: int | None = None) -> ElusionResult:
        """Draw a seeded random sample of unredacted disclosure-set messages for checking."""
        with unit_of_work(self.store, write=True) as uow:
            return elusion.draw(uow, self.user, size, seed)

    def mark_elusion(self, message_id: int, missed: bool, note: str = "") -> ElusionResult:
        """Record whether a sampled message holds personal data that review missed."""
        with unit_of_work(self.store, write=True) as uow:
            return elusion.mark(uow, self.user, message_id, missed, note)

    def elusion_result(self) -> ElusionResult | None:
        """The latest elusion test with its estimate, or None if none was drawn."""
        with unit_of_work(self.store) as uow:
            return elusion.current_result(uow)

    def elusion_threshold(self) -> float | None:
        """The case's threshold on the miss rate's upper bound, in percent (None: not set)."""
        with unit_of_work(self.store) as uow:
            return elusion.load_threshold(uow)

    def set_elusion_threshold(self, percent: float | None) -> float | None:
        """Set or clear (None) the threshold that gates DPO sign-off (case handler or DPO)."""
        with unit_of_work(self.store, write=True) as uow:
            return elusion.set_threshold(uow, self.user, percent)
