"""``sar-desk org set|show`` and the letters that use the profile (issue 13 item 1).

Sources: UK GDPR Art. 15(1)(a)-(h) and 15(2) (supplementary information comes from the
controller's own records); FOIA s.17 / FOISA s.16 notices name the authority; domain.md §2.6.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from sar_desk.cli.main import cli


def run(*args: str, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.stderr
    return result.stdout, result.stderr


def not_held_case(folder: Path, regime: str = "foi") -> None:
    run("case", "new", str(folder), "--no-encrypt", "--regime", regime, "--reference", "REQ-9",
        "--received", "2026-06-01")  # fmt: skip
    run("case", "outcome", str(folder), "--not-held", "--reason", "No such chat exists")


def pdf_text(out: Path) -> str:
    pdf = next((out / "pack").glob("*.pdf"))
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())


def test_org_set_is_saved_in_the_config_dir_and_shown(
    tmp_path: Path, organisation_profile: Path
) -> None:
    organisation_profile.unlink()
    out, _ = run("org", "show", "--json")
    assert json.loads(out)["set"] is False
    run("org", "set", "--name", "Northvale Housing Trust", "--address", "1 Quay St, Northvale",
        "--dpo-email", "dpo@northvale.example", "--requests-email", "info@northvale.example",
        "--controller-type", "company", "--jurisdiction", "scotland")  # fmt: skip
    assert organisation_profile.exists()  # platformdirs under XDG_CONFIG_HOME
    shown = json.loads(run("org", "show", "--json")[0])
    assert shown["name"] == "Northvale Housing Trust"
    assert shown["jurisdiction"] == "scotland"
    assert shown["controller_type"] == "company"


def test_export_refuses_without_a_profile_naming_what_is_missing(
    tmp_path: Path, organisation_profile: Path
) -> None:
    organisation_profile.unlink()
    not_held_case(tmp_path / "c")
    _, err = run("export", str(tmp_path / "c"), str(tmp_path / "out"), code=1)
    assert "organisation profile is not complete" in err
    assert "organisation name; postal address; DPO e-mail; requests e-mail" in err
    assert "sar-desk org set --name TEXT --address TEXT" in err
    assert not (tmp_path / "out").exists()


def test_letter_names_the_organisation_set_and_never_the_demo(
    tmp_path: Path, organisation_profile: Path
) -> None:
    organisation_profile.unlink()
    run("org", "set", "--name", "Northvale Housing Trust", "--address", "1 Quay St, Northvale",
        "--dpo-email", "dpo@northvale.example",
        "--requests-email", "info@northvale.example")  # fmt: skip
    not_held_case(tmp_path / "c")
    run("export", str(tmp_path / "c"), str(tmp_path / "out"))
    text = pdf_text(tmp_path / "out")
    assert "Northvale Housing Trust, 1 Quay St, Northvale" in text
    assert "info@northvale.example" in text
    assert "Demo Borough Council" not in text


def test_a_case_can_override_the_profile(tmp_path: Path) -> None:
    not_held_case(tmp_path / "c", "foisa")
    run("org", "set", "--case", str(tmp_path / "c"), "--name", "Glenbrae Council")
    assert (
        json.loads(run("org", "show", "--case", str(tmp_path / "c"), "--json")[0])["name"]
        == "Glenbrae Council"
    )
    run("export", str(tmp_path / "c"), str(tmp_path / "out"))
    text = pdf_text(tmp_path / "out")
    assert "Glenbrae Council" in text
    assert "Testshire County Council" not in text
    assert json.loads(run("org", "show", "--json")[0])["name"] == "Testshire County Council"


def test_sar_needs_the_controllers_own_art_15_statements(
    tmp_path: Path, organisation_profile: Path
) -> None:
    """Art. 15(1)(d), (h) and 15(2) are facts only the controller can state: no default."""
    organisation_profile.unlink()
    run("org", "set", "--name", "N", "--address", "A", "--dpo-email", "d@n.example",
        "--requests-email", "r@n.example")  # fmt: skip
    run("case", "new", str(tmp_path / "s"), "--no-encrypt", "--regime", "sar", "--reference", "S",
        "--received", "2026-06-01")  # fmt: skip
    _, err = run("export", str(tmp_path / "s"), str(tmp_path / "out"), code=1)
    assert "retention period for chat records (Art. 15(1)(d))" in err
    assert "whether automated decision-making is used (Art. 15(1)(h))" in err
    assert "transfers outside the UK and their safeguards (Art. 15(2))" in err
    assert "--retention-text TEXT --automated-decisions TEXT --transfers TEXT" in err


def test_new_sar_case_takes_the_profiles_jurisdiction(tmp_path: Path) -> None:
    """A Scottish controller's SAR deadline uses Scottish bank holidays by default."""
    run("org", "set", "--jurisdiction", "scotland")
    run("case", "new", str(tmp_path / "s"), "--no-encrypt", "--regime", "sar", "--reference", "S",
        "--received", "2026-05-15")  # fmt: skip
    out, _ = run("case", "show", str(tmp_path / "s"), "--json")
    assert "Scotland bank holidays" in " ".join(json.loads(out)["deadline"]["derivation"])
