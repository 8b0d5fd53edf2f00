"""Case awareness: everyone known to the case becomes a fast deny-list (presidio.md §6.2).

NER misses half the first names and most lower-case or ALL-CAPS names in chat; the people
table knows them. Every name, name part, nickname, handle and e-mail of a known person is
compiled into one trie-shaped regular expression (matched case-insensitively at word
boundaries), and every phone number into a digit pattern that ignores spacing, so one pass
over a message finds them all. The same matcher also carries names propagated from elsewhere in
the case (`CaseContext.with_propagated`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from sar_desk.core.identity import name_key, normalise_email
from sar_desk.core.model import PersonId, PersonRole, Regime
from sar_desk.detect.recognizers.uk_phone_recognizer import national_digits
from sar_desk.detect.words import TITLES, is_ambiguous, is_placeholder, looks_like_name


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person the case knows, as plain data built by the app from the people table.

    Attributes:
        person_id: The person's id (None for a case alias with no person row).
        role: Requester, staff, third party or unknown.
        official_capacity: Staff acting in an official (public-facing) capacity.
        names: Display names, full names and nicknames.
        handles: Platform handles (with or without ``@``).
        phones: Phone numbers in any written form.
        emails: E-mail addresses.
    """

    person_id: PersonId | None
    role: PersonRole = PersonRole.UNKNOWN
    official_capacity: bool = False
    names: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TermHit:
    """A deny-list match in a text."""

    start: int
    end: int
    entity_type: str
    person_ids: frozenset[PersonId | None]
    kind: str


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", name.strip()) if w]


