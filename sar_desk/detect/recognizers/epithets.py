"""Nicknames with a word of description: "Gaz the Hammer", "big tel says" (issue 15, round 18).

Two shapes English gives a person's nickname, neither held by a list:

- a given name or nickname, "the", then a capitalised epithet ("Gaz the Hammer", "Dave the
  Rave", "Sarah the Florist"): both words capitalised, the first no common English word and
  no place, the epithet no place, day or month. A given name that is also a word ("Will",
  "Mark") counts only inside a sentence, not after a determiner: "Will the Council agree?"
  opens with the verb. The name is proposed: the epithet is as often a thing's kind
  ("Brenda the Gritter", a council lorry, which `not_people` drops by its kind, but not when
  the kind is mistyped), and the phrase as a whole reads as common words to the pass that
  drops things ("Gaz the Hammer" is three dictionary words).
- a familiar word in lower case, then a short word no common-word list has, then a verb only
  a person does ("big tel says", "old shug rang", "wee jimbo wants"): the familiar word makes
  a nickname of a word that no name list holds. A common word ("big deal says", "old boy said")
  stays a word.

None of these spans spreads through the case, so a wrong guess stays in its own message.
"""

from __future__ import annotations

import re
from typing import ClassVar

from sar_desk.core.calendar import DAY_AND_MONTH_NAMES
from sar_desk.detect.cues import RELATIONS
from sar_desk.detect.gazetteer import Gazetteers, current
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.name_words import sentence_start
from sar_desk.detect.recognizers.quoted_nicknames import greeted_spans, quoted_nickname_spans
from sar_desk.detect.words import VERBS, is_not_a_name


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLE = r"[A-Z][a-z]{1,11}"
EPITHET = re.compile(rf"(?<![\w'’-])(?P<name>{_TITLE}) the (?P<epithet>{_TITLE})(?![\w'’-])")
_EPITHET_GATE = re.compile(r"[a-z] the [A-Z]")
FAMILIAR_SUBJECT = re.compile(
    r"(?<![\w'’-])(?:big|little|lil|old|wee|young)[ \t]+(?P<v>[a-z]{2,8})[ \t]+(?P<verb>[a-z]+)\b"
)
_FAMILIAR_GATE = re.compile(r"\b(?:big|little|lil|old|wee|young) [a-z]")
# A stage name: a showman's word of praise before a name no dictionary holds, with the real
# name given after it ("The Great Marvello (real name ...)") or a verb only a person does after
# it ("the Amazing Orlando performs"). Written in lower case, only the real name will do.
STAGE_NAME = re.compile(
    r"(?<![\w'’-])(?P<v>(?:the[ \t]+)?(?:great|amazing|mighty|incredible|fabulous|marvellous)"
    r"[ \t]+(?P<name>[^\W\d_]{3,15}))(?![\w'’-])"
    r"(?:[ \t]*\((?P<real>real name|aka|a\.k\.a\.|n[ée]e?)\b|[ \t]+(?P<verb>[a-z]+)\b)?",
    re.IGNORECASE,
)
_STAGE_GATE = re.compile(r"(?i)(?:great|amazing|mighty|incredible|fabulous|marvellous)[ \t]")
# Verbs only a person does, after the subject ("says", "rang"), beside `words.VERBS`.
_PERSON_VERBS = VERBS | _set("reckons swears booked paid owes")
_DETERMINERS = _set("the a an my your his her our their this that")
# What English calls a man or a woman after "old"/"big" ("old git said", "big fella says").
_NOT_NICKNAMES = _set(
    "git fella feller geezer bloke chap codger dear duck pal mate lass lad lady dude bruv "
    "bro sis hubby wifey bf gf boss gaffer guv timer biddy hen un uns"
)
Span = tuple[int, int, str, float, str]
_GREETED_NOTE = "A name a greeting emoji addresses at the start of a line."


