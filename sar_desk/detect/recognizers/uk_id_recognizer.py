"""UK identifiers that need their cue: passport numbers and NINOs with any prefix (issue 15).

A UK passport number is nine digits, which alone could be anything, so it is proposed only
after a "passport" cue. A NINO written next to "NI number" / "national insurance" is proposed
by its shape even when HMRC never issues its prefix (typos, old or made-up numbers are still
someone's), with a note saying so; Presidio's NINO recogniser, which checks the prefix, keeps
finding uncued ones.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import DIGIT, Rule, RuleRecognizer, typo_tolerant

# Cues as typed: mistyped ("passprot", "natoinal insuarnce") and abbreviated ("nat ins.",
# "N.I. no"); "N.I." ends in a dot, so it needs its own right boundary.
_PASSPORT_CUE = (
    rf"(?i:\b(?:{typo_tolerant('passport')}|passprt|pasport|passort|pass[ \t]port|"
    r"pp[ \t]*(?:no\b\.?|number|num\b|#))(?:'?s)?(?!\w))"
)
_NATIONAL = rf"(?:{typo_tolerant('national')}|nat\.?)"
_INSURANCE = rf"(?:{typo_tolerant('insurance')}|ins\b\.?)"
_NINO_CUE = (
    rf"(?i:\b(?:{_NATIONAL}\s+{_INSURANCE}|NI\b|N\.I\.(?!\w)|{typo_tolerant('nino')}\b|NIN\b|"
    r"HMRC\b|insurance\s+(?:no\b\.?|number|num\b)))"
)
# A cue after the value names what was just given: "gave AB123456C as his NINO", "123456789
# is her passport number", "ZZ123456A which I think is her NI". Only a few short words may stand
# between (no digits, no new line).
_BETWEEN_AFTER = r"(?:[ \t]*[,:;(-]?[ \t]*(?:[A-Za-z'’]+[ \t]+){0,5}?)"
_NINO_SHAPE = r"[A-Za-z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-Da-d]"
# First letters HMRC never uses, second letters it never uses, and never-issued pairs.
_BAD_FIRST = set("DFIQUV")
_BAD_SECOND = set("DFIQUVO")
_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def unissued_prefix(value: str) -> bool:
    """Whether a NINO's two-letter prefix is one HMRC never issues."""
    prefix = value[:2].upper()
    return prefix[0] in _BAD_FIRST or prefix[1] in _BAD_SECOND or prefix in _BAD_PAIRS


def _nino_note(value: str) -> str:
    # One note for every rule (Presidio's context enhancer drops which rule matched): the shape
    # came with its label or in its printed pairs.
    if unissued_prefix(value):
        return (
            f"National Insurance number by its label or printed shape; the prefix "
            f"'{value[:2].upper()}' is never issued by HMRC (a typo or a made-up number)."
        )
    return "National Insurance number by its label or printed shape."


class PassportNumberRecognizer(RuleRecognizer):
    """A 9-digit number after "passport": "passport no. 123456789", "passport is 123 456 789"."""

    NEEDS = DIGIT

    ENTITIES = ("UK_PASSPORT",)
    RULES = (
        Rule(
            "passport-after-cue",
            re.compile(
                _PASSPORT_CUE + r"[^\d\n]{0,40}?(?<!\d)(?P<v>\d{3}[ \t]?\d{3}[ \t]?\d{3})(?![\d])"
            ),
            0.85,
        ),
        Rule(
            "passport-before-cue",
            re.compile(
                r"(?<![\d£$.,:/])(?P<v>\d{3}[ \t]?\d{3}[ \t]?\d{3})(?![\d/.,:]\d)"
                + _BETWEEN_AFTER
                + _PASSPORT_CUE
            ),
            0.85,
        ),
    )
    CONTEXT = ("passport",)


class NinoCueRecognizer(RuleRecognizer):
    """A NINO-shaped value within a few words after "NI number" or "national insurance"."""

    NEEDS = DIGIT

    ENTITIES = ("UK_NINO",)
    RULES = (
        Rule(
            "nino-after-cue",
            re.compile(
                _NINO_CUE
                + r"[^\n]{0,40}?(?<![A-Za-z0-9])(?P<v>"
                + _NINO_SHAPE
                + r")(?![A-Za-z0-9])"
            ),
            0.85,
            note=_nino_note,
        ),
        # Written in its printed pairs ("QQ 12 34 56 C") the shape is a NINO's alone.
        Rule(
            "nino-spaced-shape",
            re.compile(
                r"(?<![A-Za-z0-9])(?P<v>(?:[A-Z]{2} \d{2} \d{2} \d{2} [A-D]|"
                r"[a-z]{2} \d{2} \d{2} \d{2} [a-d]))(?![A-Za-z0-9])"
            ),
            0.6,
            note=_nino_note,
        ),
        Rule(
            "nino-before-cue",
            re.compile(
                r"(?<![A-Za-z0-9])(?P<v>"
                + _NINO_SHAPE
                + r")(?![A-Za-z0-9])"
                + _BETWEEN_AFTER
                + _NINO_CUE
            ),
            0.85,
            note=_nino_note,
        ),
    )
    CONTEXT = ("national", "insurance", "ni", "nino")
