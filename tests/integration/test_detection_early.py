"""Workers started before the case opens (`EarlyPool`): same findings, cancel, errors, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sar_desk.app import detection as app_detection
from sar_desk.app import detection_start
from sar_desk.app.session import CaseSession
from sar_desk.core.errors import Cancelled, DetectionUnavailableError
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.early_pool import EarlyPool
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set
from tests.integration.test_detection import CHAT, REGISTRY, make_case, stored

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")

ROOT = Path(__file__).resolve().parents[2]


def _detector(names: list[str]) -> InProcessDetector:
    engine = blank_nlp_engine(load_recognizer_set(REGISTRY), names)
    return InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))


def _early(names: list[str], workers: int = 2) -> EarlyPool:
    """A pool whose first worker builds the fake engine finding only `names`."""
    return EarlyPool(REGISTRY, "fake", workers, build=lambda: _detector(names))


def _chat(line: str, count: int) -> str:
    lines = [
        f"13/01/2026, 12:{i:02d} - Jo Bloggs: "
        + ("Reece Quorvane rang about the rota" if i == 3 else line.format(i=i))
        for i in range(count)
    ]
    return CHAT + "\n".join(lines) + "\n"


def test_early_workers_store_what_one_process_stores_spread_and_settle_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_detection, "BATCH", 4)  # pages of 4, spread pages of 16
    chat = _chat("the rota from quorvane is late, shift {i}", 40)
    session, reference = make_case(tmp_path / "a", chat), make_case(tmp_path / "b", chat)
    pool = _early(["Reece Quorvane"])
    settled: list[int] = []
    submit = pool.submit_settle
    monkeypatch.setattr(
        pool,
        "submit_settle",
        lambda names, hits, existing: settled.append(len(hits)) or submit(names, hits, existing),
    )
    try:
        summary = run_job(session.detection.run_detection(detector=pool, workers=2))
        expected = run_job(
            reference.detection.run_detection(detector=_detector(["Reece Quorvane"]))
        )
        assert settled  # the workers settled the spread's matches, not this process
        assert summary.engine == expected.engine
        assert summary.propagated == expected.propagated >= 39
        assert stored(session) == stored(reference)
    finally:
        pool.close()
        session.close()
        reference.close()


def test_cancel_with_early_workers_then_resume_stores_everything_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_detection, "BATCH", 8)
    chat = _chat("visit {i} with Priya, ring 0113 496 0{i:03d}", 60)
    session, reference = make_case(tmp_path / "a", chat), make_case(tmp_path / "b", chat)
    names = ["Priya", "Reece Quorvane"]
    first = _early(names)
    try:
        cancel = CancelToken()
        job = session.detection.run_detection(detector=first, workers=2, cancel=cancel)
        seen: list[str] = []
        with pytest.raises(Cancelled):  # noqa: PT012 - drive the generator by hand
            for progress in job:
                seen.append(progress.message)
                if progress.message.startswith("Scanning") and progress.done >= 16:
                    cancel.cancel()
        assert seen[0] == "Loading the detection model"
        partial = stored(session)
        assert partial
    finally:
        first.close()  # the pages already handed out finish; the workers then end
    second = _early(names)
    try:
        summary = run_job(session.detection.run_detection(detector=second, workers=2))
        run_job(reference.detection.run_detection(detector=_detector(names)))
        assert summary.skipped >= 16
        resumed = stored(session)
        assert len(resumed) == len(set(resumed))
        assert set(partial) <= set(resumed)
        assert resumed == stored(reference)
    finally:
        second.close()
        session.close()
        reference.close()


def _fail() -> InProcessDetector:
    raise DetectionUnavailableError("The language model 'fake' is not installed.")


def test_a_load_error_in_the_first_worker_is_raised_where_the_engine_is_needed() -> None:
    pool = EarlyPool(REGISTRY, "fake", 2, build=_fail)
    try:
        with pytest.raises(DetectionUnavailableError, match="not installed"):
            _ = pool.version
        with pytest.raises(DetectionUnavailableError):
            pool.detect(["Ann Lee"])
    finally:
        pool.close()


def test_plain_detect_calls_go_to_the_workers_in_order() -> None:
    pool = _early(["Reece Quorvane"], workers=3)
    texts = [f"Reece Quorvane rang {i}" for i in range(300)]
    try:
        assert pool.detect(texts) == _detector(["Reece Quorvane"]).detect(texts)
    finally:
        pool.close()


class _Started:
    def __init__(self, model: str, workers: int) -> None:
        self.model, self.workers, self.abandoned = model, workers, False

    def abandon(self) -> None:
        self.abandoned = True


def test_workers_started_for_another_model_or_count_are_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for model, workers, taken in (("md", 2, True), ("md", 1, False), ("sm", 2, False)):
        started = _Started("md", 2)
        monkeypatch.setattr(detection_start, "_early", started)
        got = detection_start.take_early_workers(model, workers)
        assert (got is started) == taken
        assert started.abandoned == (not taken)
        assert detection_start._early is None


def test_unused_early_workers_are_stopped_when_the_block_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[_Started] = []

    def fake_pool(_registry: Path, model: str, workers: int) -> _Started:
        made.append(_Started(model, workers))
        return made[-1]

    monkeypatch.setattr("sar_desk.detect.early_pool.EarlyPool", fake_pool)
    monkeypatch.setattr("sar_desk.detect.early_pool.can_fork", lambda: True)
    with detection_start.early_workers(3, "sm"):
        assert detection_start._early is made[0]
    assert made[0].abandoned
    with detection_start.early_workers(1, "sm"):  # one worker: the job runs here, none started
        assert detection_start._early is None
    assert len(made) == 1


def test_the_command_stores_the_findings_without_importing_the_model_here(
    tmp_path: Path,
) -> None:
    session = make_case(tmp_path / "case", CHAT)
    session.close()
    reference = make_case(tmp_path / "ref", CHAT)
    # The command as a user runs it, in a fresh process that reports what it imported.
    script = (
        "import sys\n"
        "from sar_desk.cli.main import cli\n"
        f"sys.argv = ['sar-desk', 'detect', {str(tmp_path / 'case')!r}, '--workers', '2', "
        "'--model', 'sm', '--json']\n"
        "cli(prog_name='sar-desk', standalone_mode=False)\n"
        "heavy = [m for m in ('spacy', 'presidio_analyzer', 'thinc') if m in sys.modules]\n"
        "print(repr(heavy), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out: dict[str, Any] = json.loads(proc.stdout)
    assert proc.stderr.strip().splitlines()[-1] == "[]"
    try:
        summary = run_job(reference.detection.run_detection(model="sm", workers=1))
        assert out["proposals"] == summary.findings > 0
        assert out["engine"] == summary.engine
        ran = CaseSession.open(tmp_path / "case")
        try:
            assert stored(ran) == stored(reference)
        finally:
            ran.close()
    finally:
        reference.close()