def epithet_ok(text: str, m: re.Match[str], gaz: Gazetteers) -> bool:
    """Whether "Name the Epithet" is a person's nickname (see the module docstring)."""
    name, epithet = m.group("name"), m.group("epithet")
    low, ep = name.casefold(), epithet.casefold()
    if {low, ep} & DAY_AND_MONTH_NAMES or gaz.is_place(low) or gaz.is_place(ep):
        return False  # "Monday the Council", "Dave the Cardiff one"
    if gaz.is_word_place(ep) or is_not_a_name(name):
        return False
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, m.start() - 12) : m.start()])
    if before is not None and before.group(1).casefold() in _DETERMINERS:
        return False  # "the Mark the Invoice button"
    if gaz.is_common_word(low):
        # "Will the Council agree?": a word-name only where a sentence cannot open with it
        return gaz.is_first_name(low) and not sentence_start(text, m.start())
    return True


def familiar_subject_ok(m: re.Match[str], gaz: Gazetteers) -> bool:
    """Whether "big tel says" names someone: an uncommon word between a familiar word and a verb."""
    word, verb = m.group("v"), m.group("verb")
    if verb not in _PERSON_VERBS:
        return False
    if gaz.is_common_word(word) or gaz.is_place(word) or is_not_a_name(word):
        return False  # "big deal says", "old boy said"
    # a rare word is a nickname here ("tel", though chat also writes it for "telephone"),
    # but not a relation or what English calls a man or a woman ("little sis", "old git")
    return word not in _NOT_NICKNAMES and word not in RELATIONS


def stage_name_ok(m: re.Match[str], gaz: Gazetteers) -> bool:
    """Whether "the Great X" is a performer's stage name (see `STAGE_NAME`)."""
    name, phrase = m.group("name"), m.group("v")
    low = name.casefold()
    if low in DAY_AND_MONTH_NAMES or gaz.is_english(low) or gaz.is_common_word(low):
        return False  # "the Great Escape", "the great unwashed"
    if gaz.is_place(low):
        return False  # "Great Yarmouth"
    if phrase.islower():
        return m.group("real") is not None  # "the great orsino (real name ...)"
    if not (name[:1].isupper() and name[1:].islower()) or not phrase.split()[-2][:1].isupper():
        return False  # "the great SOMETHING", "a great Wilko": praise, not a stage name
    verb = m.group("verb")
    return m.group("real") is not None or (verb is not None and verb.lower() in _PERSON_VERBS)


class EpithetNameRecognizer(RuleRecognizer):
    """Nicknames with "the" and an epithet, and a familiar word before a nickname."""

    ENTITIES = ("PERSON",)
    RULES = ()
    NOTE: ClassVar[str] = 'A nickname with a word of description ("the ...", "big ...").'

    def noted_spans(self, text: str) -> list[Span]:
        """Every epithet nickname and familiar nickname (see the module docstring)."""
        epithet = _EPITHET_GATE.search(text) is not None
        familiar = _FAMILIAR_GATE.search(text) is not None
        stage = _STAGE_GATE.search(text) is not None
        gaz = current()
        if not gaz.first_names:
            return []
        # a quoted epithet in a name, a name after a greeting emoji (`quoted_nicknames`)
        out: list[Span] = [
            (start, end, "PERSON", 0.55, self.NOTE)
            for start, end in quoted_nickname_spans(text, gaz)
        ]
        out += [
            (start, end, "PERSON", 0.55, _GREETED_NOTE) for start, end in greeted_spans(text, gaz)
        ]
        if not (epithet or familiar or stage):
            return out
        if epithet:
            for m in EPITHET.finditer(text):
                if epithet_ok(text, m, gaz):
                    out.append((m.start("name"), m.end("name"), "PERSON", 0.55, self.NOTE))
        if familiar:
            for m in FAMILIAR_SUBJECT.finditer(text):
                if familiar_subject_ok(m, gaz):
                    out.append((m.start("v"), m.end("v"), "PERSON", 0.5, self.NOTE))
        if stage:
            for m in STAGE_NAME.finditer(text):
                if stage_name_ok(m, gaz):
                    out.append((m.start("v"), m.end("v"), "PERSON", 0.55, self.NOTE))
        return out
