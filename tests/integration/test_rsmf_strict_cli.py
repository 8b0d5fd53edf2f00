"""RSMF times without a UTC offset: imported with a warning, refused with --strict (issue 14)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sar_desk.cli.main import cli

RSMF = Path(__file__).resolve().parents[1] / "data" / "importers" / "rsmf"
OFFSETLESS = RSMF / "offsetless" / "rsmf_manifest.json"  # hand-written, one time without offset


def _new_case(case: Path) -> None:
    args = ["case", "new", str(case), "--regime", "sar", "--reference", "SAR-RSMF-1"]
    args += ["--received", "2026-07-10", "--requester", "Priya Shah", "--as", "officer"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_offsetless_rsmf_imports_with_a_warning(tmp_path: Path) -> None:
    case = tmp_path / "case"
    _new_case(case)
    args = ["import", str(case), str(OFFSETLESS), "--as", "officer"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "2 messages" in result.output
    assert "1 event times have no UTC offset" in result.output


def test_strict_refuses_offsetless_rsmf(tmp_path: Path) -> None:
    case = tmp_path / "case"
    _new_case(case)
    args = ["import", str(case), str(OFFSETLESS), "--strict", "--as", "officer"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert "NOT IMPORTED" in result.output
    assert "no UTC offset" in result.output
