"""A stale elusion test says so in the command line's summary."""

from __future__ import annotations

from datetime import UTC, datetime

from sar_desk.cli.review_elusion import _summary
from sar_desk.core.records import ElusionTestRow
from sar_desk.review.elusion import ElusionResult


def _result(joined: tuple[int, ...]) -> ElusionResult:
    test = ElusionTestRow(4, 9, (1, 3), (3,), "olive", datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    return ElusionResult(test, {}, None, joined)


def test_cli_summary_warns_of_messages_the_sample_never_saw() -> None:
    assert "Out of date: 2 messages joined" in _summary(_result((5, 6)))
    assert "Out of date" not in _summary(_result(()))
