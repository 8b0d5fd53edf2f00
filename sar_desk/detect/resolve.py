"""Overlap resolution: one proposal per stretch of text, the strongest one (presidio.md §6.3).

spaCy calls phone area codes and NHS digit groups DATE_TIME, the URL recogniser fires on the
domain of every e-mail, NER and the deny-list both find the same name. Within one message field,
findings are ranked (structured identifiers first, then the longer span, then known-person
matches, then score) and a finding overlapping a better one is dropped; a dropped name lends its
person id to the PERSON finding that covers it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from itertools import groupby

from sar_desk.core.findings import Finding

CASE_RECOGNIZERS = frozenset({"CaseDenyList", "CaseStructure", "CasePropagation"})
# Types NER confuses with names; a case-known name overlapping one turns it into PERSON.
NAME_LIKE = frozenset({"LOCATION", "NRP"})


def _rank(finding: Finding, structured: Collection[str]) -> tuple[int, int, int, float]:
    length = (finding.end or 0) - (finding.start or 0)
    return (
        1 if finding.entity_type in structured else 0,
        length,
        1 if finding.recognizer in CASE_RECOGNIZERS else 0,
        finding.score,
    )


def _resolve_field(items: list[Finding], structured: Collection[str]) -> list[Finding]:
    if items[0].start is None:
        # Header, mention, reaction and attachment proposals: one per distinct value and type.
        seen: dict[tuple[str, str], Finding] = {}
        for f in items:
            key = (f.text, f.entity_type)
            if key not in seen or f.score > seen[key].score:
                seen[key] = f
        return list(seen.values())
    kept: list[Finding] = []
    for f in sorted(items, key=lambda f: _rank(f, structured), reverse=True):
        clash = next((i for i, k in enumerate(kept) if k.overlaps(f)), None)
        if clash is None:
            kept.append(f)
            continue
        winner = kept[clash]
        if f.entity_type == "PERSON" and f.recognizer in CASE_RECOGNIZERS:
            if winner.entity_type in NAME_LIKE:
                # NER called a known or propagated name a place ("Shona" as LOCATION).
                kept[clash] = winner = replace(winner, entity_type="PERSON")
            if winner.entity_type == "PERSON" and winner.person_id is None:
                kept[clash] = replace(winner, person_id=f.person_id)
    return sorted(kept, key=lambda f: (f.start or 0, f.end or 0))


def resolve(
    findings: Iterable[Finding], structured: Collection[str], drop: Collection[str] = ()
) -> list[Finding]:
    """Drop unwanted types and resolve overlaps within each message field.

    Args:
        findings: Raw findings, any order, any messages.
        structured: Entity types that beat weaker overlapping ones (phone, NHS, e-mail...).
        drop: Entity types never proposed (US-only types, bare dates).

    Returns:
        The surviving findings, by message, field and offset.
    """
    wanted = [f for f in findings if f.entity_type not in drop]
    wanted.sort(key=lambda f: (f.message_id, str(f.field), f.start is None))
    out: list[Finding] = []
    for _key, group in groupby(wanted, key=lambda f: (f.message_id, str(f.field))):
        items = list(group)
        texts = [f for f in items if f.start is not None]
        others = [f for f in items if f.start is None]
        if texts:
            out.extend(_resolve_field(texts, structured))
        if others:
            out.extend(_resolve_field(others, structured))
    return out
