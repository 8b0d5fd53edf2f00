"""Export needs complete detection, or a DPO's recorded decision (issue 20 item 3)."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from sar_desk.app.session import CaseSession
from sar_desk.core.decisions import Action
from sar_desk.core.errors import ExportBlockedError, PermissionDeniedError
from sar_desk.core.jobs import run_job
from sar_desk.core.scope import Relevance
from sar_desk.core.search import SearchQuery
from sar_desk.detect.detector import InProcessDetector
from sar_desk.review.bulk import BulkSelection
from sar_desk.review.roles import Role
from sar_desk.store import audit
from sar_desk.store import detection as store_detection
from sar_desk.store.running import running
from tests.integration.test_detection import CHAT, make_case
from tests.integration.test_detection import fake_detector as fake_detector


@pytest.fixture
def case(tmp_path: Path) -> Iterator[CaseSession]:
    session = make_case(tmp_path / "case", CHAT)
    session.review.add_user("dpo.lead", Role.DPO)
    session.review.add_user("second", Role.REVIEWER)
    session.scope.mark_scope(
        session.scope.search_ids(SearchQuery()), Relevance.ABOUT_REQUESTER, "About the requester"
    )
    session.search.search_logged(SearchQuery(), limit=1, origin="test")
    yield session
    session.close()


def _decide_everything(case: CaseSession) -> None:
    everything = BulkSelection(everything=True)
    case.review.bulk_decide(
        everything, Action.ACCEPT, code="default", rationale="Third party", confirmed=True
    )
    other = CaseSession.open(case.folder, "second")
    try:
        other.review.bulk_decide(everything, Action.APPROVE, confirmed=True)
        # The safety net never redacts by itself: its places get the same redaction, approved.
        if case.places.safety_net_places():
            case.places.decide_safety_net_places(redact=True)
            other.review.bulk_decide(BulkSelection(everything=True), Action.APPROVE, confirmed=True)
    finally:
        other.close()
    if case.review.signoff_required():
        dpo = CaseSession.open(case.folder, "dpo.lead")
        try:
            dpo.review.sign_off("Checked")
        finally:
            dpo.close()


def test_export_without_detection_is_refused(case: CaseSession, tmp_path: Path) -> None:
    with pytest.raises(ExportBlockedError, match="detection has not been run"):
        run_job(case.export.export_bundle(tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_an_interrupted_run_is_shown_as_such_blocks_export_and_resumes(
    case: CaseSession, tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    # A run killed mid-way: its row says "running", no task holds the case, half is scanned.
    with case.store.transaction() as conn:
        run = store_detection.start_run(conn, "in-scope", "test")
        first = int(conn.exec_driver_sql("SELECT min(id) FROM messages").scalar_one())
        store_detection.add_progress(conn, run, [first], 0)
    cover = case.export.detection_coverage()
    assert cover.last_status == "interrupted"
    assert cover.unscanned == cover.messages - 1
    detection = next(s for s in case.summary_sections() if s.title == "Detection")
    assert "interrupted" in detection.lines[0]
    with pytest.raises(
        ExportBlockedError, match=r"never scanned .*\(the last run was interrupted\)"
    ):
        run_job(case.export.export_bundle(tmp_path / "out"))
    # While a detection task really runs, it is shown as running.
    with running(case.folder, "detection", "a detection run"):
        assert case.export.detection_coverage().last_status == "running"
    summary = run_job(case.detection.run_detection(scope="in-scope", detector=fake_detector))
    assert summary.skipped == 1  # resumed: the scanned message was not scanned again
    assert case.export.detection_coverage().complete
    _decide_everything(case)
    manifest = run_job(case.export.export_bundle(tmp_path / "out"))
    record = json.loads((manifest.folder / "internal" / "detection-coverage.json").read_text())
    assert record["complete"] is True
    assert record["exported_without_complete_detection"] is None


def test_a_dpo_decision_with_a_reason_lets_export_go_ahead_and_is_recorded(
    case: CaseSession, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDeniedError):
        case.export.waive_detection("Read in full")  # the officer is not a DPO
    dpo = CaseSession.open(case.folder, "dpo.lead")
    try:
        with pytest.raises(Exception, match="needs a reason"):
            dpo.export.waive_detection("  ")
        dpo.export.waive_detection("Every message was read in full by two reviewers")
    finally:
        dpo.close()
    manifest = run_job(case.export.export_bundle(tmp_path / "out"))
    record = json.loads((manifest.folder / "internal" / "detection-coverage.json").read_text())
    waiver = record["exported_without_complete_detection"]
    assert waiver["by"] == "dpo.lead"
    assert waiver["reason"] == "Every message was read in full by two reviewers"
    with case.store.read() as conn:
        assert [e.user for e in audit.entries(conn, "detection-waived")] == ["dpo.lead"]
    # The decision covers that disclosure set only: a changed set needs a new one.
    with case.store.read() as conn:
        extra = int(conn.exec_driver_sql("SELECT min(id) FROM messages").scalar_one())
    case.scope.remove_from_disclosure([extra], "Not relevant after all")
    with pytest.raises(ExportBlockedError, match=r"never scanned|not been run"):
        run_job(case.export.export_bundle(tmp_path / "out2"))


KILLED_EXPORT = """
import sys, time
from pathlib import Path
import sar_desk.export.bundle as bundle
from sar_desk.app.session import CaseSession
from sar_desk.core.jobs import run_job

folder, dest = Path(sys.argv[1]), Path(sys.argv[2])
real = bundle.default_writers

def stall(render, letter, ctx):
    (folder.parent / "ready").write_text("x")
    time.sleep(60)

bundle.default_writers = lambda options: [*real(options), stall]
session = CaseSession.open(folder, "officer")
run_job(session.export.export_bundle(dest))
"""


def test_a_killed_export_leaves_nothing_once_the_next_export_starts(
    case: CaseSession, tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    import signal
    import subprocess
    import sys
    import time

    run_job(case.detection.run_detection(scope="in-scope", detector=fake_detector))
    _decide_everything(case)
    first = tmp_path / "first"
    first.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(case.folder), str(first / "out")],
        stderr=subprocess.PIPE,
    )
    end = time.monotonic() + 60
    while not (tmp_path / "ready").exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < end
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    partial = [p for p in first.iterdir() if ".partial-" in p.name]
    assert len(partial) == 1  # what SIGKILL leaves: nothing could clean up
    assert stat.S_IMODE(partial[0].stat().st_mode) == 0o700  # private meanwhile
    run_job(case.export.export_bundle(tmp_path / "second" / "out"))  # elsewhere
    assert list(first.iterdir()) == []
