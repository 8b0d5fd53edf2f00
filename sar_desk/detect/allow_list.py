"""The requester's allow-list (R34): what in a SAR is the requester's own and never proposed.

Kept simple and safe: the requester's full names (with or without a title), phones, e-mails and
handles, and a bare first name or surname only when no other known person shares it. A shared
first name is proposed, because it may be the third party's. An e-mail address whose local part
spells the requester's full name (jane.moloney@..., and no other known person has that name)
is theirs too, typed in as an alias or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sar_desk.core.findings import Finding
from sar_desk.core.identity import classify_identifier, name_key, normalise_email
from sar_desk.core.model import IdentifierKind, Message, PersonId, PersonRole
from sar_desk.core.text import phone_key
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.recognizers.spelt_emails import written_address
from sar_desk.detect.words import TITLES


@dataclass(frozen=True)
class RequesterAllowList:
    """The requester's identifiers, normalised for comparison."""

    names: frozenset[str]
    phones: frozenset[str]
    emails: frozenset[str]
    person_ids: frozenset[PersonId]
    region: str | None = None
    spelled: frozenset[str] = frozenset()

    def covers(self, finding: Finding) -> bool:
        """Whether a finding is exactly one of the requester's identifiers."""
        if finding.person_id is not None and finding.person_id in self.person_ids:
            return True
        value = finding.text
        if finding.entity_type == "PHONE_NUMBER":
            return phone_key(value, self.region) in self.phones
        if finding.entity_type == "EMAIL_ADDRESS":
            # "jo at example dot com" is the requester's "jo@example.com" spelt out
            email = normalise_email(value) or normalise_email(written_address(value) or "")
            return email in self.emails or (
                email is not None and _spelling(email.partition("@")[0]) in self.spelled
            )
        # "jericho_dela", "jericho.dela": the parts of the requester's name run together
        return _plain_name(value) in self.names or _spelling(value) in self.spelled

    def sent(self, message: Message) -> bool:
        """Whether the requester wrote this message (by sender name, phone or e-mail)."""
        # A chat has a few senders and thousands of messages: each sender is read once.
        return _sent(self, message.sender, message.sender_id)


@lru_cache(maxsize=4096)
def _sent(allow: RequesterAllowList, *values: str | None) -> bool:
    for value in values:
        if not value:
            continue
        kind, norm = classify_identifier(value)
        if kind == IdentifierKind.PHONE and phone_key(norm, allow.region) in allow.phones:
            return True
        if kind == IdentifierKind.EMAIL and norm in allow.emails:
            return True
        words = _plain_name(value).split()
        # A full name, or a handle, of the requester; a bare shared first name is not enough.
        if (len(words) > 1 or value.startswith("@")) and _plain_name(value) in allow.names:
            return True
    return False


@lru_cache(maxsize=65536)  # pure: the same spans' words are asked about in every batch
def _spelling(value: str) -> str:
    """Letters only: "jane.o-moloney" and "Jane O'Moloney" both give "janeomoloney"."""
    return "".join(ch for ch in name_key(value) if ch.isalpha())


def _spellings(name: str) -> set[str]:
    """The ways an address or a run-together word spells a name from its parts.

    "Jericho Dela Cruz" gives "jerichodelacruz", "delacruz", "cruz" (the family name with or
    without its particle), "jerichodela" (an address whose dot was lost), "jdelacruz" and
    "jcruz" (an initial before the family name) and "cruzjericho". The given name alone
    ("jericho@") is not among them: a given name is shared by too many people to be assumed.
    """
    # the halves of a double-barrelled name count as parts: "Fitzwilliam-Hay" gives "hay"
    words = [w for w in (_spelling(w) for w in re.split(r"[\s-]+", _plain_name(name))) if w]
    if len(words) < 2:
        return set()
    family = {"".join(words[i:]) for i in range(1, len(words))}
    out = {"".join(words), words[-1] + words[0], *family}
    out |= {"".join(words[:j]) for j in range(2, len(words))}
    out |= {words[0][0] + f for f in family}
    return {s for s in out if len(s) >= 4}


