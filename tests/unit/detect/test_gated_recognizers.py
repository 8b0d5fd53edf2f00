"""Table test: Presidio's phone and URL recognisers behind their cheap gates."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.gated_recognizers import GatedPhoneRecognizer, GatedUrlRecognizer

PHONES = [
    ("call +33 1 42 68 53 00 tomorrow", ["+33 1 42 68 53 00"]),
    ("ring 0033 1 42 68 53 00", ["0033 1 42 68 53 00"]),
    ("ticket 1234567890 and 07911 123456", []),  # national forms are UkPhoneRecognizer's
    ("no numbers here", []),
]
URLS = [
    ("see https://intranet.example.org/rota", ["https://intranet.example.org/rota"]),
    ("on www.example.com today", ["www.example.com"]),
    ("ok. see you", []),
]


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_phone_recognizer_runs_only_on_international_prefixes(
    text: str, expected: list[str]
) -> None:
    results = GatedPhoneRecognizer(supported_regions=("GB",)).analyze(text, ["PHONE_NUMBER"])
    assert [text[r.start : r.end] for r in results] == expected


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_url_recognizer_runs_only_on_dotted_names(text: str, expected: list[str]) -> None:
    results = GatedUrlRecognizer().analyze(text, ["URL"])
    assert [text[r.start : r.end] for r in results] == expected
