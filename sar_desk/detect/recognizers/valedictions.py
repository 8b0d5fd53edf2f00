"""A name signed after a closing courtesy and a comma: "Love always, Reg", "Cheers, Viv" (round 22).

Short given names and short forms ("Reg", "Mo", "Viv", "Del") are often also a word or an
abbreviation, so no list may hold them and the model, seeing one alone, leaves it. Where a
letter, a card or an engraving is signed, the word after "Love," "Cheers," "Regards," or
"Thanks," closing the line (or followed only by kisses, a year or a closing quote) is the
signer. The word must be capitalised and no common English word, post, relation or place
("Love, Mum", "Regards, Housing", "Thanks, Everyone" stay words), nor a lone word of two common
words run together ("Kind regards, Aftersales"), unless a name list has it.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.core.calendar import DAY_NAMES, MONTH_NAMES
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.cues import RELATIONS, ROLES
from sar_desk.detect.gazetteer import current
from sar_desk.detect.posts import is_post
from sar_desk.detect.recognizers.base import Rule, RuleRecognizer
from sar_desk.detect.words import is_not_a_name
from sar_desk.detect.world_greetings import is_world_greeting

_COURTESY = (
    r"(?i:love(?:[ \t]+(?:always|from|ya|you))?|(?:lots|loads)[ \t]+of[ \t]+love|"
    r"all[ \t]+(?:my|our)[ \t]+love|cheers|(?:many[ \t]+)?thanks|(?:kind|warm|best)[ \t]+regards|"
    r"regards|best[ \t]+wishes|yours(?:[ \t]+(?:ever|truly|sincerely))?|take[ \t]+care|"
    r"speak[ \t]+soon)"
)
# The name closes its clause: the end of a line, kisses, a year, a closing quote or a stop.
VALEDICTION = re.compile(
    r"(?<![\w'’])"
    + _COURTESY
    + r"[ \t]*,[ \t]*(?P<v>[A-Z][a-z]{1,11}(?:[ \t]+[A-Z][a-z'’-]{1,15})?)"
    + r"(?=[ \t]*(?:$|\n|[\"”’'.!)]|x{1,4}\b|X{1,4}\b|(?:19|20)\d\d\b))",
    re.M,
)
# Days and months are capitalised but no one's name ("Thanks, Monday").
# Whole names only: "Jan" and "Sun" may be someone's.
_CALENDAR = DAY_NAMES | MONTH_NAMES
_GATE = re.compile(r"(?i)love|cheers|thanks|regards|wishes|yours|care|soon")


def signed_name_ok(value: str) -> bool:
    """Whether the words after a courtesy are a name ("Reg", "Viv Okafor"), not "Mum"."""
    gaz = current()
    for word in value.split():
        low = word.casefold()
        if (
            low in _CALENDAR
            or low in STOP_WORDS
            or low in ROLES
            or low in RELATIONS
            or low in HONORIFICS
        ):
            return False
        if is_post(word) or is_world_greeting(word) or is_not_a_name(word):
            return False
        listed = gaz.is_first_name(low) or gaz.is_surname(low)
        lone = " " not in value.strip()  # "Del Ashworth": a family name may be two words run
        if not listed and (
            gaz.is_common_word(low) or gaz.is_place(low) or (lone and _compound(low))
        ):
            return False
    return True


def _compound(low: str) -> bool:
    """Two common words run together ("aftersales", "helpdesk"): a department, not a signer."""
    gaz = current()
    return any(
        gaz.is_common_word(low[:i]) and gaz.is_common_word(low[i:]) for i in range(3, len(low) - 2)
    )


class ValedictionNameRecognizer(RuleRecognizer):
    """A capitalised name signed after "Love," "Cheers," "Regards," closing its line."""

    ENTITIES = ("PERSON",)
    RULES = (Rule("signed-after-courtesy", VALEDICTION, 0.5, validate=signed_name_ok, needs=_GATE),)
