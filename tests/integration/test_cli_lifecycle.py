"""``case close|hold|release|purge``, ``cases due`` and ``org set --retention`` (issue 18.3)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from sar_desk.cli.main import cli


def run(*args: str, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, (result.stdout, result.stderr)
    return result.stdout, result.stderr


def new_case(folder: Path, regime: str = "sar", received: str = "2025-01-06") -> None:
    run("case", "new", str(folder), "--regime", regime, "--reference", f"{regime.upper()}-7",
        "--received", received, "--as", "officer")  # fmt: skip


def test_hold_refuses_the_purge_and_after_release_it_runs(tmp_path: Path) -> None:
    case = tmp_path / "cases" / "one"
    cert = tmp_path / "certificate.json"
    new_case(case)
    out, _ = run("case", "close", str(case), "--closed-on", "2025-02-03", "--as", "officer")
    assert "kept for 1 year, until 03 Feb 2026" in out
    run("case", "hold", str(case), "--reason", "Internal review requested", "--as", "officer")
    _, err = run("case", "purge", str(case), "--yes", "--certificate", str(cert),
                 "--as", "officer", code=1)  # fmt: skip
    assert "legal hold" in err
    assert "sar-desk case release CASE --reason TEXT" in err
    assert not cert.exists()
    out, _ = run("cases", "due", str(tmp_path / "cases"))
    assert "No case due" in out
    run("case", "release", str(case), "--reason", "Review upheld the response", "--as", "officer")
    out, _ = run("cases", "due", str(tmp_path / "cases"), "--json")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["reference"] == "SAR-7"
    assert row["state"] == "due"
    assert row["due"] is True
    assert "requester" not in row
    out, _ = run("case", "purge", str(case), "--yes", "--certificate", str(cert), "--as", "officer")
    assert "Case SAR-7 destroyed" in out
    assert not case.exists()
    certificate = json.loads(cert.read_text(encoding="utf-8"))
    assert certificate["status"] == "complete"
    assert certificate["case"]["reference"] == "SAR-7"


def test_the_retention_date_refuses_and_the_dpo_purges_early(tmp_path: Path) -> None:
    case = tmp_path / "case"
    cert = tmp_path / "certificate.json"
    today = date.today()
    new_case(case, "foi", (today - timedelta(days=30)).isoformat())
    run("case", "close", str(case), "--as", "officer")
    run("users", str(case), "add", "dpo.lead", "--role", "dpo", "--as", "officer")
    _, err = run("case", "purge", str(case), "--yes", "--certificate", str(cert),
                 "--as", "officer", code=1)  # fmt: skip
    assert "kept until" in err
    assert "--early --reason TEXT" in err
    _, err = run("case", "purge", str(case), "--certificate", str(cert), "--as", "dpo.lead",
                 code=2)  # fmt: skip
    assert "--yes" in err
    run("case", "purge", str(case), "--yes", "--certificate", str(cert), "--early",
                 "--reason", "Erasure request upheld", "--as", "dpo.lead")  # fmt: skip
    assert not case.exists()
    assert json.loads(cert.read_text(encoding="utf-8"))["case"]["destroyed_early"] is True


def test_org_set_retention_changes_the_period_per_regime(tmp_path: Path) -> None:
    run("org", "set", "--retention", "foi=5y", "--retention", "sar=18m")
    run("org", "set", "--retention", "eir=2y")
    out, _ = run("org", "show", "--json")
    assert json.loads(out)["retention"] == "sar=18m,foi=5y,eir=2y"
    _, err = run("org", "set", "--retention", "sar=forever", code=1)
    assert "1y, 18m or 90d" in err
    case = tmp_path / "case"
    new_case(case)
    out, _ = run("case", "close", str(case), "--closed-on", "2025-02-03", "--as", "officer")
    assert "kept for 18 months, until 03 Aug 2026" in out


def test_an_open_case_is_not_due_and_cannot_be_purged(tmp_path: Path) -> None:
    case = tmp_path / "case"
    new_case(case)
    out, _ = run("cases", "due", str(case), "--all", "--json")
    assert json.loads(out)["state"] == "open"
    _, err = run("case", "purge", str(case), "--yes", "--certificate",
                 str(tmp_path / "c.json"), "--as", "officer", code=1)  # fmt: skip
    assert "still open" in err
    assert "sar-desk case close CASE" in err


def test_case_show_has_a_retention_block(tmp_path: Path) -> None:
    case = tmp_path / "case"
    new_case(case)
    out, _ = run("case", "show", str(case))
    assert "Open: retention starts when the case is closed" in out
    run("case", "close", str(case), "--closed-on", "2025-02-03", "--as", "officer")
    run("case", "hold", str(case), "--reason", "Appeal", "--as", "officer")
    out, _ = run("case", "show", str(case), "--json")
    assert json.loads(out)["retention"] == {
        "state": "on-hold",
        "period": "1y",
        "closed_on": "2025-02-03",
        "retain_until": "2026-02-03",
        "on_hold_since": date.today().isoformat(),
    }
