"""The regime policy (domain.md §2.3-2.4, R34, R35, R75): what is proposed, and why.

SAR: the requester's own data is theirs to receive, so it is never proposed (allow-list);
everyone else's identifiers are proposed under DPA 2018 Sch 2 Pt 3 para 16; staff acting in an
official capacity are proposed with a note that disclosure is often reasonable.
FOI/EIR/FOISA: all personal data is proposed; the requester's own under s.40(1) / reg 5(3) /
s.38(1)(a), officials' names as a lower-scored suggestion. Nothing here ever approves anything.

Requester allow-list, kept simple and safe: the requester's full names (with or without a
title), phones, e-mails and handles, and a bare first name or surname only when no other known
person shares it. A shared first name is proposed, because it may be the third party's.
What the requester writes about themselves in their own messages ("my address is ...", "my
NHS number is ...", "call me on ...") is theirs too (`self_disclosure`, issue 13 item 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.identity import classify_identifier, name_key, normalise_email
from sar_desk.core.model import IdentifierKind, Message, MessageId, PersonId, PersonRole, Regime
from sar_desk.core.text import phone_key
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.self_disclosure import is_self_disclosed, self_regions
from sar_desk.detect.words import TITLES

_OWN_CODES = {
    Regime.FOI: "FOIA s.40(1)",
    Regime.EIR: "EIR reg. 5(3)",
    Regime.FOISA: "FOISA s.38(1)(a)",
    Regime.EISR: "EISR reg. 11(1)",
}
_THIRD_PARTY_CODES = {
    Regime.FOI: "FOIA s.40(2)",
    Regime.EIR: "EIR reg. 13",
    Regime.FOISA: "FOISA s.38(1)(b)",
    Regime.EISR: "EISR reg. 11(2)",
}
_NAME_TYPES = {"PERSON"}
_HOUSE_NUMBER = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+$")


@dataclass(frozen=True)
class RequesterAllowList:
    """The requester's identifiers, normalised for comparison."""

    names: frozenset[str]
    phones: frozenset[str]
    emails: frozenset[str]
    person_ids: frozenset[PersonId]
    region: str | None = None

    def covers(self, finding: Finding) -> bool:
        """Whether a finding is exactly one of the requester's identifiers."""
        if finding.person_id is not None and finding.person_id in self.person_ids:
            return True
        value = finding.text
        if finding.entity_type == "PHONE_NUMBER":
            return phone_key(value, self.region) in self.phones
        if finding.entity_type == "EMAIL_ADDRESS":
            return normalise_email(value) in self.emails
        return _plain_name(value) in self.names

    def sent(self, message: Message) -> bool:
        """Whether the requester wrote this message (by sender name, phone or e-mail)."""
        for value in (message.sender, message.sender_id):
            if not value:
                continue
            kind, norm = classify_identifier(value)
            if kind == IdentifierKind.PHONE and phone_key(norm, self.region) in self.phones:
                return True
            if kind == IdentifierKind.EMAIL and norm in self.emails:
                return True
            words = _plain_name(value).split()
            # A full name, or a handle, of the requester; a bare shared first name is not enough.
            if (len(words) > 1 or value.startswith("@")) and _plain_name(value) in self.names:
                return True
        return False


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
    names |= _unique_parts(aliases, context.people, requesters)
    return RequesterAllowList(
        frozenset(n for n in names if n),
        frozenset(phones),
        frozenset(emails),
        frozenset(p.person_id for p in requesters if p.person_id is not None),
        context.region,
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


def _unique_parts(
    aliases: Iterable[str], people: Iterable[KnownPerson], requesters: list[KnownPerson]
) -> set[str]:
    """First names and surnames of the requester that no other known person shares."""
    own: set[str] = set()
    for alias in aliases:
        if classify_identifier(alias)[0] == IdentifierKind.NAME:
            own.update(name_key(w) for w in _plain_name(alias).split())
    others: set[str] = set()
    for person in people:
        if person in requesters:
            continue
        for name in person.names:
            others.update(_plain_name(name).split())
    return own - others


def explain(finding: Finding, context: CaseContext, person: KnownPerson | None) -> Finding:
    """Give a kept finding the policy's explanation (and lower officials' names in FOI)."""
    what = _what(finding.entity_type)
    if context.regime == Regime.SAR:
        if person is not None and person.official_capacity and finding.entity_type in _NAME_TYPES:
            note = (
                "Staff acting in an official capacity: para 16 balancing, often reasonable "
                "to disclose. Decide; not approved automatically."
            )
        else:
            note = (
                f"Third party's {what}: DPA 2018 Sch 2 Pt 3 para 16, withhold unless they "
                "consent or it is reasonable to disclose."
            )
        return replace(finding, explanation=note)
    if person is not None and person.role == PersonRole.REQUESTER:
        return replace(
            finding,
            explanation=(
                f"The requester's own {what}: exempt under {_OWN_CODES[context.regime]}; handle "
                "it as a subject access request."
            ),
        )
    if person is not None and person.official_capacity and finding.entity_type in _NAME_TYPES:
        return replace(
            finding,
            score=round(finding.score * 0.5, 3),
            explanation=(
                "Official acting in a public role: names are often disclosed after a "
                "legitimate-interests test. Suggestion only; decide and record the reason."
            ),
        )
    return replace(
        finding,
        explanation=(
            f"Personal data ({what}): {_THIRD_PARTY_CODES[context.regime]}, disclosure to the "
            "world would breach the data protection principles."
        ),
    )


_LABELS = {
    "PERSON": "name",
    "PHONE_NUMBER": "phone number",
    "EMAIL_ADDRESS": "e-mail address",
    "UK_NHS": "NHS number",
    "UK_NINO": "National Insurance number",
    "UK_POSTCODE": "postcode",
    "UK_SORT_CODE_ACCOUNT": "bank details",
    "IBAN_CODE": "bank account (IBAN)",
    "CREDIT_CARD": "payment card number",
    "UK_PASSPORT": "passport number",
    "UK_DRIVING_LICENCE": "driving licence number",
    "UK_VEHICLE_REGISTRATION": "vehicle registration",
    "IP_ADDRESS": "IP address",
    "DATE_OF_BIRTH": "date of birth",
    "STREET_ADDRESS": "address",
    "LOCATION": "place",
    "NRP": "nationality, religion or politics",
    "URL": "web address",
}


def _what(entity_type: str) -> str:
    return _LABELS.get(entity_type, entity_type.lower().replace("_", " "))


def self_disclosed(
    findings: Sequence[Finding], messages: Iterable[Message], allow: RequesterAllowList
) -> set[tuple[MessageId, int]]:
    """``(message, start)`` of findings the requester gives about themselves in their messages.

    Names are left out (a name after "my" is someone else's: "my neighbour Jordan"); other
    people named in the message end the requester's region.
    """
    by_message: dict[MessageId, list[Finding]] = {}
    for f in findings:
        if f.field == ProposalField.TEXT and f.start is not None:
            by_message.setdefault(f.message_id, []).append(f)
    own: set[tuple[MessageId, int]] = set()
    for message in messages:
        found = by_message.get(message.id)
        if not found or not allow.sent(message):
            continue
        # "27 Quarry Bank": NER often takes the street after a house number for a name; that
        # is part of an address, neither another person nor a reason to end the region.
        street = {
            f.start
            for f in found
            if f.start is not None and _HOUSE_NUMBER.search(message.text, 0, f.start)
        }
        others = [
            f.start
            for f in found
            if f.entity_type in _NAME_TYPES
            and f.start is not None
            and f.start not in street
            and not allow.covers(f)
        ]
        regions = self_regions(message.text, others)
        for f in found:
            name = f.entity_type in _NAME_TYPES and f.start not in street
            if not name and is_self_disclosed(regions, f.start):
                own.add((f.message_id, f.start or 0))
    return own


def apply_policy(
    findings: Iterable[Finding],
    context: CaseContext,
    allow: RequesterAllowList | None = None,
    messages: Iterable[Message] = (),
) -> list[Finding]:
    """Filter and explain findings for the case's regime.

    Args:
        findings: Resolved findings of some messages.
        context: The case (regime, people, requester aliases).
        allow: A prebuilt allow-list (built from `context` when omitted).
        messages: The messages the findings are in, when known: what the requester gives
            about themselves in their own messages is theirs (never proposed in a SAR).

    Returns:
        The findings to propose, each with its explanation.
    """
    allow = allow or build_allow_list(context)
    findings = list(findings)
    given = self_disclosed(findings, messages, allow)
    out: list[Finding] = []
    for finding in findings:
        own = allow.covers(finding) or (
            finding.field == ProposalField.TEXT
            and (finding.message_id, finding.start or 0) in given
        )
        if own and context.regime == Regime.SAR:
            continue  # R75: the requester's own data is never proposed in a SAR
        person = context.person(finding.person_id)
        if own and (person is None or person.role != PersonRole.REQUESTER):
            person = KnownPerson(finding.person_id, PersonRole.REQUESTER)
        out.append(explain(finding, context, person))
    return out
