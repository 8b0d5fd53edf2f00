"""A reader that stops early (``sar-desk formats | head -1``) is not a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_closing_the_pipe_early_writes_no_crash_report(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_STATE_HOME": str(tmp_path / "state")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["HOME"] = str(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sar_desk", "formats"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before anything is read
    _out, err = proc.communicate(timeout=120)
    text = err.decode("utf-8", "replace")
    assert "crash report" not in text
    assert "Traceback" not in text
    assert proc.returncode in (0, 1)
