"""The regime policy (domain.md §2.3-2.4, R34, R35, R75): what is proposed, and why.

SAR: the requester's own data is theirs to receive, so it is never proposed (allow-list);
everyone else's identifiers are proposed under DPA 2018 Sch 2 Pt 3 para 16; staff acting in an
official capacity are proposed with a note that disclosure is often reasonable.
FOI/EIR/FOISA: all personal data is proposed; the requester's own under s.40(1) / reg 5(3) /
s.38(1)(a), officials' names as a lower-scored suggestion. Nothing here ever approves anything.

The requester's allow-list is `allow_list`.
What the requester writes about themselves in their own messages ("my address is ...", "my
NHS number is ...", "call me on ...") is theirs too (`self_disclosure`, issue 13 item 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from sar_desk.core.findings import Finding, ProposalField
from sar_desk.core.model import Message, MessageId, PersonRole, Regime
from sar_desk.detect.allow_list import RequesterAllowList, build_allow_list
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.requester_trim import known_name_words, trim_requester
from sar_desk.detect.self_disclosure import is_self_disclosed, self_regions

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
    if context.regime == Regime.SAR:
        # the last step's guarantee: no proposal holds the requester's words ("Sue Dolly")
        others = known_name_words(context)
        findings = [piece for f in findings for piece in trim_requester(f, allow, others)]
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
