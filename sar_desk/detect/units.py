"""Teams, services and job titles: capitalised phrases that name a unit or a post, not a person.

UK casework chat is full of organisation units and posts written in capitals: "passed to the
Youth Justice Service", "Red Watch have the key", "Planning Enforcement will visit", "ask the
Duty Manager", "the Revenues Team". NER reads them as people, and the spread pass then copies
"Watch" or "Enforcement" into every message. English builds such a phrase from a head noun (the
kind of unit or post: "Team", "Service", "Watch", "Manager", "Officer") and modifiers that are
ordinary words ("Youth", "Planning", "Duty") or acronyms ("YOT", "CAMHS"); a person's name is
not a modifier there. So a phrase ending in a head whose other words are all dictionary words,
acronyms or other heads is a unit; where NER runs a name into a post ("Sam Okafor Duty
Manager"), the post is cut off and the name kept.

The heads are generic English nouns for units and posts, leaving out those that are common
family names too (Warden, Marshall, Porter, Nurse, Clerk), where a full name would be lost.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kinds of organisational unit: "Youth Justice Service", "Blue Watch", "Student Support".
UNIT_HEADS = _words(
    """
    team teams service services watch unit units department dept directorate division section
    desk hub panel board squad crew enforcement wellbeing support helpdesk helpline
    operations ops secretariat taskforce committee office control
    """
)
# Kinds of post: "Watch Manager", "Revenues Officer", "Duty Planner".
ROLE_HEADS = _words(
    """
    manager managers officer officers coordinator co-ordinator director lead leader adviser
    advisor assistant administrator planner supervisor inspector commander controller
    caseworker practitioner receptionist secretary chair executive analyst consultant
    technician surveyor navigator mentor tutor worker workers handler dispatcher
    master harbourmaster stationmaster postmaster quartermaster headmaster headmistress
    """
)
HEADS = UNIT_HEADS | ROLE_HEADS
# Words that join the modifiers of one unit ("Student Support & Wellbeing", "Head of Service").
_JOINERS = frozenset({"&", "and", "of", "for", "the", "+", "/"})
_WORD = re.compile(r"[^\s,;:()]+")


def _clean(word: str) -> str:
    return word.strip(".,:;!?'’\"()#").removesuffix("'s").removesuffix("’s")


def is_head(word: str) -> bool:
    """Whether `word` names a kind of unit or post ("Team", "Watch", "Manager")."""
    return _clean(word).casefold() in HEADS


def _modifier(word: str) -> bool:
    """A word that may qualify a unit: a dictionary word, an acronym, another head.

    A word the dictionary does not have ("Priya", "Okafor") is never a modifier: that is a
    person with a post after the name.
    """
    w = _clean(word)
    if not w or w.casefold() in _JOINERS or is_head(w):
        return True
    if w.isupper() and w.isalpha() and len(w) <= 6:
        return True  # "YOT Team", "CAMHS Duty Worker"
    gaz = gazetteer.current()
    return w.replace("-", "").isalpha() and gaz.is_english(w.lower())


def is_unit(value: str) -> bool:
    """Whether a whole span is a unit or a post ("Red Watch", "Practice Manager", "Team")."""
    words = value.split()
    if not words or not is_head(words[-1]):
        return False
    return all(_modifier(w) for w in words[:-1])


def without_unit(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The person's part of a span that runs into a unit or a post, None if nothing is left.

    "Sam Okafor Duty Manager" -> "Sam Okafor"; "Duty Manager Priya" -> "Priya"; "Red Watch"
    -> None. A span with no head at either end comes back unchanged.
    """
    words = list(_WORD.finditer(text[start:end]))
    if not words:
        return start, end
    first, last = 0, len(words)
    # A trailing post: the last word is a head, and the modifiers before it are cut with it.
    if is_head(words[-1].group(0)):
        last -= 1
        while last > 0 and _modifier(words[last - 1].group(0)):
            last -= 1
    # A leading post: cut up to the last head reached through modifiers only.
    i = 0
    while i < last and _modifier(words[i].group(0)):
        if is_head(words[i].group(0)):
            first = i + 1
        i += 1
    if first >= last:
        return None
    return start + words[first].start(), start + words[last - 1].end()


def before_unit(text: str, start: int, end: int) -> bool:
    """Whether a span is the modifier of a unit right after it: "Red" in "Red Watch".

    Only when every word of the span could be a modifier and the next word is a capitalised
    head: "Priya Team Leader" keeps Priya, a name and not a dictionary word.
    """
    span = text[start:end].split()
    after = _WORD.match(text[end:].lstrip(" "))
    if not span or after is None or text[end : end + 1] not in (" ", "-"):
        return False
    nxt = after.group(0)
    return nxt[:1].isupper() and is_head(nxt) and all(_modifier(w) for w in span)


# Posts that are family names too ("Porter", "Warden", "Steward"): a post only where English
# makes it one, after a post's modifier or a determiner ("Head Porter", "our new porter", "the
# warden"); "Mr Porter" and "Dev Porter" stay names.
_POST_NAMES = _words("porter warden steward nurse clerk butler bailiff keeper marshal verger")
_POST_BEFORE = re.compile(
    r"(?i)\b(?:head|night|day|deputy|chief|senior|junior|assistant|hall|hospital|site|new|"
    r"the|a|an|our|their|your|his|her|my|duty|relief|ward)\s+$"
)


def post_not_name(text: str, start: int, end: int) -> bool:
    """Whether a one-word span is a post that is also a surname, used as the post."""
    if _clean(text[start:end]).casefold() not in _POST_NAMES or text[end : end + 2] in ("'s", "’s"):
        return False
    if re.match(r"\s+(?:family|household|twins|brothers|sisters)\b", text[end:], re.I):
        return False  # "the Porter family"
    return bool(_POST_BEFORE.search(text[max(0, start - 12) : start]))


# Kinds of institution that stand for one well known to the writer ("Friends of the Museum",
# "back to the Library"): a common noun, never a person or a place to redact on its own.
_INSTITUTIONS = _words("""
museum library gallery archive archives searchroom cathedral abbey theatre cinema hospice
harbour marina pier airport stadium leisure depot workshop
""")


def institution(value: str) -> bool:
    """Whether a span is one capitalised institution noun alone ("Museum", "Library")."""
    return _clean(value).casefold() in _INSTITUTIONS
