"""Detectors: the engine run in this process, or in a pool of worker processes.

Both satisfy `analyze.Detector`, so callers (the detection job, the evaluation, the benchmark)
choose with one argument and nothing else changes. A pool given the case (`use_context`) also
runs the case-aware passes in its workers (`submit`): a page of messages goes out and its
finished findings come back, so this process only reads and writes the store.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TYPE_CHECKING

from presidio_analyzer import RecognizerResult

from sar_desk.core.model import MessageId
from sar_desk.detect import gazetteer
from sar_desk.detect.analyze import RawSpan, ResultCache, analyze_batch
from sar_desk.detect.engine import DEFAULT_MODEL, Analyzer, build_analyzer, load_recognizer_set
from sar_desk.detect.mask import Region, mask, regions
from sar_desk.detect.models import canonical
from sar_desk.detect.propagate import Settled, spread_hits
from sar_desk.detect.recognizers import CUSTOM_RECOGNIZERS

if TYPE_CHECKING:
    from sar_desk.core.findings import Finding
    from sar_desk.core.model import Message
    from sar_desk.detect.case_terms import CaseContext

RECOGNIZER_NAME_KEY = "recognizer_name"
MASK_RECOGNIZER = "StructureMask"


def _note(result: RecognizerResult, text: str) -> str:
    """The reviewer note one of SAR Desk's own recognisers writes ("" otherwise)."""
    name = (result.recognition_metadata or {}).get(RECOGNIZER_NAME_KEY)
    recognizer = CUSTOM_RECOGNIZERS.get(name) if isinstance(name, str) else None
    return recognizer.note_for(text[result.start : result.end]) if recognizer else ""


class InProcessDetector:
    """Runs the engine in this process: ``nlp.pipe`` batches, then every recogniser."""

    def __init__(self, analyzer: Analyzer, batch_size: int = 256) -> None:
        self.analyzer = analyzer
        self.batch_size = batch_size
        self.drop_entities = analyzer.settings.drop_entities
        self.structured_entities = analyzer.settings.structured_entities
        self.version = analyzer.version

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, in order (types in the drop list are left out).

        Links, coordinates, file names, system wording and filler are masked first
        (`detect.mask`), so no recogniser and no model sees them; plain links come back as
        URL spans.
        """
        out: list[tuple[RawSpan, ...]] = []
        drop = self.drop_entities
        floors = self.analyzer.settings.score_floors
        found = [regions(t) for t in texts]
        masked = [mask(t, f) for t, f in zip(texts, found, strict=True)]
        pairs = zip(self.analyzer.artifacts(masked, self.batch_size), found, strict=True)
        for (text, artifacts), masked_regions in pairs:
            spans = [
                RawSpan(
                    r.entity_type,
                    r.start,
                    r.end,
                    max(float(r.score), floors.get(r.entity_type, 0.0)),
                    (r.recognition_metadata or {}).get(RECOGNIZER_NAME_KEY, "unknown"),
                    _note(r, text),
                )
                for r in self.analyzer.analyze(text, artifacts)
                # NER's organisations are kept for the case pass, which recovers the names
                # among them; resolve() drops the rest.
                if r.entity_type not in drop or r.entity_type == "ORGANIZATION"
            ]
            spans += [
                RawSpan("URL", r.start, r.end, 0.5, MASK_RECOGNIZER, "Web link.")
                for r in masked_regions
                if r.kind == "url" and "URL" not in drop
            ]
            out.append(tuple(spans))
        return out

    def close(self) -> None:
        """Nothing to release."""


_worker: InProcessDetector | None = None
_context: CaseContext | None = None
_cache: ResultCache | None = None
_wider: CaseContext | None = None


def _init_worker(registry_path: str, model: str, context: CaseContext | None = None) -> None:
    global _worker, _context
    _worker = InProcessDetector(build_analyzer(Path(registry_path), model))
    _context = context


def _detect_chunk(texts: list[str]) -> list[tuple[RawSpan, ...]]:
    assert _worker is not None, "worker not initialised"
    return _worker.detect(texts)


# A page's messages with masked regions (`mask.regions`): the spread pass reuses them.
_Masked = dict[int, tuple[Region, ...]]


def _spread_page(
    names: tuple[str, ...],
    items: list[tuple[MessageId, str]],
    masked: _Masked | None = None,
    settled: Settled | None = None,
) -> dict[int, list[Finding]]:
    """A worker's share of the spread pass: the names' matches in some messages."""
    global _wider
    assert _context is not None, "worker has no case"
    if _wider is None or _wider.propagated != tuple(sorted(set(_context.propagated) | {*names})):
        _wider = _context.with_propagated(names)  # once per run, not once per page
    return spread_hits(items, _wider, masked, settled)


def _findings_page(messages: list[Message], titles: list[Message]) -> tuple[list[Finding], _Masked]:
    """A worker's job: every pass over one page, as the job would run them in one process."""
    global _cache
    assert _worker is not None, "worker not initialised"
    assert _context is not None, "worker has no case"
    _cache = _cache or ResultCache()  # repeated texts ("ok") detected once per worker
    items = [(m.id, m.text) for m in messages]
    found = analyze_batch(_worker, items, _context, _cache, messages=messages, titles=titles)
    masked = {int(m.id): r for m in messages if (r := regions(m.text))}  # cached: no new work
    return found, masked


_WARM_UP = "Ann Lee, 4 Mill Lane, TR1 2AB, 07700 900123, ann@example.org, www.example.org"


