"""Linking a review item to the individual it is about (issue 13 item 2), audited by id.

A reviewer links an item to a person in the case, or confirms that it is about an unnamed
other individual (the third-party code may then apply), or links it to the requester (it is
then their own data and is disclosed). Each link is appended; the newest is the current one.
"""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.core.errors import BadInputError
from sar_desk.review.decide import views_by_id
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork


def link_items(
    uow: UnitOfWork,
    user: str,
    ids: Sequence[int],
    *,
    person_id: int | None,
    other_individual: bool,
    reason: str,
) -> int:
    """Record whose data some items are; returns how many were linked.

    Raises:
        PermissionDeniedError: The user may not propose decisions.
        NotFoundError: An unknown item or person.
        BadInputError: Neither or both of a person and "other individual"; no reason.
    """
    require(uow, user, Permission.PROPOSE)
    if (person_id is None) == (not other_individual):
        raise BadInputError(
            "Say whose data it is: a person in the case, or another (unnamed) individual."
        )
    if not reason.strip():
        raise BadInputError("Say why the items are about that individual (a reason is recorded).")
    views = views_by_id(uow, ids)
    if person_id is not None:
        uow.people.get_person(person_id)  # raises NotFoundError for an unknown person
    for view in views:
        uow.subjects.add_link(view.item.id, person_id, other_individual, reason.strip(), user)
    uow.signoffs.void_signoff(user, "review-link")  # whose data it is changed (issue 13)
    uow.audit.append(
        user,
        "review-link",
        {
            "items": [v.item.id for v in views][:200],
            "count": len(views),
            "person": person_id,
            "other_individual": other_individual,
        },
    )
    return len(views)
