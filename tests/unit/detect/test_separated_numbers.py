"""Phone, NHS and postcode values with unusual separators, and phone numbers said in words."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer, nhs_check_digit_ok
from sar_desk.detect.recognizers.spoken_numbers import spoken_digits


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], ent) for s, e, ent, _sc in SeparatedNumberRecognizer().spans(text)]


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("contacts: 07700_900_233 after six", "07700_900_233", "PHONE_NUMBER"),
        ("landline 0117/496/0721 ta", "0117/496/0721", "PHONE_NUMBER"),
        ("ring back from 01632/960785 later", "01632/960785", "PHONE_NUMBER"),
        ("Tel: 07700\u00b7900\u00b7372", "07700\u00b7900\u00b7372", "PHONE_NUMBER"),
        ("new landline is 0151\u2013496\u20130451", "0151\u2013496\u20130451", "PHONE_NUMBER"),
        ("rang from +44.7700.900.958: in hospital", "+44.7700.900.958", "PHONE_NUMBER"),
        ("missed call from 0 7700 900414, it's", "0 7700 900414", "PHONE_NUMBER"),
        ("she read it out: 0 1 1 7 4 9 6 0 7 2 1", "0 1 1 7 4 9 6 0 7 2 1", "PHONE_NUMBER"),
        (
            "my number's oh seven seven double oh, nine double oh, three one four, ta",
            "oh seven seven double oh, nine double oh, three one four",
            "PHONE_NUMBER",
        ),
        (
            "ring zero one one seven four nine six zero seven two one later",
            "zero one one seven four nine six zero seven two one",
            "PHONE_NUMBER",
        ),
        ("NHS 474/691/7027 (red book)", "474/691/7027", "UK_NHS"),
        ("nhs no 474.691.7027", "474.691.7027", "UK_NHS"),
        ("postcode on the form is IV27-4JY, should be a space", "IV27-4JY", "UK_POSTCODE"),
        ("moved to SW1A-1AA last year", "SW1A-1AA", "UK_POSTCODE"),
        ("postcode on the form is iv27-4jy, should", "iv27-4jy", "UK_POSTCODE"),
    ],
)
def test_odd_separators_and_spoken_numbers_are_found(text: str, value: str, entity: str) -> None:
    assert _found(text) == [(value, entity)]


@pytest.mark.parametrize(
    "text",
    [
        "meeting on 12/03/2024 at 10.30",
        "sort code 12-34-56 acc 12345678",
        "price £474.691.7027",
        "version 1.2.3 and build 2024.1.1",
        "saved as scan_07700_900_233.pdf",
        "ok one two three go",
        "0 1 2 3 4 5 6 7 8 9 0",
        "grid 0 1 1 7 4 9 6 0 7 2 1 5 8 of the puzzle",
        "order 123/456/7890",
        "from 01\u201303\u20132024 to 31\u201303\u20132024",
        "scores 0/10 and 0 100 200",
        "+44.7700 is not a whole number",
        "474/691/7028 fails the check digit",
        "ref AB12-3CD is the parcel",
        "the Ab12-3cD widget",
        "07700_900 is too short",
        "nine eight seven six five four three two one zero",
        "one one one one one one one one one one one",
    ],
)
def test_dates_codes_counts_and_short_numbers_are_not(text: str) -> None:
    assert _found(text) == []


def test_spoken_digits_expands_double_and_treble() -> None:
    assert spoken_digits("oh seven double oh, treble nine, 4") == "07009994"


def test_nhs_check_digit() -> None:
    assert nhs_check_digit_ok("474 691 7027")
    assert not nhs_check_digit_ok("474 691 7028")
    assert not nhs_check_digit_ok("000 000 0000")
