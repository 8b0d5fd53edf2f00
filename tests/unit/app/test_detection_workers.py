"""Detection uses every core for large runs and one process for small ones (issue 15)."""

from __future__ import annotations

import pytest

from sar_desk.app import detection


def test_small_runs_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detection.os, "cpu_count", lambda: 8)
    assert detection.auto_workers(10) == 1
    assert detection.auto_workers(detection.PARALLEL_MIN_MESSAGES - 1) == 1


def test_large_runs_use_every_core_up_to_four(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detection.os, "cpu_count", lambda: 2)
    assert detection.auto_workers(50_000) == 2
    monkeypatch.setattr(detection.os, "cpu_count", lambda: 16)
    assert detection.auto_workers(50_000) == detection.MAX_WORKERS
    monkeypatch.setattr(detection.os, "cpu_count", lambda: None)
    assert detection.auto_workers(50_000) == 1
