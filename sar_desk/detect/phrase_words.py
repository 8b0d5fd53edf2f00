"""Common words around a guessed name that make the phrase a thing or a post (issue 15).

Four rules read the words next to a guess, never a corpus's names:

- a common English word before a capitalised post is part of the post ("General Manager",
  "Duty Officer"), listed as a given name or not;
- a lower-case common word closing a phrase an article opens is the word ("at the church
  hall", "a new dawn"), unless a role, a relation or a fond word stands between ("the nurse
  holly", "our neighbour rose", "the lovely rose");
- a capitalised name before a lower-case trade and then a person's name is the firm the
  person works for ("Siemens Gamesa tech Ola", "Openreach engineer Sam Lee"): English puts a
  person's own name after the trade, so the words before it name the employer;
- a common word paired by "&" with another ("Stitch & Bitch", "Bread & Butter"), neither a
  listed given name: the name of an event, a shop or a dish ("Rose & Sam" are people).
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.cues import RELATIONS, ROLES
from sar_desk.detect.posts import HEADS as POST_HEADS
from sar_desk.detect.units import ROLE_HEADS
from sar_desk.detect.words import VERBS

_EDGE = ".,:;!?'’\"()[]‘“”"

# Words of kin used as titles beyond `RELATIONS` ("Aunty Plum", "Mammy Bernie").
KIN = frozenset({"aunty", "mammy", "nanny", "grampa", "granda", "grandpop", "cousin"})

# Fond and describing words that stand before a person's name ("the lovely rose").
_FOND = frozenset({
    "lovely", "wonderful", "amazing", "brilliant", "fab", "fabulous", "gorgeous", "dear", "poor",
    "little", "young", "old", "lad", "lass",
})  # fmt: skip


# Verbs a subject takes beyond `words.VERBS` ("the farmer prudence is ...").
_DOES = frozenset({"is", "was", "has", "had", "will", "can", "did", "does", "thinks", "reckons"})

# "the church hall", "a new dawn": an article, a common word, then the word-name in lower case.
_MODIFIED = re.compile(r"(?i)\b(?:the|a|an|our|my|your|their|its|this|that)[ \t]+([a-z]+)[ \t]+$")


def noun_in_a_phrase(text: str, start: int, end: int) -> bool:
    """Whether a lower-case common word closes a noun phrase opened by an article.

    "at the church hall", "a new dawn"; not "the nurse holly", "our neighbour rose" (a role
    or a relation before it names the person), nor "the farmer prudence says" (a verb after
    it makes it the subject).
    """
    value = text[start:end]
    if not value.isalpha() or not value.islower():
        return False
    gaz = gazetteer.current()
    before = _MODIFIED.search(text[max(0, start - 30) : start])
    if before is None or not gaz.is_common_word(value):
        return False
    after = re.match(r"[ \t]+([a-z]+)", text[end:])
    if after is not None and (after.group(1) in VERBS or after.group(1) in _DOES):
        return False  # "the farmer prudence says ...": a verb makes her the subject
    middle = before.group(1).casefold()
    person_word = middle in ROLES or middle in RELATIONS or middle in HONORIFICS
    person_word = person_word or middle in KIN or middle in _FOND
    return gaz.is_common_word(middle) and not person_word


def word_before_post(text: str, start: int, end: int) -> bool:
    """Whether one common English word qualifies a capitalised post ("General Manager").

    Listed or not ("General" is in the given-name list): "Duty Officer", "Area Manager".
    """
    value = text[start:end].strip(_EDGE)
    after = re.match(r"[ \t]+([A-Z][\w-]*)", text[end:])
    if " " in value or not value.isalpha() or after is None:
        return False
    head = after.group(1).casefold()
    return gazetteer.current().is_common_word(value.lower()) and (
        head in POST_HEADS or head in ROLE_HEADS
    )


# A trade said after the firm and before the worker's name ("Acme tech Ola", "BT engineer Sam").
_TRADE_THEN_NAME = re.compile(r"[ \t]+([a-z][a-z-]*)[ \t]+(?:[A-Z][\w'’-]*|[a-z][\w'’-]*)")


def employer_before_worker(text: str, start: int, end: int) -> bool:
    """Whether a capitalised span is a firm: a lower-case trade, then a name, right after it.

    "Siemens Gamesa tech Ola on site", "Openreach engineer Sam Lee": the person is after the
    trade. The word after the trade must be capitalised, a listed given name or a word no
    dictionary has, so "Sam tech support" and "Priya driver rota" keep Sam and Priya; a
    possessive keeps the person ("Sam's engineer Ola").
    """
    value = text[start:end]
    if not value[:1].isupper() or value.endswith(("'s", "’s")):
        return False
    match = _TRADE_THEN_NAME.match(text, end)
    if match is None or match.group(1) not in _WORKERS:
        return False
    name = text[match.end(1) : match.end()].strip()
    gaz = gazetteer.current()
    if name[:1].isupper():
        return not gaz.is_common_word(name.casefold())
    # in lower case, a listed given name or a word no dictionary has ("tech kulwant on site")
    listed = gaz.is_first_name(name) and not gaz.is_common_word(name)
    return listed or (name.isalpha() and len(name) >= 3 and not gaz.is_english(name))


# The lower-case trades a firm's worker is named by; `posts.HEADS` and the short forms.
_WORKERS = frozenset(
    {
        "tech",
        "techs",
        "engineer",
        "engineers",
        "technician",
        "rep",
        "fitter",
        "installer",
        "surveyor",
        "driver",
        "courier",
        "inspector",
        "contractor",
    }
)


# A capitalised word joined by "&" or "and" to the span, before or after it.
_PAIR_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+(?:&|and)[ \t]+$")
_PAIR_AFTER = re.compile(r"[ \t]+(?:&|and)[ \t]+([A-Z][a-z]+)(?![\w'’-])")


def paired_common_words(text: str, start: int, end: int) -> bool:
    """Whether one capitalised common word is paired by "&" with another ("Stitch & Bitch")."""
    value = text[start:end].strip(_EDGE)
    if " " in value or not value[:1].isupper():
        return False
    before = _PAIR_BEFORE.search(text[max(0, start - 24) : start])
    after = _PAIR_AFTER.match(text, end)
    other = before.group(1) if before else after.group(1) if after else None
    gaz = gazetteer.current()
    return other is not None and all(
        gaz.is_common_word(w.casefold()) and not gaz.is_first_name(w.casefold())
        for w in (value, other)
    )
