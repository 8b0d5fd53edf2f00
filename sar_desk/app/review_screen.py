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
from sar_desk.store import scope as store_scope


class ReviewScreenMixin(SessionBase):
    """Undo, the review queue limited to the disclosure set, and what blocks export."""

    def undo_last_decision(self, note: str = "") -> undo.UndoResult:
        """Undo the acting user's latest decision, recorded as a decision (see `review.undo`)."""
        with self.store.transaction() as conn:
            return undo.undo_last(conn, self._ctx(), note)  # type: ignore[attr-defined]

    def disclosed_review_items(self, status: ReviewStatus | None = None) -> list[ItemView]:
        """The review items of messages in the disclosure set (what export will check)."""
        items: list[ItemView] = self.review_items(status)  # type: ignore[attr-defined]
        with self.store.read() as conn:
            wanted = {int(i) for i in store_scope.disclosure_ids(conn)}
        return [v for v in items if int(v.item.message_id) in wanted]

    def export_undecided(self) -> int:
        """How many proposals export would refuse over now (the number its refusal names)."""
        from sar_desk.app.places import ordinary_words
        from sar_desk.app.reviewing import bundled_code_table
        from sar_desk.review import disclosure  # pandas: loaded only when asked for

        self.review_items()  # type: ignore[attr-defined]  # picks up new findings
        with self.store.read() as conn:
            outcome = legal.current_outcome(conn)
            if outcome is not None and outcome.kind is not OutcomeKind.HELD:
                return 0  # an outcome that discloses no records checks no proposals
            ids = store_scope.disclosure_ids(conn)
            if not ids:
                return 0
            found = disclosure.disclosure_decisions(
                conn, self.case, bundled_code_table(), ids, ordinary_words()
            )
        return int(found.undecided)
