"""The detection job: scan the case's messages for personal data and store proposals.

Resumable and cancellable: messages are marked scanned in the transaction that stores their
findings, and the cancel token is checked between batches, so a new run carries on where the
last one stopped. A second pass then looks for every name found anywhere in the case in all the
other messages (presidio.md §6.2). Detection (and spaCy) is imported only when a run starts,
so other commands stay quick to launch. The passes themselves are in `detection_scan`.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sar_desk.app.attachments import read_texts, scan_texts
from sar_desk.app.base import SessionBase
from sar_desk.app.detection_context import case_context as case_context
from sar_desk.app.detection_context import known_persons_of as known_persons_of
from sar_desk.app.detection_gate import run_status
from sar_desk.app.detection_scan import scan, spread
from sar_desk.app.paths import resource_path
from sar_desk.app.summary import SummarySection
from sar_desk.core.errors import BadInputError, Cancelled
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.records import Selection
from sar_desk.core.search import day_range
from sar_desk.store import Store
from sar_desk.store.running import running
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    from sar_desk.detect.analyze import Detector

logger = logging.getLogger(__name__)

REGISTRY_RESOURCE = "detect/recognizers-uk-v2.yaml"
SCOPES = ("all", "in-scope")
BATCH = 256


@dataclass(frozen=True, slots=True)
class DetectionSummary:
    """What a detection run did.

    Attributes:
        run_id: The stored run.
        scope: "all", "in-scope (disclosure set)" or "in-scope (scope dates)".
        scanned: Messages scanned by this run.
        skipped: Messages in scope already scanned by an earlier run.
        findings: Proposals stored by this run (including propagated ones).
        propagated: Of which found by the second (propagation) pass.
        by_entity: Proposals of this run per entity type.
        engine: Recogniser-set version and model.
        note: One line for the user when the run used the fallback model ("" otherwise).
    """

    run_id: int
    scope: str
    scanned: int
    skipped: int
    findings: int
    propagated: int
    by_entity: dict[str, int] = field(default_factory=dict)
    engine: str = ""
    note: str = ""


# Below this many messages, starting worker processes (a model load each) costs more than it saves.
PARALLEL_MIN_MESSAGES = 3000
MAX_WORKERS = 4


def auto_workers(messages: int) -> int:
    """Worker processes for a run over `messages`: every core (up to four) for large runs."""
    if messages < PARALLEL_MIN_MESSAGES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def default_detector(model: str, workers: int) -> Detector:
    """The engine for a run: in this process, or in `workers` worker processes."""
    from sar_desk.detect.detector import (
        DetectionPool,
        InProcessDetector,
        can_share_model,
        kept_for_the_run,
    )
    from sar_desk.detect.engine import build_analyzer

    registry = resource_path(REGISTRY_RESOURCE)
    if workers > 1:
        # On Linux, from a single-threaded caller, this process loads the model once and the
        # workers are forked from it; elsewhere (or from the window's threads) each worker
        # loads its own copy. DetectionPool chooses.
        return DetectionPool(registry, model, workers)
    if can_share_model():  # a command, not the window: nothing else allocates meanwhile
        return kept_for_the_run(lambda: InProcessDetector(build_analyzer(registry, model)))
    return InProcessDetector(build_analyzer(registry, model))


class DetectionMixin(SessionBase):
    """Running personal-data detection over the case."""

    def _detection_selection(self, scope: str) -> tuple[Selection, str]:
        if scope not in SCOPES:
            raise BadInputError(f"The scope '{scope}' is not known; use 'all' or 'in-scope'.")
        if scope == "all":
            return Selection(), "all"
        # The disclosure set (relevance decisions) when the case has one; until messages have
        # been put in it, the messages inside the case's scope dates.
        chosen = getattr(self, "disclosure_set", None)
        ids = sorted(int(i) for i in chosen()) if callable(chosen) else []
        if ids:
            return Selection(ids=tuple(ids)), "in-scope (disclosure set)"
        start, end = day_range(self.case.scope_from, self.case.scope_to, self.case.timezone)
        return Selection(start, end), "in-scope (scope dates)"

    def run_detection(
        self,
        scope: str = "all",
        workers: int | None = None,
        cancel: CancelToken | None = None,
        model: str | None = None,
        detector: Detector | None = None,
    ) -> Job[DetectionSummary]:
        """Scan messages not yet scanned and store redaction proposals.

        Args:
            scope: "all" messages, or "in-scope": the disclosure set, or while it is empty the
                messages inside the case's scope dates.
            workers: Worker processes for the language model (1 = this process; None =
                every core, up to four, when there are enough messages to repay the start-up).
            cancel: Checked between batches; a later run carries on where this one stopped.
            model: "sm", "md" or an installed spaCy pipeline name or folder (default: md when
                it is installed, else sm, with a note in the summary saying so).
            detector: A ready detector (tests pass one built on a fake NLP engine).

        Raises:
            DetectionUnavailableError: The language model is not installed.
            BadInputError: Unknown scope or worker count.
        """
        from sar_desk.detect.models import default_model

        cancel = cancel or CancelToken()
        span, scope = self._detection_selection(scope)
        if workers is not None and workers < 1:
            raise BadInputError("The number of workers must be 1 or more.")
        store = self.case_folder.open_store()  # this thread's own connection (worker rule)
        own_detector = detector is None
        try:
            with unit_of_work(store) as uow:
                context = case_context(self.case, uow.detection.known_people())
                total = uow.detection.count_unscanned(span)
                skipped = uow.detection.count_scanned(span)
            workers = workers or auto_workers(total)
            note = ""
            if detector is None and model is None:
                model, fallback = default_model()
                if fallback:
                    note = fallback
                    logger.warning("detection: medium model not installed, using the small one")
            yield Progress(0, None, note or "Loading the detection model")
            detector = detector or default_detector(model or "sm", workers)
            use_context = getattr(detector, "use_context", None)
            if use_context is not None and workers > 1:
                use_context(context)  # the workers then run the case-aware passes too
            engine = detector.version
            # The task record tells a live run from one a killed process left "running".
            with running(self.folder, "detection", "a detection run"):
                with unit_of_work(store, write=True) as uow:
                    run_id = uow.detection.start_run(scope, engine)
                counts: Counter[str] = Counter()
                try:
                    scanned = yield from scan(
                        store,
                        run_id,
                        span,
                        total,
                        context,
                        detector,
                        cancel,
                        counts,
                        BATCH,
                        workers,
                    )
                    yield from read_texts(store, self.case_folder, cancel, workers)
                    in_files = yield from scan_texts(store, run_id, detector, context, cancel)
                    counts.update(f.entity_type for f in in_files)
                    propagated = yield from spread(
                        store, span, context, cancel, counts, BATCH * 4, scanned, detector
                    )
                except Cancelled:
                    self._close_run(store, run_id, "cancelled", 0, scope, counts)
                    raise
                self._close_run(store, run_id, "finished", propagated, scope, counts)
        finally:
            store.close()
            if own_detector and detector is not None:
                detector.close()
        return DetectionSummary(
            run_id,
            scope,
            scanned.count,
            skipped,
            sum(counts.values()),
            propagated,
            dict(counts),
            engine,
            note,
        )

    def _close_run(
        self,
        store: Store,
        run_id: int,
        status: str,
        propagated: int,
        scope: str,
        counts: Counter[str],
    ) -> None:
        with unit_of_work(store, write=True) as uow:
            uow.detection.finish_run(run_id, status, propagated)
            uow.audit.append(
                self.user,
                "detection",
                {
                    "run": run_id,
                    "status": status,
                    "scope": scope,
                    "findings": sum(counts.values()),
                    "propagated": propagated,
                    "by_entity": dict(sorted(counts.items())),
                },
            )

    def detection_counts(self) -> dict[str, int]:
        """Stored proposals per entity type."""
        with unit_of_work(self.store) as uow:
            return uow.detection.counts_by_entity()

    def summary_sections(self) -> list[SummarySection]:
        """Add "Detection": proposals per entity type and the last run."""
        sections = super().summary_sections()
        with unit_of_work(self.store) as uow:
            counts = uow.detection.counts_by_entity()
            runs = uow.detection.list_runs()
        if not runs:
            lines: tuple[str, ...] = ("Detection has not been run yet.",)
        else:
            last = runs[-1]
            lines = (
                f"Last run {last.started_at} ({run_status(last, self.folder)}, {last.scope}): "
                f"{last.scanned} messages scanned, {last.findings} proposals",
                *(f"{entity}: {n}" for entity, n in sorted(counts.items())),
            )
        sections.append(
            SummarySection(
                "Detection",
                lines,
                {
                    "proposals": counts,
                    "runs": len(runs),
                    "last_status": run_status(runs[-1], self.folder) if runs else None,
                },
            )
        )
        return sections
