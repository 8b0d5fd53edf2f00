"""Who acts on a local case (issue 17): the OS account, or a case user with their passphrase."""

import os
import pwd
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sar_desk.app.base import os_account
from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli
from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import PermissionDeniedError
from sar_desk.review.roles import Role

VERA = "vera's own passphrase"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def accepted(reviewed: CaseSession, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Item 1 accepted by the officer; 'vera' a reviewer with a passphrase, 'rita' one without.

    The passphrase variables the suite sets for every test are removed here, and the session
    is closed so the command line opens the case itself.
    """
    reviewed.review.decide([1], Action.ACCEPT, code="SAR-3P", rationale="Third party; no consent")
    reviewed.review.add_user("vera", Role.REVIEWER, VERA)
    folder = reviewed.folder
    reviewed.close()
    monkeypatch.delenv("SAR_DESK_AS_PASSPHRASE")
    monkeypatch.delenv("SAR_DESK_NEW_USER_PASSPHRASE")
    return folder


def status_of(folder: Path, item: int) -> ReviewStatus:
    session = CaseSession.open(folder)
    try:
        return next(v.status for v in session.review.review_items() if v.item.id == item)
    finally:
        session.close()


def test_the_acting_user_is_the_os_account_whatever_user_and_logname_say(
    accepted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USER", "vera")
    monkeypatch.setenv("LOGNAME", "vera")
    monkeypatch.setenv("USERNAME", "vera")
    real = pwd.getpwuid(os.getuid()).pw_name
    assert os_account() == real
    session = CaseSession.open(accepted)
    try:
        assert session.user == real
    finally:
        session.close()
    # `USER=vera sar-desk review CASE approve 1` does not approve as vera.
    result = run("review", str(accepted), "approve", "1")
    assert result.exit_code == 1
    assert "vera" not in result.output
    assert status_of(accepted, 1) is ReviewStatus.ACCEPTED


def test_four_eyes_through_as_is_refused_without_the_passphrase(accepted: Path) -> None:
    result = run("review", str(accepted), "approve", "1", "--as", "vera")
    assert result.exit_code == 1
    assert "needs vera's own passphrase" in result.output
    assert "SAR_DESK_AS_PASSPHRASE" in result.output  # the shell's hint, not the domain's
    assert status_of(accepted, 1) is ReviewStatus.ACCEPTED


def test_a_wrong_passphrase_is_refused_and_the_right_one_approves(
    accepted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAR_DESK_AS_PASSPHRASE", "someone else's guess")
    result = run("review", str(accepted), "approve", "1", "--as", "vera")
    assert result.exit_code == 1
    assert "not the passphrase of vera" in result.output
    assert status_of(accepted, 1) is ReviewStatus.ACCEPTED
    monkeypatch.setenv("SAR_DESK_AS_PASSPHRASE", VERA)
    result = run("review", str(accepted), "approve", "1", "--as", "vera")
    assert result.exit_code == 0, result.output
    assert status_of(accepted, 1) is ReviewStatus.APPROVED


def test_a_user_added_before_passphrases_is_acted_as_only_once_one_is_set(
    accepted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAR_DESK_AS_PASSPHRASE", "rita's new passphrase")
    result = run("review", str(accepted), "approve", "1", "--as", "rita")
    assert result.exit_code == 1
    assert "rita has no passphrase on this case yet" in result.output
    assert "users CASE passphrase NAME" in result.output
    # The case owner sets one (rita types it at the owner's PC, or a script supplies it).
    monkeypatch.setenv("SAR_DESK_NEW_USER_PASSPHRASE", "rita's new passphrase")
    result = run("users", str(accepted), "passphrase", "rita", "--as", "officer")
    assert result.exit_code == 1  # the owner 'officer' has no passphrase either: not the OS user
    session = CaseSession.open(accepted, "officer")
    try:
        session.review.set_passphrase("rita", "rita's new passphrase")
    finally:
        session.close()
    result = run("review", str(accepted), "approve", "1", "--as", "rita")
    assert result.exit_code == 0, result.output
    assert status_of(accepted, 1) is ReviewStatus.APPROVED


def test_a_new_user_needs_a_passphrase_from_a_script(accepted: Path) -> None:
    result = run("users", str(accepted), "add", "nina", "--role", "reviewer")
    assert result.exit_code == 2
    assert "SAR_DESK_NEW_USER_PASSPHRASE" in result.output
    listed = run("users", str(accepted), "list").output
    assert "nina" not in listed


def test_acting_as_someone_who_is_not_a_case_user_is_refused(accepted: Path) -> None:
    result = run("case", "show", str(accepted), "--as", "mallory")
    assert result.exit_code == 1
    assert "mallory is not a user of this case" in result.output


def test_nobody_changes_their_own_role(reviewed: CaseSession) -> None:
    reviewed.review.add_user("dana", Role.DPO, "dana's own passphrase")
    with pytest.raises(PermissionDeniedError, match="cannot change their own role"):
        reviewed.review.add_user("officer", Role.DPO)
    dana = CaseSession.open(reviewed.folder, "dana")
    try:
        with pytest.raises(PermissionDeniedError, match="cannot change their own role"):
            dana.review.add_user("dana", Role.AUDITOR)
    finally:
        dana.close()
    assert reviewed.review.role() is Role.CASE_HANDLER


def test_role_changes_need_the_case_owner_or_a_dpo(reviewed: CaseSession) -> None:
    reviewed.review.add_user("hal", Role.CASE_HANDLER, "hal's own passphrase")
    hal = CaseSession.open(reviewed.folder, "hal")
    try:
        hal.review.add_user("newcomer", Role.REVIEWER, "newcomer's passphrase")  # adding is allowed
        with pytest.raises(PermissionDeniedError, match="Only the case owner"):
            hal.review.add_user("rita", Role.AUDITOR)
        with pytest.raises(PermissionDeniedError, match="Only the case owner"):
            hal.review.add_user("friend", Role.DPO, "friend's passphrase")
    finally:
        hal.close()
    reviewed.review.add_user("rita", Role.AUDITOR)  # the owner may
    roles_now = {name: role for name, role, _ in reviewed.review.users()}
    assert roles_now["rita"] is Role.AUDITOR
    assert "friend" not in roles_now


def test_passphrases_are_stored_as_argon2id_hashes(reviewed: CaseSession) -> None:
    reviewed.review.add_user("vera", Role.REVIEWER, VERA)
    from sar_desk.store.users import get_user

    with reviewed.store.read() as conn:
        row = get_user(conn, "vera")
    assert row is not None
    assert row.passphrase_hash is not None
    assert row.passphrase_hash.startswith("$argon2id$")
    assert VERA not in row.passphrase_hash
    entry = reviewed.review.audit_entries("user-added")[-1]
    assert VERA not in str(entry.details)
    assert row.passphrase_hash not in str(entry.details)


def test_the_window_acting_list_switch_checks_the_passphrase(reviewed: CaseSession) -> None:
    reviewed.review.add_user("vera", Role.REVIEWER, VERA)
    with pytest.raises(PermissionDeniedError, match="needs vera's own passphrase"):
        reviewed.act_as("vera", lambda: None)
    assert reviewed.user == "officer"
    assert reviewed.act_as("VERA", lambda: VERA) == "vera"
    assert reviewed.act_as(os_account()) == os_account()


def test_as_after_a_people_sub_command_needs_the_passphrase_too(accepted: Path) -> None:
    result = run("people", str(accepted), "mark", "1", "--role", "staff", "--as", "vera")
    assert result.exit_code == 1
    assert "needs vera's own passphrase" in result.output


def test_destroying_a_case_as_the_dpo_needs_the_dpos_passphrase(
    accepted: Path, tmp_path: Path
) -> None:
    session = CaseSession.open(accepted, "officer")
    try:
        session.review.add_user("dana", Role.DPO, "dana's own passphrase")
    finally:
        session.close()
    cert = tmp_path / "certificate.json"
    result = run(
        "case", "purge", str(accepted), "--yes", "--certificate", str(cert),
        "--early", "--reason", "Asked by the requester", "--as", "dana",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "needs dana's own passphrase" in result.output
    assert (accepted / "case.db").exists()
    assert not cert.exists()
