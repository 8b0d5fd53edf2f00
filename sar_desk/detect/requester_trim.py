"""The requester's words are never inside a proposal in a SAR (R75, issue 15).

The allow-list (`allow_list`) drops a proposal that is exactly one of the requester's names. A
name span can also run the requester's name together with the next word or another person
("its Sue Malik Dolly came in": NER's "Sue Malik Dolly" holds staff Sue Malik and requester
Dolly). As a guarantee at the policy's last step, such a span is cut around the requester's
words; each piece that is left is kept only if it is still a name by itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.detect import gazetteer
from sar_desk.detect.allow_list import RequesterAllowList, plain_name
from sar_desk.detect.recognizers.name_words import JOINERS
from sar_desk.detect.words import TITLES

# Types whose span may hold a name (a LOCATION or NRP guess may become a PERSON later).
TRIMMED_TYPES = frozenset({"PERSON", "LOCATION", "NRP"})
# A word with its inner apostrophes and hyphens: "O'Neill", "Malik-Hines", "Dolly's".
_WORD = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)
_LONGEST = 4  # the most words of a requester's name matched as one run


def trim_requester(finding: Finding, allow: RequesterAllowList) -> list[Finding]:
    """The parts of a name-like text finding left when the requester's words are cut out.

    Returns ``[finding]`` when it holds none of the requester's words, ``[]`` when nothing that
    is a name by itself is left, else the pieces between the requester's words.
    """
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
    for piece in pieces:
        kept = _name_part(piece)
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
    return mine


def _name_part(piece: list[re.Match[str]]) -> list[re.Match[str]]:
    """The piece without joiners and titles at its ends, when it is still a name by itself.

    A title is dropped at the end ("Dolly and Mrs" is no name) but kept before a name left
    ("Mrs Okafor"); the piece must hold a listed given or family name, or a capitalised word
    that is no common word.
    """
    never = TITLES | JOINERS
    while piece and piece[0].group(0).casefold() in JOINERS:
        piece = piece[1:]
    while piece and piece[-1].group(0).casefold().rstrip(".") in never:
        piece = piece[:-1]
    gaz = gazetteer.current()
    for word in piece:
        text = word.group(0)
        if text.casefold().rstrip(".") in never or len(text) < 2:
            continue
        parts = text.split("-")  # "jia-hui": each part a listed name
        if all(gaz.is_first_name(p) or gaz.is_surname(p) for p in parts):
            return piece
        if text[0].isupper() and not gaz.is_common_word(text):  # "Odile Today" leaves no name
            return piece
    return []
