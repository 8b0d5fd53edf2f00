"""New cases are encrypted by default (issue 18 item 1: "Encryption is the default for new
cases once it is proven"): the organisation profile's `encrypt_new_cases` decides when the
creator does not, a script without a passphrase is refused rather than given a plain case, and
`--no-encrypt` / `org set --encrypt-new-cases no` are the ways out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sar_desk.app.encryption import is_encrypted
from sar_desk.app.organisation import load_profile, profile_path, update_profile
from sar_desk.cli.main import cli
from sar_desk.core.organisation import OrgProfile, encrypts_new_cases
from sar_desk.store import case_keys
from sar_desk.store.case_keys import KdfCost

SECRET = "a long enough case passphrase"
NEW = ("--regime", "sar", "--reference", "SAR-DEF-1", "--received", "2026-05-05")


@pytest.fixture(autouse=True)
def cheap_kdf_and_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    # A cheap Argon2id keeps the suite fast; the fail backend is what a headless Linux has.
    monkeypatch.setattr(case_keys, "DEFAULT_COST", KdfCost(1, 1024, 1))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("SAR_DESK_PASSPHRASE", raising=False)


def new_case(case: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["case", "new", str(case), *NEW, *extra], env=env)
    return result.exit_code, result.output


def plain_sqlite(case: Path) -> bool:
    """Whether case.db opens as an ordinary SQLite file (an encrypted one does not)."""
    try:
        with sqlite3.connect(case / "case.db") as db:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def test_the_profile_setting_reads_yes_unless_it_says_no() -> None:
    assert encrypts_new_cases(None)  # no profile at all: encrypt
    assert encrypts_new_cases(OrgProfile())  # a profile that never set it: encrypt
    assert encrypts_new_cases(OrgProfile(encrypt_new_cases="")) is True
    for off in ("no", "No", " no "):
        assert not encrypts_new_cases(OrgProfile(encrypt_new_cases=off))


def test_a_new_case_is_encrypted_when_the_profile_does_not_say_otherwise(tmp_path: Path) -> None:
    update_profile({"encrypt_new_cases": "yes"})
    case = tmp_path / "case"
    code, out = new_case(case, env={"SAR_DESK_PASSPHRASE": SECRET})
    assert code == 0, out
    assert "(encrypted)" in out
    assert is_encrypted(case)
    assert not plain_sqlite(case)


def test_with_no_profile_at_all_new_cases_are_encrypted(tmp_path: Path) -> None:
    profile_path().unlink()
    case = tmp_path / "case"
    code, out = new_case(case, env={"SAR_DESK_PASSPHRASE": SECRET})
    assert code == 0, out
    assert is_encrypted(case)


def test_a_script_without_a_passphrase_is_refused_not_given_a_plain_case(tmp_path: Path) -> None:
    update_profile({"encrypt_new_cases": "yes"})
    case = tmp_path / "case"
    code, out = new_case(case)  # CliRunner's stdin is not a terminal
    assert code == 2
    assert "New cases are encrypted" in out
    assert "--no-encrypt" in out
    assert "SAR_DESK_PASSPHRASE" in out
    assert not (case / "case.db").exists()


def test_no_encrypt_makes_one_plain_case(tmp_path: Path) -> None:
    update_profile({"encrypt_new_cases": "yes"})
    case = tmp_path / "case"
    code, out = new_case(case, "--no-encrypt")
    assert code == 0, out
    assert "(encrypted)" not in out
    assert not is_encrypted(case)
    assert plain_sqlite(case)


def test_the_organisation_can_turn_the_default_off_and_encrypt_still_wins(
    tmp_path: Path,
) -> None:
    result = CliRunner().invoke(cli, ["org", "set", "--encrypt-new-cases", "no"])
    assert result.exit_code == 0, result.output
    profile = load_profile()
    assert profile is not None
    assert profile.encrypt_new_cases == "no"
    code, out = new_case(tmp_path / "plain")
    assert code == 0, out
    assert not is_encrypted(tmp_path / "plain")
    code, out = new_case(tmp_path / "locked", "--encrypt", env={"SAR_DESK_PASSPHRASE": SECRET})
    assert code == 0, out
    assert is_encrypted(tmp_path / "locked")
