"""Phone keys: a phone number as E.164, read with the case's region.

A number is a key for merging people, for detection and for the leak check, so it must be read
the same way everywhere. National forms ("07700 900123") need the case's region (never assumed);
international forms ("+44 7700 900123", "0044 ...") carry their own.

Numbers that libphonenumber calls *possible* but not *valid* are still phone keys: Ofcom's
drama range 07700 900000-900999 (used in every synthetic example), and newly allocated ranges.
A redaction must not depend on a number being "valid".
"""

from __future__ import annotations

import re
from typing import Final

from sar_desk.core.text.chars import clean_whitespace
from sar_desk.core.text.trie import trie_pattern

#: Fewer digits than this is a reference number, a year or a time, not a phone number.
MIN_PHONE_DIGITS: Final = 7
#: E.164 allows 15 digits; one more for an international prefix written as "00". Longer runs are
#: account ids (Discord's 17-19 digit ids), card numbers or references, never a phone number.
MAX_PHONE_DIGITS: Final = 16
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-]{6,}$")
# Dates and times are digit runs too; never mistake "2026-01-05" or "05/01/2026" for a number.
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")
# What may sit between the digits of a number once folded (dots and dashes fold to spaces).
_SEP: Final = r"[ ()/]*"


def looks_like_phone(value: str) -> bool:
    """Whether `value` has the shape of a phone number (digits, spacing, brackets, a plus)."""
    text = clean_whitespace(value)
    return bool(
        _PHONE_CHARS.match(text)
        and not _DATE_LIKE.match(text)
        and MIN_PHONE_DIGITS <= sum(ch.isdigit() for ch in text) <= MAX_PHONE_DIGITS
    )


def phone_key(value: str, region: str | None) -> str | None:
    """The number in E.164 form ("+447700900123"), or None if it is not a phone number.

    Args:
        value: The number as written ("07700 900123", "+44 7700 900123", "(0113) 496 0000").
        region: The case's region (ISO 3166 code) for national forms; None reads only
            international forms.
    """
    import phonenumbers  # loaded on first use: ~15 ms a command need not pay

    if not looks_like_phone(value):
        return None
    try:
        number = phonenumbers.parse(clean_whitespace(value), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_number(e164: str) -> str:
    """The national significant digits of an E.164 key ("+447700900123" -> "7700900123")."""
    import phonenumbers  # loaded on first use: ~15 ms a command need not pay

    try:
        return phonenumbers.national_significant_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", e164)


def written_forms(value: str, region: str | None) -> list[str]:
    """The digit strings a number may be written as (with "+" for international forms).

    "07700 900123" in GB gives "+447700900123", "+4407700900123" (the "+44 (0)7700" habit),
    "00447700900123", "004407700900123" and "07700900123". Separators are not part of the
    forms: `phone_trie` allows them between any two digits. A number-like term that is not a
    phone key (no region, odd length) gives its own digits.
    """
    import phonenumbers  # loaded on first use: ~15 ms a command need not pay

    key = phone_key(value, region)
    if key is None:
        return [re.sub(r"\D", "", value)] if looks_like_phone(value) else []
    number = phonenumbers.parse(key, None)
    nsn = phonenumbers.national_significant_number(number)
    national = re.sub(
        r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    )
    cc = str(number.country_code)
    forms = [f"+{cc}{nsn}", f"+{cc}0{nsn}", f"00{cc}{nsn}", f"00{cc}0{nsn}", national]
    return list(dict.fromkeys(forms))


def form_of(written: str) -> str:
    """The form (as in `written_forms`) of a number as matched in text."""
    digits = re.sub(r"\D", "", written)
    return "+" + digits if written.lstrip("( ").startswith("+") else digits


def phone_trie(forms: list[str]) -> str:
    """One regex for many number forms (`written_forms`) in folded text, any digit spacing."""
    body = trie_pattern(sorted(set(forms)), lambda ch: _SEP + re.escape(ch))
    # The first character is never a separator; a national form may open with "(".
    return rf"(?<![\w+(])\(?(?=[+\d])(?:{body})(?!\d)"
