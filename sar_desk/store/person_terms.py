"""How people appear in messages: the search terms and strong keys of persons.

Split from `store.people` (which records who is who) because search and suggestions read these
on every query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select

from sar_desk.core.identity import classify_identifier
from sar_desk.core.model import IdentifierKind, PersonId, PersonRole
from sar_desk.core.people import person_names, strong_key
from sar_desk.core.text import national_number
from sar_desk.store.case_meta import load_case
from sar_desk.store.fts import mention_key
from sar_desk.store.people import identity_links, list_participants
from sar_desk.store.tables import persons


@dataclass(frozen=True, slots=True)
class PersonTerms:
    """What identifies people in messages: their participants and how they are written.

    Attributes:
        participant_ids: Every participant of the people (as sender or member).
        phrases: Full names, first names, handles and e-mail addresses to find in text.
        phones: Digits of their phone numbers (national significant number) for the digits index.
        mention_keys: Values as exports mark mentions (ids, handles, names), mention-key form.
    """

    participant_ids: tuple[int, ...]
    phrases: tuple[str, ...]
    phones: tuple[str, ...]
    mention_keys: tuple[str, ...]


def person_terms(conn: Connection, person_ids: Sequence[int]) -> PersonTerms:
    """Collect the search terms for people (their names, first names, handles, numbers, e-mails).

    Surnames alone are left out: "Morgan" names too many people to be evidence of a mention.
    The requester's name and aliases from the case record are always terms of the requester,
    even when that person's record came from a phone number and no export names them.
    """
    parts = list_participants(conn, person_ids)
    linked = _linked_keys(
        conn, {k for p in parts if (k := strong_key(p.platform, p.kind, p.identifier))}
    )
    names: list[str] = []
    is_requester = False
    for row in conn.execute(
        select(persons.c.display_name, persons.c.role).where(
            persons.c.id.in_([int(p) for p in person_ids])
        )
    ):
        names.append(row.display_name)
        is_requester = is_requester or row.role == str(PersonRole.REQUESTER)
    phrases: dict[str, None] = {}
    phones: dict[str, None] = {}
    mentions: dict[str, None] = {}
    if is_requester:
        names.extend(_requester_terms(conn, phrases, phones, mentions))
    for part in parts:
        names.append(part.display_name or "")
        if part.kind in (IdentifierKind.HANDLE, IdentifierKind.EMAIL, IdentifierKind.PLATFORM_ID):
            mentions[mention_key(part.identifier)] = None
        if part.kind in (IdentifierKind.HANDLE, IdentifierKind.EMAIL):
            phrases[part.identifier.lstrip("@")] = None
        if part.kind is IdentifierKind.PHONE:
            phones[national_number(part.identifier)] = None
        if part.kind is IdentifierKind.NAME:
            names.append(part.identifier)
    for key in linked:
        kind, _, value = key.partition(":")
        if kind == str(IdentifierKind.EMAIL):
            phrases[value] = None
            mentions[mention_key(value)] = None
        elif kind == str(IdentifierKind.PHONE):
            phones[national_number(value)] = None
        else:
            mentions[mention_key(value.partition(":")[2])] = None
    for name in person_names(names):
        phrases[name] = None
        mentions[mention_key(name)] = None
        first = name.split()[0]
        if len(first) >= 2:
            phrases[first] = None
            mentions[mention_key(first)] = None
    return PersonTerms(
        tuple(int(p.id) for p in parts),
        tuple(p for p in phrases if p),
        tuple(p for p in phones if len(p) >= 6),
        tuple(m for m in mentions if m),
    )


def _requester_terms(
    conn: Connection,
    phrases: dict[str, None],
    phones: dict[str, None],
    mentions: dict[str, None],
) -> list[str]:
    """Add the case's requester aliases to the terms; returns the names among them.

    The case record is the requester's own word about who they are, so it counts even when
    no export shows these names (a WhatsApp contact saved as a bare number, say).
    """
    case = load_case(conn)
    names: list[str] = []
    for alias in (case.requester or "", *case.aliases):
        if not alias:
            continue  # an FOI case has no requester name to search for
        kind, value = classify_identifier(alias, case.default_region)
        if kind is IdentifierKind.NAME:
            names.append(value)
        elif kind is IdentifierKind.PHONE:
            phones[national_number(value)] = None
        elif value:
            # E-mail addresses and handles are written in text and marked as mentions alike.
            phrases[value.lstrip("@")] = None
            mentions[mention_key(value)] = None
    return names


def _linked_keys(conn: Connection, keys: set[str]) -> set[str]:
    """Keys reachable from `keys` through identity links (breadth-first, indexed lookups)."""
    found = set(keys)
    frontier = set(keys)
    while frontier:
        batch = sorted(frontier)[:500]
        frontier -= set(batch)
        rows = conn.execute(
            select(identity_links.c.key, identity_links.c.other_key).where(
                or_(identity_links.c.key.in_(batch), identity_links.c.other_key.in_(batch))
            )
        )
        for a, b in rows:
            for key in (a, b):
                if key not in found:
                    found.add(key)
                    frontier.add(key)
    return found


def person_keys(conn: Connection) -> dict[PersonId, set[str]]:
    """Every person's strong keys, including keys linked to them by exports."""
    keys: dict[PersonId, set[str]] = defaultdict(set)
    for part in list_participants(conn):
        key = strong_key(part.platform, part.kind, part.identifier)
        if part.person_id is not None and key:
            keys[part.person_id].add(key)
    return {pid: _linked_keys(conn, ks) for pid, ks in keys.items()}


def people_names(
    conn: Connection,
) -> tuple[dict[PersonId, tuple[str, ...]], dict[PersonId, set[str]]]:
    """Every person's name keys and handles (for name-based suggestions)."""
    names: dict[PersonId, list[str]] = defaultdict(list)
    handles: dict[PersonId, set[str]] = defaultdict(set)
    for row in conn.execute(select(persons.c.id, persons.c.display_name)):
        names[PersonId(row.id)].append(row.display_name)
    for part in list_participants(conn):
        if part.person_id is None:
            continue
        names[part.person_id].append(part.display_name or "")
        if part.kind is IdentifierKind.NAME:
            names[part.person_id].append(part.identifier)
        if part.kind is IdentifierKind.HANDLE:
            handles[part.person_id].add(part.identifier.lstrip("@").casefold())
    return {pid: person_names(v) for pid, v in names.items() if person_names(v)}, dict(handles)
