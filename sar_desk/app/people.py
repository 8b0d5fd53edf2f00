"""People across platforms: listing, finding, merging, splitting and marking people.

Resolution after each import is in `app.resolution`. Every decision is recorded in the case
(who, when, what, why) and appended to the audit log in the same transaction.
"""

from __future__ import annotations

import logging

from rapidfuzz import fuzz, process

from sar_desk.app.base import SessionBase
from sar_desk.app.resolution import (
    ResolutionSummary,
    identifier_matches,
    refresh_suggestions,
    resolve_people,
)
from sar_desk.app.summary import SummarySection
from sar_desk.core import people as core_people
from sar_desk.core.errors import BadInputError, Hint, NotFoundError
from sar_desk.core.identity import classify_identifier, name_key
from sar_desk.core.model import IdentifierKind, Person, PersonId, PersonRole
from sar_desk.core.people import (
    PersonDecision,
    PersonSummary,
    Suggestion,
    SuggestionKind,
)
from sar_desk.store.uow import UnitOfWork, unit_of_work

logger = logging.getLogger(__name__)


class PeopleMixin(SessionBase):
    """People in the case: list, find, merge, split, mark and review suggestions."""

    def people(self) -> list[PersonSummary]:
        """Everyone in the case with identifiers per platform, sent-message count and role."""
        with unit_of_work(self.store) as uow:
            return uow.people.summaries()

    def person(self, person_id: int) -> Person:
        """One person.

        Raises:
            NotFoundError: No such person.
        """
        with unit_of_work(self.store) as uow:
            return uow.people.get_person(person_id)

    def resolve_people(self) -> ResolutionSummary:
        """Resolve any unassigned participants, find the requester and refresh suggestions."""
        with unit_of_work(self.store, write=True) as uow:
            return resolve_people(uow, self.case, self.user)

    def find_people(self, text: str) -> list[Person]:
        """People named by an id, "requester", a phone number, e-mail, handle or name.

        Raises:
            NotFoundError: Nobody matches; the message names close matches when there are any.
        """
        wanted = text.strip()
        with unit_of_work(self.store) as uow:
            everyone = uow.people.list_people()
            if wanted.removeprefix("P").removeprefix("p").isdigit():
                return [uow.people.get_person(int(wanted.lstrip("Pp")))]
            if wanted.casefold() == "requester":
                found = [p for p in everyone if p.role is PersonRole.REQUESTER]
            else:
                found = self._match_people(uow, wanted, everyone)
        if found:
            return found
        close = process.extract(
            name_key(wanted),
            {p.id: name_key(p.display_name) for p in everyone},
            scorer=fuzz.token_sort_ratio,
            limit=3,
            score_cutoff=60,
        )
        hint = (
            "; close: " + ", ".join(f"{name} (person {pid})" for name, _s, pid in close)
            if close
            else ""
        )
        raise NotFoundError(
            f"No one in this case matches {wanted!r}{hint}. The people list shows everyone "
            "with their person ids.",
            hint=Hint.LIST_PEOPLE,
        )

    def _match_people(self, uow: UnitOfWork, wanted: str, everyone: list[Person]) -> list[Person]:
        kind, value = classify_identifier(wanted, self.case.default_region)
        if kind in (IdentifierKind.PHONE, IdentifierKind.EMAIL):
            key = core_people.strong_key("", kind, value)
            keys = uow.person_terms.person_keys()
            return [p for p in everyone if key in keys.get(p.id, set())]
        if kind is IdentifierKind.HANDLE:
            _names, handles = uow.person_terms.people_names()
            return [p for p in everyone if value.lstrip("@") in handles.get(p.id, set())]
        names, _handles = uow.person_terms.people_names()
        key = name_key(value)
        exact = [p for p in everyone if key in names.get(p.id, ())]
        if key in core_people.person_names([self.case.requester or "", *self.case.aliases]):
            # The case names the requester even when their record came from a number alone.
            exact += [p for p in everyone if p.role is PersonRole.REQUESTER and p not in exact]
        if exact:
            return exact
        return [
            p
            for p in everyone
            if any(
                identifier_matches(wanted, pl, ident, self.case.default_region)
                for pl, _k, ident in p.identifiers
            )
        ]

    def merge_people(self, keep: int, absorb: int, reason: str = "") -> Person:
        """Merge person `absorb` into `keep` (a person's decision, recorded and audited).

        Raises:
            NotFoundError: Either person does not exist.
            BadInputError: Both ids are the same person.
        """
        if int(keep) == int(absorb):
            raise BadInputError(f"Person {keep} cannot be merged with themselves; give two ids.")
        with unit_of_work(self.store, write=True) as uow:
            uow.people.get_person(absorb)
            moved = uow.people.merge_into(PersonId(int(keep)), PersonId(int(absorb)))
            decision = uow.person_decisions.record_decision(
                user=self.user,
                action="merge",
                person_id=PersonId(int(keep)),
                other_id=PersonId(int(absorb)),
                reason=reason,
                details={"participants": moved},
            )
            uow.audit.append(
                self.user,
                "people-merge",
                {
                    "decision": decision,
                    "person": int(keep),
                    "other": int(absorb),
                    "participants": moved,
                    "automatic": False,
                },
            )
            refresh_suggestions(uow, self.case)
            return uow.people.get_person(keep)

    def split_person(self, person_id: int, identifier: str, reason: str = "") -> Person:
        """Move the identities matching `identifier` out of a person into a new person.

        The two are then never merged again automatically.

        Raises:
            NotFoundError: The person has no such identifier.
            BadInputError: The identifier is the person's only one.
        """
        with unit_of_work(self.store, write=True) as uow:
            person = uow.people.get_person(person_id)
            parts = uow.people.list_participants([int(person_id)])
            moving = [
                p
                for p in parts
                if identifier.strip() == f"#{p.id}"
                or identifier_matches(
                    identifier, p.platform, p.identifier, self.case.default_region
                )
            ]
            if not moving:
                known = ", ".join(f"{p.platform}:{p.identifier}" for p in parts)
                raise NotFoundError(
                    f"Person {person_id} has no identifier {identifier!r}. Their identifiers: "
                    f"{known}."
                )
            if len(moving) == len(parts):
                raise BadInputError(
                    f"{identifier!r} is all person {person_id} has; there is nothing to split off."
                )
            new_id = uow.people.create_person(core_people.best_display_name(moving))
            uow.people.assign([int(p.id) for p in moving], new_id)
            uow.people.add_separation(person.id, new_id)
            decision = uow.person_decisions.record_decision(
                user=self.user,
                action="split",
                person_id=person.id,
                other_id=new_id,
                reason=reason,
                details={"participants": [int(p.id) for p in moving]},
            )
            uow.audit.append(
                self.user,
                "people-split",
                {
                    "decision": decision,
                    "person": int(person.id),
                    "new_person": int(new_id),
                    "participants": len(moving),
                },
            )
            refresh_suggestions(uow, self.case)
            return uow.people.get_person(new_id)

    def mark_person(
        self, person_id: int, role: PersonRole, official: bool = False, reason: str = ""
    ) -> Person:
        """Mark a person as requester, staff (optionally in an official capacity) or third party.

        Raises:
            NotFoundError: No such person.
            BadInputError: "Official capacity" was given for someone who is not staff.
        """
        if official and role is not PersonRole.STAFF:
            raise BadInputError(
                "Only staff can act in an official capacity; mark the person as staff to record it."
            )
        with unit_of_work(self.store, write=True) as uow:
            before = uow.people.get_person(person_id)
            uow.people.set_role(before.id, role, official)
            decision = uow.person_decisions.record_decision(
                user=self.user,
                action="mark",
                person_id=before.id,
                reason=reason,
                details={"role": str(role), "official": official, "previous": str(before.role)},
            )
            uow.audit.append(
                self.user,
                "people-mark",
                {
                    "decision": decision,
                    "person": int(before.id),
                    "role": str(role),
                    "official": official,
                    "automatic": False,
                },
            )
            refresh_suggestions(uow, self.case)
            return uow.people.get_person(person_id)

    def suggestions(self, status: str | None = "open") -> list[Suggestion]:
        """Name-based suggestions (open by default; None for all)."""
        with unit_of_work(self.store) as uow:
            return uow.person_decisions.list_suggestions(status)

    def accept_suggestion(self, suggestion_id: int, reason: str = "") -> Person:
        """Carry out a suggestion: merge the two people, or mark the requester.

        Raises:
            NotFoundError: No such suggestion.
            BadInputError: It was already decided.
        """
        with unit_of_work(self.store, write=True) as uow:
            item = self._open_suggestion(uow, suggestion_id)
            uow.person_decisions.set_suggestion_status(suggestion_id, "accepted")
            why = reason or f"Accepted suggestion {suggestion_id}: {item.reason}"
            if item.kind is SuggestionKind.MERGE and item.other_id is not None:
                return self.merge_people(item.person_id, item.other_id, why)
            return self.mark_person(item.person_id, PersonRole.REQUESTER, reason=why)

    def dismiss_suggestion(self, suggestion_id: int, reason: str = "") -> None:
        """Record that a suggestion is wrong; it is not offered again.

        Raises:
            NotFoundError: No such suggestion.
            BadInputError: It was already decided.
        """
        with unit_of_work(self.store, write=True) as uow:
            item = self._open_suggestion(uow, suggestion_id)
            uow.person_decisions.set_suggestion_status(suggestion_id, "dismissed")
            decision = uow.person_decisions.record_decision(
                user=self.user,
                action="dismiss-suggestion",
                person_id=item.person_id,
                other_id=item.other_id,
                reason=reason,
                details={"suggestion": suggestion_id, "kind": str(item.kind)},
            )
            uow.audit.append(
                self.user,
                "people-dismiss-suggestion",
                {
                    "decision": decision,
                    "suggestion": suggestion_id,
                    "person": int(item.person_id),
                },
            )

    def _open_suggestion(self, uow: UnitOfWork, suggestion_id: int) -> Suggestion:
        item = uow.person_decisions.get_suggestion(suggestion_id)
        if item.status != "open":
            raise BadInputError(f"Suggestion {suggestion_id} was already {item.status}.")
        return item

    def person_decisions(self) -> list[PersonDecision]:
        """Every recorded people decision, oldest first."""
        with unit_of_work(self.store) as uow:
            return uow.person_decisions.list_decisions()

    def summary_sections(self) -> list[SummarySection]:
        """Adds a "People" block to ``case show``."""
        sections = super().summary_sections()
        with unit_of_work(self.store) as uow:
            everyone = uow.people.list_people()
            open_count = len(uow.person_decisions.list_suggestions())
        requesters = [p for p in everyone if p.role is PersonRole.REQUESTER]
        lines = [f"{len(everyone)} people; {open_count} name suggestions to review"]
        lines += [f"Requester: {p.display_name} (person {p.id})" for p in requesters]
        if not requesters and everyone:
            lines.append(
                "Requester not identified yet: mark them as the requester on the people list."
            )
        sections.append(
            SummarySection(
                "People",
                tuple(lines),
                {
                    "people": len(everyone),
                    "open_suggestions": open_count,
                    "requester_ids": [int(p.id) for p in requesters],
                },
            )
        )
        return sections
