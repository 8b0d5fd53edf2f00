"""Resolving the case's people: participants linked across platforms, the requester found.

Automatic merges happen only on strong keys (see `core.people`); name matches become
suggestions for a person to confirm. Runs after every import, inside its transaction.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache

from sar_desk.app.paths import resource_path
from sar_desk.core import people as core_people
from sar_desk.core.identity import classify_identifier
from sar_desk.core.imports import ImportReport
from sar_desk.core.model import Case, IdentifierKind, PersonId, PersonRole
from sar_desk.core.people import (
    Nicknames,
)
from sar_desk.store.uow import UnitOfWork

logger = logging.getLogger(__name__)
SYSTEM_USER_SUFFIX = " (automatic)"


@lru_cache(maxsize=1)
def nicknames() -> Nicknames:
    """The bundled table of interchangeable first names."""
    data = json.loads(resource_path("people/nicknames.json").read_text(encoding="utf-8"))
    return Nicknames(data["groups"])


@dataclass(frozen=True, slots=True)
class ResolutionSummary:
    """What a resolution pass did."""

    new_people: int
    joined: int
    merged: int
    requester_marked: int
    open_suggestions: int


def resolve_people(uow: UnitOfWork, case: Case, user: str) -> ResolutionSummary:
    """Resolve unassigned participants into people, find the requester, refresh suggestions.

    Runs in the caller's unit of work (an import's, or the session's).
    """
    parts = uow.people.list_participants()
    result = core_people.resolve(parts, uow.people.all_links(), uow.people.separations())
    by_id = {int(p.id): p for p in parts}
    merged = 0
    for merge in result.merges:
        moved = uow.people.merge_into(merge.keep, merge.absorb)
        decision = uow.person_decisions.record_decision(
            user=user,
            action="merge",
            person_id=merge.keep,
            other_id=merge.absorb,
            automatic=True,
            reason="Same " + " / ".join(merge.basis or ("linked id",)),
            details={"basis": list(merge.basis), "participants": moved},
        )
        uow.audit.append(
            user,
            "people-merge",
            {
                "decision": decision,
                "person": int(merge.keep),
                "other": int(merge.absorb),
                "automatic": True,
                "basis": list(merge.basis),
            },
        )
        merged += 1
    joined_by_person: dict[PersonId, list[int]] = {}
    for part_id, person_id in result.join.items():
        joined_by_person.setdefault(person_id, []).append(part_id)
    for person_id, part_ids in joined_by_person.items():
        uow.people.assign(part_ids, person_id)
        basis = sorted({b for pid in part_ids for b in result.basis.get(pid, ())})
        uow.person_decisions.record_decision(
            user=user,
            action="join",
            person_id=person_id,
            automatic=True,
            reason="Same " + " / ".join(basis or ["linked id"]),
            details={"participants": part_ids, "basis": basis},
        )
    for index, group in enumerate(result.new_people):
        members = [by_id[i] for i in group]
        person_id = uow.people.create_person(core_people.best_display_name(members))
        uow.people.assign(group, person_id)
        if len(group) > 1:
            basis = list(result.basis.get(index, ()))
            uow.person_decisions.record_decision(
                user=user,
                action="join",
                person_id=person_id,
                automatic=True,
                reason="Same " + " / ".join(basis or ["linked id"]),
                details={"participants": list(group), "basis": basis},
            )
    _name_grown_people(uow, {m.keep for m in result.merges} | set(joined_by_person))
    marked = _find_requester(uow, case, user)
    open_count = refresh_suggestions(uow, case)
    summary = ResolutionSummary(
        len(result.new_people), len(result.join), merged, marked, open_count
    )
    if summary.new_people or summary.joined or summary.merged or summary.requester_marked:
        uow.audit.append(
            user,
            "people-resolved",
            {
                "new_people": summary.new_people,
                "joined": summary.joined,
                "merged": summary.merged,
                "requester_marked": marked,
                "suggestions": open_count,
            },
        )
    return summary


def _name_grown_people(uow: UnitOfWork, person_ids: set[PersonId]) -> None:
    """Give a person known only by a number a real name once one of their accounts has one.

    A WhatsApp number imported first creates "+44 7911 ..."; when a Slack account with a
    display name is later linked to it, caseworkers should see the name.
    """
    if not person_ids:
        return
    for person_id in person_ids:
        person = uow.people.get_person(int(person_id))
        if classify_identifier(person.display_name)[0] is IdentifierKind.NAME:
            continue
        best = core_people.best_display_name(uow.people.list_participants([person_id]))
        if classify_identifier(best)[0] is IdentifierKind.NAME:
            uow.people.rename(person_id, best)


def _find_requester(uow: UnitOfWork, case: Case, user: str) -> int:
    names, handles = uow.person_terms.people_names()
    strong, _ = core_people.match_requester(
        case.aliases,
        uow.person_terms.person_keys(),
        names,
        handles,
        nicknames(),
        case.default_region,
    )
    marked = 0
    for person_id in sorted(strong):
        person = uow.people.get_person(person_id)
        if person.role is PersonRole.REQUESTER:
            continue
        uow.people.set_role(person_id, PersonRole.REQUESTER, False)
        decision = uow.person_decisions.record_decision(
            user=user,
            action="mark",
            person_id=person_id,
            automatic=True,
            reason="Holds a phone number or e-mail address given as a requester alias",
            details={"role": str(PersonRole.REQUESTER), "previous": str(person.role)},
        )
        uow.audit.append(
            user,
            "people-mark",
            {
                "decision": decision,
                "person": int(person_id),
                "role": str(PersonRole.REQUESTER),
                "automatic": True,
            },
        )
        marked += 1
    return marked


def refresh_suggestions(uow: UnitOfWork, case: Case) -> int:
    """Recompute name-based suggestions; returns how many are open."""
    names, handles = uow.person_terms.people_names()
    blocked = uow.people.separations() | uow.person_decisions.decided_pairs()
    merges = core_people.suggest_merges(names, nicknames(), blocked)
    _, requester = core_people.match_requester(
        case.aliases,
        uow.person_terms.person_keys(),
        names,
        handles,
        nicknames(),
        case.default_region,
    )
    roles = {p.id: p.role for p in uow.people.list_people()}
    requester = [c for c in requester if roles.get(c.person_id) is not PersonRole.REQUESTER]
    return uow.person_decisions.sync_suggestions([*merges, *requester])


def record_import(
    uow: UnitOfWork, report: ImportReport, platform: str, case: Case, user: str
) -> ResolutionSummary:
    """Keep an import's identity links and resolve its new participants (inside the import)."""
    uow.people.add_links(platform, report.identity_links)
    summary = resolve_people(uow, case, user + SYSTEM_USER_SUFFIX)
    logger.info(
        "people after import: %d new, %d joined, %d merged, %d suggestions",
        summary.new_people,
        summary.joined,
        summary.merged,
        summary.open_suggestions,
    )
    return summary


def identifier_matches(text: str, platform: str, identifier: str, region: str) -> bool:
    """Whether `text` ("whatsapp:+44 7700...", a handle, an e-mail) names this identifier."""
    wanted = text.strip()
    if ":" in wanted and wanted.split(":", 1)[0].lower() == platform:
        wanted = wanted.split(":", 1)[1]
    _kind, value = classify_identifier(wanted, region)
    return value.casefold() == identifier.casefold() or wanted.casefold() == identifier.casefold()
