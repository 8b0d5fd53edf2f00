"""Presidio's phone and URL recognisers, consulted only when a text could hold a match.

Each costs about 0.2 ms a message (presidio.md §3.3), most of it on texts that cannot contain
what it looks for. `UkPhoneRecognizer` finds every national and +44 form, so Presidio's
`PhoneRecognizer` (GB region) only adds numbers written with an international prefix; a URL
always has a letter, a dot and a letter. The gate is a cheap regular expression; when it
matches, the original recogniser runs unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult
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
