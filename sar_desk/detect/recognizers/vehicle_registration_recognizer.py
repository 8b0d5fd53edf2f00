"""UK vehicle registrations, matched case-sensitively.

Presidio's own recogniser inherits the registry's case-insensitive flag and so reads "P45 the"
(the tax form) as a registration (presidio.md §6.3). Plates are written in capitals.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import DIGIT, Rule, RuleRecognizer

# Current format since 2001: two letters, two digits (age identifier), three letters.
_CURRENT = r"(?<![\w-])(?P<v>[A-HJ-PR-Y][A-HJ-PR-Y]\d{2}\s?[A-HJ-PR-Z]{3})(?![\w-])"
# 1983-2001 prefix format: a letter, one to three digits, three letters. Tax forms written in
# capitals ("P45 ASAP") are excluded by name; the low score leaves the rest to context words.
_PREFIX = r"(?<![\w-])(?P<v>[A-HJ-NP-Y]\d{1,3}\s?[A-HJ-PR-Y][A-HJ-PR-Z]{2})(?![\w-])"


def _not_tax_form(value: str) -> bool:
    return not value.replace(" ", "").startswith(("P45", "P60", "P11", "P46"))


class VehicleRegistrationRecognizer(RuleRecognizer):
    """``AB12 CDE``, ``AB12CDE`` and older ``K123 ABC`` plates."""

    NEEDS = DIGIT

    ENTITIES = ("UK_VEHICLE_REGISTRATION",)
    RULES = (
        Rule("current", re.compile(_CURRENT), 0.6),
        Rule("prefix", re.compile(_PREFIX), 0.3, validate=_not_tax_form),
    )
    CONTEXT = ("reg", "registration", "plate", "numberplate", "car", "vehicle", "van", "parked")
