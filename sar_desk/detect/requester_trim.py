"""The requester's words are never inside a proposal in a SAR (R75, issue 15).

The allow-list (`allow_list`) drops a proposal that is exactly one of the requester's names. A
name span can also run the requester's name together with the next word or another person
("its Sue Malik Dolly came in": NER's "Sue Malik Dolly" holds staff Sue Malik and requester
Dolly). As a guarantee at the policy's last step, such a span is cut around the requester's
words; each piece that is left is kept only if it is still a name by itself.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import replace

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.detect import gazetteer
from sar_desk.detect.allow_list import RequesterAllowList, plain_name, requester_people
from sar_desk.detect.case_terms import CaseContext
from sar_desk.detect.closed_classes import HONORIFICS
from sar_desk.detect.recognizers.name_words import JOINERS
from sar_desk.detect.recognizers.ranks import RANKS
from sar_desk.detect.recognizers.shouted_names import unstretched
from sar_desk.detect.words import TITLES, is_not_a_name

# Types whose span may hold a name (a LOCATION or NRP guess may become a PERSON later).
TRIMMED_TYPES = frozenset({"PERSON", "LOCATION", "NRP"})
# A word with its inner apostrophes and hyphens: "O'Neill", "Malik-Hines", "Dolly's".
_WORD = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)
_LONGEST = 4  # the most words of a requester's name matched as one run
_NEVER = TITLES | JOINERS | HONORIFICS
_RANK = re.compile(rf"(?i:{RANKS})")


def trim_requester(
    finding: Finding, allow: RequesterAllowList, others: Set[str] = frozenset()
) -> list[Finding]:
    """The parts of a name-like text finding left when the requester's words are cut out.

    Returns ``[finding]`` when it holds none of the requester's words, ``[]`` when nothing that
    is a name by itself is left, else the pieces between the requester's words. A span the
    case tied to the requester keeps only pieces whose every word is a name word of another
    known person (`others`, folded): another word next to the requester's name may be their
    own middle name.
    """
    if finding.entity_type == "URL" and finding.field == ProposalField.TEXT:
        # "jericho.dela cruz@...": a link or a broken address holding the requester's name is
        # theirs (a web address is no one else's name to keep)
        letters = list(_LETTERS.finditer(finding.text))
        return [] if _requester_words(letters, allow) else [finding]
    if (
        finding.entity_type not in TRIMMED_TYPES
        or finding.field != ProposalField.TEXT
        or finding.start is None
    ):
        return [finding]
    words = list(_WORD.finditer(finding.text))
    mine = _requester_words(words, allow)
    if not mine:
        return [finding]
    pieces: list[list[re.Match[str]]] = [[]]
    for i, word in enumerate(words):
        if i in mine:
            pieces.append([])
        else:
            pieces[-1].append(word)
    # The case's matcher may have tied the whole span to the requester ("its Seonaidh Jo
    # Bloggs came in": the requester's name inside a longer span); what is left is not theirs.
    other = None if finding.person_id in allow.person_ids else finding.person_id
    out = []
    tied = finding.person_id is not None and finding.person_id in allow.person_ids
    for piece in pieces:
        kept = _name_part(piece)
        if tied and not all(_key(w.group(0)) in others for w in kept):
            continue
        if kept:
            a, b = kept[0].start(), kept[-1].end()
            out.append(
                replace(
                    finding,
                    start=finding.start + a,
                    end=finding.start + b,
                    text=finding.text[a:b],
                    person_id=other,
                )
            )
    return out


def _key(word: str) -> str:
    """The word as the allow-list keeps names: folded, without a possessive "'s"."""
    return plain_name(_POSSESSIVE.sub("", word))


def _requester_words(words: list[re.Match[str]], allow: RequesterAllowList) -> set[int]:
    """Indexes of the words that are (part of) one of the requester's names."""
    keys = [_key(w.group(0)) for w in words]
    mine: set[int] = set()
    for i in range(len(keys)):
        for j in range(i + 1, min(len(keys), i + _LONGEST) + 1):
            run = " ".join(keys[i:j])
            spelled = "".join(ch for ch in run if ch.isalpha())
            if run in allow.names or (j == i + 1 and spelled in allow.spelled):
                mine.update(range(i, j))
        # "ODILEEE": a stretched word is the requester's when a held form of it is
        if i not in mine and any(form in allow.names for form in unstretched(keys[i])):
            mine.add(i)
    return mine


def _name_part(piece: list[re.Match[str]]) -> list[re.Match[str]]:
    """The piece cut to its name-like words at both ends, when any is left ("SAR from" is none).

    Name-like: a listed given or family name, a capitalised word that is no common word, or a
    word in capitals of four letters or more that is no English word (not "SAR", "NHS"); never
    a title, a joiner or a listed non-name. Words between two name-like ones stay ("van der").
    """
    while piece and not _name_like(piece[0].group(0)):
        piece = piece[1:]
    while piece and not _name_like(piece[-1].group(0)):
        piece = piece[:-1]
    return piece


def _name_like(word: str) -> bool:
    gaz = gazetteer.current()
    low = _POSSESSIVE.sub("", word).casefold()
    bare = low.rstrip(".")
    if bare in _NEVER or _RANK.fullmatch(bare) or len(low) < 2 or is_not_a_name(word):
        return False  # "Revd", "Sgt", "and": a title or a joiner left alone is no one
    if word.isupper():
        return len(low) >= 4 and not gaz.is_english(low) and not gaz.is_common_word(low)
    if all(gaz.is_first_name(p) or gaz.is_surname(p) for p in low.split("-")):
        return True  # "jia-hui": each part a listed name
    return word[:1].isupper() and not gaz.is_common_word(low)  # "Odile Today" leaves no name


def known_name_words(context: CaseContext) -> frozenset[str]:
    """The folded words of the names of the case's people other than the requester."""
    requesters = requester_people(context)
    return frozenset(
        _key(word)
        for person in context.people
        if person not in requesters
        for name in person.names
        for word in name.split()
    )
