"""A word the model calls a place that stands where only a person can (issue 15).

Many English family names are also towns ("Blackwood", "Hollingworth", "Kendal"). The model
reads such a surname as a place even where the sentence puts a person:

- right after a contact or thanks verb: "cheers Blackwood for the cover", "ask Kendal", "rang
  Hollingworth back": nobody thanks, asks or rings a town;
- right after a given name in the same case, with no place word before the pair: "zinnia
  hollingworth at 39 ...", "Ida Barnsley rang" (a full name), while "in Ida Barnsley"'s odd
  order and "a Kenny-style lad from Ramsey" keep the place.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer

_CONTACT_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:cheers|thanks|thank|ta|ask|asked|asking|tell|told|ring|rang|call|"
    r"called|phone|phoned|text|texted|email|emailed|cc|ping|pinged|remind|reminded|chase|"
    r"chased|message|messaged)[ \t]+$"
)
_PLACE_WORD_BEFORE = re.compile(
    r"(?i)\b(?:in|to|from|near|at|of|outside|around|towards|via|into|visiting)[ \t]+$"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]$")


def person_not_place(text: str, start: int, end: int) -> bool:
    """Whether a one-word place guess at ``text[start:end]`` is a person by where it stands."""
    value = text[start:end]
    if " " in value or not value[:1].isalpha():
        return False
    before = text[max(0, start - 30) : start]
    if _CONTACT_BEFORE.search(before):
        return True
    prev = _WORD_BEFORE.search(before)
    if prev is None:
        return False
    given = prev.group(1)
    gaz = gazetteer.current()
    if not gaz.is_first_name(given) or (gaz.is_common_word(given) and given.islower()):
        return False
    if given.islower() != value.islower() or given[:1].isupper() != value[:1].isupper():
        return False  # "Sam in bury": a name in one case, a word in another
    head = text[
        max(0, prev.start() + start - len(before) - 30) : prev.start() + start - len(before)
    ]
    return not _PLACE_WORD_BEFORE.search(head)
