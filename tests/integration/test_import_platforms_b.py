"""Importing one export of each issue-3b platform into a case, atomically."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sar_desk.app.importing import ImportFailure
from sar_desk.app.ingest import ImportResult
from sar_desk.core.errors import Hint
from sar_desk.core.jobs import run_job
from sar_desk.importers import importer_for

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
SAMPLES = {
    "teams": DATA / "teams" / "graph_array.json",
    "signal": DATA / "signal" / "chats",
    "messenger": DATA / "messenger" / "download",
    "sms": DATA / "sms" / "basic.xml",
    "rsmf": DATA / "rsmf" / "valid_2.rsmf",
}


def test_each_sample_is_recognised_by_its_own_importer() -> None:
    for platform, path in SAMPLES.items():
        assert importer_for(path).platform == platform, path


def test_one_of_each_imports_into_a_case(session: Any, tmp_path: Path) -> None:
    paths = []
    for platform, path in SAMPLES.items():
        target = tmp_path / f"{platform}-{path.name}"
        (shutil.copytree if path.is_dir() else shutil.copy)(path, target)
        paths.append(target)
    outcomes = run_job(session.ingest.import_files(paths))
    failures = [o for o in outcomes if isinstance(o, ImportFailure)]
    assert not failures, [f.message for f in failures]
    results = {o.platform: o for o in outcomes if isinstance(o, ImportResult)}
    assert set(results) == set(SAMPLES)
    assert results["sms"].messages == 8
    assert results["rsmf"].system == 4
    assert results["teams"].issues
    assert len(session.ingest.sources()) == 5


def test_a_failing_import_leaves_no_source(session: Any, tmp_path: Path) -> None:
    good = tmp_path / "sms-20260430120000.xml"
    shutil.copy(DATA / "sms" / "basic.xml", good)
    bad = tmp_path / "strict.rsmf"
    shutil.copy(DATA / "rsmf" / "mistakes.rsmf", bad)
    evil = tmp_path / "sms-evil.xml"
    evil.write_bytes(
        b'<?xml version="1.0"?>\n<!DOCTYPE smses [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<smses count="1"><sms address="1" date="1700000000000" type="1" body="&x;" /></smses>\n'
    )
    outcomes = run_job(session.ingest.import_files([bad, good, evil]))
    assert isinstance(outcomes[0], ImportFailure)
    assert "lenient import" in outcomes[0].message
    assert outcomes[0].hint is Hint.LENIENT_IMPORT
    assert isinstance(outcomes[1], ImportResult)
    assert isinstance(outcomes[2], ImportFailure)
    assert "DTD" in outcomes[2].message
    assert [s.platform for s in session.ingest.sources()] == ["sms"]
    originals = session.folder / "originals"
    assert sorted(p.name.split("-", 2)[-1] for p in originals.iterdir()) == [good.name]
