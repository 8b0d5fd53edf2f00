"""The town written after a street address, though no list has it: "42 Glebe Croft, Natland:".

An address line runs street, town, postcode, and the town slot is the words after the street's
comma that a punctuation mark, a dash, a line end or a postcode closes ("60 Gallowgate Pend,
Talsarnau: owner ...", "215 pendle view, lochaline"). The village lists stop somewhere and the
model reads an unknown word there as nothing or a person, so the street's span runs on over the
town instead (issue 15, round 16). The words must read as a place name, not as the start of the
next clause: no listed given name, title, day or month ("12 Mill Road, Siobhan: ..."), not all
everyday English ("4 Elm Close, Thanks."), no chat shorthand ("ok"), and typed in lower case
none may be an English word, a typo of one or a family name.
A listed town is left to the place recogniser.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.core.calendar import DAY_AND_MONTH_NAMES
from sar_desk.detect.gazetteer import current
from sar_desk.detect.lexical import CHAT_WORDS, lower_word_not_name
from sar_desk.detect.words import TITLES

Span = tuple[int, int, str, float, str]

_JOIN = r"(?:on|upon|in|le|by|under|y|yr|of|the|cum|next)"
_CAP_WORD = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]*)*"
_LOW_WORD = r"[a-z][a-z'’]+(?:-[a-z][a-z'’]*)*"
_POSTCODE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}\b"
_CLOSE = r"(?=[ \t]*(?:[,:;.!?—–\n()]|$|-[ \t]|" + _POSTCODE + r"))"
_CAP_TOWN = re.compile(
    rf",[ \t]*(?P<t>{_CAP_WORD}(?:[ \t](?:{_JOIN}[ \t])?{_CAP_WORD}){{0,2}}){_CLOSE}"
)
_LOW_TOWN = re.compile(rf",[ \t]*(?P<t>{_LOW_WORD}(?:[ \t]{_LOW_WORD})?){_CLOSE}")


def _town_words(value: str, lower: bool) -> bool:
    gaz = current()
    words = [w.casefold() for w in re.findall(r"[A-Za-z'’-]+", value)]
    heads = [w for w in words if not re.fullmatch(_JOIN, w)]
    if not heads or gaz.is_place(value.casefold()):
        return False
    for w in heads:
        if w in DAY_AND_MONTH_NAMES or w in TITLES or w in STOP_WORDS or gaz.is_first_name(w):
            return False
        if w in CHAT_WORDS or len(w) < 3:
            return False  # "9 st anne's close, ok", "12 Mill Rd, Ta."
        if lower and (len(w) < 4 or gaz.is_surname(w) or lower_word_not_name(w)):
            return False
    return lower or not all(gaz.is_common_word(w) for w in heads)


def with_town(text: str, span: Span, limit: int) -> Span:
    """``span`` (a street address) run on over the town written after it, up to ``limit``."""
    start, end, entity, score, note = span
    value = text[start:end]
    lower = value == value.lower()
    m = (_LOW_TOWN if lower else _CAP_TOWN).match(text, end)
    if m is None or m.end("t") > limit or not _town_words(m.group("t"), lower):
        return span
    return (start, m.end("t"), entity, score, note)
