"""Issue 13 item 7: staff acting in an official capacity follow the case's staff policy.

ICO guidance: the names of senior staff acting in their official role are usually disclosed,
so the default policy is "disclose": a bulk accept with the default code rejects those names
with that reason (a recorded decision) instead of redacting them; "label" and "redact" let
para 16 apply (the pack then shows "Officer N", or the marker).
"""

from __future__ import annotations

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.disclosure import StaffPolicy
from sar_desk.core.errors import BadInputError
from sar_desk.core.model import PersonRole
from sar_desk.review.bulk import BulkSelection


def _official_sam(session: CaseSession) -> None:
    sam = next(p.person for p in session.people.people() if p.person.display_name == "Sam Carter")
    session.people.mark_person(
        int(sam.id), PersonRole.STAFF, official=True, reason="Repairs manager"
    )


def test_default_policy_discloses_official_staff_with_a_recorded_reason(
    reviewed: CaseSession,
) -> None:
    _official_sam(reviewed)
    assert reviewed.subjects.staff_policy() is StaffPolicy.DISCLOSE
    names = [v.item.id for v in reviewed.review.review_items() if v.text == "Sam Carter"]
    with pytest.raises(BadInputError, match="staff policy is to disclose"):
        reviewed.review.decide(names[:1], Action.ACCEPT, code="default", rationale="x")
    result = reviewed.review.bulk_decide(
        BulkSelection(everything=True), Action.ACCEPT, code="default", rationale="Third party"
    )
    assert sorted(result.plan.disclosed) == sorted(names)
    states = {v.item.id: v for v in reviewed.review.review_items()}
    assert {states[i].status for i in names} == {ReviewStatus.REJECTED}
    assert "staff policy" in states[names[0]].state.note
    assert any("staff policy" in line for line in result.plan.skipped_lines())


def test_label_policy_lets_para_16_apply_and_is_audited(reviewed: CaseSession) -> None:
    _official_sam(reviewed)
    with pytest.raises(BadInputError, match="reason"):
        reviewed.subjects.set_staff_policy(StaffPolicy.LABEL, "")
    reviewed.subjects.set_staff_policy(
        StaffPolicy.LABEL, "Junior officer; the requester knows them"
    )
    assert reviewed.review.audit_entries("staff-policy")[-1].details["policy"] == "label"
    result = reviewed.review.bulk_decide(
        BulkSelection(everything=True), Action.ACCEPT, code="default", rationale="Third party"
    )
    assert not result.plan.disclosed
    codes = {v.state.code for v in reviewed.review.review_items() if v.text == "Sam Carter"}
    assert codes == {"SAR-3P"}
