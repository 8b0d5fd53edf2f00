"""Third parties' initials ("RO" for Ruth Okoro) as deny-list terms (issue 20).

Care workers and housing officers write colleagues and residents by their initials. Initials
that are also a common abbreviation ("HR", "GP", "RN") only count when a verb follows that shows
a person ("RN asked"), so a note about the HR team is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.core.model import PersonId, PersonRole
from sar_desk.detect import gazetteer
from sar_desk.detect.words import TITLES, is_placeholder

if TYPE_CHECKING:
    from sar_desk.detect.case_terms import KnownPerson

# Capitals that are far more often an abbreviation than someone's initials.
ACRONYMS = frozenset(
    [
        "OK",
        "HR",
        "HB",
        "GP",
        "BP",
        "NI",
        "UK",
        "IT",
        "ME",
        "AM",
        "PM",
        "PS",
        "RE",
        "ID",
        "PO",
        "CC",
        "MP",
        "DJ",
        "TV",
        "PC",
        "OT",
        "SW",
        "DN",
        "RN",
        "HCA",
        "ASB",
        "DOB",
        "NHS",
        "TTO",
        "TTA",
        "OBS",
        "AKA",
        "FYI",
        "ASAP",
        "ETA",
        "LOL",
        "OMG",
        "NB",
        "AOB",
        "PA",
        "PR",
        "QA",
        "CV",
        "MH",
        "LD",
        "SEN",
        "ADHD",
    ]
)

# After initials that are also a common abbreviation, only a verb shows a person ("RN asked").
_PERSON_VERB = (
    r"(?=\s+(?:is|was|has|had|said|says|asked|asks|rang|called|wants|needs|told|thinks|signed))"
)


def initials_index(people: Sequence[KnownPerson]) -> dict[str, set[PersonId | None]]:
    """Initials of third parties (two or three capitalised words) → person ids."""
    index: dict[str, set[PersonId | None]] = {}
    for person in people:
        if person.role not in (PersonRole.THIRD_PARTY, PersonRole.UNKNOWN):
            continue
        for name in person.names:
            words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
            words = [w for w in words if w.casefold().strip(".") not in TITLES]
            if is_placeholder(name) or not 2 <= len(words) <= 3:
                continue
            if not all(w[:1].isalpha() and w[:1].isupper() for w in words):
                continue
            index.setdefault("".join(w[0] for w in words), set()).add(person.person_id)
    return index


def initials_regex(initials: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for all the initials (group 1 is the initials, in the case written), or None."""
    plain = sorted(i for i in initials if i not in ACRONYMS)
    clash = sorted(i for i in initials if i in ACRONYMS)
    alts = []
    if plain:
        alts.append("(?:" + "|".join(plain) + r")(?![\w@])")
    if clash:
        # "9:00 AM was": after a number an acronym is a unit or a time, never a person.
        alts.append(r"(?<!\d\s)(?:" + "|".join(clash) + r")(?![\w@])" + _PERSON_VERB)
    # Typed in lower case ("jk says ..."), only before a verb and never a word ("do", "is").
    lower = sorted(
        i.lower()
        for i in plain
        if i.lower() not in STOP_WORDS and not gazetteer.current().is_english(i.lower())
    )
    if lower:
        alts.append("(?:" + "|".join(lower) + r")(?![\w@])" + _PERSON_VERB)
    return re.compile(r"(?<![\w@.])(" + "|".join(alts) + ")") if alts else None
