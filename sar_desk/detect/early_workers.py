"""The workers' side of `early_pool.EarlyPool`: load the engine, wait for the case, serve jobs.

The first worker, forked before anything heavy is imported, loads the engine exactly as
`detector.DetectionPool` does before it forks (`kept_for_the_run`, then the name lists), tells
the command it is ready, waits for the case, warms the case-aware passes up and forks the other
workers from itself, so they share its model and compiled rules. Each worker then takes jobs
from one pipe and sends results on another until the command closes the job pipe.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from multiprocessing.synchronize import Lock
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sar_desk.core.findings import Finding

READY = 0  # the tag of the first worker's message once the engine is loaded


def can_fork() -> bool:
    """Whether workers may be forked from this process now (as `detector.can_share_model`).

    Only on Linux and only from a single-threaded process: a forked child inherits every lock
    another thread held (a window's threads, a logging handler mid-write) and could hang.
    """
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _serve(tasks: Connection, results: Connection, take: Lock, give: Lock) -> None:
    """A worker's loop: take the next job, run it, send its result; stop when the pipe closes."""
    from sar_desk.detect import detector

    while True:
        with take:
            try:
                tag, name, args = tasks.recv()
            except EOFError:
                return
        try:
            job = settled if name == "settled" else getattr(detector, name)
            reply: tuple[int, bool, Any] = (tag, True, job(*args))
        except Exception as exc:  # the caller raises it
            reply = (tag, False, exc)
        try:
            data = ForkingPickler.dumps(reply)
        except Exception as exc:
            data = ForkingPickler.dumps((tag, False, RuntimeError(type(exc).__name__)))
        with give:
            results.send_bytes(data)


def settled(names: tuple[str, ...], hits: dict[int, list[Finding]], existing: list[Finding]) -> Any:
    """`propagate.settle` of a page's spread matches, with the case widened by `names`.

    Returned as ``(new, relabelled)``: a `Propagation` would import its module (and the rules
    with it) in the process that unpickles it.
    """
    from sar_desk.detect import detector
    from sar_desk.detect.propagate import settle

    context = detector._context
    assert context is not None, "worker has no case"
    wider = detector._wider  # the case widened by `_spread_page`, once per run
    if wider is None or wider.propagated != tuple(sorted(set(context.propagated) | {*names})):
        wider = detector._wider = context.with_propagated(names)
    second = settle(hits, wider, existing)
    return second.new, second.relabelled


def engine_builder(registry: Path, model: str) -> Callable[[], Any]:
    """How the first worker builds the engine: `model` with the recogniser set `registry`."""

    def build() -> Any:
        from sar_desk.detect.detector import InProcessDetector
        from sar_desk.detect.engine import build_analyzer

        return InProcessDetector(build_analyzer(registry, model))

    return build


def _load(build: Callable[[], Any], results: Connection) -> Any:
    """The engine, built as `DetectionPool` builds it to share; tells the caller it is ready."""
    gc.disable()  # imports and the build: the collector would walk the growing heap again
    try:
        from sar_desk.detect import detector, gazetteer

        engine = detector.kept_for_the_run(build)
        settings = engine.analyzer.settings
        if settings.gazetteers is not None:
            gazetteer.use(settings.gazetteers)
        ready = (engine.version, settings.drop_entities, settings.structured_entities)
        results.send((READY, True, (*ready, settings.gazetteers)))
        return engine
    except Exception as exc:  # the command raises it where it first needs the engine
        try:
            results.send((READY, False, exc))
        except Exception:
            results.send((READY, False, RuntimeError(type(exc).__name__)))
        return None
    finally:
        gc.freeze()
        gc.enable()


def first_worker(
    build: Callable[[], Any],
    workers: int,
    pipes: tuple[Connection, ...],
    locks: tuple[Lock, Lock],
) -> None:
    """Load the engine, wait for the case, fork the other workers, then work as one of them.

    The case is None when the command detects plain texts only (no case-aware job).
    """
    tasks, results, setup = pipes
    engine = _load(build, results)
    if engine is None:
        return
    try:
        context = setup.recv()
    except EOFError:
        return  # the command ended before the scan
    setup.close()
    from sar_desk.core.model import MessageId
    from sar_desk.detect import detector
    from sar_desk.detect.analyze import analyze_batch

    detector._worker, detector._context = engine, context
    if context is not None:
        # The case's matcher and lists built once here, not once per worker (as DetectionPool).
        analyze_batch(engine, [(MessageId(0), detector._WARM_UP)], context)
    others = [fork(lambda: _serve(tasks, results, *locks)) for _ in range(workers - 1)]
    try:
        _serve(tasks, results, *locks)
    finally:
        for pid in others:
            os.waitpid(pid, 0)


def fork(body: Callable[[], None]) -> int:
    """Run `body` in a forked child that never returns here; its process id."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            body()
            code = 0
        except BaseException:  # Ctrl+C or a broken pipe: the command reports, not the worker
            pass
        finally:
            os._exit(code)
    return pid
