"""The case key file: wrapping, a wrong passphrase, a damaged file, re-wrapping, destruction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sar_desk.core.errors import CaseDamagedError, CaseLockedError, Hint
from sar_desk.store import case_keys
from sar_desk.store.case_keys import KdfCost

CHEAP = KdfCost(1, 1024, 1)


@pytest.fixture(autouse=True)
def cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_keys, "DEFAULT_COST", CHEAP)


def test_the_key_file_holds_no_key_and_the_passphrase_unwraps_it(tmp_path: Path) -> None:
    key_file = tmp_path / "case.key"
    key = case_keys.create(key_file, "first passphrase")
    record = json.loads(key_file.read_text(encoding="utf-8"))
    assert record["kdf"]["name"] == "argon2id"
    assert record["kdf"]["memory_kib"] == CHEAP.memory_kib
    assert key not in key_file.read_bytes()
    assert key.hex() not in key_file.read_text(encoding="utf-8")
    case_keys.forget(tmp_path)
    assert not case_keys.is_unlocked(key_file)
    assert case_keys.unlock(key_file, "first passphrase") == key
    assert case_keys.database_key(key) != case_keys.files_key(key).hex()


def test_a_wrong_passphrase_and_no_passphrase_say_so(tmp_path: Path) -> None:
    key_file = tmp_path / "case.key"
    case_keys.create(key_file, "first passphrase")
    case_keys.forget(tmp_path)
    with pytest.raises(CaseLockedError, match="not the passphrase") as caught:
        case_keys.unlock(key_file, "second")
    assert caught.value.hint is Hint.CASE_PASSPHRASE
    case_keys.set_passphrase_source(lambda _folder: None)
    try:
        with pytest.raises(CaseLockedError, match="no passphrase was given"):
            case_keys.case_key(key_file)
    finally:
        case_keys.set_passphrase_source(None)
    with pytest.raises(CaseLockedError, match="not empty"):
        case_keys.create(tmp_path / "other.key", "")


def test_a_damaged_key_file_is_a_damaged_case(tmp_path: Path) -> None:
    key_file = tmp_path / "case.key"
    key_file.write_text("{not json", encoding="utf-8")
    with pytest.raises(CaseDamagedError, match="key file"):
        case_keys.unlock(key_file, "anything")


def test_a_new_passphrase_wraps_the_same_key(tmp_path: Path) -> None:
    key_file = tmp_path / "case.key"
    key = case_keys.create(key_file, "first passphrase")
    case_keys.change_passphrase(key_file, "first passphrase", "second passphrase")
    case_keys.forget(tmp_path)
    with pytest.raises(CaseLockedError):
        case_keys.unlock(key_file, "first passphrase")
    assert case_keys.unlock(key_file, "second passphrase") == key
    with pytest.raises(CaseLockedError):
        case_keys.change_passphrase(key_file, "wrong", "third passphrase")


def test_destroying_the_key_file_forgets_the_key(tmp_path: Path) -> None:
    key_file = tmp_path / "case.key"
    case_keys.create(key_file, "first passphrase")
    case_keys.destroy(key_file)
    assert not key_file.exists()
    assert not case_keys.is_unlocked(key_file)
    assert list(tmp_path.iterdir()) == []
