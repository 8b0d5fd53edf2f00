"""What replaces a redacted string: a fixed-width marker, or a consistent pseudonym.

Markers show only the reason code, so their width never depends on the removed text (R46,
failure F9). Pseudonyms ("Person A", "Person B") are assigned per third party in order of first
appearance across the whole bundle, so a reader can follow who said what without learning who.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sar_desk.core.disclosure import ApprovedRedaction, DisclosureDecisions, ReasonCode
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Message
from sar_desk.export.terms import normalise

GENERIC_MARKER = "[REDACTED]"
_PERSON_TYPES = frozenset({"PERSON", "PER", "NAME", "NRP_PERSON"})
_PERSON_FIELDS = frozenset({ProposalField.SENDER, ProposalField.MENTION, ProposalField.REACTION})
_FIELD_ORDER = {
    ProposalField.SENDER: 0,
    ProposalField.TEXT: 1,
    ProposalField.MENTION: 2,
    ProposalField.REACTION: 3,
    ProposalField.ATTACHMENT: 4,
    ProposalField.CONVERSATION: 5,
}


def marker_for(code: ReasonCode) -> str:
    """The fixed-width marker for a code, e.g. ``[REDACTED · Sch 2 Pt 3 para 16]``."""
    return f"[REDACTED · {code.marker}]"


def pseudonym(index: int) -> str:
    """Pseudonym number `index`: Person A ... Person Z, then Person AA, Person AB..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"Person {letters}"


def _is_person(redaction: ApprovedRedaction) -> bool:
    return redaction.field in _PERSON_FIELDS or redaction.entity_type.upper() in _PERSON_TYPES


def _key(redaction: ApprovedRedaction) -> str:
    if redaction.person_id is not None:
        return f"person:{int(redaction.person_id)}"
    return f"name:{normalise(redaction.text)}"


class Replacements:
    """Chooses the replacement for each redaction and for safety-net catches."""

    def __init__(self, decisions: DisclosureDecisions, pseudonyms: bool) -> None:
        self._decisions = decisions
        self._pseudonyms = pseudonyms
        self._names: dict[str, str] = {}
        self._by_term: dict[str, tuple[str, ReasonCode]] = {}
        usage = Counter(r.code.code for group in decisions.redactions.values() for r in group)
        codes = {r.code.code: r.code for group in decisions.redactions.values() for r in group}
        self._fallback: ReasonCode | None = codes[usage.most_common(1)[0][0]] if usage else None

    def assign_in_order(self, messages: Sequence[Message]) -> None:
        """Give pseudonyms in order of first appearance (call once, before rendering)."""
        for msg in messages:
            if msg.id in self._decisions.withheld:
                continue
            group = sorted(
                self._decisions.redactions.get(msg.id, ()),
                key=lambda r: (_FIELD_ORDER.get(r.field, 9), r.start or 0),
            )
            for redaction in group:
                if self._pseudonyms and _is_person(redaction):
                    self._names.setdefault(_key(redaction), pseudonym(len(self._names)))
                self._by_term.setdefault(
                    normalise(redaction.text), (self.for_redaction(redaction), redaction.code)
                )
        for others in self._decisions.redactions.values():
            for redaction in others:
                self._by_term.setdefault(
                    normalise(redaction.text), (self.for_redaction(redaction), redaction.code)
                )

    def for_redaction(self, redaction: ApprovedRedaction) -> str:
        """The pseudonym (people, when enabled) or the code's fixed-width marker."""
        if self._pseudonyms and _is_person(redaction):
            name = self._names.get(_key(redaction))
            if name is None:
                name = self._names.setdefault(_key(redaction), pseudonym(len(self._names)))
            return name
        return marker_for(redaction.code)

    def for_term(self, term: str) -> tuple[str, ReasonCode | None]:
        """Replacement for a protected term the safety net found (and the code it shows)."""
        known = self._by_term.get(normalise(term))
        if known is not None:
            return known
        if self._fallback is not None:
            return marker_for(self._fallback), self._fallback
        return GENERIC_MARKER, None
