"""A case as detection sees it: its regime, the requester's aliases and the known people.

Detection's own records (`detect.case_terms.KnownPerson`, `CaseContext`) are built here from the
case and the people table; the detection job in `app.detection` runs with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sar_desk.core.model import Case, IdentifierKind, Participant, Person

if TYPE_CHECKING:
    from sar_desk.detect.case_terms import CaseContext, KnownPerson


def known_persons_of(people: Iterable[tuple[Person, list[Participant]]]) -> list[KnownPerson]:
    """Turn the people table into detection's `KnownPerson` records."""
    from sar_desk.detect.case_terms import KnownPerson

    out: list[KnownPerson] = []
    for person, parts in people:
        names = {person.display_name}
        handles: set[str] = set()
        phones: set[str] = set()
        emails: set[str] = set()
        for part in parts:
            if part.display_name:
                names.add(part.display_name)
            # Platform account ids ("U0ALEXM01") travel as handles: they identify the person
            # in sender headers and reaction lists just as a handle does.
            target = {
                IdentifierKind.PHONE: phones,
                IdentifierKind.EMAIL: emails,
                IdentifierKind.HANDLE: handles,
                IdentifierKind.PLATFORM_ID: handles,
                IdentifierKind.NAME: names,
            }.get(part.kind)
            if target is not None:
                target.add(part.identifier)
        out.append(
            KnownPerson(
                person.id,
                person.role,
                person.official_capacity,
                tuple(sorted(n for n in names if n)),
                tuple(sorted(handles)),
                tuple(sorted(phones)),
                tuple(sorted(emails)),
            )
        )
    return out


def case_context(case: Case, people: Iterable[tuple[Person, list[Participant]]]) -> CaseContext:
    """The detection context of a case: regime, known people and requester aliases."""
    from sar_desk.detect.case_terms import CaseContext

    persons = tuple(known_persons_of(people))
    aliases = ((case.requester,) if case.requester else ()) + tuple(case.aliases)
    return CaseContext(case.regime, persons, aliases, region=case.default_region)
