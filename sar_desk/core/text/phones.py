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

import phonenumbers

from sar_desk.core.text.chars import clean_whitespace

#: Fewer digits than this is a reference number, a year or a time, not a phone number.
MIN_PHONE_DIGITS: Final = 7
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
        and sum(ch.isdigit() for ch in text) >= MIN_PHONE_DIGITS
    )


def phone_key(value: str, region: str | None) -> str | None:
    """The number in E.164 form ("+447700900123"), or None if it is not a phone number.

    Args:
        value: The number as written ("07700 900123", "+44 7700 900123", "(0113) 496 0000").
        region: The case's region (ISO 3166 code) for national forms; None reads only
            international forms.
    """
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
    try:
        return phonenumbers.national_significant_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", e164)


def _digits(digits: str) -> str:
    return _SEP.join(re.escape(d) for d in digits)


def digits_pattern(digits: str) -> str:
    """A regex for a digit string written with any spacing, in folded text."""
    return rf"(?<![\w+])\(?{_digits(digits)}(?!\d)"


def phone_pattern(e164: str) -> str:
    """A regex for every common written form of a number, in folded text (`fold_map`).

    Matches the international form ("+44 7700 900123", "0044 (0)7700 900123") and the national
    form of the number's own region ("07700 900-123", "(07700) 900123").
    """
    number = phonenumbers.parse(e164, None)
    nsn = phonenumbers.national_significant_number(number)
    national = re.sub(
        r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    )
    cc = str(number.country_code)
    intl = rf"(?:\+|00){_SEP}{_digits(cc)}{_SEP}(?:\(0\){_SEP})?{_digits(nsn)}"
    forms = [intl, rf"\(?{_digits(national)}"]
    if national != nsn and not national.endswith(nsn):
        forms.append(rf"\(?{_digits(nsn)}")
    return rf"(?<![\w+])(?:{'|'.join(forms)})(?!\d)"
