"""A failed commit at the end of an import leaves no kept files behind (originals, attachments).

Everything before the commit already cleaned up after itself; this covers the commit itself
failing (a full disk or a lock at COMMIT), after the files were written.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

import sar_desk.app.ingest as ingest
from sar_desk.app.session import CaseSession
from sar_desk.core.jobs import run_job
from sar_desk.core.model import Case, Regime
from sar_desk.core.search import SearchQuery
from sar_desk.store.uow import UnitOfWork
from tests.unit.attachments import files

CHAT = "14/03/2026, 09:30 - Sam Patel: IMG-0001.jpg (file attached)\nthe notice\n"


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_failed_commit_removes_the_files_the_import_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "WhatsApp Chat with Housing.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("WhatsApp Chat with Housing.txt", CHAT)
        archive.writestr("IMG-0001.jpg", files.photo())
    record = Case(reference="SAR-COMMIT", regime=Regime.SAR, received=date(2026, 5, 5))
    session = CaseSession.create(tmp_path / "case", record, user="officer")
    try:
        kept_dirs = [session.folder / "originals", session.folder / "attachments"]
        before = {d: _files_under(d) if d.exists() else [] for d in kept_dirs}
        real = ingest.unit_of_work

        @contextmanager
        def failing_commit(store: object, *, write: bool = False) -> Iterator[UnitOfWork]:
            with real(store, write=write) as uow:  # type: ignore[arg-type]
                yield uow
                if write:  # the block finished; its commit "fails", so it rolls back
                    raise OSError("disk full")

        monkeypatch.setattr(ingest, "unit_of_work", failing_commit)
        with pytest.raises(OSError, match="disk full"):
            run_job(session.ingest.import_files([export]))
        monkeypatch.undo()
        assert session.ingest.sources() == []
        assert session.search.count(SearchQuery()) == 0
        for d in kept_dirs:
            after = _files_under(d) if d.exists() else []
            assert [f for f in after if not f.startswith(".")] == [
                f for f in before[d] if not f.startswith(".")
            ], d
        # And the same export imports cleanly afterwards, photo included.
        run_job(session.ingest.import_files([export]))
        assert len(session.ingest.sources()) == 1
        assert _files_under(session.folder / "attachments")
    finally:
        session.close()