def trie_pattern(terms: Iterable[str]) -> str:
    """One regex alternation shaped as a trie, so shared prefixes are matched once."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


def phone_key(value: str) -> str | None:
    """National digits of a UK-style number, or the digits of any other long number."""
    digits = national_digits(value)
    return digits if len(digits) >= 9 else None


@dataclass(frozen=True)
class CaseContext:
    """What detection knows about the case: regime, known people, requester aliases.

    Attributes:
        regime: The request's regime (decides the policy).
        people: Everyone known to the case.
        requester_aliases: The case's requester name and aliases (names, phones, e-mails).
        propagated: Names found elsewhere in the case, matched everywhere (second pass).
    """

    regime: Regime = Regime.SAR
    people: tuple[KnownPerson, ...] = ()
    requester_aliases: tuple[str, ...] = ()
    propagated: tuple[str, ...] = field(default=())

    def with_propagated(self, names: Iterable[str]) -> CaseContext:
        """A copy that also matches `names` (PERSON strings found elsewhere in the case)."""
        return replace(self, propagated=tuple(sorted(set(self.propagated) | set(names))))

    @cached_property
    def name_index(self) -> dict[str, set[PersonId | None]]:
        """Name keys (full names, parts, "title surname", handles) → person ids."""
        index: dict[str, set[PersonId | None]] = {}
        for person in self.people:
            for key in _name_keys(person):
                index.setdefault(key, set()).add(person.person_id)
        return index

    @cached_property
    def phone_index(self) -> dict[str, set[PersonId | None]]:
        """Phone digit keys → person ids."""
        index: dict[str, set[PersonId | None]] = {}
        for person in self.people:
            for phone in person.phones:
                key = phone_key(phone)
                if key:
                    index.setdefault(key, set()).add(person.person_id)
        return index

    @cached_property
    def email_index(self) -> dict[str, set[PersonId | None]]:
        """Lower-case e-mail → person ids."""
        index: dict[str, set[PersonId | None]] = {}
        for person in self.people:
            for email in person.emails:
                norm = normalise_email(email)
                if norm:
                    index.setdefault(norm, set()).add(person.person_id)
        return index

    @cached_property
    def matcher(self) -> TermMatcher:
        """The compiled deny-list of this context."""
        return TermMatcher(self)

    def person(self, person_id: PersonId | None) -> KnownPerson | None:
        """The known person with this id."""
        for person in self.people:
            if person.person_id == person_id and person_id is not None:
                return person
        return None


# Display names of accounts that are not people ("Repairs Bot", "IT Service Desk"): the whole
# name is matched, but its words are not, or "repairs" would be a name everywhere.
_NOT_A_PERSON = frozenset(
    {
        "bot",
        "team",
        "desk",
        "helpdesk",
        "support",
        "admin",
        "service",
        "services",
        "office",
        "noreply",
        "no-reply",
        "system",
        "notifications",
    }
)


def _name_keys(person: KnownPerson) -> set[str]:
    keys: set[str] = set()
    for name in person.names:
        if is_placeholder(name):
            continue  # "Deleted User", "Author 1", "You", an emoji: nobody's name
        words = [w for w in _words(name) if w.casefold().strip(".") not in TITLES]
        if not words:
            continue
        keys.add(name_key(" ".join(words)))
        if any(w.casefold() in _NOT_A_PERSON for w in words):
            continue
        for word in words:
            if looks_like_name(word) or (word[:1].isupper() and len(word) > 1):
                keys.add(name_key(word))
        if len(words) > 1:
            for title in ("mr", "mrs", "ms", "miss", "mx", "dr"):
                keys.add(f"{title} {name_key(words[-1])}")
    for handle in person.handles:
        if not is_placeholder(handle.lstrip("@")):
            keys.add(name_key(handle.lstrip("@")))
    return {k for k in keys if len(k) >= 2}


# Capitals that are far more often an abbreviation than someone's initials.
_ACRONYMS = frozenset(
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


def _initials_index(people: Sequence[KnownPerson]) -> dict[str, set[PersonId | None]]:
    """Initials of third parties ("RO" for Ruth Okoro) → person ids (issue 20)."""
    index: dict[str, set[PersonId | None]] = {}
    for person in people:
        if person.role not in (PersonRole.THIRD_PARTY, PersonRole.UNKNOWN):
            continue
        for name in person.names:
            words = [w for w in _words(name) if w.casefold().strip(".") not in TITLES]
            if is_placeholder(name) or not 2 <= len(words) <= 3:
                continue
            if not all(w[:1].isalpha() and w[:1].isupper() for w in words):
                continue
            index.setdefault("".join(w[0] for w in words), set()).add(person.person_id)
    return index


# After initials that are also a common abbreviation, only a verb shows a person ("RN asked").
_PERSON_VERB = r"(?=\s+(?:is|was|has|had|said|says|asked|asks|rang|called|wants|needs|told|thinks))"


def _initials_regex(initials: Iterable[str]) -> re.Pattern[str] | None:
    plain = sorted(i for i in initials if i not in _ACRONYMS)
    clash = sorted(i for i in initials if i in _ACRONYMS)
    alts = []
    if plain:
        alts.append("(?:" + "|".join(plain) + r")(?![\w@])")
    if clash:
        alts.append("(?:" + "|".join(clash) + r")(?![\w@])" + _PERSON_VERB)
    return re.compile(r"(?<![\w@.])(" + "|".join(alts) + ")") if alts else None


class TermMatcher:
    """Finds every known name, handle, e-mail and phone of a case in one pass per kind."""

    def __init__(self, context: CaseContext) -> None:
        self._context = context
        names = set(context.name_index)
        self._propagated = {name_key(n) for n in context.propagated} - names
        names |= self._propagated
        names |= set(context.email_index)
        self._names = (
            re.compile(
                r"(?<![\w@.])@?(" + trie_pattern(sorted(names)) + r")(?![\w@])", re.IGNORECASE
            )
            if names
            else None
        )
        self._phones = self._phone_regex(context.phone_index)
        self._initials = _initials_index(context.people)
        self._initials_re = _initials_regex(self._initials)

    @staticmethod
    def _phone_regex(index: dict[str, set[PersonId | None]]) -> re.Pattern[str] | None:
        if not index:
            return None
        sep = r"[\s\-.()\u00a0]*"
        alts = []
        for key in sorted(index):
            rest = key[1:] if key.startswith("0") else key
            body = sep.join(re.escape(d) for d in rest)
            alts.append(rf"(?:(?:\+44|0044){sep}(?:\(0\){sep})?|\(?0{sep}){body}")
        return re.compile(r"(?<![\w+])(?:" + "|".join(alts) + r")(?!\d)")

    def find(self, text: str) -> list[TermHit]:
        """All deny-list matches in `text`."""
        hits: list[TermHit] = []
        ctx = self._context
        if self._names is not None:
            for match in self._names.finditer(text):
                hit = self._name_hit(match, ctx)
                if hit is not None:
                    hits.append(hit)
        if self._initials_re is not None:
            for match in self._initials_re.finditer(text):
                ids = frozenset(self._initials[match.group(1)])
                hits.append(TermHit(match.start(), match.end(), "PERSON", ids, "initials"))
        if self._phones is not None:
            for match in self._phones.finditer(text):
                key = phone_key(match.group(0)) or ""
                hits.append(
                    TermHit(
                        match.start(),
                        match.end(),
                        "PHONE_NUMBER",
                        frozenset(ctx.phone_index.get(key, {None})),
                        "phone",
                    )
                )
        return hits

    def _name_hit(self, match: re.Match[str], ctx: CaseContext) -> TermHit | None:
        value = match.group(1)
        key = name_key(value)
        if key in ctx.email_index:
            return TermHit(
                match.start(1),
                match.end(1),
                "EMAIL_ADDRESS",
                frozenset(ctx.email_index[key]),
                "email",
            )
        # A known participant matches in any case ("spoke to dawn"), but not as a word after
        # an article ("the rose bushes"); a propagated name that is also a word ("will",
        # "mark") only counts when capitalised.
        lower_word = " " not in value and is_ambiguous(value) and not value[:1].isupper()
        if lower_word and (key not in ctx.name_index or _after_determiner(match)):
            return None
        start = match.start() if match.group(0).startswith("@") else match.start(1)
        if key in ctx.name_index:
            return TermHit(start, match.end(1), "PERSON", frozenset(ctx.name_index[key]), "known")
        return TermHit(start, match.end(1), "PERSON", frozenset({None}), "propagated")


_DETERMINER = re.compile(
    r"(?i)\b(?:the|a|an|my|your|his|her|our|their|this|that|some|will|can|to|on|of|i|you|we|"
    r"they|he|she|it|who)\s+$"
)


def _after_determiner(match: re.Match[str]) -> bool:
    return bool(_DETERMINER.search(match.string[max(0, match.start() - 8) : match.start()]))


def requester_ids(people: Sequence[KnownPerson]) -> set[PersonId | None]:
    """Ids of the people marked as the requester."""
    return {p.person_id for p in people if p.role == PersonRole.REQUESTER}
