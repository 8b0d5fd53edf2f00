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
from sar_desk.store import audit
from sar_desk.store import people as store_people
from sar_desk.store import person_decisions as store_decided
from sar_desk.store import person_terms as store_terms
from sar_desk.store.people import Conn

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


def resolve_people(conn: Conn, case: Case, user: str) -> ResolutionSummary:
    """Resolve unassigned participants into people, find the requester, refresh suggestions.

    Runs on the caller's connection and transaction (an import's, or the session's).
    """
    parts = store_people.list_participants(conn)
    result = core_people.resolve(
        parts, store_people.all_links(conn), store_people.separations(conn)
    )
    by_id = {int(p.id): p for p in parts}
    merged = 0
    for merge in result.merges:
        moved = store_people.merge_into(conn, merge.keep, merge.absorb)
        decision = store_decided.record_decision(
            conn,
            user=user,
            action="merge",
            person_id=merge.keep,
            other_id=merge.absorb,
            automatic=True,
            reason="Same " + " / ".join(merge.basis or ("linked id",)),
            details={"basis": list(merge.basis), "participants": moved},
        )
        audit.append(
            conn,
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
        store_people.assign(conn, part_ids, person_id)
        basis = sorted({b for pid in part_ids for b in result.basis.get(pid, ())})
        store_decided.record_decision(
            conn,
            user=user,
            action="join",
            person_id=person_id,
            automatic=True,
            reason="Same " + " / ".join(basis or ["linked id"]),
            details={"participants": part_ids, "basis": basis},
        )
    for index, group in enumerate(result.new_people):
        members = [by_id[i] for i in group]
        person_id = store_people.create_person(conn, core_people.best_display_name(members))
        store_people.assign(conn, group, person_id)
        if len(group) > 1:
            basis = list(result.basis.get(index, ()))
            store_decided.record_decision(
                conn,
                user=user,
                action="join",
                person_id=person_id,
                automatic=True,
                reason="Same " + " / ".join(basis or ["linked id"]),
                details={"participants": list(group), "basis": basis},
            )
    _name_grown_people(conn, {m.keep for m in result.merges} | set(joined_by_person))
    marked = _find_requester(conn, case, user)
    open_count = refresh_suggestions(conn, case)
    summary = ResolutionSummary(
        len(result.new_people), len(result.join), merged, marked, open_count
    )
    if summary.new_people or summary.joined or summary.merged or summary.requester_marked:
        audit.append(
            conn,
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


def _name_grown_people(conn: Conn, person_ids: set[PersonId]) -> None:
    """Give a person known only by a number a real name once one of their accounts has one.

    A WhatsApp number imported first creates "+44 7911 ..."; when a Slack account with a
    display name is later linked to it, caseworkers should see the name.
    """
    if not person_ids:
        return
    for person_id in person_ids:
        person = store_people.get_person(conn, int(person_id))
        if classify_identifier(person.display_name)[0] is IdentifierKind.NAME:
            continue
        best = core_people.best_display_name(store_people.list_participants(conn, [person_id]))
        if classify_identifier(best)[0] is IdentifierKind.NAME:
            store_people.rename(conn, person_id, best)


def _find_requester(conn: Conn, case: Case, user: str) -> int:
    names, handles = store_terms.people_names(conn)
    strong, _ = core_people.match_requester(
        case.aliases,
        store_terms.person_keys(conn),
        names,
        handles,
        nicknames(),
        case.default_region,
    )
    marked = 0
    for person_id in sorted(strong):
        person = store_people.get_person(conn, person_id)
        if person.role is PersonRole.REQUESTER:
            continue
        store_people.set_role(conn, person_id, PersonRole.REQUESTER, False)
        decision = store_decided.record_decision(
            conn,
            user=user,
            action="mark",
            person_id=person_id,
            automatic=True,
            reason="Holds a phone number or e-mail address given as a requester alias",
            details={"role": str(PersonRole.REQUESTER), "previous": str(person.role)},
        )
        audit.append(
            conn,
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


def refresh_suggestions(conn: Conn, case: Case) -> int:
    """Recompute name-based suggestions; returns how many are open."""
    names, handles = store_terms.people_names(conn)
    blocked = store_people.separations(conn) | store_decided.decided_pairs(conn)
    merges = core_people.suggest_merges(names, nicknames(), blocked)
    _, requester = core_people.match_requester(
        case.aliases,
        store_terms.person_keys(conn),
        names,
        handles,
        nicknames(),
        case.default_region,
    )
    roles = {p.id: p.role for p in store_people.list_people(conn)}
    requester = [c for c in requester if roles.get(c.person_id) is not PersonRole.REQUESTER]
    return store_decided.sync_suggestions(conn, [*merges, *requester])


def record_import(
    conn: Conn, report: ImportReport, platform: str, case: Case, user: str
) -> ResolutionSummary:
    """Keep an import's identity links and resolve its new participants (inside the import)."""
    store_people.add_links(conn, platform, report.identity_links)
    summary = resolve_people(conn, case, user + SYSTEM_USER_SUFFIX)
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
