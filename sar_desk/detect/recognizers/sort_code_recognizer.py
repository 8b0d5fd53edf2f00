"""UK bank details: a sort code with its account number, or a sort code named as such."""

from __future__ import annotations

import re

from sar_desk.detect.recognizers.base import DIGIT, Rule, RuleRecognizer

_SORT = r"\d{2}[-\s]\d{2}[-\s]\d{2}"


class SortCodeAccountRecognizer(RuleRecognizer):
    """``12-34-56 12345678``, ``sort code 12-34-56, account 12345678``, ``s/c 123456``."""

    NEEDS = DIGIT

    ENTITIES = ("UK_SORT_CODE_ACCOUNT",)
    RULES = (
        # A sort code followed closely by an 8-digit account number: strong on its own.
        Rule(
            "sort-code-account",
            re.compile(
                rf"(?<![\w-])(?P<v>{_SORT}[\s,;/]+(?:(?:a/?c|acc(?:oun)?t)\.?(?:\s*(?:no\.?|number))?"
                r"[\s:]*)?\d{8})(?!\w)",
                re.IGNORECASE,
            ),
            0.85,
        ),
        # An account number followed by its sort code.
        Rule(
            "account-sort-code",
            re.compile(
                rf"(?<!\w)(?P<v>\d{{8}}[\s,;/]+(?:sort\s*code|s/c)[\s:]*{_SORT})(?![\w-])",
                re.IGNORECASE,
            ),
            0.85,
        ),
        # A sort code alone only when it is called one (otherwise it reads as a date).
        Rule(
            "named-sort-code",
            re.compile(
                r"(?:sort\s*code|s/c)[\s:]*(?P<v>\d{2}-?\d{2}-?\d{2})(?![\w-])", re.IGNORECASE
            ),
            0.7,
        ),
    )
    CONTEXT = ("sort", "account", "bank", "acc")
