"""Long jobs: generators that yield `Progress` and honour a `CancelToken`.

The CLI iterates a job and prints progress to stderr; the window runs the same generator on a
worker thread. A job's return value travels in ``StopIteration.value`` (see `run_job`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

from sar_desk.core.errors import Cancelled

R = TypeVar("R")

__all__ = ["CancelToken", "Job", "Progress", "run_job"]


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a job has got.

    Attributes:
        done: Units of work finished so far.
        total: Units expected, or None when unknown.
        message: What the job is doing, for the status line (never message text or names).
    """

    done: int
    total: int | None
    message: str

    @property
    def fraction(self) -> float | None:
        """Share of the work done, between 0 and 1, or None when the total is unknown."""
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


class CancelToken:
    """A flag a job checks between units of work; thread-safe."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancellation was asked for."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if cancellation was asked for.

        Raises:
            Cancelled: The user asked the job to stop.
        """
        if self._event.is_set():
            raise Cancelled()


Job = Generator[Progress, None, R]


def run_job(job: Job[R], on_progress: Callable[[Progress], None] | None = None) -> R:
    """Drive a job to completion in the calling thread and return its result.

    Args:
        job: The generator to run.
        on_progress: Called with every `Progress` the job yields.

    Returns:
        The job's return value.
    """
    try:
        while True:
            progress = next(job)
            if on_progress is not None:
                on_progress(progress)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    finally:
        job.close()
