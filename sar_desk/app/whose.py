"""Session methods for whose data a review item is (issue 13 item 2).

In a SAR the third-party code applies only to information about another individual; these
methods show why each item counts as the requester's, another individual's, mixed or not yet
linked, and let a reviewer record the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sar_desk.app.base import SessionBase
from sar_desk.app.places import ordinary_words
from sar_desk.core.disclosure import StaffPolicy
from sar_desk.core.errors import BadInputError
from sar_desk.review.decide import load_settings, save_settings, views_by_id
from sar_desk.review.links import link_items
from sar_desk.review.roles import Permission, require
from sar_desk.review.subjects import Subject, SubjectIndex
from sar_desk.store.uow import unit_of_work


class WhoseMixin(SessionBase):
    """Linking items to the individual they are about; the case's staff policy."""

    def staff_policy(self) -> StaffPolicy:
        """What the pack does with staff acting in an official capacity (default disclose)."""
        with unit_of_work(self.store) as uow:
            return load_settings(uow).staff_policy

    def set_staff_policy(self, policy: StaffPolicy, reason: str) -> None:
        """Set the case's staff policy, with the reason (audited).

        Raises:
            PermissionDeniedError: The user may not propose decisions.
            BadInputError: No reason.
        """
        if not reason.strip():
            raise BadInputError("Say why this staff policy fits the case (a reason is recorded).")
        with unit_of_work(self.store, write=True) as uow:
            require(uow, self.user, Permission.PROPOSE)
            settings = load_settings(uow)
            save_settings(uow, self.user, replace(settings, staff_names=str(policy)))
            uow.signoffs.void_signoff(self.user, "staff-policy")
            uow.audit.append(
                self.user, "staff-policy", {"policy": str(policy), "reason": reason.strip()}
            )

    def item_subjects(self, ids: Sequence[int]) -> dict[int, Subject]:
        """Whose data each item is, and why."""
        with unit_of_work(self.store) as uow:
            index = SubjectIndex(uow, self.case, words=ordinary_words())
            return {v.item.id: index.subject(v.item) for v in views_by_id(uow, ids)}

    def link_items(
        self,
        ids: Sequence[int],
        *,
        person_id: int | None = None,
        other_individual: bool = False,
        reason: str = "",
    ) -> int:
        """Record that some items are about a person in the case, or another individual."""
        with unit_of_work(self.store, write=True) as uow:
            return link_items(
                uow,
                self.user,
                ids,
                person_id=person_id,
                other_individual=other_individual,
                reason=reason,
            )
