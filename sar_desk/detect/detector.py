"""Detectors: the engine run in this process, or in a pool of worker processes.

Both satisfy `analyze.Detector`, so callers (the detection job, the evaluation, the benchmark)
choose with one argument and nothing else changes.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Iterator, Sequence
from multiprocessing.pool import Pool
from pathlib import Path

from presidio_analyzer import RecognizerResult

from sar_desk.detect import gazetteer
from sar_desk.detect.analyze import RawSpan
from sar_desk.detect.engine import DEFAULT_MODEL, Analyzer, build_analyzer, load_recognizer_set
from sar_desk.detect.mask import mask, regions
from sar_desk.detect.models import canonical
from sar_desk.detect.recognizers import CUSTOM_RECOGNIZERS

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


def _init_worker(registry_path: str, model: str) -> None:
    global _worker
    _worker = InProcessDetector(build_analyzer(Path(registry_path), model))


def _detect_chunk(texts: list[str]) -> list[tuple[RawSpan, ...]]:
    assert _worker is not None, "worker not initialised"
    return _worker.detect(texts)


_WARM_UP = "Ann Lee, 4 Mill Lane, TR1 2AB, 07700 900123, ann@example.org, www.example.org"


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
    model (≈170 MB for sm, ≈380 MB for md, 2-4 s each, presidio.md §5) and this process loads
    none, only the recogniser settings and the name lists its case-aware steps need. Either
    way texts are cut into chunks of at most `chunk` and handed out as workers free up.
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
        global _worker
        share = can_share_model() if share is None else share
        if share:
            local = local or InProcessDetector(build_analyzer(registry_path, model))
            # Compile every recogniser's rules once here, not once per worker.
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
        if share:
            _worker = local  # the forked workers inherit it, model and compiled rules included
            self._pool: Pool = multiprocessing.get_context("fork").Pool(workers)
            return
        ctx = multiprocessing.get_context("spawn")
        self._pool = ctx.Pool(
            workers, initializer=_init_worker, initargs=(str(registry_path), model)
        )

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, computed by the workers, in order."""
        return list(self.stream(texts))

    def stream(self, texts: Sequence[str]) -> Iterator[tuple[RawSpan, ...]]:
        """`detect`, handed to the workers now and read as each chunk is done, in order."""
        size = max(1, min(self.chunk, -(-len(texts) // self.workers)))
        chunks = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
        parts = self._pool.imap(_detect_chunk, chunks)  # queued here, not on first read
        return (spans for part in parts for spans in part)

    def close(self) -> None:
        """Stop the workers (a chunk in flight finishes first: at most a second or two)."""
        self._pool.close()
        self._pool.join()
