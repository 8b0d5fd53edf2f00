"""Contact cards (vCard) pasted or exported into chat: the name and number lines."""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import Rule, RuleRecognizer


def _has_letters(value: str) -> bool:
    return any(ch.isalpha() for ch in value)


class ContactCardRecognizer(RuleRecognizer):
    """``FN:Sam Patel``, ``N:Patel;Sam;;;``, ``TEL;TYPE=CELL:+44 7911 123456`` lines."""

    ENTITIES = ("PERSON", "PHONE_NUMBER")
    RULES = (
        Rule(
            "vcard-name",
            re.compile(r"^(?:FN|N)(?:;[^:\n]*)?:(?P<v>[^\n\r]+?)\s*$", re.MULTILINE),
            0.9,
            entity="PERSON",
            validate=_has_letters,
        ),
        Rule(
            "vcard-tel",
            re.compile(r"^TEL(?:;[^:\n]*)?:(?P<v>[+\d][\d \-()]{5,}\d)\s*$", re.MULTILINE),
            0.9,
            entity="PHONE_NUMBER",
        ),
    )
