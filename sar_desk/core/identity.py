"""Normalising identifiers: phone numbers to E.164, e-mail addresses, handles and names.

Strong identifiers (phone, e-mail, platform id) drive automatic person merges, so they must be
normalised the same way wherever they come from: an export header, a case alias, a search box.
The character, name and phone rules themselves live in `sar_desk.core.text`.
"""

from __future__ import annotations

import re

from sar_desk.core.model import IdentifierKind
from sar_desk.core.text import (
    clean_whitespace,
    looks_like_phone,
    name_key,
    phone_key,
    strip_invisible,
)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: The importers' name for `sar_desk.core.text.phone_key` (E.164 with the case's region).
normalise_phone = phone_key

__all__ = [
    "classify_identifier",
    "clean_whitespace",
    "name_key",
    "normalise_email",
    "normalise_phone",
    "strip_invisible",
]


def normalise_email(value: str) -> str | None:
    """Return a lower-cased e-mail address, or None if the value is not one."""
    text = clean_whitespace(value).strip("<>").lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:") :]
    return text if _EMAIL.match(text) else None


def classify_identifier(value: str, region: str | None = None) -> tuple[IdentifierKind, str]:
    """Work out what an alias or sender string is and normalise it.

    Args:
        value: The identifier as written.
        region: The case's region for national phone numbers. Without one, a national number
            is still classified as a phone, but its value is the cleaned text, not E.164.

    Returns:
        The identifier kind and its normalised value. Handles keep their ``@``; names are
        returned cleaned but with their original case.
    """
    text = clean_whitespace(value)
    email = normalise_email(text)
    if email:
        return IdentifierKind.EMAIL, email
    phone = phone_key(text, region)
    if phone:
        return IdentifierKind.PHONE, phone
    if region is None and looks_like_phone(text):
        return IdentifierKind.PHONE, text
    if text.startswith("@") and len(text) > 1 and " " not in text:
        return IdentifierKind.HANDLE, text.lower()
    return IdentifierKind.NAME, text.lstrip("~").strip()
