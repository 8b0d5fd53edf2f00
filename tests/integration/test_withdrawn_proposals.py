"""Withdrawing proposals after the whole case is read: only those not yet in the review queue."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from sar_desk.app.detection_scan import Scanned
from sar_desk.app.detection_things import withdraw_things
from sar_desk.app.session import CaseSession
from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.core.model import Case, MessageId, Regime
from sar_desk.core.records import Selection
from sar_desk.detect import gazetteer
from sar_desk.store import decisions, withdrawn
from sar_desk.store import detection as store_detection
from sar_desk.store.findings import findings_for, save_findings

_ALL = Selection()
GAZETTEERS = Path(__file__).resolve().parents[2] / "resources" / "detect" / "gazetteers"
CHAT = """12/03/2026, 09:15 - Alex Morgan: Kevin the alpaca spat at the gate again
12/03/2026, 09:20 - Jo Bloggs: Kevin is fine now, Sam Carter checked him
"""


def _person(message: int, start: int, text: str, recognizer: str = "SpacyRecognizer") -> Finding:
    return Finding(
        MessageId(message),
        ProposalField.TEXT,
        start,
        start + len(text),
        text,
        "PERSON",
        0.85,
        recognizer,
    )


def _session(tmp_path: Path) -> CaseSession:
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    case = Case(
        reference="SAR-W-1", regime=Regime.SAR, received=date(2026, 5, 5), requester="Alex Morgan"
    )
    session = CaseSession.create(tmp_path / "case", case, user="officer")
    run_job(session.ingest.import_files([chat], day_first=True), lambda _p: None)
    return session


def test_only_proposals_outside_the_review_queue_are_withdrawn(tmp_path: Path) -> None:
    session = _session(tmp_path)
    try:
        with session.store.transaction() as conn:
            run = store_detection.start_run(conn, "case", "test")
            store_detection.add_progress(conn, run, [1, 2], 0)
            save_findings(conn, [_person(1, 0, "Kevin")])
            # The reviewer's queue takes this one in; it is part of the record from then on.
            decisions.sync_finding_items(conn)
            save_findings(
                conn,
                [
                    _person(2, 0, "Kevin"),
                    _person(2, 27, "Sam Carter"),
                    _person(2, 27, "Sam Carter", recognizer="CaseDenyList"),
                ],
            )
            listed = withdrawn.person_proposals(conn, exclude=["CaseDenyList"])
            assert [(m, t, held) for _i, m, t, held in listed] == [
                (1, "Kevin", True),
                (2, "Kevin", False),
                (2, "Sam Carter", False),
            ]
            # Only the findings on messages a given run scanned (this run scanned messages 1 and 2).
            assert len(withdrawn.person_proposals(conn, run_id=run)) == 4
            assert withdrawn.person_proposals(conn, run_id=run + 1) == []
            kevins = [i for i, _m, t, _h in listed if t == "Kevin"]
            assert withdrawn.withdraw_proposals(conn, kevins) == 1
            left = [(int(f.message_id), f.text, f.recognizer) for f in findings_for(conn, [1, 2])]
        assert left == [
            (1, "Kevin", "SpacyRecognizer"),
            (2, "Sam Carter", "SpacyRecognizer"),
            (2, "Sam Carter", "CaseDenyList"),
        ]
    finally:
        session.close()


def test_withdrawing_nothing_or_unknown_ids_changes_nothing(tmp_path: Path) -> None:
    session = _session(tmp_path)
    try:
        with session.store.transaction() as conn:
            save_findings(conn, [_person(1, 0, "Kevin")])
            assert withdrawn.withdraw_proposals(conn, []) == 0
            assert withdrawn.withdraw_proposals(conn, [9999]) == 0
            assert len(findings_for(conn, [1])) == 1
    finally:
        session.close()


@pytest.mark.parametrize("in_memory", [True, False])
def test_the_job_step_reads_the_case_from_memory_or_from_the_store(
    tmp_path: Path, in_memory: bool
) -> None:
    # The step reads where names stand with the shipped word lists, as the job's process has
    # them once its detector is made.
    gazetteer.use(GAZETTEERS)
    session = _session(tmp_path)
    try:
        with session.store.transaction() as conn:
            run = store_detection.start_run(conn, "case", "test")
            store_detection.add_progress(conn, run, [1, 2], 0)
            save_findings(conn, [_person(1, 0, "Kevin"), _person(2, 0, "Kevin")])
            save_findings(conn, [_person(2, 27, "Sam Carter")])
            texts = {int(m.id): m.text for m in store_detection.scanned_page(conn, _ALL, 0, 10)}
        scanned = Scanned()
        if in_memory:
            scanned.count, scanned.texts = len(texts), texts
        else:
            scanned.count, scanned.texts = 0, None  # a resumed run: read back from the store
        counts: Counter[str] = Counter({"PERSON": 3})
        things, gone = withdraw_things(
            session.store,
            _ALL,
            run,
            SimpleNamespace(name_index={}),
            scanned,
            CancelToken(),
            counts,
            1,
        )
        assert things == frozenset({"kevin"})
        assert gone == 2
        assert counts["PERSON"] == 1
        with session.store.read() as conn:
            assert [t for _i, _m, t, _h in withdrawn.person_proposals(conn)] == ["Sam Carter"]
    finally:
        session.close()
