"""Phone keys: E.164 with the case's region, drama-range numbers included."""

from __future__ import annotations

import pytest

from sar_desk.core.text import looks_like_phone, national_number, phone_key


@pytest.mark.parametrize(
    ("written", "region", "key"),
    [
        ("07700 900123", "GB", "+447700900123"),  # Ofcom drama range: not valid, still a key
        ("+44 (0)7700 900-123", None, "+447700900123"),
        ("0044 7700 900123", "GB", "+447700900123"),
        ("\u202a+44\u00a07700\u202f900123\u202c", None, "+447700900123"),
        ("(202) 555-0143", "US", "+12025550143"),
        ("06 12 34 56 78", "FR", "+33612345678"),
    ],
)
def test_numbers_become_e164_with_the_case_region(
    written: str, region: str | None, key: str
) -> None:
    assert phone_key(written, region) == key


def test_a_national_number_is_read_with_the_region_given_never_a_default() -> None:
    assert phone_key("07700 900123", None) is None
    assert phone_key("0612345678", "FR") == "+33612345678"
    assert phone_key("0612345678", "GB") != "+33612345678"


@pytest.mark.parametrize("value", ["Sam Lee", "12", "2026-01-05", "05/01/2026", "hello 07911"])
def test_words_dates_and_short_numbers_are_not_phones(value: str) -> None:
    assert not looks_like_phone(value)
    assert phone_key(value, "GB") is None


def test_national_number_drops_the_country_code() -> None:
    assert national_number("+447700900123") == "7700900123"
    assert national_number("+12025550143") == "2025550143"


@pytest.mark.parametrize("value", ["900000000000000666", "1234 5678 9012 3456 78"])
def test_account_ids_longer_than_any_phone_number_are_not_phones(value: str) -> None:
    assert not looks_like_phone(value)
    assert phone_key(value, "GB") is None


def test_the_longest_written_phone_forms_still_are() -> None:
    assert looks_like_phone("0044 (0) 7911 123456")
    assert phone_key("+44 7911 123456", "GB") == "+447911123456"
