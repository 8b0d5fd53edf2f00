"""Jobs report progress, return results and stop when cancelled."""

from __future__ import annotations

import pytest

from sar_desk.core.errors import Cancelled
from sar_desk.core.jobs import CancelToken, Job, Progress, run_job


def counting(n: int, cancel: CancelToken) -> Job[int]:
    for i in range(n):
        cancel.check()
        yield Progress(i + 1, n, "counting")
    return n * 10


def test_run_job_returns_the_result_and_reports_progress() -> None:
    seen: list[Progress] = []
    assert run_job(counting(3, CancelToken()), seen.append) == 30
    assert [p.done for p in seen] == [1, 2, 3]
    assert seen[-1].fraction == 1.0


def test_cancel_token_stops_the_job() -> None:
    token = CancelToken()
    job = counting(10, token)
    next(job)
    token.cancel()
    with pytest.raises(Cancelled):
        next(job)
