"""``case update --fee-notice`` and ``case new --regime eisr`` from the command line.

Sources: FOIA 2000 s.10(2) (fees notice disregard); EISR 2004 reg. 5(2)(a) with FOISA s.73
working days; domain.md corrections (2026-12-05) worked examples.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sar_desk.cli.main import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def new(folder: Path, regime: str, received: str) -> str:
    code, out, err = run(
        "case", "new", str(folder), "--regime", regime, "--reference", "R1", "--received", received
    )
    assert code == 0, err
    return out


def test_fee_notice_and_fee_received_move_a_foia_deadline(tmp_path: Path) -> None:
    """FOIA s.10(2): received 2026-06-01, notice 06-03, fee 06-10 -> due Wed 8 Jul 2026."""
    folder = tmp_path / "c"
    assert "Due: Tue 30 Jun 2026" in new(folder, "foi", "2026-06-01")
    code, out, err = run(
        "case",
        "update",
        str(folder),
        "--fee-notice",
        "2026-06-03",
        "--fee-received",
        "2026-06-10",
    )
    assert code == 0, err
    assert "Due: Wed 08 Jul 2026" in out
    assert "disregarded (s.10(2) FOIA)" in out
    code, out, _ = run("case", "show", str(folder), "--json")
    assert json.loads(out)["deadline"]["due"] == "2026-07-08"


def test_fee_received_before_the_notice_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    new(folder, "foi", "2026-06-01")
    code, _, err = run(
        "case", "update", str(folder), "--fee-notice", "2026-06-10", "--fee-received", "2026-06-03"
    )
    assert code == 1
    assert "before the fees notice was given" in err
    code, out, _ = run("case", "show", str(folder), "--json")
    assert json.loads(out)["deadline"]["due"] == "2026-06-30"


def test_eisr_case_is_due_on_the_20th_scottish_working_day(tmp_path: Path) -> None:
    """EISR reg. 5(2)(a): received Thu 2026-03-26 -> Fri 24 Apr 2026 (Easter Monday worked)."""
    out = new(tmp_path / "c", "eisr", "2026-03-26")
    assert "Due: Fri 24 Apr 2026" in out
    code, out, _ = run("case", "show", str(tmp_path / "c"))
    assert code == 0
    assert "Environmental Information (Scotland) Regulations 2004" in out
