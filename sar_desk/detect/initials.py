"""Third parties' initials ("RO" for Ruth Okoro) as deny-list terms (issue 20).

Care workers and housing officers write colleagues and residents by their initials. Initials
that are also a common abbreviation ("HR", "GP", "RN") only count when a verb follows that shows
a person ("RN asked"), so a note about the HR team is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
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
    for person_id, words in _capitalised_names(people):
        if 2 <= len(words) <= 3:
            index.setdefault("".join(w[0] for w in words), set()).add(person_id)
    return index


def _capitalised_names(
    people: Sequence[KnownPerson],
) -> Iterator[tuple[PersonId | None, list[str]]]:
    """Each third party's (or unknown person's) names as words, titles left out.

    Only names whose every word starts with a capital letter count: initials are written from
    names as a person writes them, and a placeholder ("Deleted User") has none.
    """
    for person in people:
        if person.role not in (PersonRole.THIRD_PARTY, PersonRole.UNKNOWN):
            continue
        for name in person.names:
            words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
            words = [w for w in words if w.casefold().strip(".") not in TITLES]
            if is_placeholder(name) or not words:
                continue
            if all(w[:1].isalpha() and w[:1].isupper() for w in words):
                yield person.person_id, words


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


def short_initials_index(people: Sequence[KnownPerson]) -> dict[str, set[PersonId | None]]:
    """Two-letter initials of third parties with three-word names, a word left out.

    "Ann Rose Hale" signs "AH" as often as "ARH" (the middle name dropped), and "Minh Tran
    Van" "MT" (a family name of two words). Two capitals are often an abbreviation, so these
    count only as a member of a list of names (`listed_initials`).
    """
    full = initials_index(people)
    index: dict[str, set[PersonId | None]] = {}
    for person_id, words in _capitalised_names(people):
        if len(words) != 3:
            continue
        for key in (words[0][0] + words[1][0], words[0][0] + words[2][0]):
            if key not in full:
                index.setdefault(key, set()).add(person_id)
    return index


_TOKEN = re.compile(r"(?<![\w@.])([^\W\d_]{2,3})(?![\w@])")
# A list of people around the initials: "rung by Eli, Ros and LD", "LD, Ros and Eli".
_LIST_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)(?:,|[ \t]+(?:and|&|n))[ \t]+$")
_LIST_AFTER = re.compile(r"^(?:,|[ \t]+(?:and|&|n))[ \t]+([^\W\d_][\w'’-]*)")


def listed_initials(
    text: str, full: dict[str, set[PersonId | None]], short: dict[str, set[PersonId | None]]
) -> list[tuple[int, int, str]]:
    """Known people's initials standing in a list of names, where the plain rule is unsure.

    The initials the plain pattern (`initials_regex`) leaves to a following verb, those that
    are also an abbreviation ("LD") and the two-letter forms of `short_initials_index`,
    count when a name is the next item of a list ("rung by Eli, Ros and LD"): a listed name
    or a word in no dictionary, not in capitals ("HR and LD" lists abbreviations, "staff, LD
    and" words). In a message typed all in lower case the initials may be too ("rozhin and ys").
    Returns ``(start, end, key)`` with the key as indexed (capitals).
    """
    lower_text = not any(c.isupper() for c in text)
    out = []
    for m in _TOKEN.finditer(text):
        token = m.group(1)
        key = token.upper()
        # the plain pattern already takes capitals of `full` that are no abbreviation
        unsure = key in short or (key in full and (key in ACRONYMS or lower_text))
        if not unsure:
            continue
        if not (token.isupper() or (lower_text and _lower_initials_ok(token))):
            continue
        if m.start() >= 2 and text[m.start() - 2].isdigit():
            continue  # "9 AM": a time
        before = _LIST_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        after = _LIST_AFTER.match(text[m.end() : m.end() + 40])
        if any(x is not None and _name_item(x.group(1), lower_text) for x in (before, after)):
            out.append((m.start(), m.end(), key))
    return out


def _lower_initials_ok(token: str) -> bool:
    """Lower-case initials that are no word ("ys", not "is" or "ad")."""
    low = token.casefold()
    return low not in STOP_WORDS and not gazetteer.current().is_english(low)


def _name_item(word: str, lower_text: bool) -> bool:
    """Whether a neighbouring list item reads as a name ("Eliška", "rozhin"), not "staff"."""
    word = re.sub(r"['’]s$", "", word)
    if word.isupper() and not lower_text:
        return False  # "HR and LD": a list of abbreviations
    low = word.casefold()
    gaz = gazetteer.current()
    if gaz.is_first_name(low) or gaz.is_surname(low):
        return not gaz.is_place(low)
    return not (gaz.is_common_word(low) or gaz.is_english(low) or gaz.is_place(low))
