"""Known people's initials where a person signs or goes: "signed off KT", "ask KT" (round 22).

The plain initials rule (`initials.initials_regex`) leaves three kinds of initials to a cue:
those that are also an abbreviation ("CC", "RN"), the two-letter forms of three-word names
("HY" of "Hana Yui Okoro", `initials.short_initials_index`), and initials typed in a message
written all in lower case. A sheet, a ledger or a list is signed at its end: after a signing
verb ("signed off", "initialled", "countersigned by"), after a dash closing the line, or in
brackets closing the line; and a person is asked, told or rung, has a sheet or a shift, is
"to check" something ("ask KT", "KT's rota", "KT to chase"). There the initials of a person
the case knows are that person. An abbreviation counts only after a signing verb with no "by"
("signed off by HR" is a team) or before a verb only a person does ("CC rang"); closing a line
it may be a label ("— HR", "(GP)"), after "ask" a team ("ask HR"). Initials of a name with
a particle ("Luis de Haro") are read as written ("LdH", "Ld", "LH"), only in these places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.core.model import PersonId, PersonRole
from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import SURNAME_PARTICLES
from sar_desk.detect.initials import ACRONYMS
from sar_desk.detect.words import TITLES, is_placeholder

if TYPE_CHECKING:
    from sar_desk.detect.case_terms import KnownPerson

Index = dict[str, set[PersonId | None]]

_INITIALS = r"([^\W\d_]{2,4})"
# A signing verb right before the initials; "by" after it makes an abbreviation a team.
_SIGNED = re.compile(
    r"(?i)\b(?:(?:counter)?signed(?:[ \t]+off)?|initiall?ed|initials|sign[ \t]+off)"
    r"(?P<by>[ \t]+by)?[ \t]+" + _INITIALS + r"(?![\w@])"
)
# Closing a line: "— KT", "- kt", "(KT)", with nothing but punctuation or emoji after.
_CLOSING = re.compile(r"(?:[—–-][ \t]*" + _INITIALS + r"|\(" + _INITIALS + r"\))[ \t.!]*$", re.M)


# Where a person goes (round 22): "ask HY", "spoke to HY", "HY's sheet", "HY to check",
# "HY rang". An abbreviation counts only before a verb only a person does ("CC rang").
_BEFORE = re.compile(
    r"(?i:\b(?:ask|asked|tell|told|(?:spoke|speak|talk|talked|passed|handed|over)[ \t]+to|"
    r"ring|rang|call|called|text|texted|ping|pinged|thanks|thank|remind|reminded|with))"
    r"[ \t]+" + _INITIALS + r"(?![\w@])"
)
_AFTER = re.compile(
    r"(?<![\w@.])" + _INITIALS + r"(?:['’]s[ \t]+(?:sheet|shift|rota|list|card|notes|desk|van|"
    r"car|mum|dad|form|log|round|turn|job|case)|[ \t]+to[ \t]+(?:check|do|sort|ring|call|"
    r"confirm|chase|review|sign|collect|send|book|cover|follow|look|update|fix|bring|take)|"
    r"[ \t]+(?P<verb>said|says|asked|asks|rang|called|wants|needs|told|thinks|signed|phoned|"
    r"texted|emailed))\b"
)


def particle_initials_index(people: Sequence[KnownPerson]) -> Index:
    """Written initials of third parties whose family name has a lower-case particle.

    "Luis de Haro": "LdH", "Ld" (the particle's letter taken for the family name) and "LH".
    Keys are case-sensitive, as written.
    """
    index: Index = {}
    for person in people:
        if person.role not in (PersonRole.THIRD_PARTY, PersonRole.UNKNOWN):
            continue
        for name in person.names:
            words = [w for w in name.split() if w.casefold().strip(".") not in TITLES]
            if is_placeholder(name) or not 3 <= len(words) <= 4:
                continue
            first, *rest = words
            at = next((i for i, w in enumerate(rest) if w in SURNAME_PARTICLES), None)
            if at is None or at == len(rest) - 1 or not first[:1].isupper():
                continue
            family = rest[at:]
            if not all(w[:1].isupper() for w in family[1:]):
                continue
            keys = (
                first[0] + "".join(w[0] for w in family),
                first[0] + family[0][0],
                first[0] + family[-1][0],
            )
            for key in keys:
                index.setdefault(key, set()).add(person.person_id)
    return index


def signed_initials(
    text: str, full: Index, short: Index, particle: Index
) -> list[tuple[int, int, frozenset[PersonId | None]]]:
    """Known people's initials where a person signs (see module docstring).

    `full` and `short` are keyed by capitals (`initials.initials_index`,
    `initials.short_initials_index`), `particle` as written (`particle_initials_index`).
    Returns ``(start, end, person ids)``.
    """
    lower_text = not any(c.isupper() for c in text)
    out: list[tuple[int, int, frozenset[PersonId | None]]] = []
    for m in _SIGNED.finditer(text):
        hit = _known(m.group(2), full, short, particle, lower_text, not m.group("by"))
        if hit:
            out.append((m.start(2), m.end(2), hit))
    for m in _BEFORE.finditer(text):
        hit = _known(m.group(1), full, short, particle, lower_text, False)
        if hit:
            out.append((m.start(1), m.end(1), hit))
    for m in _AFTER.finditer(text):
        hit = _known(m.group(1), full, short, particle, lower_text, bool(m.group("verb")))
        if hit:
            out.append((m.start(1), m.end(1), hit))
    for m in _CLOSING.finditer(text):
        group = 1 if m.group(1) else 2
        hit = _known(m.group(group), full, short, particle, lower_text, False)
        if hit:
            out.append((m.start(group), m.end(group), hit))
    return out


def _known(
    token: str, full: Index, short: Index, particle: Index, lower_text: bool, signed: bool
) -> frozenset[PersonId | None]:
    """The ids `token` stands for here, or none."""
    if token in particle:
        return frozenset(particle[token])
    if token.isupper():
        key = token
    elif lower_text and token.casefold() not in STOP_WORDS and not _english(token):
        key = token.upper()  # "signed off kt" in a message typed all in lower case
    else:
        return frozenset()
    ids = full.get(key) or short.get(key)
    if not ids or (key in ACRONYMS and not signed):
        return frozenset()
    return frozenset(ids)


def _english(token: str) -> bool:
    return gazetteer.current().is_english(token.casefold())  # "is", "ad": a word, not initials
