"""Case awareness: everyone known to the case becomes a fast deny-list (presidio.md §6.2).

NER misses half the first names and most lower-case or ALL-CAPS names in chat; the people
table knows them. Every name, name part, nickname, handle and e-mail of a known person is
compiled into one `core.text.TermMatcher` (the matcher the export leak check uses: names
folded for case, accents, invisible characters and separators; phone numbers as keys with the
case's region, in any spacing), so one pass over a message finds them all. The same matcher
also carries names propagated from elsewhere in the case (`CaseContext.with_propagated`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.core.identity import normalise_email
from sar_desk.core.model import PersonId, PersonRole, Regime
from sar_desk.core.text import (
    TermMatcher,
    TermSpan,
    clean_term,
    name_key,
    phone_key,
)
from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import HONORIFICS, SURNAME_PARTICLES
from sar_desk.detect.cues import after_article, question_subject
from sar_desk.detect.hit_cues import (
    LABEL_OF,
    REPORTED,
    after_determiner,
    known_cue,
    opens_sentence,
    sentence_start,
    word_follows,
)
from sar_desk.detect.initials import (
    initials_index,
    initials_regex,
    listed_initials,
    short_initials_index,
)
from sar_desk.detect.signed_initials import particle_initials_index, signed_initials
from sar_desk.detect.words import (
    TITLES,
    is_ambiguous,
    is_placeholder,
    looks_like_name,
    named_in_lower_case,
    used_as_word,
)


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


@dataclass(frozen=True)
class CaseContext:
    """What detection knows about the case: regime, known people, requester aliases.

    Attributes:
        regime: The request's regime (decides the policy).
        people: Everyone known to the case.
        requester_aliases: The case's requester name and aliases (names, phones, e-mails).
        propagated: Names found elsewhere in the case, matched everywhere (second pass).
        region: The case's region, for phone numbers written in national form.
    """

    regime: Regime = Regime.SAR
    people: tuple[KnownPerson, ...] = ()
    requester_aliases: tuple[str, ...] = ()
    propagated: tuple[str, ...] = field(default=())
    region: str | None = None

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
        """Phone keys (E.164) → person ids."""
        index: dict[str, set[PersonId | None]] = {}
        for person in self.people:
            for phone in person.phones:
                key = phone_key(phone, self.region)
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
    def matcher(self) -> CaseMatcher:
        """The compiled deny-list of this context."""
        return CaseMatcher(self)

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


# Particles inside surnames: part of a full name, never a name on their own. The Irish "Ní"
# folds to "NI", which chat writes for National Insurance ("NI AB123456C").
_PARTICLES = SURNAME_PARTICLES | frozenset({"van", "di", "del", "al"})


def _honorific(word: str) -> bool:
    """A form of address that is no family name ("Sensei", "Sister"; not "Bishop")."""
    low = word.casefold()
    return low in HONORIFICS and not gazetteer.current().is_surname(low)


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
            if name_key(word) in _PARTICLES or _honorific(word):
                continue  # "de" of "Sanne de Vries" is Dutch for "the"; "Sensei" a form
            if looks_like_name(word) or (word[:1].isupper() and len(word) > 1):
                keys.add(name_key(word))
        if len(words) > 1:
            for title in ("mr", "mrs", "ms", "miss", "mx", "dr"):
                keys.add(f"{title} {name_key(words[-1])}")
    for handle in person.handles:
        if not is_placeholder(handle.lstrip("@")):
            keys.add(name_key(handle.lstrip("@")))
    return {k for k in keys if len(k) >= 2}


class CaseMatcher:
    """Finds every known name, handle, e-mail and phone of a case in one pass."""

    def __init__(self, context: CaseContext) -> None:
        self._context = context
        names = set(context.name_index)
        propagated = {name_key(n) for n in context.propagated} - names
        # What each matcher term stands for (the matcher holds terms without edge punctuation).
        self._meaning: dict[str, tuple[str, str]] = {}
        for kind, keys in (
            ("name", names),
            ("email", set(context.email_index)),
            ("propagated", propagated),
            ("phone", set(context.phone_index)),
        ):
            for key in sorted(keys):
                self._meaning.setdefault(clean_term(key), (kind, key))
        self._terms = TermMatcher(self._meaning, context.region)
        self._initials = initials_index(context.people)
        self._initials_re = initials_regex(self._initials)
        self._short_initials = short_initials_index(context.people)
        self._particle_initials = particle_initials_index(context.people)

    def find(self, text: str) -> list[TermHit]:
        """All deny-list matches in `text`."""
        hits: list[TermHit] = []
        for span in self._terms.spans(text):
            kind, key = self._meaning[self._terms.terms[span.terms[0]]]
            hit = self._phone_hit(span) if span.phone else self._name_hit(text, span, kind, key)
            if hit is not None:
                hits.append(hit)
        if self._initials_re is not None:
            for match in self._initials_re.finditer(text):
                ids = frozenset(self._initials[match.group(1).upper()])
                hits.append(TermHit(match.start(), match.end(), "PERSON", ids, "initials"))
        if self._initials or self._short_initials or self._particle_initials:
            taken = {(h.start, h.end) for h in hits}
            for start, end, key in listed_initials(text, self._initials, self._short_initials):
                if (start, end) not in taken:
                    ids = frozenset(self._initials.get(key) or self._short_initials[key])
                    hits.append(TermHit(start, end, "PERSON", ids, "initials"))
                    taken.add((start, end))
            # "signed off KT", "— KT", "(KT)": where a sheet is signed (`signed_initials`)
            for start, end, ids in signed_initials(
                text, self._initials, self._short_initials, self._particle_initials
            ):
                if (start, end) not in taken:
                    taken.add((start, end))
                    hits.append(TermHit(start, end, "PERSON", ids, "initials"))
        return hits

    def _phone_hit(self, span: TermSpan) -> TermHit:
        ids: set[PersonId | None] = set()
        for index in span.terms:
            kind, key = self._meaning[self._terms.terms[index]]
            if kind == "phone":
                ids |= self._context.phone_index[key]
        return TermHit(span.start, span.end, "PHONE_NUMBER", frozenset(ids or {None}), "phone")

    def _name_hit(self, text: str, span: TermSpan, kind: str, key: str) -> TermHit | None:
        ctx = self._context
        start, end = span.start, span.end
        before = text[start - 1] if start else ""
        # Not inside an e-mail address or a dotted word ("x.sam", "sam@x", "a@sam").
        if kind != "email" and (before == "." or text[end : end + 1] == "@"):
            return None
        if before == "@":
            if start > 1 and (text[start - 2].isalnum() or text[start - 2] in "_.@"):
                return None
            start -= 1  # a handle: the hit includes its "@"
        if kind == "email":
            return TermHit(
                span.start, end, "EMAIL_ADDRESS", frozenset(ctx.email_index[key]), "email"
            )
        if kind == "phone":
            return self._phone_hit(span)
        # A name that is also a word counts in any case ("spoke to dawn", "ivy in bed 6"), but
        # not where it is used as the word ("the rose bushes", "hope you all", "jack the car
        # up"); a propagated one that is a function word ("will", "may") only capitalised.
        value = text[span.start : end]
        ambiguous = " " not in value and is_ambiguous(value)
        # Capitalised inside a sentence it is the name ("nurse Holly off today"); the neighbours
        # only decide for a lower-case word or one that opens a sentence ("Jack the car up").
        decide = not value[:1].isupper() or opens_sentence(text, span.start)
        if ambiguous and decide and used_as_word(text, span.start, end):
            return None
        lower = " " not in value and not value[:1].isupper()
        if lower and gazetteer.current().is_english(value) and after_article(text, span.start):
            return None  # a rarer word that is also a name: "a hazel tree", "the ivy"
        label = kind != "name" and lower and LABEL_OF.match(text, end)
        if label and gazetteer.current().is_english(value):
            return None  # "tel 0207 946 0701", "ref 4471": a label before its number
        lower_word = ambiguous and lower
        if (
            lower_word
            and opens_sentence(text, span.start)
            and word_follows(text, end)
            and not named_in_lower_case(text, span.start, end)
        ):
            return None  # "holly wreath on the door", "autumn leaves fall"; not "holly and I"
        # A function word ("one" of "Person One", "who", "will") in lower case is a name only
        # where it reads as one ("ask will"), even for someone known to the case: "in one
        # second" names nobody. A propagated one never is.
        function_word = value.casefold() in STOP_WORDS
        if lower_word and (
            (after_determiner(text, span.start) and not question_subject(text, span.start, end))
            or (kind != "name" and function_word)
            or (
                (kind != "name" or function_word) and not named_in_lower_case(text, span.start, end)
            )
            # opening a sentence, even a known person's name that is a word ("storm", "cherry")
            # needs a person cue: "cherry on top of it all" names nobody, "cherry's car" does
            or (
                kind == "name"
                and opens_sentence(text, span.start)
                and not known_cue(text, span.start, end)
            )
        ):
            return None
        if (
            kind == "name"
            and value.casefold() in STOP_WORDS
            and sentence_start(text, start)
            and not REPORTED.match(text, end)
        ):
            return None  # "Who has the van keys?" (someone shown as "Dr: Who"); "Will rang" stays
        if kind == "name":
            return TermHit(start, end, "PERSON", frozenset(ctx.name_index[key]), "known")
        return TermHit(start, end, "PERSON", frozenset({None}), "propagated")


def requester_ids(people: Sequence[KnownPerson]) -> set[PersonId | None]:
    """Ids of the people marked as the requester."""
    return {p.person_id for p in people if p.role == PersonRole.REQUESTER}
