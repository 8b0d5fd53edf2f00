"""Normalising identifiers: phone numbers to E.164, e-mail addresses, handles and names.

Strong identifiers (phone, e-mail, platform id) drive automatic person merges, so they must be
normalised the same way wherever they come from: an export header, a case alias, a search box.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from sar_desk.core.model import IdentifierKind

# Bidi and invisible format characters that chat exports wrap around numbers and names.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u200b"),
    None,
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-\u00a0\u202f\u2009]{6,}$")
# Dates and times are digit runs too; never mistake "2026-01-05" or "05/01/2026" for a number.
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")


def strip_invisible(value: str) -> str:
    """Remove bidi marks, BOMs and zero-width spaces (but keep ZWJ inside emoji)."""
    return value.translate(_INVISIBLE)


def clean_whitespace(value: str) -> str:
    """Collapse NBSP, narrow NBSP and thin spaces to plain spaces and trim."""
    return " ".join(strip_invisible(value).replace("\u00a0", " ").replace("\u202f", " ").split())


def normalise_phone(value: str, region: str = "GB") -> str | None:
    """Return a phone number in E.164 form, or None if it is not a phone number.

    Numbers that libphonenumber calls invalid but possible (Ofcom's 07700 900xxx drama range,
    new ranges) are still normalised: a redaction must not depend on a number being "valid".

    Args:
        value: The number as written ("07911 123456", "+44 7911 123456", "(0113) 496 0000").
        region: Region for national-format numbers (ISO 3166 code).
    """
    text = clean_whitespace(value)
    if (
        not _PHONE_CHARS.match(text)
        or _DATE_LIKE.match(text)
        or sum(ch.isdigit() for ch in text) < 7
    ):
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(value: str) -> str | None:
    """Return a lower-cased e-mail address, or None if the value is not one."""
    text = clean_whitespace(value).strip("<>").lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:") :]
    return text if _EMAIL.match(text) else None


def name_key(value: str) -> str:
    """A comparison key for a display name: no accents, no case, single spaces."""
    text = unicodedata.normalize("NFKD", clean_whitespace(value).lstrip("~ ").strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def classify_identifier(value: str, region: str = "GB") -> tuple[IdentifierKind, str]:
    """Work out what an alias or sender string is and normalise it.

    Returns:
        The identifier kind and its normalised value. Handles keep their ``@``; names are
        returned cleaned but with their original case.
    """
    text = clean_whitespace(value)
    email = normalise_email(text)
    if email:
        return IdentifierKind.EMAIL, email
    phone = normalise_phone(text, region)
    if phone:
        return IdentifierKind.PHONE, phone
    if text.startswith("@") and len(text) > 1 and " " not in text:
        return IdentifierKind.HANDLE, text.lower()
    return IdentifierKind.NAME, text.lstrip("~").strip()
