"""Detectors: the engine run in this process, or in a pool of worker processes.

Both satisfy `analyze.Detector`, so callers (the detection job, the evaluation, the benchmark)
choose with one argument and nothing else changes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from multiprocessing.pool import Pool
from pathlib import Path

from sar_desk.detect.analyze import RawSpan
from sar_desk.detect.engine import DEFAULT_MODEL, Analyzer, build_analyzer

RECOGNIZER_NAME_KEY = "recognizer_name"


class InProcessDetector:
    """Runs the engine in this process: ``nlp.pipe`` batches, then every recogniser."""

    def __init__(self, analyzer: Analyzer, batch_size: int = 256) -> None:
        self.analyzer = analyzer
        self.batch_size = batch_size
        self.drop_entities = analyzer.settings.drop_entities
        self.structured_entities = analyzer.settings.structured_entities
        self.version = analyzer.version

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, in order (types in the drop list are left out)."""
        out: list[tuple[RawSpan, ...]] = []
        drop = self.drop_entities
        for text, artifacts in self.analyzer.artifacts(texts, self.batch_size):
            out.append(
                tuple(
                    RawSpan(
                        r.entity_type,
                        r.start,
                        r.end,
                        float(r.score),
                        (r.recognition_metadata or {}).get(RECOGNIZER_NAME_KEY, "unknown"),
                    )
                    for r in self.analyzer.analyze(text, artifacts)
                    if r.entity_type not in drop
                )
            )
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


class DetectionPool:
    """The same engine in N long-lived worker processes (spawn: safe on Windows and macOS).

    Each worker loads its own model once (≈170 MB and 2-3 s each, presidio.md §5); batches are
    split into chunks and spread over the workers.
    """

    def __init__(
        self,
        registry_path: Path,
        model: str = DEFAULT_MODEL,
        workers: int = 2,
        local: InProcessDetector | None = None,
    ) -> None:
        local = local or InProcessDetector(build_analyzer(registry_path, model))
        self.drop_entities = local.drop_entities
        self.structured_entities = local.structured_entities
        self.version = local.version
        self.workers = workers
        ctx = multiprocessing.get_context("spawn")
        self._pool: Pool = ctx.Pool(
            workers, initializer=_init_worker, initargs=(str(registry_path), model)
        )

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, computed by the workers, in order."""
        size = max(1, -(-len(texts) // self.workers))
        chunks = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
        out: list[tuple[RawSpan, ...]] = []
        for part in self._pool.map(_detect_chunk, chunks):
            out.extend(part)
        return out

    def close(self) -> None:
        """Stop the workers."""
        self._pool.close()
        self._pool.join()
