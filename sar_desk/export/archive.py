"""An AES-256 encrypted zip of the requester pack, with a separately handled password (R64).

The password is generated here and returned to the caller, which shows it once; it is never
written into the bundle (only into ``internal/`` when the user asks). AES zips use a random
salt, so the archive is the one bundle file that differs between two identical exports.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from pathlib import Path

import pyzipper

# No look-alike characters: the password is read out or typed from a separate message.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"


def new_password(groups: int = 5, size: int = 4) -> str:
    """A random password like ``k7Qm-2xTa-...`` (about 140 bits)."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(size)) for _ in range(groups))


def write_encrypted_zip(path: Path, root: Path, files: Sequence[Path], password: str) -> None:
    """Zip `files` (named relative to `root`) with AES-256.

    Args:
        path: The archive to write.
        root: Folder the member names are relative to.
        files: Files to include, in order.
        password: The password (never stored here).
    """
    with pyzipper.AESZipFile(
        path, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for file in sorted(files):
            archive.writestr(file.relative_to(root).as_posix(), file.read_bytes())


def read_encrypted_zip(path: Path, password: str) -> dict[str, bytes]:
    """Open an archive with its password (used by tests and support)."""
    with pyzipper.AESZipFile(path) as archive:
        archive.setpassword(password.encode("utf-8"))
        return {name: archive.read(name) for name in archive.namelist()}
