"""Detection workers forked before the model loads, so a command's start-up runs beside it.

`detector.DetectionPool` loads the engine in the command's process and then forks its workers:
everything before the load (the interpreter, the store's and the app's imports, opening the
case) and the load itself (spaCy, Presidio, the rules, the model: ≈1.5 s) run one after the
other. `EarlyPool` forks first, from a process that has imported almost nothing: the first
worker loads the engine while the command imports the store and opens the case, then waits for
the case (`use_context`), warms up and forks the other workers, so the model is still loaded
once and shared. The command's process never imports spaCy or Presidio: the workers also settle
the spread pass's matches (`submit_settle`), which needs the rules.

Each job the workers run is one of `detector`'s (`_findings_page`, `_spread_page`,
`_detect_chunk`), with the same module state a forked `DetectionPool` worker has, so the
findings are exactly those of `DetectionPool`. Jobs go out on one pipe, any free worker takes
the next; results come back on another, read by a thread here so no worker waits on a full
pipe. Linux only, from a single-threaded process (`can_fork`); the workers' code is in
`early_workers`.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sar_desk.detect.early_workers import READY, can_fork, engine_builder, first_worker, fork

if TYPE_CHECKING:
    from sar_desk.core.findings import Finding
    from sar_desk.core.model import Message, MessageId
    from sar_desk.detect.analyze import RawSpan
    from sar_desk.detect.case_terms import CaseContext
    from sar_desk.detect.detector import InProcessDetector

__all__ = ["EarlyPool", "can_fork"]

_Masked = dict[int, tuple[Any, ...]]


class EarlyPool:
    """N worker processes, the first loading the engine now; `DetectionPool`'s interface.

    Create it as early as possible; `use_context` gives the workers the case (once), and the
    attributes a detector has (`version`, ...) wait for the engine, raising its load error.
    """

    def __init__(
        self,
        registry_path: Path,
        model: str,
        workers: int,
        build: Callable[[], InProcessDetector] | None = None,
    ) -> None:
        """Fork the first worker, which starts loading the engine at once.

        Args:
            registry_path: The recogniser set.
            model: The spaCy model the engine runs.
            workers: Worker processes (the first and `workers` - 1 forked from it).
            build: How the first worker builds the engine (tests pass one on a fake NLP
                engine); by default `model` with `registry_path`.
        """
        build = build or engine_builder(registry_path, model)
        ctx = multiprocessing.get_context("fork")
        tasks_r, self._tasks = ctx.Pipe(duplex=False)
        self._results, results_w = ctx.Pipe(duplex=False)
        setup_r, self._setup = ctx.Pipe(duplex=False)
        locks = (ctx.Lock(), ctx.Lock())
        mine = (self._tasks, self._results, self._setup)

        def first() -> None:
            for end in mine:  # so the workers see the pipes close when this process ends
                end.close()
            first_worker(build, workers, (tasks_r, results_w, setup_r), locks)

        self.model = model
        self.workers = workers
        self.shared = True
        self._pid: int | None = fork(first)
        for end in (tasks_r, results_w, setup_r):
            end.close()
        self._tags = itertools.count(1)
        self._done: dict[int, tuple[bool, Any]] = {}
        self._ended = False
        self._wake = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="detection-results", daemon=True)
        self._reader.start()
        self._engine: tuple[str, frozenset[str], frozenset[str]] | None = None
        self._failed: Exception | None = None
        self._context: CaseContext | None = None
        self._scanned: set[int] = set()  # ids `submit` handed out, for `submit_spread`
        self._masked: _Masked = {}

    def _read(self) -> None:
        try:
            while True:
                tag, ok, value = pickle.loads(self._results.recv_bytes())
                with self._wake:
                    self._done[tag] = (ok, value)
                    self._wake.notify_all()
        except (EOFError, OSError):
            pass  # every worker has ended
        finally:
            with self._wake:
                self._ended = True
                self._wake.notify_all()

    def _result(self, tag: int) -> Any:
        with self._wake:
            while tag not in self._done:
                if self._ended:
                    raise RuntimeError("The detection worker processes stopped unexpectedly.")
                self._wake.wait()
            ok, value = self._done.pop(tag)
        if not ok:
            raise value
        return value

    def _ready(self) -> tuple[str, frozenset[str], frozenset[str]]:
        """The engine's version and entity sets, once loaded (its load error otherwise)."""
        if self._failed is not None:
            raise self._failed
        if self._engine is None:
            try:
                version, drop, structured, lists = self._result(READY)
            except Exception as exc:
                self._failed = exc  # raised again by every later call
                raise
            if lists is not None:  # this process's passes read the same name lists
                from sar_desk.detect import gazetteer

                gazetteer.use(lists)
            self._engine = (version, drop, structured)
        return self._engine

    @property
    def version(self) -> str:
        """The engine's recogniser-set version and model (waits for the load)."""
        return self._ready()[0]

    @property
    def drop_entities(self) -> frozenset[str]:
        """Entity types the engine leaves out (waits for the load)."""
        return self._ready()[1]

    @property
    def structured_entities(self) -> frozenset[str]:
        """Entity types of the engine's structured recognisers (waits for the load)."""
        return self._ready()[2]

    def use_context(self, context: CaseContext) -> None:
        """Give the workers the case; the first then forks the others. Once, before any job."""
        if self._setup.closed:
            if context != self._context:
                raise RuntimeError("an early pool serves one case, given before its first job")
            return
        self._context = context
        self._setup.send(context)
        self._setup.close()

    @property
    def case_aware(self) -> bool:
        """Whether `submit` may be used (the workers know the case)."""
        return self._context is not None

    def _submit(self, name: str, args: tuple[Any, ...]) -> Callable[[], Any]:
        self._ready()  # a load error is raised here, not as a broken pipe
        if not self._setup.closed:  # plain detection, no case: the workers start without one
            self._setup.send(None)
            self._setup.close()
        tag = next(self._tags)
        self._tasks.send((tag, name, args))
        return lambda: self._result(tag)

    def submit(self, messages: list[Message], titles: list[Message]) -> Callable[[], list[Finding]]:
        """Hand a page to a worker (as `DetectionPool.submit`); call to wait for its findings."""
        if self._context is None:
            raise RuntimeError("use_context() must be called before submit()")
        result = self._submit("_findings_page", (messages, titles))

        def wait() -> list[Finding]:
            found, masked = result()
            self._scanned.update(int(m.id) for m in messages)
            self._masked.update(masked)
            return found  # type: ignore[no-any-return]

        return wait

    def submit_spread(
        self, names: Sequence[str], items: list[tuple[MessageId, str]]
    ) -> Callable[[], dict[int, list[Finding]]]:
        """`propagate.spread_hits` of `items` with `names`, run by a worker; call to wait."""
        if self._context is None:
            raise RuntimeError("use_context() must be called before submit_spread()")
        masked = {int(i): self._masked[int(i)] for i, _t in items if int(i) in self._masked}
        scanned = all(int(i) in self._scanned for i, _t in items)
        return self._submit("_spread_page", (tuple(names), items, masked if scanned else None))

    def submit_settle(
        self, names: Sequence[str], hits: dict[int, list[Finding]], existing: list[Finding]
    ) -> Callable[[], tuple[list[Finding], list[tuple[Finding, Finding]]]]:
        """`propagate.settle` of `hits` against `existing`, run by a worker; call to wait.

        The wait returns the settlement's ``(new, relabelled)``.
        """
        if self._context is None:
            raise RuntimeError("use_context() must be called before submit_settle()")
        return self._submit("settled", (tuple(names), hits, existing))

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, computed by the workers, in order."""
        return list(self.stream(texts))

    def stream(self, texts: Sequence[str], chunk: int = 128) -> Iterator[tuple[RawSpan, ...]]:
        """`detect`, handed to the workers now and read as each chunk is done, in order."""
        size = max(1, min(chunk, -(-len(texts) // self.workers)))
        waits = [
            self._submit("_detect_chunk", (list(texts[i : i + size]),))
            for i in range(0, len(texts), size)
        ]
        return (spans for wait in waits for spans in wait())

    def close(self) -> None:
        """Stop the workers once the jobs handed out are done (at most a second or two)."""
        if self._pid is None:
            return
        self._tasks.close()  # the workers finish what is queued, then see the pipe end
        if not self._setup.closed:
            self._setup.close()  # the first worker, still waiting for the case, stops
        os.waitpid(self._pid, 0)
        self._pid = None
        self._reader.join()
        self._results.close()

    def abandon(self) -> None:
        """Stop the workers now, before any job (the command chose not to use them)."""
        if self._pid is not None and self._context is None:
            os.kill(self._pid, signal.SIGKILL)  # still loading or waiting for the case
        self.close()
