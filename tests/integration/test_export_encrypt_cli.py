"""``export --encrypt`` through the command line: the password is shown once and stored nowhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from test_export_cli import THIRD, reviewed_case  # noqa: F401 - the fixture is used by name

from sar_desk.app.session import CaseSession
from sar_desk.cli.main import cli

ENV = "SAR_DESK_PACK_PASSWORD"


def _waive_detection(case: Path) -> None:
    """The DPO's recorded decision to export without detection (the sample case has none)."""
    dpo = CaseSession.open(case, user="dpo")
    try:
        dpo.export.waive_detection("Every message was read in full by the reviewer")
    finally:
        dpo.close()


def _invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def _all_bytes(*folders: Path) -> bytes:
    return b"\n".join(
        p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()
    )


def _plain_pdfs(folder: Path) -> list[str]:
    plain = []
    for path in folder.rglob("*.pdf"):
        try:
            pikepdf.open(path).close()
            plain.append(path.name)
        except pikepdf.PasswordError:
            pass
    return plain


def test_encrypted_export_shows_the_password_once_and_stores_it_nowhere(
    reviewed_case: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    out = tmp_path / "bundle"
    _waive_detection(reviewed_case)
    result = _invoke("export", str(reviewed_case), str(out), "--encrypt", "--as", "officer")
    assert result.exit_code == 0, result.output
    shown = re.findall(r"Pack password \(send it separately[^)]*\): (\S+)", result.output)
    assert len(shown) == 1
    password = shown[0]
    assert result.output.count(password) == 1
    assert "The HTML version was left out of the encrypted pack" in result.output

    assert [p.name for p in (out / "pack").iterdir()] == ["SAR-INT-1-bundle.pdf"]
    assert _plain_pdfs(out / "pack") == []
    pdf = out / "pack" / "SAR-INT-1-bundle.pdf"
    with pikepdf.open(pdf, password=password) as opened:
        assert opened.is_encrypted

    everything = _all_bytes(out, reviewed_case)
    for form in (password, password.replace("-", ""), password.lower()):
        assert form.encode("utf-8") not in everything
        assert form.encode("utf-16-le") not in everything

    session = CaseSession.open(reviewed_case, user="officer")
    try:
        entry = session.review.audit_entries("export")[-1]
    finally:
        session.close()
    assert entry.details["pack_password"] == "sent separately"
    assert json.loads((out / "manifest.json").read_text())["delivery"]["password"] == (
        "sent separately"
    )

    plain_check = _invoke("verify", str(out))
    assert plain_check.exit_code == 0, plain_check.output
    assert "encrypted file(s): checked for encryption" in plain_check.output
    full = _invoke("verify", str(out), env={ENV: password})
    assert full.exit_code == 0, full.output
    assert "encrypted file(s)" not in full.output
    wrong = _invoke("verify", str(out), env={ENV: "not-the-pack-password"})
    assert wrong.exit_code == 1


def test_password_from_the_environment_is_used_and_not_echoed(
    reviewed_case: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    given = "Plum-Kettle-Orbit-4471"
    out = tmp_path / "bundle"
    _waive_detection(reviewed_case)
    result = _invoke(
        "export",
        str(reviewed_case),
        str(out),
        "--encrypt",
        "--encrypt-extras",
        "--rsmf",
        "--as",
        "officer",
        env={ENV: given},
    )
    assert result.exit_code == 0, result.output
    assert given not in result.output
    assert f"The pack password from {ENV} was used" in result.output
    pdf = out / "pack" / "SAR-INT-1-bundle.pdf"
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(pdf)
    with pikepdf.open(pdf, password=given) as opened:
        assert opened.user_password_matched
    assert (out / "pack" / "SAR-INT-1-other-formats.zip").is_file()
    assert given.encode() not in _all_bytes(out, reviewed_case)
    for path in (out / "pack").rglob("*"):
        if path.is_file():
            assert THIRD.encode() not in path.read_bytes()


def test_weak_environment_password_is_refused_before_anything_is_written(
    reviewed_case: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "bundle"
    _waive_detection(reviewed_case)
    result = _invoke(
        "export", str(reviewed_case), str(out), "--encrypt", "--as", "officer", env={ENV: "abc"}
    )
    assert result.exit_code == 1
    assert f"{ENV}: The pack password is too short" in result.output
    assert not out.exists()
    extras_alone = _invoke(
        "export", str(reviewed_case), str(out), "--encrypt-extras", "--as", "officer"
    )
    assert extras_alone.exit_code == 2
