"""Presidio's phone and URL recognisers, consulted only when a text could hold a match.

Each costs about 0.2 ms a message (presidio.md §3.3), most of it on texts that cannot contain
what it looks for. `UkPhoneRecognizer` finds every national and +44 form, so Presidio's
`PhoneRecognizer` (GB region) only adds numbers written with an international prefix; a URL
always has a letter, a dot and a letter. The gate is a cheap regular expression; when it
matches, the original recogniser runs unchanged. `gate` does the same for Presidio's pattern
recognisers of identifiers that always hold a digit (or an ``@``): most chat lines have none.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, UrlRecognizer

_INTERNATIONAL = re.compile(r"(?:\+|(?<!\d)00)\s?\(?[1-9]")
_DOTTED = re.compile(r"[A-Za-z0-9]\.[A-Za-z]|://")


class GatedPhoneRecognizer(PhoneRecognizer):
    """`PhoneRecognizer` for texts with a ``+`` or ``00`` international prefix."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        """Run Presidio's recogniser only when an international prefix is present."""
        if not _INTERNATIONAL.search(text):
            return []
        results: list[RecognizerResult] = super().analyze(text, entities, nlp_artifacts)
        return results


class GatedUrlRecognizer(UrlRecognizer):
    """`UrlRecognizer` for texts with a dotted name or a scheme."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None, regex_flags: Any = None
    ) -> list[RecognizerResult]:
        """Run Presidio's recogniser only when something URL-shaped is present."""
        if not _DOTTED.search(text):
            return []
        results: list[RecognizerResult] = super().analyze(
            text, entities, nlp_artifacts, regex_flags
        )
        return results


_DIGIT = re.compile(r"\d")
# Presidio recognisers whose every match holds one of these (IBANs have check digits, IPv6 a
# digit or "::"). Crypto wallet addresses are left ungated: a digit is likely, not certain.
_GATES: dict[str, re.Pattern[str]] = {
    "EmailRecognizer": re.compile("@"),
    "IpRecognizer": re.compile(r"\d|::"),
    "IbanRecognizer": _DIGIT,
    "CreditCardRecognizer": _DIGIT,
    "NhsRecognizer": _DIGIT,
    "UkNinoRecognizer": _DIGIT,
    "UkPostcodeRecognizer": _DIGIT,
    "UkPassportRecognizer": _DIGIT,
    "UkDrivingLicenceRecognizer": _DIGIT,
}


def gate(recognizer: EntityRecognizer) -> EntityRecognizer:
    """`recognizer`, consulted only on texts that could hold its match (see `_GATES`)."""
    pattern = _GATES.get(type(recognizer).__name__)
    if pattern is None:
        return recognizer
    inner = recognizer.analyze

    def analyze(
        text: str, entities: list[str], nlp_artifacts: Any = None, **kwargs: Any
    ) -> list[RecognizerResult]:
        if not pattern.search(text):
            return []
        results: list[RecognizerResult] = inner(text, entities, nlp_artifacts, **kwargs)
        return results

    recognizer.analyze = analyze  # type: ignore[method-assign]
    return recognizer