def _spelled_names(names: Iterable[str], people: Iterable[KnownPerson]) -> set[str]:
    """Address local parts that spell the requester's name, or a part of it, and nobody else's.

    The request usually arrives from an address like jane.moloney@..., and it is quoted in
    forwarded mail and chat; an officer who did not type it in as an alias should not have to
    reject it as a third party's. The spellings of `_spellings` count ("cruz@..." and
    "jdelacruz@..." for "Jericho Dela Cruz"), never one that another known person's name
    spells too (a shared family name may be a relative's address).
    """
    spelled: set[str] = set()
    for name in names:
        spelled |= _spellings(name)
    for person in people:
        for name in person.names:
            spelled -= _spellings(name)
    return spelled


def plain_name(value: str) -> str:
    """A name as the allow-list keeps it: folded, without titles ("Mrs Zoë X" -> "zoe x")."""
    return _plain_name(value)


@lru_cache(maxsize=65536)  # pure: every finding's text is checked, most of them repeats
def _plain_name(value: str) -> str:
    words = [w for w in value.lstrip("@").split() if w.casefold().strip(".") not in TITLES]
    return name_key(" ".join(words))


def build_allow_list(context: CaseContext) -> RequesterAllowList:
    """Collect the requester's identifiers from the case aliases and requester people."""
    names: set[str] = set()
    phones: set[str] = set()
    emails: set[str] = set()
    requesters = requester_people(context)
    aliases = list(context.requester_aliases)
    for person in requesters:
        aliases += [*person.names, *person.phones, *person.emails]
        names.update(name_key(h.lstrip("@")) for h in person.handles)
    for alias in aliases:
        kind, value = classify_identifier(alias, context.region)
        if kind == IdentifierKind.PHONE:
            key = phone_key(value, context.region)
            if key:
                phones.add(key)
        elif kind == IdentifierKind.EMAIL:
            emails.add(value)
        else:
            names.add(_plain_name(value))
    full_names = {n for n in names if len(n.split()) >= 2}
    others = [p for p in context.people if p not in requesters]
    names |= _unique_parts(aliases, context.people, requesters)
    spelled = _spelled_names(full_names, others)
    # Parts run together ("jerichodela" before an address that lost its dot) are theirs too.
    names |= {s for s in spelled if s not in names and len(s) >= 6}
    return RequesterAllowList(
        frozenset(n for n in names if n),
        frozenset(phones),
        frozenset(emails),
        frozenset(p.person_id for p in requesters if p.person_id is not None),
        context.region,
        frozenset(spelled),
    )


def requester_people(context: CaseContext) -> list[KnownPerson]:
    """People marked as the requester, or whose name, phone or e-mail is a requester alias.

    The people table may not have the requester marked yet; a person called exactly like the
    requester, or sharing their number or address, is treated as them.
    """
    names: set[str] = set()
    phones: set[str] = set()
    emails: set[str] = set()
    for alias in context.requester_aliases:
        kind, value = classify_identifier(alias, context.region)
        if kind == IdentifierKind.PHONE:
            phones.add(phone_key(value, context.region) or value)
        elif kind == IdentifierKind.EMAIL:
            emails.add(value)
        else:
            names.add(_plain_name(value))
    out = []
    for person in context.people:
        if (
            person.role == PersonRole.REQUESTER
            or any(_plain_name(n) in names for n in person.names)
            or any(phone_key(p, context.region) in phones for p in person.phones)
            or any(normalise_email(e) in emails for e in person.emails)
        ):
            out.append(person)
    return out


def _name_parts(name: str) -> set[str]:
    """The parts of a name the requester may be called by on their own.

    Each word, each half of a double-barrelled word and the family name with its particles
    ("Jericho Dela Cruz": "jericho", "dela", "cruz", "dela cruz"; "Ann Fitzwilliam-Hay":
    "fitzwilliam", "hay" and "fitzwilliam hay").
    """
    words = _plain_name(name).split()
    parts = set(words)
    parts |= {" ".join(words[i:]) for i in range(1, len(words) - 1)}
    for word in words:
        pieces = [p for p in word.split("-") if len(p) >= 3]
        if len(pieces) > 1:
            parts |= set(pieces)
    return parts


def _unique_parts(
    aliases: Iterable[str], people: Iterable[KnownPerson], requesters: list[KnownPerson]
) -> set[str]:
    """Parts of the requester's names (`_name_parts`) that no other known person shares."""
    own: set[str] = set()
    for alias in aliases:
        if classify_identifier(alias)[0] == IdentifierKind.NAME:
            own.update(name_key(w) for w in _name_parts(alias))
    others: set[str] = set()
    for person in people:
        if person in requesters:
            continue
        for name in person.names:
            others.update(_name_parts(name))
    return own - others
