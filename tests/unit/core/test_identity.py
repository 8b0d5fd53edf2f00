"""Identifier normalisation: the keys people are merged and redacted on."""

from __future__ import annotations

import pytest

from sar_desk.core.identity import classify_identifier, name_key, normalise_email, normalise_phone
from sar_desk.core.model import IdentifierKind


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("07911 123456", "+447911123456"),
        ("+44 7911 123456", "+447911123456"),
        ("+44\u00a07911\u202f123456", "+447911123456"),
        ("\u202a+44 7911 123456\u202c", "+447911123456"),
        ("(0113) 496 0000", "+441134960000"),
        ("020 7946 0000", "+442079460000"),
        ("07700 900123", "+447700900123"),  # Ofcom drama range: invalid to libphonenumber
        ("+1 202 555 0143", "+12025550143"),
    ],
)
def test_phone_numbers_normalise_to_e164(written: str, e164: str) -> None:
    assert normalise_phone(written, "GB") == e164


@pytest.mark.parametrize("value", ["Sam Lee", "12", "2026-01-05", "hello 07911", ""])
def test_non_numbers_are_not_phones(value: str) -> None:
    assert normalise_phone(value, "GB") is None


def test_emails_are_lower_cased_and_validated() -> None:
    assert normalise_email(" Alex.Morgan@Example.ORG ") == "alex.morgan@example.org"
    assert normalise_email("mailto:a@b.co") == "a@b.co"
    assert normalise_email("not an email") is None


def test_name_key_ignores_case_accents_tildes_and_spacing() -> None:
    assert name_key("~\u00a0Zoë  O'Neill") == name_key("zoe o'neill")


@pytest.mark.parametrize(
    ("alias", "kind", "value"),
    [
        ("alex.morgan@example.org", IdentifierKind.EMAIL, "alex.morgan@example.org"),
        ("07911 123456", IdentifierKind.PHONE, "+447911123456"),
        ("@AlexM", IdentifierKind.HANDLE, "@alexm"),
        ("Alex Morgan", IdentifierKind.NAME, "Alex Morgan"),
    ],
)
def test_aliases_are_classified(alias: str, kind: IdentifierKind, value: str) -> None:
    assert classify_identifier(alias, "GB") == (kind, value)


def test_national_numbers_need_the_case_region() -> None:
    assert normalise_phone("07911 123456", None) is None
    assert normalise_phone("+44 7911 123456", None) == "+447911123456"
    assert normalise_phone("(202) 555 0143", "US") == "+12025550143"
    # Without a region a national number is still a phone, never a name.
    assert classify_identifier("07911 123456") == (IdentifierKind.PHONE, "07911 123456")
