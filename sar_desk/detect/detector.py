"""Detectors: the engine run in this process, or in a pool of worker processes.

Both satisfy `analyze.Detector`, so callers (the detection job, the evaluation, the benchmark)
choose with one argument and nothing else changes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
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


class DetectionPool:
    """The same engine in N long-lived worker processes (spawn: safe on Windows and macOS).

    Each worker loads its own model once (≈170 MB for sm, ≈380 MB for md, 2-4 s each,
    presidio.md §5); this process loads none, only the recogniser settings and the name lists
    its case-aware steps need. Texts are cut into chunks of at most `chunk` and handed out as
    workers free up, so both cores stay busy.
    """

    def __init__(
        self,
        registry_path: Path,
        model: str = DEFAULT_MODEL,
        workers: int = 2,
        local: InProcessDetector | None = None,
        chunk: int = 128,
    ) -> None:
        settings = local.analyzer.settings if local else load_recognizer_set(registry_path)
        if settings.gazetteers is not None:
            gazetteer.use(settings.gazetteers)
        self.drop_entities = settings.drop_entities
        self.structured_entities = settings.structured_entities
        self.version = local.version if local else f"{settings.version}+{canonical(model)}"
        self.workers = workers
        self.chunk = chunk
        ctx = multiprocessing.get_context("spawn")
        self._pool: Pool = ctx.Pool(
            workers, initializer=_init_worker, initargs=(str(registry_path), model)
        )

    def detect(self, texts: Sequence[str]) -> list[tuple[RawSpan, ...]]:
        """Raw spans for each text, computed by the workers, in order."""
        size = max(1, min(self.chunk, -(-len(texts) // self.workers)))
        chunks = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
        out: list[tuple[RawSpan, ...]] = []
        for part in self._pool.imap(_detect_chunk, chunks):
            out.extend(part)
        return out

    def close(self) -> None:
        """Stop the workers (a chunk in flight finishes first: at most a second or two)."""
        self._pool.close()
        self._pool.join()
