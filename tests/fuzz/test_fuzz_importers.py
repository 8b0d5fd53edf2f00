"""Every importer over a corpus of hostile inputs, under a memory cap and a time cap.

Each input runs in a child process limited to 1 GB of address space (``RLIMIT_AS``) and a
wall-clock timeout: sniffing and every importer must end in either records or a one-line
refusal, never a traceback, a MemoryError or a hang (issue 20 item 4).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sar_desk.importers import IMPORTERS
from tests.fuzz import corpus

RUNNER = Path(__file__).resolve().parent / "run_importers.py"
MEMORY_CAP = 1024**3
TIME_CAP = 60


@pytest.fixture(scope="module")
def outcomes(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every hostile input run once through sniffing and every importer, by file name."""
    return {p.name: _run(p) for p in corpus.build(tmp_path_factory.mktemp("hostile"))}


def _line(result: subprocess.CompletedProcess[str], who: str) -> str:
    return next(line for line in result.stdout.splitlines() if line.startswith(who + " "))


def _run(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), str(path), str(MEMORY_CAP)],
        capture_output=True,
        text=True,
        timeout=TIME_CAP,
        check=False,
    )


@pytest.mark.slow
def test_every_importer_refuses_hostile_input_in_one_line(
    outcomes: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    assert len(outcomes) > 30
    problems = []
    for name, result in outcomes.items():
        lines = result.stdout.splitlines()
        crashes = [line for line in lines if " crash " in line]
        if result.returncode or crashes or result.stderr.strip():
            problems.append(f"{name}: rc={result.returncode} {crashes} {result.stderr[-300:]}")
            continue
        peak = [int(line.split()[1]) for line in lines if line.startswith("peak_kib")]
        assert peak, f"{name}: the runner did not finish"
        assert peak[0] * 1024 < MEMORY_CAP
        # sniff, every importer, peak: one line each
        assert len(lines) == len(IMPORTERS) + 2, name
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_deep_json_is_refused_with_the_reason_even_while_sniffing(
    outcomes: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    assert "levels deep" in _line(outcomes["deep-root.json"], "sniff")
    assert "levels deep" in _line(outcomes["discord-deep.json"], "discord")
    assert "levels deep" in _line(outcomes["telegram_full-deep.zip"], "telegram")
    assert "levels deep" in _line(outcomes["messenger-deep"], "messenger")


@pytest.mark.slow
def test_zip_bomb_found_while_sniffing_names_the_bomb(
    outcomes: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    assert "zip bomb" in _line(outcomes["zip_bomb.zip"], "sniff")


@pytest.mark.slow
def test_xml_nested_deeper_than_a_backup_is_refused(
    outcomes: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    assert "levels deep" in _line(outcomes["sms-deepmarkup.xml"], "sms")
