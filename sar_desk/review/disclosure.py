"""What review hands to export: approved decisions as `core.disclosure` records, and the log.

Only approved items reach the disclosure (R36: nothing is redacted or released without human
approval); everything still proposed or awaiting approval is counted so export can refuse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import pandas as pd

from sar_desk.core.decisions import ItemKind, ReviewStatus
from sar_desk.core.disclosure import (
    ApprovedRedaction,
    DisclosureDecisions,
    PersonNames,
    WithheldMessage,
)
from sar_desk.core.model import Case, MessageId, PersonRole
from sar_desk.review import pit
from sar_desk.review.codes import DUPLICATE, NOT_IN_SCOPE, CodeTable
from sar_desk.review.decide import ItemView, load_settings, load_views, match_key
from sar_desk.review.fields import move_titles, outside_titles
from sar_desk.store.uow import UnitOfWork

_REDACTION_KINDS = (ItemKind.FINDING, ItemKind.MANUAL)
_OPEN = (ReviewStatus.PROPOSED, ReviewStatus.ACCEPTED)
_MARKERS_LEAVING = (ReviewStatus.NOT_IN_SCOPE, ReviewStatus.DUPLICATE)


def _when(value: datetime | None) -> datetime:
    if value is None:  # approved items always carry both times; guard against damaged rows
        raise ValueError("approved item without a time")
    return value


def leaving_messages(uow: UnitOfWork) -> frozenset[MessageId]:
    """Messages that leave the bundle whole by decision, so nothing of theirs waits for one.

    Withheld in full (approved), marked not in scope or marked duplicates: nothing of theirs is
    shown, attachments included, the same rule their proposals follow in export's count.
    """
    return frozenset(
        v.item.message_id
        for v in load_views(uow)
        if (v.item.kind is ItemKind.MARKER and v.status in _MARKERS_LEAVING)
        or (v.item.kind is ItemKind.WITHHOLD and v.status is ReviewStatus.APPROVED)
    )


def disclosure_decisions(
    uow: UnitOfWork,
    case: Case,
    table: CodeTable,
    in_scope_ids: Iterable[int],
    ordinary_words: frozenset[str] = frozenset(),
    preview: bool = False,
) -> DisclosureDecisions:
    """The approved redactions, withholdings and markers for the messages being disclosed.

    Args:
        uow: The case's unit of work.
        case: The case (its regime picks the marker records).
        table: The code table that turns code ids into `ReasonCode` records.
        in_scope_ids: The messages in the disclosure set, in time order.
        ordinary_words: Common words that are never protected strings on their own.
        preview: Also count accepted redactions still waiting for approval (for listing the
            safety net's places before the second person approves; never for export).
    """
    in_scope = tuple(MessageId(int(i)) for i in in_scope_ids)
    wanted = set(in_scope)
    everything = load_views(uow)
    views = [v for v in everything if v.item.message_id in wanted]
    # A title's decision travels to its conversation's disclosed messages (issue 20 item 1).
    outside = outside_titles(everything, in_scope)
    if outside:
        conv_of = uow.decisions.conversation_ids(
            [*{int(v.item.message_id) for v in outside}, *in_scope]
        )
        views += move_titles(outside, in_scope, conv_of)
    not_in_scope = {
        v.item.message_id
        for v in views
        if v.item.kind is ItemKind.MARKER and v.status is ReviewStatus.NOT_IN_SCOPE
    }
    duplicates = {
        v.item.message_id
        for v in views
        if v.item.kind is ItemKind.MARKER and v.status is ReviewStatus.DUPLICATE
    }
    withheld: dict[MessageId, WithheldMessage] = {}
    for v in views:
        if v.item.kind is ItemKind.WITHHOLD and v.status is ReviewStatus.APPROVED and v.state.code:
            withheld[v.item.message_id] = WithheldMessage(
                message_id=v.item.message_id,
                code=table.codes[v.state.code],
                rationale=v.state.rationale,
                proposer=v.state.proposer or "",
                approver=v.state.approver or "",
                approved_at=_when(v.state.approved_at),
            )
    gone = not_in_scope | duplicates | set(withheld)
    by_message: dict[MessageId, list[ApprovedRedaction]] = {}
    person_ids: set[int] = set()
    counted = (
        (ReviewStatus.APPROVED, ReviewStatus.ACCEPTED) if preview else (ReviewStatus.APPROVED,)
    )
    for v in views:
        if v.item.kind not in _REDACTION_KINDS or v.status not in counted:
            continue
        if not v.state.code:
            continue
        by_message.setdefault(v.item.message_id, []).append(_approved(v, table))
        if v.item.person_id is not None:
            person_ids.add(int(v.item.person_id))
    # A rejected third-party proposal waits for its second person like an accepted one.
    waiting = unconfirmed_rejections(uow, case, views)
    undecided = sum(
        1
        for v in views
        if (v.status in _OPEN or int(v.item.id) in waiting) and v.item.message_id not in gone
    )
    # A rejected redaction is a decision that this text stays at this place (issue 13).
    kept = frozenset(
        (v.item.message_id, v.item.field, v.text)
        for v in views
        if v.item.kind in _REDACTION_KINDS and v.status is ReviewStatus.REJECTED and v.text
    )
    terms = {r.text for rs in by_message.values() for r in rs if r.text.strip()}
    relied_on = {r.code.code for rs in by_message.values() for r in rs} | {
        w.code.code for w in withheld.values()
    }
    for aliases in uow.decisions.person_aliases(person_ids).values():
        terms.update(a for a in aliases if a.strip())
    # Issue 13 item 7: every person's names, so one person keeps one label in the pack.
    everyone = uow.people.list_people()
    names = uow.decisions.person_aliases([int(p.id) for p in everyone])
    people = tuple(
        PersonNames(
            p.id,
            tuple(sorted(names.get(int(p.id), set()) | {p.display_name})),
            p.role is PersonRole.STAFF and p.official_capacity,
        )
        for p in everyone
        if p.role is not PersonRole.REQUESTER
    )
    return DisclosureDecisions(
        in_scope=in_scope,
        redactions={
            m: tuple(sorted(rs, key=lambda r: (str(r.field), r.start or 0)))
            for m, rs in by_message.items()
        },
        withheld=withheld,
        not_in_scope=frozenset(not_in_scope),
        duplicates=frozenset(duplicates),
        undecided=undecided,
        protected_terms=tuple(sorted(terms, key=lambda t: (t.casefold(), t))),
        # Only the tests for codes this disclosure relies on travel to the refusal notice.
        public_interest_tests={
            c: t for c, t in pit.public_interest_tests(uow).items() if c in relied_on
        },
        qualified_person_opinions={
            c: o for c, o in pit.qualified_person_opinions(uow).items() if c in relied_on
        },
        kept_places=kept,
        ordinary_words=ordinary_words,
        people=people,
        staff_policy=load_settings(uow).staff_policy,
    )


def _approved(v: ItemView, table: CodeTable) -> ApprovedRedaction:
    state = v.state
    return ApprovedRedaction(
        message_id=v.item.message_id,
        field=v.item.field,
        start=state.start,
        end=state.end,
        text=v.text,
        code=table.codes[state.code or ""],
        rationale=state.rationale,
        entity_type=v.item.entity_type,
        proposer=state.proposer or "",
        approver=state.approver or "",
        proposed_at=_when(state.proposed_at),
        approved_at=_when(state.approved_at or state.proposed_at),
        person_id=v.item.person_id,
        item_id=v.item.id,
    )


def _reference(table: CodeTable, code: str | None) -> str:
    if code is None:
        return ""
    if code in table.codes:
        return table.codes[code].reference
    return table.markers[code]["reference"] if code in table.markers else ""


LOG_COLUMNS = [
    "item",
    "message_id",
    "date",
    "kind",
    "field",
    "start",
    "end",
    "entity_type",
    "source",
    "status",
    "code",
    "reference",
    "rationale",
    "note",
    "proposer",
    "proposed_at",
    "approver",
    "approved_at",
]


def review_log_frame(uow: UnitOfWork, table: CodeTable) -> pd.DataFrame:
    """The internal redaction log (R61, domain.md 6.1 item 5): one row per decided item.

    Span references, never the redacted text, so the log can travel inside the organisation.
    """
    views = [v for v in load_views(uow) if v.state.events]
    times = uow.decisions.message_times(sorted({int(v.item.message_id) for v in views}))
    rows = []
    for v in views:
        s = v.state
        code = s.code or (
            NOT_IN_SCOPE
            if v.status is ReviewStatus.NOT_IN_SCOPE
            else DUPLICATE
            if v.status is ReviewStatus.DUPLICATE
            else None
        )
        reference = _reference(table, code)
        sent = times.get(int(v.item.message_id))
        rows.append(
            {
                "item": v.item.id,
                "message_id": int(v.item.message_id),
                "date": sent.isoformat() if sent else None,
                "kind": str(v.item.kind),
                "field": str(v.item.field),
                "start": s.start,
                "end": s.end,
                "entity_type": v.item.entity_type,
                "source": "detection" if v.item.kind is ItemKind.FINDING else "manual",
                "status": str(v.status),
                "code": code,
                "reference": reference,
                "rationale": s.rationale,
                "note": s.note,
                "proposer": s.proposer,
                "proposed_at": s.proposed_at.isoformat() if s.proposed_at else None,
                "approver": s.approver,
                "approved_at": s.approved_at.isoformat() if s.approved_at else None,
            }
        )
    # Nullable integers: a whole-message item has no offsets, and NaN would turn them into floats.
    return pd.DataFrame(rows, columns=LOG_COLUMNS).astype({"start": "Int64", "end": "Int64"})


def unconfirmed_rejections(uow: UnitOfWork, case: Case, views: Sequence[ItemView]) -> set[int]:
    """Rejected third-party proposals that no second person has confirmed yet (issue 17).

    Someone other than the rejecter confirms a rejection by approving it (`core.decisions`
    allows that move and refuses it to the rejecter); until then the export counts it as
    undecided.

    Rejecting a proposal discloses its text, so for a third party's data it is a disclosure
    decision and needs the same second person as an approval; the requester's own data in a
    SAR is theirs to receive and needs none.
    """
    waiting = [v for v in views if v.status is ReviewStatus.REJECTED and v.state.approver is None]
    if not waiting:
        return set()
    requester_ids = uow.decisions.person_ids_with_role(str(PersonRole.REQUESTER))
    region = case.default_region
    keys = {match_key(a, region) for a in (case.requester or "", *case.aliases) if a}
    out = set()
    for view in waiting:
        item = view.item
        own = (item.person_id is not None and int(item.person_id) in requester_ids) or (
            bool(item.text) and match_key(item.text, region) in keys
        )
        if not own:
            out.add(int(item.id))
    return out
