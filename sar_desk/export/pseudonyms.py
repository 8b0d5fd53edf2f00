"""What replaces a redacted string: a fixed-width marker, or one consistent label per person.

Markers show only the reason code, so their width never depends on the removed text (R46,
failure F9). Labels ("Person A", "Officer 1") are given per person in order of first
appearance across the whole bundle, so a requester can follow who said what without learning
who (issue 13 item 7): the same person keeps one label whether the redacted text is their full
name, first name, surname, "Ms Surname", a nickname or a handle. A name is tied to a person by
the person id detection found, else by the names the case knows for each person, else (for
someone not in the case) by being a part of exactly one full name redacted elsewhere.
Staff acting in an official capacity are "Officer N" unless the case's staff policy is to
redact them, when they get the code's marker like any other redaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sar_desk.core.disclosure import (
    ApprovedRedaction,
    DisclosureDecisions,
    ReasonCode,
    StaffPolicy,
)
from sar_desk.core.findings import ProposalField
from sar_desk.core.model import Message
from sar_desk.export.terms import clean_term, normalise

GENERIC_MARKER = "[REDACTED]"
_PERSON_TYPES = frozenset({"PERSON", "PER", "NAME", "NRP_PERSON"})
_PERSON_FIELDS = frozenset({ProposalField.SENDER, ProposalField.MENTION, ProposalField.REACTION})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "cllr", "rev"})
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


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def pseudonym(index: int) -> str:
    """Pseudonym number `index`: Person A ... Person Z, then Person AA, Person AB..."""
    return f"Person {_letters(index)}"


def officer(index: int) -> str:
    """Label number `index` for staff acting in an official capacity: Officer 1, Officer 2..."""
    return f"Officer {index + 1}"


def _is_person(redaction: ApprovedRedaction) -> bool:
    return redaction.field in _PERSON_FIELDS or redaction.entity_type.upper() in _PERSON_TYPES


def _words(name: str) -> list[str]:
    """A name's words without a title or a handle's "@" ("Ms Jo Bloggs" -> ["jo", "bloggs"])."""
    words = normalise(clean_term(name).lstrip("@")).replace(".", " ").split()
    return [w for w in words if w not in _TITLES]


class _PersonKeys:
    """Ties redacted names to people: by id, by a known name, or by a part of one full name."""

    def __init__(self, decisions: DisclosureDecisions) -> None:
        self.official = {int(p.person_id) for p in decisions.people if p.official}
        self.full: dict[str, set[str]] = {}
        self.parts: dict[str, set[str]] = {}
        self._same: dict[str, str] = {}
        for person in decisions.people:
            self._add(f"person:{int(person.person_id)}", person.names)
        # The same full name on two person records (one person per platform, not yet merged
        # in People) is one person for the reader: they share a label.
        for keys in self.full.values():
            if len(keys) > 1:
                first, *rest = sorted(keys, key=self._root)
                for other in rest:
                    if self._root(other) != self._root(first):
                        self._same[self._root(other)] = self._root(first)
        # Someone not in the case: their full names redacted anywhere in the bundle.
        strangers = {
            " ".join(_words(r.text))
            for group in decisions.redactions.values()
            for r in group
            if _is_person(r) and r.person_id is None and len(_words(r.text)) > 1
        }
        for name in sorted(strangers):
            if self._lookup(name.split()) is None:
                self._add(f"name:{name}", [name])

    def _root(self, key: str) -> str:
        while key in self._same:
            key = self._same[key]
        return key

    def _add(self, key: str, names: Iterable[str]) -> None:
        for name in names:
            words = _words(name)
            if not words:
                continue
            self.full.setdefault(" ".join(words), set()).add(key)
            if len(words) > 1:
                for word in words:
                    if len(word) > 1:
                        self.parts.setdefault(word, set()).add(key)

    def key(self, redaction: ApprovedRedaction) -> str:
        """The person a redacted name belongs to (or the name itself when unknown)."""
        if redaction.person_id is not None:
            return self._root(f"person:{int(redaction.person_id)}")
        words = _words(redaction.text)
        found = self._lookup(words)
        return found or f"name:{' '.join(words) or normalise(redaction.text)}"

    def _lookup(self, words: list[str]) -> str | None:
        name = " ".join(words)
        candidates = [self.full.get(name, set()), self.parts.get(name, set())]
        # "@Jo Bloggs has": a known full name at the start; "Jo Smith": a unique surname.
        candidates += [self.full.get(" ".join(words[:n]), set()) for n in range(len(words), 1, -1)]
        if len(words) > 1:
            candidates.append(self.parts.get(words[-1], set()))
        for found in candidates:
            roots = {self._root(k) for k in found}
            if len(roots) == 1:
                return roots.pop()
        return None

    def is_official(self, key: str) -> bool:
        """Whether the key is staff acting in an official capacity."""
        members = [k for k in self._same if self._root(k) == key] + [key]
        return any(
            k.startswith("person:") and int(k.split(":", 1)[1]) in self.official for k in members
        )


class Replacements:
    """Chooses the replacement for each redaction."""

    def __init__(self, decisions: DisclosureDecisions, pseudonyms: bool) -> None:
        self._decisions = decisions
        self._pseudonyms = pseudonyms
        self._keys = _PersonKeys(decisions)
        self._names: dict[str, str] = {}
        self._people = 0
        self._officers = 0

    def assign_in_order(self, messages: Sequence[Message]) -> None:
        """Give labels in order of first appearance (call once, before rendering)."""
        for msg in messages:
            if msg.id in self._decisions.withheld:
                continue
            group = sorted(
                self._decisions.redactions.get(msg.id, ()),
                key=lambda r: (_FIELD_ORDER.get(r.field, 9), r.start or 0),
            )
            for redaction in group:
                if self._pseudonyms and _is_person(redaction):
                    self.for_redaction(redaction)

    def _label(self, key: str) -> str | None:
        label = self._names.get(key)
        if label is not None:
            return label
        if self._keys.is_official(key):
            if self._decisions.staff_policy is StaffPolicy.REDACT:
                return None  # redacted with the code's marker, as the case decided
            label = officer(self._officers)
            self._officers += 1
        else:
            label = pseudonym(self._people)
            self._people += 1
        self._names[key] = label
        return label

    def for_redaction(self, redaction: ApprovedRedaction) -> str:
        """The person's label (people, when enabled) or the code's fixed-width marker."""
        if self._pseudonyms and _is_person(redaction):
            label = self._label(self._keys.key(redaction))
            if label is not None:
                return label
        return marker_for(redaction.code)
