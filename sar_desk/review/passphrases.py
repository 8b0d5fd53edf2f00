"""Passphrases of case users on the local store: Argon2id hashes, never the passphrase itself.

On a local case the person at the keyboard is the operating-system account; acting as another
case user (a second reviewer at the same PC, the DPO) needs that user's own passphrase, so one
person cannot supply both pairs of eyes alone. argon2-cffi's defaults are Argon2id with the
RFC 9106 low-memory parameters; the hash string records them, so stronger settings later still
verify old hashes.
"""

from __future__ import annotations

from sar_desk.core.errors import BadInputError

MIN_LENGTH = 8


def hash_passphrase(passphrase: str) -> str:
    """The Argon2id hash to store for a new passphrase.

    Raises:
        BadInputError: The passphrase is shorter than `MIN_LENGTH` characters.
    """
    from argon2 import PasswordHasher  # loaded only when a passphrase is set or checked

    if len(passphrase.strip()) < MIN_LENGTH:
        raise BadInputError(
            f"A passphrase needs at least {MIN_LENGTH} characters; a few words are easiest "
            "to remember."
        )
    return PasswordHasher().hash(passphrase)


def passphrase_matches(stored_hash: str, passphrase: str) -> bool:
    """Whether `passphrase` is the one `stored_hash` was made from."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(stored_hash, passphrase)
    except (VerificationError, InvalidHashError):
        return False
