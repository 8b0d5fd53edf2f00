"""A team case's scratch folder: private, and swept when the process that made it is gone."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sar_desk.store.pg.case_store import SCRATCH_PREFIX, new_scratch


@pytest.mark.skipif(sys.platform == "win32", reason="the sweep is POSIX only")
def test_scratch_folders_of_dead_processes_are_swept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = tmp_path / f"{SCRATCH_PREFIX}{int(gone.stdout)}-abc"
    (stale / "originals").mkdir(parents=True)
    (stale / "originals" / "chat.txt").write_text("synthetic", encoding="utf-8")
    (stale / "originals" / "chat.txt").chmod(0o400)
    live = tmp_path / f"{SCRATCH_PREFIX}{os.getpid()}-def"
    live.mkdir()
    fresh = new_scratch()
    assert not stale.exists()
    assert live.exists()
    assert fresh.parent == tmp_path
    assert fresh.name.startswith(f"{SCRATCH_PREFIX}{os.getpid()}-")
    assert fresh.stat().st_mode & 0o777 == 0o700
