"""Shared fixtures: isolated settings, a fresh case, sample paths, and no network."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SHARED_TOOLS = REPO.parent / "shared" / "tools"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep per-user config and data folders inside the test's tmp folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


TEST_PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def case_user_passphrases(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every case user a test adds gets the same passphrase, which ``--as`` then supplies.

    The tests of the passphrase rules themselves remove these variables (issue 17).
    """
    monkeypatch.setenv("SAR_DESK_NEW_USER_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("SAR_DESK_AS_PASSPHRASE", TEST_PASSPHRASE)
    return TEST_PASSPHRASE


TEST_ORGANISATION = {
    "name": "Testshire County Council",
    "address": "County Hall, 2 Test Road, Testtown TT1 1TT",
    "dpo_email": "dpo@testshire.example",
    "requests_email": "foi@testshire.example",
    "retention_text": "Chat records are kept for six years after the matter closes.",
    "automated_decisions": "We make no solely automated decisions about you from these messages.",
    "transfers": "Our chat data is stored in the UK; nothing is transferred abroad.",
    # The product encrypts new cases by default (issue 18); the suite creates hundreds of cases
    # and reads many of their databases directly, so its profile opts out. The default itself
    # is tested in tests/integration/test_encryption_default.py.
    "encrypt_new_cases": "no",
}


@pytest.fixture(autouse=True)
def organisation_profile(
    isolated_settings: None,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """A complete synthetic organisation profile, so non-demo cases can export (issue 13).

    The config folder moves out of the test's tmp_path (tests that check tmp_path holds
    nothing else stay true). Tests of the "no profile" refusal delete the returned file.
    """
    from sar_desk.app.organisation import profile_path, update_profile

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    update_profile(TEST_ORGANISATION)
    return profile_path()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app never opens a network connection: any attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def sample(platform: str, name: str) -> Path:
    """A file under tests/data/importers/<platform>/."""
    path = DATA / "importers" / platform / name
    assert path.exists(), path
    return path


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """Where a test case folder goes."""
    return tmp_path / "case"


@pytest.fixture
def session(case_dir: Path) -> Iterator[object]:
    """A fresh SAR case session (requester Alex Morgan)."""
    from sar_desk.app.session import CaseSession
    from sar_desk.core.model import Case, Regime

    case = Case(
        reference="SAR-TEST-1",
        regime=Regime.SAR,
        received=date(2026, 5, 5),
        requester="Alex Morgan",
        aliases=("+44 7911 123456", "alex.morgan@example.org"),
    )
    s = CaseSession.create(case_dir, case, user="officer")
    yield s
    s.close()


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile exports from shared/tools/make_bad_inputs.py (built once: the bomb is 2 GB)."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("bad")
    script = SHARED_TOOLS / "make_bad_inputs.py"
    if not script.exists():
        pytest.skip("shared/tools is not beside the repository")
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)
    return out
