"""Staff shorthand, dropped apostrophes and short dates are not names (issue 15).

Phrases written for these tests (not taken from the evaluation corpora).
"""

from __future__ import annotations

import pytest

from sar_desk.detect.lexical import calendar_word, lower_word_not_name
from sar_desk.detect.words import is_not_a_name


def _at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize("word", ["corr", "addy", "acct", "pcso", "wm", "tues", "theres", "nino"])
def test_shorthand_in_lower_case_is_not_a_name(fake_analyzer: object, word: str) -> None:
    assert lower_word_not_name(word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("licence expires jan", "jan", True),
        ("hearing moved to 14 sept", "sept", True),
        ("rent due mar 2027", "mar", True),
        ("back end of jan", "jan", True),
        ("ask jan about the keys", "jan", False),
        ("a text from jan this morning", "jan", False),
        ("a friend of jan popped in", "jan", False),
        ("in jan's office", "jan", False),
        ("Jan 3 is fine", "Jan", False),  # capitalised: left to the other rules
    ],
)
def test_a_short_month_needs_a_date_around_it(text: str, word: str, expected: bool) -> None:
    assert calendar_word(*_at(text, word)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("N.Ins", True),  # a dotted label
        ("d.Ref", True),
        ("J.Okafor", False),  # an initial run into a listed surname
        ("J.R.", False),  # initials are left to the initials rules
        ("Participant 2's", True),  # a placeholder account, possessive
        ("Deleted User’s", True),
        ("Seren's", False),
    ],
)
def test_dotted_labels_and_possessive_placeholders_are_not_names(
    fake_analyzer: object, value: str, expected: bool
) -> None:
    assert is_not_a_name(value) is expected
