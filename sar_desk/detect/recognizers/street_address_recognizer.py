"""Street addresses: a house number, an optional flat, and a street name with its suffix."""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import Rule, RuleRecognizer

_SUFFIX = (
    r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Dr|Close|Way|Crescent|Cres|Place|Pl|Court|"
    r"Ct|Gardens|Gdns|Grove|Terrace|Hill|Row|Square|Sq|Mews|Walk|Park|View|Rise|Parade|Green)"
)
# Words that are not usually spelt in lower case unless the writer is typing casually.
_STRONG_SUFFIX = r"(?:street|road|lane|avenue|drive|crescent|gardens|terrace|mews)"
_FLAT = r"(?:(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+)?"


class StreetAddressRecognizer(RuleRecognizer):
    """``12 High Street``, ``Flat 3, 4 Mill Lane``, ``27b st james's road``."""

    ENTITIES = ("STREET_ADDRESS",)
    RULES = (
        # Title Case street names: the usual written form.
        Rule(
            "title-case-address",
            re.compile(
                rf"(?<![\w£$.,])(?P<v>{_FLAT}\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}"
                rf"{_SUFFIX})\b\.?"
            ),
            0.7,
        ),
        # Lower-case chat ("flat 2, 9 mill lane"): only with unambiguous street words.
        Rule(
            "lower-case-address",
            re.compile(
                rf"(?<![\w£$.,])(?P<v>{_FLAT}\d{{1,4}}[a-z]?,?\s+(?:[a-z][a-z'’]+\s+){{1,2}}"
                rf"{_STRONG_SUFFIX})\b",
                re.IGNORECASE,
            ),
            0.6,
        ),
    )
    CONTEXT = ("address", "lives", "live", "moved", "flat", "house", "home")
