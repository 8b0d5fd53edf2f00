"""Rejections that wait for a second person (issue 17, item 4).

Rejecting a redaction proposal discloses its text. For a third party's data that is a disclosure
decision, so it needs the same second person as an approval: someone other than the person who
rejected it confirms the rejection by approving it (`core.decisions` allows that move and
refuses it to the rejecter), and until then the export counts the item as undecided.
"""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.core.decisions import ReviewStatus
from sar_desk.core.model import Case, PersonRole
from sar_desk.review.decide import ItemView, match_key
from sar_desk.store import decisions as store
from sar_desk.store.decisions import Connection


def unconfirmed_rejections(conn: Connection, case: Case, views: Sequence[ItemView]) -> set[int]:
    """Rejected third-party proposals that no second person has confirmed yet (issue 17).

    Rejecting a proposal discloses its text, so for a third party's data it is a disclosure
    decision and needs the same second person as an approval; the requester's own data in a
    SAR is theirs to receive and needs none.
    """
    waiting = [v for v in views if v.status is ReviewStatus.REJECTED and v.state.approver is None]
    if not waiting:
        return set()
    requester_ids = store.person_ids_with_role(conn, str(PersonRole.REQUESTER))
    region = case.default_region
    keys = {match_key(a, region) for a in (case.requester or "", *case.aliases) if a}
    out = set()
    for view in waiting:
        item = view.item
        own = (item.person_id is not None and int(item.person_id) in requester_ids) or (
            bool(item.text) and match_key(item.text, region) in keys
        )
        if not own:
            out.add(int(item.id))
    return out
