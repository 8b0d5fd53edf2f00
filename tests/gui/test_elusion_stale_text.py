"""A stale elusion test says so in the window's text."""

from __future__ import annotations

from datetime import UTC, datetime

from sar_desk.core.records import ElusionTestRow
from sar_desk.gui.widgets.elusion_box import describe_result
from sar_desk.review.elusion import ElusionResult


def _result(joined: tuple[int, ...]) -> ElusionResult:
    test = ElusionTestRow(4, 9, (1, 3), (3,), "olive", datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    return ElusionResult(test, {}, None, joined)


def test_window_text_warns_of_messages_the_sample_never_saw() -> None:
    assert "Out of date: 1 messages joined" in describe_result(_result((5,)), None)
    assert "Out of date" not in describe_result(_result(()), None)
