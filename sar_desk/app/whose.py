"""Session methods for whose data a review item is (issue 13 item 2).

In a SAR the third-party code applies only to information about another individual; these
methods show why each item counts as the requester's, another individual's, mixed or not yet
linked, and let a reviewer record the link.
"""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.app.base import SessionBase
from sar_desk.app.places import ordinary_words
from sar_desk.review.decide import views_by_id
from sar_desk.review.links import link_items
from sar_desk.review.subjects import Subject, SubjectIndex


class WhoseMixin(SessionBase):
    """Linking items to the individual they are about."""

    def item_subjects(self, ids: Sequence[int]) -> dict[int, Subject]:
        """Whose data each item is, and why."""
        with self.store.read() as conn:
            index = SubjectIndex(conn, self.case, words=ordinary_words())
            return {v.item.id: index.subject(v.item) for v in views_by_id(conn, ids)}

    def link_items(
        self,
        ids: Sequence[int],
        *,
        person_id: int | None = None,
        other_individual: bool = False,
        reason: str = "",
    ) -> int:
        """Record that some items are about a person in the case, or another individual."""
        with self.store.transaction() as conn:
            return link_items(
                conn,
                self.user,
                ids,
                person_id=person_id,
                other_individual=other_individual,
                reason=reason,
            )
