"""Redacting a selection by hand with the regime's usual code (issue 19 item 5)."""

from __future__ import annotations

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import ReviewStatus


def test_manual_redaction_with_the_default_code(reviewed: CaseSession) -> None:
    view = reviewed.review.manual_redaction(2, 0, 10, "default", "A neighbour's name")
    assert view.status is ReviewStatus.ACCEPTED
    assert view.state.code == "SAR-3P"