def kept_for_the_run(build: Callable[[], InProcessDetector]) -> InProcessDetector:
    """Build an engine with the cycle collector paused, and freeze it out of later collections.

    The model, the name lists and the compiled rules live as long as the run (≈130,000
    objects): every full collection would walk them (≈0.1 s each), so would the exit, and a
    forked worker that walks them also copies the pages it shares with this process.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        detector = build()
        detector.detect([_WARM_UP])  # compile every recogniser's rules now, frozen with the rest
        return detector
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def can_share_model() -> bool:
    """Whether workers may be forked from this process with its loaded model.

    Only on Linux and only from a single-threaded process: a forked child inherits every lock
    another thread held (a window's threads, a logging handler mid-write) and could hang.
    """
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


class DetectionPool:
    """The same engine in N long-lived worker processes.

    Two ways to start them. Shared (Linux, single-threaded caller, the default there): this
    process loads the model once and the workers are forked from it, so they start at once
    and share its memory pages (no second import, load or regex compilation per worker).
    Spawned (Windows, macOS, a threaded caller such as the window): each worker loads its own
    model (≈170 MB for sm, ≈380 MB for md, 2-4 s each, presidio.md §5), this process only the
    settings and name lists its case-aware steps need. Texts go out in chunks of at most
    `chunk`; the workers start on first use, so a case given before (`use_context`) goes too.
    """

    def __init__(
        self,
        registry_path: Path,
        model: str = DEFAULT_MODEL,
        workers: int = 2,
        local: InProcessDetector | None = None,
        chunk: int = 128,
        share: bool | None = None,
    ) -> None:
        share = can_share_model() if share is None else share
        if share:  # rules compiled once here, not per worker (`kept_for_the_run` warms up)
            if local is None:
                local = kept_for_the_run(
                    lambda: InProcessDetector(build_analyzer(registry_path, model))
                )
            else:
                local.detect([_WARM_UP])
        settings = local.analyzer.settings if local else load_recognizer_set(registry_path)
        if settings.gazetteers is not None:
            gazetteer.use(settings.gazetteers)
        self.drop_entities = settings.drop_entities
        self.structured_entities = settings.structured_entities
        self.version = local.version if local else f"{settings.version}+{canonical(model)}"
        self.workers = workers
        self.chunk = chunk
        self.shared = share
        self._local = local
        self._spawn_args = (str(registry_path), model)
        self._context: CaseContext | None = None
        self._pool: Pool | None = None
        self._scanned: set[int] = set()  # ids `submit` handed out, for `submit_spread`
        self._masked: _Masked = {}

    def _started(self) -> Pool:
        """The worker processes, started now if they are not running yet."""
        global _worker, _context
        if self._pool is None:
            if self.shared:
                # The forked workers inherit both: the model, the compiled rules and the case.
                _worker, _context = self._local, self._context
                if _worker is not None and _context is not None:
                    # Build the case's matcher and lists once here, not once per worker.
                    analyze_batch(_worker, [(MessageId(0), _WARM_UP)], _context)
                self._pool = multiprocessing.get_context("fork").Pool(self.workers)
            else:
                args = (*self._spawn_args, self._context)
                ctx = multiprocessing.get_context("spawn")
                self._pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=args)
        return self._pool

    def use_context(self, context: CaseContext) -> None:
        """Give the workers the case, so `submit` can run the case-aware passes there.

        Workers already running with another case are stopped; the next call starts new ones.
        """
        if self._pool is not None and self._context != context:
            self.close()
        if self._context != context:
            self._scanned, self._masked = set(), {}  # message ids of another case
        self._context = context

    @property
    def case_aware(self) -> bool:
        """Whether `submit` may be used (the workers know the case)."""
        return self._context is not None

    def submit(self, messages: list[Message], titles: list[Message]) -> Callable[[], list[Finding]]:
        """Hand a page to a worker; the function returned waits for its findings.

        The worker runs `analyze.analyze_batch` over the page with the case given to
        `use_context`, so the findings are exactly those of that call in this process.
        """
        if self._context is None:
            raise RuntimeError("use_context() must be called before submit()")
        result = self._started().apply_async(_findings_page, (messages, titles))

        def wait() -> list[Finding]:
            found, masked = result.get()
            self._scanned.update(int(m.id) for m in messages)
            self._masked.update(masked)
            return found

        return wait

    def submit_spread(
        self,
        names: Sequence[str],
        items: list[tuple[MessageId, str]],
        settled: Settled | None = None,
    ) -> Callable[[], dict[int, list[Finding]]]:
        """`propagate.spread_hits` of `items` with `names`, run by a worker; call to wait.

        `settled` is `propagate.settled_spans` of the messages' findings (hits left out).
        """
        if self._context is None:
            raise RuntimeError("use_context() must be called before submit_spread()")
        # The regions the scan found travel with the texts, if this pool scanned them all.
        masked = {int(i): self._masked[int(i)] for i, _t in items if int(i) in self._masked}
        scanned = all(int(i) in self._scanned for i, _t in items)
        args = (tuple(names), items, masked if scanned else None, settled)
        return self._started().apply_async(_spread_page, args).get

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, computed by the workers, in order."""
        return list(self.stream(texts))

    def stream(self, texts: Sequence[str]) -> Iterator[tuple[RawSpan, ...]]:
        """`detect`, handed to the workers now and read as each chunk is done, in order."""
        size = max(1, min(self.chunk, -(-len(texts) // self.workers)))
        chunks = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
        parts = self._started().imap(_detect_chunk, chunks)  # queued here, not on first read
        return (spans for part in parts for spans in part)

    def close(self) -> None:
        """Stop the workers (a page in flight finishes first: at most a second or two)."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
