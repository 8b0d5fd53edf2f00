"""The detection job on an imported case: proposals, policy, resume after cancel, the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sar_desk.app import detection as app_detection
from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.errors import Cancelled
from sar_desk.core.jobs import CancelToken, run_job
from sar_desk.core.model import Case, Regime
from sar_desk.detect.detector import DetectionPool, InProcessDetector
from sar_desk.detect.engine import blank_nlp_engine, build_analyzer, load_recognizer_set
from sar_desk.store import audit
from sar_desk.store.detection import list_runs

REGISTRY = Path(__file__).resolve().parents[2] / "resources" / "detect" / "recognizers-uk-v2.yaml"

CHAT = (
    "12/01/2026, 09:15 - Sam Patel: hi Alex, can you call Priya on 07700 900123?\n"
    "12/01/2026, 09:16 - Alex Morgan: sure, my number is 07911 123456\n"
    "12/01/2026, 09:17 - Sam Patel: Priya's NHS number is 943 476 5919, 12 High Street\n"
    "12/01/2026, 09:18 - Sam Patel added 07911 654321\n"
    "12/01/2026, 09:19 - Jo Bloggs: tell priya the DOB 14/03/1987 is wrong\n"
    "12/01/2026, 09:20 - Jo Bloggs: Priya Shah.vcf (file attached)\n"
)


@pytest.fixture(scope="module")
def fake_detector() -> InProcessDetector:
    settings = load_recognizer_set(REGISTRY)
    engine = blank_nlp_engine(settings, ["Priya", "Sam Patel", "Jo Bloggs"])
    return InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))


def make_case(folder: Path, chat: str, regime: Regime = Regime.SAR) -> CaseSession:
    case = Case(
        reference="SAR-DET-1",
        regime=regime,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        aliases=("+44 7911 123456",),
        scope_from=date(2026, 1, 1),
        scope_to=date(2026, 1, 31),
    )
    session = CaseSession.create(folder, case, user="officer")
    export = folder.parent / f"{folder.name}-chat.txt"
    export.write_text(chat, encoding="utf-8")
    run_job(session.ingest.import_files([export], day_first=True))
    return session


def stored(session: CaseSession) -> list[tuple[Any, ...]]:
    with session.store.read() as conn:
        rows = conn.exec_driver_sql(
            'SELECT message_id, field, start, "end", text, entity_type FROM findings '
            "ORDER BY message_id, field, start, text"
        ).all()
    return [tuple(r) for r in rows]


@pytest.fixture
def case(tmp_path: Path) -> Iterator[CaseSession]:
    session = make_case(tmp_path / "case", CHAT)
    yield session
    session.close()


def test_detection_proposes_third_parties_and_never_the_requester(
    case: CaseSession, fake_detector: InProcessDetector
) -> None:
    summary = run_job(case.detection.run_detection(detector=fake_detector))
    rows = stored(case)
    texts = {(r[1], r[4], r[5]) for r in rows}
    assert ("sender", "Sam Patel", "PERSON") in texts
    assert ("text", "07700 900123", "PHONE_NUMBER") in texts
    assert ("text", "943 476 5919", "UK_NHS") in texts
    assert ("text", "12 High Street", "STREET_ADDRESS") in texts
    assert ("text", "14/03/1987", "DATE_OF_BIRTH") in texts
    assert ("attachment", "Priya Shah.vcf", "PERSON") in texts
    assert ("text", "07911 654321", "PHONE_NUMBER") in texts  # system line
    assert ("text", "priya", "PERSON") in texts
    assert not any("Alex" in t or "07911 123456" in t or "7911123456" in t for _f, t, _e in texts)
    assert summary.scanned == 6
    assert summary.findings == len(rows)
    with case.store.read() as conn:
        entry = audit.entries(conn, "detection")[-1]
    assert entry.details["findings"] == len(rows)
    assert entry.details["status"] == "finished"
    section = next(s for s in case.summary_sections() if s.title == "Detection")
    assert section.data["proposals"]["PERSON"] >= 3


def test_foi_case_proposes_the_requester_under_s40_1(
    tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    session = make_case(tmp_path / "foi", CHAT, Regime.FOI)
    try:
        run_job(session.detection.run_detection(detector=fake_detector))
        with session.store.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT text, explanation FROM findings WHERE text LIKE '%7911 123456%'"
            ).all()
    finally:
        session.close()
    assert rows
    assert all("s.40(1)" in why for _t, why in rows)


def test_cancel_midway_then_resume_scans_everything_once(
    tmp_path: Path, fake_detector: InProcessDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_detection, "BATCH", 20)
    lines = [
        f"13/01/2026, 10:{i % 60:02d} - Sam Patel: note {i} for Priya, ring 0113 496 0{i:03d}"
        for i in range(90)
    ]
    chat = CHAT + "\n".join(lines) + "\n"
    session = make_case(tmp_path / "a", chat)
    reference = make_case(tmp_path / "b", chat)
    try:
        cancel = CancelToken()
        job = session.detection.run_detection(detector=fake_detector, cancel=cancel)
        scanning = 0
        with pytest.raises(Cancelled):  # noqa: PT012 - drive the generator by hand
            for progress in job:
                if progress.message.startswith("Scanning"):
                    scanning += 1
                    if scanning == 2:
                        cancel.cancel()
        with session.store.read() as conn:
            first = list_runs(conn)[-1]
        assert first.status == "cancelled"
        assert 0 < first.scanned < 96
        partial = stored(session)
        summary = run_job(session.detection.run_detection(detector=fake_detector))
        assert summary.skipped == first.scanned
        assert summary.scanned == 96 - first.scanned
        run_job(reference.detection.run_detection(detector=fake_detector))
        resumed, full = stored(session), stored(reference)
        assert len(resumed) == len(set(resumed))
        assert set(partial) <= set(resumed)
        assert resumed == full
        again = run_job(session.detection.run_detection(detector=fake_detector))
        assert (again.scanned, again.findings) == (0, 0)
        assert stored(session) == full
    finally:
        session.close()
        reference.close()


def test_a_worker_pool_runs_whole_pages_ahead_and_stores_the_same_findings(
    tmp_path: Path, fake_detector: InProcessDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_detection, "BATCH", 8)  # pages of 8, each one worker's job
    lines = [
        f"13/01/2026, 11:{i % 60:02d} - Jo Bloggs: visit {i} with Priya, ring 0113 496 0{i:03d}"
        for i in range(70)
    ]
    chat = CHAT + "\n".join(lines) + "\n"
    session = make_case(tmp_path / "a", chat)
    reference = make_case(tmp_path / "b", chat)
    pool = DetectionPool(REGISTRY, workers=2, local=fake_detector, share=True)
    handed: list[int] = []
    submit = pool.submit
    monkeypatch.setattr(
        pool, "submit", lambda page, titles: handed.append(len(page)) or submit(page, titles)
    )
    try:
        cancel = CancelToken()
        job = session.detection.run_detection(detector=pool, workers=2, cancel=cancel)
        at_first_page: list[int] = []
        with pytest.raises(Cancelled):  # noqa: PT012 - drive the generator by hand
            for progress in job:
                if progress.message.startswith("Scanning") and not at_first_page:
                    at_first_page = list(handed)
                if progress.message.startswith("Scanning") and progress.done >= 32:
                    cancel.cancel()
        # When the first page was stored, two more were already with the workers.
        assert at_first_page == [8, 8, 8]
        partial = stored(session)
        assert partial
        run_job(session.detection.run_detection(detector=pool, workers=2))
        run_job(reference.detection.run_detection(detector=fake_detector))
        resumed, full = stored(session), stored(reference)
        assert len(resumed) == len(set(resumed))
        assert set(partial) <= set(resumed)
        assert resumed == full
    finally:
        pool.close()
        session.close()
        reference.close()


def test_in_scope_detection_only_scans_messages_in_the_scope_dates(
    tmp_path: Path, fake_detector: InProcessDetector
) -> None:
    chat = CHAT + "03/02/2026, 09:00 - Sam Patel: outside the scope, ring 07911 654999\n"
    session = make_case(tmp_path / "s", chat)
    try:
        summary = run_job(session.detection.run_detection(scope="in-scope", detector=fake_detector))
        assert summary.scanned == 6
        assert not any("654999" in r[4] for r in stored(session))
    finally:
        session.close()


def test_cli_detect_prints_counts_and_json(
    case: CaseSession, fake_detector: InProcessDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = case.folder
    case.close()
    monkeypatch.setattr(app_detection, "default_detector", lambda model, workers: fake_detector)
    monkeypatch.setattr(fake_detector, "close", lambda: None)
    result = CliRunner().invoke(cli, ["detect", str(folder), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scanned"] == 6
    assert data["by_entity"]["PHONE_NUMBER"] >= 2
    result = CliRunner().invoke(cli, ["detect", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Scanned 0 messages (6 already scanned)" in result.stdout
    shown = CliRunner().invoke(cli, ["case", "show", str(folder)], catch_exceptions=False)
    assert "Detection" in shown.stdout
    assert "PHONE_NUMBER:" in shown.stdout


def test_cli_reports_a_missing_model_in_one_line(case: CaseSession) -> None:
    folder = case.folder
    case.close()
    result = CliRunner().invoke(cli, ["detect", str(folder), "--model", "no_such_model_xyz"])
    assert result.exit_code == 1
    assert "not installed" in result.stderr
    assert "Traceback" not in result.stderr


def _quorvane_cases(
    tmp_path: Path, other_line: Callable[[int], str], count: int
) -> tuple[InProcessDetector, CaseSession, CaseSession]:
    """Two cases of the same chat and a detector whose model finds only "Reece Quorvane".

    "Quorvane" is in no list: only the spread of the model's one find (message 3) reaches
    the other messages, whose text is `other_line(i)`.
    """
    settings = load_recognizer_set(REGISTRY)
    engine = blank_nlp_engine(settings, ["Reece Quorvane"])
    detector = InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))
    lines = [
        f"13/01/2026, 12:{i:02d} - Jo Bloggs: "
        + ("Reece Quorvane rang about the rota" if i == 3 else other_line(i))
        for i in range(count)
    ]
    chat = CHAT + "\n".join(lines) + "\n"
    return detector, make_case(tmp_path / "a", chat), make_case(tmp_path / "b", chat)


def test_a_worker_pool_matches_spread_names_and_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_detection, "BATCH", 4)  # pages of 4, spread pages of 16
    detector, session, reference = _quorvane_cases(
        tmp_path, lambda i: f"the rota from quorvane is late, shift {i}", 40
    )
    pool = DetectionPool(REGISTRY, workers=2, local=detector, share=True)
    parts: list[int] = []
    submit = pool.submit_spread
    monkeypatch.setattr(
        pool,
        "submit_spread",
        lambda names, items, settled: parts.append(len(items)) or submit(names, items, settled),
    )
    try:
        summary = run_job(session.detection.run_detection(detector=pool, workers=2))
        expected = run_job(reference.detection.run_detection(detector=detector))
        assert parts  # the workers matched the spread names
        assert summary.propagated == expected.propagated >= 39
        assert stored(session) == stored(reference)
    finally:
        pool.close()
        session.close()
        reference.close()


def test_the_spread_pass_reuses_the_masked_regions_the_scan_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_detection, "BATCH", 4)
    detector, session, reference = _quorvane_cases(
        tmp_path, lambda i: f"lorem ipsum quorvane {i}\nquorvane is late", 12
    )
    pool = DetectionPool(REGISTRY, workers=2, local=detector, share=True)
    try:
        summary = run_job(session.detection.run_detection(detector=pool, workers=2))
        expected = run_job(reference.detection.run_detection(detector=detector))
        # The scan's workers sent back every filler region; the name inside filler is never
        # proposed, the one on the next line is, exactly as in one process.
        assert len(pool._masked) == 11
        assert summary.propagated == expected.propagated >= 11
        assert stored(session) == stored(reference)
    finally:
        pool.close()
        session.close()
        reference.close()


def test_spread_hits_read_the_regions_given_instead_of_finding_them() -> None:
    from sar_desk.core.model import MessageId
    from sar_desk.detect.case_terms import CaseContext
    from sar_desk.detect.mask import regions
    from sar_desk.detect.propagate import spread_hits

    context = CaseContext(regime=Regime.SAR).with_propagated(["Quorvane"])
    text = "see https://example.org/quorvane/rota"
    items = [(MessageId(1), text)]
    assert spread_hits(items, context) == {}  # inside the link
    assert spread_hits(items, context, {1: regions(text)}) == {}
    # Told the message has no masked region, the pass takes its word for it.
    assert list(spread_hits(items, context, {})) == [1]


LESSONS = (
    "12/01/2026, 09:15 - Sam Patel: Lesson booked: Tues 4pm\n"
    "12/01/2026, 09:16 - Sam Patel: Lesson moved. Wed 5pm now\n"
    "12/01/2026, 09:17 - Jo Bloggs: cancelled late, lesson fee charged\n"
    "12/01/2026, 09:18 - Jo Bloggs: Notes sent. Lesson plan is fine\n"
)


def test_a_common_word_that_only_opens_sentences_never_spreads(
    tmp_path: Path,
) -> None:
    # The stand-in NER reads "Lesson" as a name where a sentence opens, as spaCy does.
    settings = load_recognizer_set(REGISTRY)
    engine = blank_nlp_engine(settings, ["Lesson", "Sam Patel", "Jo Bloggs"])
    detector = InProcessDetector(build_analyzer(REGISTRY, nlp_engine=engine))
    session = make_case(tmp_path / "case", LESSONS)
    try:
        run_job(session.detection.run_detection(detector=detector))
        texts = [row[4] for row in stored(session)]
    finally:
        session.close()
    # Found only where sentences open, the word is not spread to the third message.
    assert "lesson" not in texts
