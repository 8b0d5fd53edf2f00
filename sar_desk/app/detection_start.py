"""Detection's workers started before the case is opened, so the model loads beside the rest.

A detection command spends about two seconds before its first message is scanned: the store's
and the app's imports and the case's opening, then the engine's load (spaCy, Presidio, the
rules, the model). `early_workers` forks the workers (`detect.early_pool.EarlyPool`) first,
from a process that has imported almost nothing, so the two halves run at once on two cores.
The detection job takes them (`take_early_workers`) when its model and worker count are the
ones guessed; otherwise they are stopped and the job starts its own, as it always did.

Only where workers may be forked with a loaded model (Linux, a single-threaded process): the
window, and other systems, start their workers when the job runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sar_desk.detect.early_pool import EarlyPool

# Below this many messages, starting worker processes (a model load each) costs more than it saves.
PARALLEL_MIN_MESSAGES = 3000
MAX_WORKERS = 4
REGISTRY_RESOURCE = "detect/recognizers-uk-v2.yaml"

_early: EarlyPool | None = None


def auto_workers(messages: int) -> int:
    """Worker processes for a run over `messages`: every core (up to four) for large runs."""
    if messages < PARALLEL_MIN_MESSAGES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


@contextmanager
def early_workers(workers: int | None, model: str | None) -> Iterator[None]:
    """Start detection's workers now, for a job run inside the block; stop them if unused.

    Args:
        workers: The worker count asked for (None: the count a large case gets, a guess the
            job checks against the case's size).
        model: The model asked for (None: the default model).
    """
    global _early
    from sar_desk.detect.early_pool import EarlyPool, can_fork

    guess = workers if workers is not None else auto_workers(PARALLEL_MIN_MESSAGES)
    if guess > 1 and _early is None and can_fork():
        from sar_desk.app.paths import resource_path
        from sar_desk.detect.models import default_model

        chosen = model or default_model()[0]
        _early = EarlyPool(resource_path(REGISTRY_RESOURCE), chosen, guess)
    try:
        yield
    finally:
        pool, _early = _early, None
        if pool is not None:
            pool.abandon()  # the job did not take them (a small case, an error before it)


def take_early_workers(model: str, workers: int) -> EarlyPool | None:
    """The workers `early_workers` started, if they run `model` with `workers` processes.

    The caller owns them from then on (closes them). Workers for another model or count are
    stopped here, so the caller can start its own.
    """
    global _early
    pool, _early = _early, None
    if pool is None:
        return None
    if pool.model == model and pool.workers == workers:
        return pool
    pool.abandon()
    return None
