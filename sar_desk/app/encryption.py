"""Encrypted cases for the shells: check, unlock, change and remember a case's passphrase.

The passphrase is remembered in the operating system's keyring only if the user asks.

The case key itself lives in `store.case_keys`; this module only gathers what the window and
the command line need, so they never reach below `app`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sar_desk.core.errors import CaseNotFoundError
from sar_desk.store import case_keys
from sar_desk.store.folder import CaseFolder

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "SAR Desk case passphrase"

PassphraseSource = case_keys.PassphraseSource


def set_passphrase_source(source: PassphraseSource | None) -> None:
    """Say how this process asks for an encrypted case's passphrase when it opens one."""
    case_keys.set_passphrase_source(source)


def is_encrypted(folder: Path) -> bool:
    """Whether the case in `folder` is encrypted."""
    return CaseFolder(Path(folder)).is_encrypted()


def is_unlocked(folder: Path) -> bool:
    """Whether this process already holds the key of the case in `folder`."""
    return case_keys.is_unlocked(CaseFolder(Path(folder)).key_file)


def unlock(folder: Path, passphrase: str) -> None:
    """Check `passphrase` and keep the case unlocked in this process.

    Raises:
        CaseLockedError: The passphrase is wrong.
    """
    case_keys.unlock(CaseFolder(Path(folder)).key_file, passphrase)


def change_passphrase(folder: Path, old: str, new: str) -> None:
    """Give an encrypted case a new passphrase (its data is not re-encrypted).

    Raises:
        CaseNotFoundError: The case is not encrypted.
        CaseLockedError: `old` is wrong or `new` is empty.
    """
    case_folder = CaseFolder(Path(folder))
    if not case_folder.is_encrypted():
        raise CaseNotFoundError(f"The case in {folder} is not encrypted, so it has no passphrase.")
    case_keys.change_passphrase(case_folder.key_file, old, new)
    if remembered(folder) is not None:
        remember(folder, new)  # a remembered old passphrase would no longer open the case
    logger.info("case passphrase changed")


def _account(folder: Path) -> str:
    return str(Path(folder).resolve())


def remembered(folder: Path) -> str | None:
    """The passphrase remembered for this case in the OS keyring, if any.

    A machine without a usable keyring (a headless Linux, a locked-down desktop) is not an
    error: the user is simply asked.
    """
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(KEYRING_SERVICE, _account(folder))
        except KeyringError:
            return None
    except Exception:
        logger.info("no usable keyring")
        return None
    return value or None


def remember(folder: Path, passphrase: str) -> bool:
    """Remember the passphrase in the OS keyring; False when there is no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _account(folder), passphrase)
    except Exception:
        logger.info("no usable keyring; the passphrase is not remembered")
        return False
    return True


def forget_remembered(folder: Path) -> None:
    """Remove a remembered passphrase from the OS keyring (if it is there)."""
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, _account(folder))
    except Exception:
        return
