"""Names no list has, told by where English puts a person (issue 15).

- A sentence that opens with a capitalised word placed by where it is from, then a speech
  verb or a new role: "Oyelaran from the pensions team rang", "Brisco from Settle is our new
  archivist". A place, a dictionary word or a product opening such a sentence is refused.
- A line that opens with a given name and a family name, then a comma and a house number:
  the name line of an address ("Merrin Aske, 4 Holm Garth, Kendal").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.gazetteer import current
from sar_desk.detect.words import is_not_a_name

_CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"

SUBJECT_FROM = re.compile(
    rf"(?:^|(?<=[.!?]\s))[ \t]*(?P<v>{_CAP})[ \t]+(?:from|at)[ \t]+(?:the[ \t]+)?"
    r"[^\n,.;:!?]{1,30}?[ \t]+(?:rang|rung|called|phoned|emailed|texted|says|said|wants|"
    # a thing is "in the hall"; only a person is "our new archivist"
    r"wanted|asked|told|came|popped|dropped|(?:is|was)[ \t]+(?:our|my|your|the)[ \t]+new)\b",
    re.MULTILINE,
)
NAME_BEFORE_ADDRESS = re.compile(
    rf"^[ \t]*(?P<v>{_CAP}[ \t]+{_CAP}),[ \t]*"
    r"(?:(?i:flat|apt|unit)[ \t]+\d|\d{1,4}[a-zA-Z]?[ \t])",
    re.MULTILINE,
)


def _unknown(word: str) -> bool:
    """A capitalised word that is no common word, place or stop word."""
    gaz = current()
    low = word.casefold()
    if low in STOP_WORDS or gaz.is_place(low) or gaz.is_place(word):
        return False
    if gaz.is_first_name(low) or gaz.is_surname(low):
        return not gaz.is_word(low)
    return not gaz.is_word(low) and not gaz.is_english(low)


def subject_ok(value: str) -> bool:
    """Whether the opening word is a name: no dictionary, place or product has it."""
    return _unknown(value) and not is_not_a_name(value)


def address_name_ok(value: str) -> bool:
    """Whether the two words before an address are a person's, not a house or a business."""
    first, last = value.split()
    gaz = current()
    return (
        not is_not_a_name(value)
        and not gaz.is_word(first.casefold())
        and _unknown(last)
        and not gaz.is_place(value)
    )
