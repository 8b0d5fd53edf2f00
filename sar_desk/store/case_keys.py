"""The key of an encrypted case: made once, wrapped by the passphrase, unwrapped to open it.

An encrypted case has one random 256-bit case key. It never touches the disk in the clear: the
key file holds it wrapped (AES-256-GCM) by a key derived from the passphrase with Argon2id
(salt and cost in the file). From the case key come, by HKDF with distinct labels, the
database key (SQLCipher) and the key that wraps each sealed file's own key
(`store.sealed_files`). So changing the passphrase rewrites only the key file, and destroying
the key file makes the database and every sealed file unreadable at once.

Unwrapped case keys are kept in memory for the life of the process (`unlocked`), because a
case is opened many times (one store per thread) and the derivation is deliberately slow.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sar_desk.core.errors import CaseDamagedError, CaseLockedError, Hint
from sar_desk.store.disposal import shred_file, write_atomic

FORMAT = "sar-desk-case-key"
VERSION = 1
_WRAP_AAD = b"sar-desk case key v1"


@dataclass(frozen=True, slots=True)
class KdfCost:
    """Argon2id's cost: passes, memory (KiB) and lanes. Kept in the key file with the salt."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1


DEFAULT_COST = KdfCost()
"""RFC 9106's second recommended choice (64 MiB); about half a second on a slow laptop."""

PassphraseSource = Callable[[Path], "str | None"]
"""Asks for the passphrase of the case in a folder; None when nobody can give it."""

_unlocked: dict[Path, bytes] = {}
_source: list[PassphraseSource] = []


def _derive(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _wrap(case_key: bytes, passphrase: str, cost: KdfCost) -> str:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_derive(passphrase, salt, cost)).encrypt(nonce, case_key, _WRAP_AAD)
    record = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {
            "name": "argon2id",
            "salt": _b64(salt),
            "time_cost": cost.time_cost,
            "memory_kib": cost.memory_kib,
            "parallelism": cost.parallelism,
        },
        "cipher": "aes-256-gcm",
        "wrapped": _b64(nonce + wrapped),
    }
    return json.dumps(record, indent=2) + "\n"


def create(key_file: Path, passphrase: str, cost: KdfCost | None = None) -> bytes:
    """Make a new case key, write it wrapped by `passphrase`, and keep it unlocked.

    Raises:
        CaseLockedError: The passphrase is empty.
    """
    if not passphrase:
        raise CaseLockedError("An encrypted case needs a passphrase that is not empty.")
    case_key = secrets.token_bytes(32)
    write_atomic(key_file, _wrap(case_key, passphrase, cost or DEFAULT_COST))
    os.chmod(key_file, 0o600)
    _unlocked[key_file.parent.resolve()] = case_key
    return case_key


def _unwrap(key_file: Path, passphrase: str) -> bytes:
    try:
        record = json.loads(key_file.read_text(encoding="utf-8"))
        kdf = record["kdf"]
        cost = KdfCost(int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"]))
        salt = base64.b64decode(kdf["salt"])
        blob = base64.b64decode(record["wrapped"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CaseDamagedError(
            f"The key file of the encrypted case in {key_file.parent} cannot be read, so the "
            "case cannot be opened. Restore the case folder from a backup."
        ) from exc
    try:
        return AESGCM(_derive(passphrase, salt, cost)).decrypt(blob[:12], blob[12:], _WRAP_AAD)
    except InvalidTag:
        raise CaseLockedError(
            f"That is not the passphrase of the encrypted case in {key_file.parent}.",
            hint=Hint.CASE_PASSPHRASE,
        ) from None


def set_passphrase_source(source: PassphraseSource | None) -> None:
    """Say how this process asks for a case's passphrase (the shells call this at start)."""
    _source.clear()
    if source is not None:
        _source.append(source)


def unlock(key_file: Path, passphrase: str) -> bytes:
    """Unwrap the case key with `passphrase` and keep it for this process.

    Raises:
        CaseLockedError: The passphrase is wrong.
        CaseDamagedError: The key file is unreadable.
    """
    case_key = _unwrap(key_file, passphrase)
    _unlocked[key_file.parent.resolve()] = case_key
    return case_key


def is_unlocked(key_file: Path) -> bool:
    """Whether this process holds the key of the case (no passphrase needed to open it)."""
    return key_file.parent.resolve() in _unlocked


def case_key(key_file: Path) -> bytes:
    """The key of the case whose key file this is, asking for its passphrase if need be.

    Raises:
        CaseLockedError: No passphrase was given, or a wrong one.
    """
    known = _unlocked.get(key_file.parent.resolve())
    if known is not None:
        return known
    passphrase = _source[0](key_file.parent) if _source else None
    if not passphrase:
        raise CaseLockedError(
            f"The case in {key_file.parent} is encrypted and no passphrase was given.",
            hint=Hint.CASE_PASSPHRASE,
        )
    return unlock(key_file, passphrase)


def change_passphrase(key_file: Path, old: str, new: str, cost: KdfCost | None = None) -> None:
    """Wrap the same case key with a new passphrase; no data is re-encrypted.

    Raises:
        CaseLockedError: `old` is wrong, or `new` is empty.
    """
    if not new:
        raise CaseLockedError("An encrypted case needs a passphrase that is not empty.")
    key = _unwrap(key_file, old)
    write_atomic(key_file, _wrap(key, new, cost or DEFAULT_COST))
    os.chmod(key_file, 0o600)
    _unlocked[key_file.parent.resolve()] = key


def forget(folder: Path) -> None:
    """Drop a case's unlocked key from this process."""
    _unlocked.pop(folder.resolve(), None)


def destroy(key_file: Path) -> None:
    """Overwrite and delete the key file: the case's data can never be decrypted again."""
    forget(key_file.parent)
    if key_file.exists():
        shred_file(key_file)


def _subkey(case_key: bytes, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(case_key)


def database_key(case_key: bytes) -> str:
    """The SQLCipher raw key, as the hex literal ``PRAGMA key`` takes."""
    return _subkey(case_key, b"sar-desk sqlcipher v1").hex()


def files_key(case_key: bytes) -> bytes:
    """The key that wraps each sealed file's own key."""
    return _subkey(case_key, b"sar-desk sealed files v1")
