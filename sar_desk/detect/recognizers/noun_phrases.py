"""Lower-case word-names inside a noun phrase: a word, not a person (issue 15, round 7).

A listed name that is also a word ("page", "case", "mat") typed in lower case is read as the
person only with a cue; right after a brand or acronym ("the Pitchero page"), before the job it
qualifies ("case officer") or as a kind of leave ("back from mat leave") it is the word.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.cues import ROLES
from sar_desk.detect.gazetteer import Gazetteers
from sar_desk.detect.recognizers.name_words import sentence_start
from sar_desk.detect.words import TITLES

# Police ranks as written before a name ("PCSO florin", "DC amber").
_POLICE_RANKS = frozenset(["pc", "pcso", "wpc", "dc", "ds", "di", "dci", "sgt", "insp", "supt"])
_LEAVE_BEFORE = frozenset(["on", "from", "of", "after", "before", "during"])


def in_a_compound(text: str, words: list[re.Match[str]], i: int, gaz: Gazetteers) -> bool:
    """Whether a lower-case word-name is part of a noun phrase, not a person.

    After a capitalised word that is no name, inside a sentence ("the Pitchero page", "our
    Moodle case"), or before a role that it names the kind of ("case officer", "page
    editor"): a name is not typed in lower case right after a brand, nor modifies a job.
    """
    w = words[i]
    if w.group(0).endswith(("'s", "’s")):
        return False  # "myrtle's solicitor": a possessive is a person's
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt and text[w.end() : nxt.start()] == " ":
        follow = nxt.group(0).casefold()
        if follow in ROLES | HONORIFICS:
            return True
        before = words[i - 1].group(0).casefold() if i else ""
        if follow == "leave" and before in _LEAVE_BEFORE:
            return True  # "back from mat leave", "on pat leave": a kind of leave
    if i == 0 or text[words[i - 1].end() : w.start()] != " ":
        return False
    prev = words[i - 1]
    word = prev.group(0)
    low = word.casefold()
    return (
        word[:1].isupper()
        and not (gaz.is_first_name(low) or gaz.is_surname(low))
        and low not in TITLES | HONORIFICS | _POLICE_RANKS | ROLES  # "PCSO florin", "Sister ivy"
        and low not in STOP_WORDS
        # opening a sentence, capitals say nothing unless the word is in no dictionary
        and (not sentence_start(text, prev.start()) or not gaz.is_english(low))
    )
