"""Whose data is it: the individual a SAR review item is about (issue 13 item 2).

DPA 2018 Sch 2 Pt 3 para 16(1) lets a controller withhold information "relating to another
individual who can be identified from the information"; it never covers the requester's own
data (UK GDPR Art. 15). So the third-party code may only be applied to an item linked to
another individual, and ``--code default`` resolves per item:

* the requester's own data (their person, their aliases and linked identifiers): no code, it
  is disclosed;
* a name of someone else, an item linked to another person in the case, or an item a reviewer
  confirmed is about an unnamed other individual: para 16;
* an identifier with no link, in a message naming exactly one other individual and not the
  requester: linked to that individual (the basis is recorded);
* mixed data (about the requester and another: the requester wrote it, or the message names
  both): only through the para 16(2)-(3) balancing record for that individual
  (`thirdparty`), which decides it;
* anything else is refused with the reason, for a person to link or reject.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sar_desk.core.decisions import ItemKind, ReviewItem, ReviewStatus
from sar_desk.core.findings import ProposalField
from sar_desk.core.identity import classify_identifier
from sar_desk.core.model import Case, IdentifierKind, PersonRole
from sar_desk.core.records import SubjectLink
from sar_desk.review.decide import (
    ItemView,
    load_settings,
    load_views,
    match_key,
)
from sar_desk.review.thirdparty import ThirdPartyDecision, ThirdPartyRecord, current_records
from sar_desk.store.uow import UnitOfWork

_NAME_TYPES = frozenset({"PERSON", "PER", "NAME"})
# A span that starts with a title is a name whatever detection labelled it ("Ms Okafor").
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "cllr", "rev"})
_REQUESTER = "requester"
_MIN_NAME = 3


def _is_name(item: ReviewItem) -> bool:
    words = item.text.split()
    titled = len(words) > 1 and words[0].casefold().rstrip(".") in _TITLES
    return item.entity_type.upper() in _NAME_TYPES or titled


class Whose(enum.StrEnum):
    """Whose data an item is."""

    REQUESTER = "requester"
    OTHER = "other-individual"
    MIXED = "mixed"
    UNLINKED = "unlinked"


@dataclass(frozen=True, slots=True)
class Subject:
    """Whose data an item is, and why (a sentence for the reviewer and the refusal).

    Attributes:
        whose: requester / other-individual / mixed / unlinked.
        basis: Why, in a sentence (no personal data: ids only).
        party: For mixed data, the individual whose balancing record decides it.
        person_id: The linked person, when known.
    """

    whose: Whose
    basis: str
    party: str | None = None
    person_id: int | None = None


class SubjectIndex:
    """Everything needed to say whose data each item is, read once for a batch of items."""

    def __init__(
        self,
        uow: UnitOfWork,
        case: Case,
        views: list[ItemView] | None = None,
        words: frozenset[str] = frozenset(),
    ) -> None:
        self.case = case
        self.words = words
        self.views = views if views is not None else load_views(uow)
        self.requesters = uow.decisions.person_ids_with_role(str(PersonRole.REQUESTER))
        aliases = [case.requester or "", *case.aliases]
        for names in uow.decisions.person_aliases(self.requesters).values():
            aliases += sorted(names)
        region = case.default_region
        self.keys = {match_key(a, region) for a in aliases if a.strip()}
        names = {
            " ".join(a.split())
            for a in aliases
            if classify_identifier(a, region)[0] is IdentifierKind.NAME
            and len(a.strip()) >= _MIN_NAME
        }
        self._names = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if names
            else None
        )
        self.links: dict[int, SubjectLink] = uow.subjects.current_links()
        self.staff_policy = load_settings(uow).staff_policy
        officials = {int(p.id) for p in uow.people.list_people() if p.official_capacity}
        officials &= uow.decisions.person_ids_with_role(str(PersonRole.STAFF))
        self.officials = officials
        self.official_keys = {
            match_key(a, region): pid
            for pid, names in uow.decisions.person_aliases(officials).items()
            for a in names
            if a.strip()
        }
        self.records: list[ThirdPartyRecord] = current_records(uow)
        wanted = {int(v.item.message_id) for v in self.views}
        self.messages = {int(m.id): m for m in uow.messages.get_messages(sorted(wanted))}
        self.named: dict[int, list[ItemView]] = {}
        for v in self.views:
            if (
                v.item.kind in (ItemKind.FINDING, ItemKind.MANUAL)
                and v.item.field in (ProposalField.TEXT, ProposalField.MENTION)
                and _is_name(v.item)
                and v.status is not ReviewStatus.REJECTED
                and not self._is_requester(v.item)
            ):
                self.named.setdefault(int(v.item.message_id), []).append(v)

    def official(self, item: ReviewItem) -> int | None:
        """The staff member acting in an official capacity a name item is about, if any."""
        if item.person_id is not None and int(item.person_id) in self.officials:
            return int(item.person_id)
        if not _is_name(item):
            return None
        return self.official_keys.get(match_key(item.text, self.case.default_region))

    def _is_requester(self, item: ReviewItem) -> bool:
        if item.person_id is not None and int(item.person_id) in self.requesters:
            return True
        return bool(item.text) and match_key(item.text, self.case.default_region) in self.keys

    def _requester_involved(self, message_id: int) -> bool:
        msg = self.messages.get(message_id)
        if msg is None:
            return False
        region = self.case.default_region
        if any(v and match_key(v, region) in self.keys for v in (msg.sender, msg.sender_id)):
            return True
        return self._names is not None and self._names.search(msg.text) is not None

    def _wrote(self, message_id: int) -> bool:
        msg = self.messages.get(message_id)
        region = self.case.default_region
        return msg is not None and any(
            v and match_key(v, region) in self.keys for v in (msg.sender, msg.sender_id)
        )

    def subject(self, item: ReviewItem) -> Subject:
        """Whose data one item is."""
        link = self.links.get(item.id)
        person = link.person_id if link else item.person_id
        mid = int(item.message_id)
        if link is not None and link.person_id is not None and link.person_id in self.requesters:
            return Subject(Whose.REQUESTER, f"a reviewer linked it to the requester ({link.user})")
        before = self._named_before(item) if not _is_name(item) else None
        own = self._is_requester(item) or isinstance(before, str)
        linked = link is not None or (person is not None and int(person) not in self.requesters)
        if own and not linked:
            why = (
                "it is the requester's own data"
                if self._is_requester(item)
                else ("the individual named just before it is the requester")
            )
            return Subject(Whose.REQUESTER, why)
        if own:
            party = self._party(item, person)
            return Subject(
                Whose.MIXED,
                f"it is the requester's and linked to another individual ({party})",
                party,
                person,
            )
        if linked:
            who = link.user if link else ""
            why = (
                f"linked to person {person}"
                if person is not None
                else f"a reviewer confirmed it is about another individual ({who})"
            )
            return Subject(Whose.OTHER, why, None, int(person) if person is not None else None)
        if _is_name(item) and item.text.strip().casefold() in self.words:
            return Subject(
                Whose.UNLINKED, "it is a common English word, not clearly another individual's name"
            )
        if _is_name(item):
            if self._wrote(mid):
                # Para 16 is engaged; the requester knows what they wrote, so disclosing may
                # well be reasonable (16(2)(b)): the note says so, a person decides.
                return Subject(
                    Whose.OTHER,
                    "it names another individual, in a message the "
                    "requester wrote (consider disclosing: they know it)",
                )
            return Subject(Whose.OTHER, "it names another individual")
        if isinstance(before, ItemView):
            return Subject(
                Whose.OTHER,
                f"the individual named just before it (item {before.item.id})",
                None,
                before.item.person_id,
            )
        named = [v for v in self.named.get(mid, []) if v.item.id != item.id]
        parties = {v.item.person_id or match_key(v.text, self.case.default_region) for v in named}
        if len(parties) == 1 and not self._requester_involved(mid):
            return Subject(
                Whose.OTHER,
                f"the only individual named in message {mid} (item {named[0].item.id})",
                None,
                named[0].item.person_id,
            )
        if len(parties) == 1:
            return Subject(
                Whose.MIXED,
                f"message {mid} names the requester and another individual",
                named[0].text,
                named[0].item.person_id,
            )
        return Subject(
            Whose.UNLINKED,
            "it is not linked to another individual"
            + (f" (message {mid} names {len(parties)} people)" if parties else ""),
        )

    def _named_before(self, item: ReviewItem) -> ItemView | str | None:
        """The individual named nearest before a text span in its sentence (or None).

        "call Mrs Kaur on 07911 654321": the number is linked to Mrs Kaur; "The neighbour,
        Marjorie Finch, says ... Her number is 07911 654321": to Marjorie Finch. Only names
        before the span count ("9 Elm Row: keys with Tom" links nothing to Tom).
        """
        msg = self.messages.get(int(item.message_id))
        if msg is None or item.field is not ProposalField.TEXT or item.start is None:
            return None
        cut = 0
        best: tuple[int, ItemView | str] | None = None
        for v in self.named.get(int(item.message_id), []):
            start = v.state.start
            if (
                start is not None
                and cut <= start < item.start
                and (best is None or start > best[0])
            ):
                best = (start, v)
        if self._names is not None:
            for m in self._names.finditer(msg.text, cut, item.start):
                if best is None or m.start() > best[0]:
                    best = (m.start(), _REQUESTER)
        return best[1] if best else None

    def _party(self, item: ReviewItem, person: int | None) -> str:
        """The name the balancing record is kept under: the person, or the item itself."""
        if person is not None:
            return f"person {person}"
        return f"item {item.id}"

    def balancing(self, subject: Subject) -> ThirdPartyRecord | None:
        """The para 16(2)-(3) record that decides mixed data, if one is recorded."""
        for record in self.records:
            if subject.person_id is not None and record.person_id == subject.person_id:
                return record
            if subject.party and record.party.casefold() == subject.party.casefold():
                return record
        return None


def para16_refusal(index: SubjectIndex, item: ReviewItem) -> str | None:
    """Why the third-party code cannot be applied to an item (None: it can)."""
    subject = index.subject(item)
    if subject.whose is Whose.OTHER:
        return None
    if item.kind in (ItemKind.MANUAL, ItemKind.WITHHOLD) and subject.whose is not Whose.REQUESTER:
        # A person chose this span and the code themselves: that is the confirmation.
        return None
    if subject.whose is Whose.REQUESTER:
        return (
            f"item {item.id} is the requester's own data ({subject.basis}): it is disclosed, "
            "never withheld as third-party data; reject it"
        )
    if subject.whose is Whose.UNLINKED:
        return (
            f"item {item.id}: {subject.basis}; link it to a person in the case or confirm it "
            "is about another individual, or reject it"
        )
    record = index.balancing(subject)
    if record is None or record.decision is ThirdPartyDecision.UNDECIDED:
        return (
            f"item {item.id} is mixed data ({subject.basis}): record the para 16(2)-(3) "
            f"balancing for {subject.party or 'that individual'} first"
        )
    if record.decision is ThirdPartyDecision.DISCLOSE:
        return (
            f"item {item.id} is mixed data and the para 16 balancing record says disclose; "
            "reject it"
        )
    return None


def subjects(index: SubjectIndex, items: Iterable[ReviewItem]) -> dict[int, Subject]:
    """Whose data each item is (for listings)."""
    return {i.id: index.subject(i) for i in items}
