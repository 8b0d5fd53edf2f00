"""Session methods the reviewer's screen needs: undo, the disclosure-set queue, export's count.

Thin delegations (issue 19 item 2), kept apart so the services refactor can move them onto the
review service in one step.
"""

from __future__ import annotations

from sar_desk.app.base import SessionBase
from sar_desk.core.decisions import ReviewStatus
from sar_desk.core.outcome import OutcomeKind
from sar_desk.review import legal, undo
from sar_desk.review.items import ItemView
from sar_desk.store.uow import unit_of_work


class ReviewScreenMixin(SessionBase):
    """Undo, the review queue limited to the disclosure set, and what blocks export."""

    def undo_last_decision(self, note: str = "") -> undo.UndoResult:
        """Undo the acting user's latest decision, recorded as a decision (see `review.undo`)."""
        with unit_of_work(self.store, write=True) as uow:
            return undo.undo_last(uow, self._ctx(), note)  # type: ignore[attr-defined]

    def disclosed_review_items(self, status: ReviewStatus | None = None) -> list[ItemView]:
        """The review items of messages in the disclosure set (what export will check)."""
        items: list[ItemView] = self.review_items(status)  # type: ignore[attr-defined]
        with unit_of_work(self.store) as uow:
            wanted = {int(i) for i in uow.scope.disclosure_ids()}
        return [v for v in items if int(v.item.message_id) in wanted]

    def export_undecided(self) -> int:
        """How many proposals export would refuse over now (the number its refusal names)."""
        from sar_desk.app.places import ordinary_words
        from sar_desk.app.reviewing import bundled_code_table
        from sar_desk.review import disclosure  # pandas: loaded only when asked for

        self.review_items()  # type: ignore[attr-defined]  # picks up new findings
        with unit_of_work(self.store) as uow:
            outcome = legal.current_outcome(uow)
            if outcome is not None and outcome.kind is not OutcomeKind.HELD:
                return 0  # an outcome that discloses no records checks no proposals
            ids = uow.scope.disclosure_ids()
            if not ids:
                return 0
            found = disclosure.disclosure_decisions(
                uow, self.case, bundled_code_table(), ids, ordinary_words()
            )
        return int(found.undecided)
