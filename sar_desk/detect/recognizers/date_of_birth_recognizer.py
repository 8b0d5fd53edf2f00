"""Dates of birth, found by the words around them ("DOB", "d.o.b", "born on", "date of birth").

A date on its own is not personal data; one labelled as somebody's birth date is, and it is a
common identifier in HR and health chat.
"""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import DIGIT, Rule, RuleRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_CUE = r"(?:\bdob\b|\bd\.o\.b\.?|\bborn(?:\s+on)?\b|\bdate\s+of\s+birth\b|\bbirth\s*date\b)"


class DateOfBirthRecognizer(RuleRecognizer):
    """``DOB 14/03/1987``, ``d.o.b: 3rd March 1990``, ``born on 1 Feb 1979``."""

    NEEDS = DIGIT

    ENTITIES = ("DATE_OF_BIRTH",)
    RULES = (
        Rule(
            "dob-cue",
            re.compile(
                rf"{_CUE}[\s:\-–,]*(?:is\s+|was\s+|on\s+|=\s*)?(?P<v>{_DATE})(?!\d)", re.IGNORECASE
            ),
            0.85,
        ),
    )
