"""Bulk decisions: by entity type, by recogniser, every occurrence of a text or person, or all.

Exemptions apply case by case (R78), so a bulk action over more items than the case's threshold
needs an explicit confirmation, and a bulk action never overrides what a person decided item by
item: those items are left as they were and counted in the result (R38 propagation is "every
occurrence", so a person's name is followed into headers, mentions, quotes, reactions and system
lines through their detection findings and every alias the case knows for them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sar_desk.core.decisions import Action, ItemKind, ReviewStatus
from sar_desk.core.errors import BadInputError, Hint
from sar_desk.review.codes import CodeUse
from sar_desk.review.decide import (
    DEFAULT_CODE,
    ItemView,
    ReviewContext,
    decide,
    load_settings,
    load_views,
    match_key,
)
from sar_desk.review.resolve import STAFF_POLICY_NOTE, DisclosedByPolicyError, resolve_code
from sar_desk.review.subjects import SubjectIndex
from sar_desk.store.pit import FAILED
from sar_desk.store.uow import UnitOfWork


class BulkConfirmationRequiredError(BadInputError):
    """A bulk action over the threshold was not confirmed (R78)."""

    code = "bulk-confirmation-required"


@dataclass(frozen=True, slots=True)
class BulkSelection:
    """Which items a bulk action is about (one or more filters, or everything).

    Attributes:
        entity_type: Only this entity type (PERSON, PHONE_NUMBER...).
        recognizer: Only proposals from this recogniser.
        value: Every occurrence of this text, and of every alias of the person it names.
        everything: Every item the action applies to.
    """

    entity_type: str | None = None
    recognizer: str | None = None
    value: str | None = None
    everything: bool = False

    def describe(self) -> str:
        """A short description for messages and the audit log (no personal data)."""
        parts = []
        if self.entity_type:
            parts.append(f"entity type {self.entity_type}")
        if self.recognizer:
            parts.append(f"recogniser {self.recognizer}")
        if self.value:
            parts.append("every occurrence of a value")
        return ", ".join(parts) or "every undecided item"


@dataclass(frozen=True, slots=True)
class BulkPlan:
    """What a bulk action would do, before it does it.

    Attributes:
        action: accept, reject or approve.
        targets: Item ids it will decide.
        individually_decided: Items left alone because a person decided them one by one.
        already_decided: Items left alone because an earlier bulk action decided them.
        own_proposals: (approve) items the acting user proposed, which need another approver.
        no_default: (accept) items the code cannot be applied to (the requester's own data,
            unlinked or undecided mixed data); `refused` says which and why.
        forced_review: (approve) items whose QA sample failed, which need individual review.
        threshold: The case's bulk warning threshold.
        refused: (accept) ``(item id, reason)`` for every item left undecided because the
            code does not apply to it (issue 13: reported, never silently skipped).
        disclosed: (accept with the default code) names of staff acting in an official
            capacity that the case's staff policy discloses: rejected with that reason.
    """

    action: Action
    targets: tuple[int, ...]
    individually_decided: int = 0
    already_decided: int = 0
    own_proposals: int = 0
    no_default: int = 0
    threshold: int = 50
    forced_review: int = 0
    refused: tuple[tuple[int, str], ...] = ()
    disclosed: tuple[int, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        """Whether the count is above the threshold (R78)."""
        return len(self.targets) > self.threshold

    def warning(self) -> str:
        """The case-by-case warning (R78)."""
        return (
            f"Warning: this will {self.action} {len(self.targets)} items at once. Exemptions must "
            "be applied case by case and the reasons documented; check that the code and the "
            "rationale fit every one of them."
        )

    def skipped_lines(self) -> list[str]:
        """Sentences about the items left alone."""
        lines = []
        if self.individually_decided:
            lines.append(
                f"{self.individually_decided} items already decided individually were "
                "left as they were."
            )
        if self.already_decided:
            lines.append(
                f"{self.already_decided} items already decided by an earlier bulk "
                "action were left as they were."
            )
        if self.own_proposals:
            lines.append(
                f"{self.own_proposals} items you proposed yourself need another "
                "approver (four eyes)."
            )
        if self.disclosed:
            lines.append(
                f"{len(self.disclosed)} names of staff acting in an official capacity were "
                "rejected under the case's staff policy (disclose; ICO guidance: senior staff "
                "names are usually disclosed)."
            )
        if self.refused:
            lines.append(
                f"{len(self.refused)} items were left undecided because the code does not "
                "apply to them; decide each one:"
            )
            lines.extend(f"  {reason}" for _item, reason in self.refused)
        elif self.no_default:
            lines.append(
                f"{self.no_default} items look like the requester's own data and have "
                "no default code; decide them individually."
            )
        if self.forced_review:
            lines.append(
                f"{self.forced_review} items belong to a batch whose QA sample had a rejected "
                "item; approve or reject each of them individually (R53)."
            )
        return lines


@dataclass(frozen=True, slots=True)
class BulkResult:
    """What a bulk action did."""

    plan: BulkPlan
    decided: tuple[ItemView, ...] = field(default_factory=tuple)


def forced_review_ids(uow: UnitOfWork) -> set[int]:
    """Items in the batch of a failed QA sample: they need individual approval (R53)."""
    return {i for s in uow.pit.samples() if s.outcome == FAILED for i in s.population}


def _value_keys(uow: UnitOfWork, views: list[ItemView], value: str, region: str) -> set[str]:
    # Start from the text itself, then add every alias of any person that text refers to.
    wanted = match_key(value, region)
    persons = {
        int(v.item.person_id)
        for v in views
        if v.item.person_id is not None and match_key(v.text, region) == wanted
    }
    keys = {wanted}
    for aliases in uow.decisions.person_aliases(persons).values():
        keys.update(match_key(a, region) for a in aliases if a.strip())
    return keys


def select_items(
    uow: UnitOfWork, ctx: ReviewContext, selection: BulkSelection, views: list[ItemView]
) -> list[ItemView]:
    """The redaction items (findings and manual spans) that match a selection."""
    if not (
        selection.entity_type or selection.recognizer or selection.value or selection.everything
    ):
        raise BadInputError(
            "Say which items: their ids, an entity type, a recogniser, a value, or all of them.",
            hint=Hint.SELECT_ITEMS,
        )
    region = ctx.case.default_region
    chosen = [v for v in views if v.item.kind in (ItemKind.FINDING, ItemKind.MANUAL)]
    if selection.entity_type:
        chosen = [v for v in chosen if v.item.entity_type.upper() == selection.entity_type.upper()]
    if selection.recognizer:
        chosen = [
            v for v in chosen if v.item.recognizer.casefold() == selection.recognizer.casefold()
        ]
    if selection.value:
        keys = _value_keys(uow, chosen, selection.value, region)
        persons = {
            int(v.item.person_id)
            for v in chosen
            if v.item.person_id is not None and match_key(v.text, region) in keys
        }
        chosen = [
            v
            for v in chosen
            if match_key(v.text, region) in keys
            or (v.item.person_id is not None and int(v.item.person_id) in persons)
        ]
    return chosen


def plan_bulk(
    uow: UnitOfWork,
    ctx: ReviewContext,
    selection: BulkSelection,
    action: Action,
    code: str | None = None,
) -> BulkPlan:
    """Work out which items a bulk accept, reject or approve would decide.

    Raises:
        BadInputError: No filter given, or an action that cannot be done in bulk.
    """
    if action not in (Action.ACCEPT, Action.REJECT, Action.APPROVE):
        raise BadInputError(f"'{action}' cannot be done in bulk; name the items one by one.")
    uow.decisions.sync_finding_items()
    chosen = select_items(uow, ctx, selection, load_views(uow))
    wanted = ReviewStatus.ACCEPTED if action is Action.APPROVE else ReviewStatus.PROPOSED
    targets: list[int] = []
    individual = earlier = own = forced_count = 0
    refused: list[tuple[int, str]] = []
    disclosed: list[int] = []
    forced = forced_review_ids(uow) if action is Action.APPROVE else set()
    index = (
        SubjectIndex(uow, ctx.case, words=ctx.ordinary_words)
        if action is Action.ACCEPT and code
        else None
    )
    if code and code.strip().lower() != DEFAULT_CODE:
        ctx.table.get(code, ctx.case.regime, CodeUse.ITEM)  # a wrong code refuses the whole plan
    for view in chosen:
        state = view.state
        if action is Action.APPROVE:
            # A rejection waiting for its second person is confirmed by approving (issue 17).
            confirm = state.status is ReviewStatus.REJECTED and state.approver is None
            if state.status is not wanted and not confirm:
                continue
            first = state.rejected_by if confirm else state.proposer
            if first and first.casefold() == ctx.user.casefold():
                own += 1
                continue
            if view.item.id in forced:
                forced_count += 1
                continue
        elif state.status is not wanted or state.individual:
            # Anything a person touched item by item stays as they left it.
            if state.individual:
                individual += 1
            elif state.events:
                earlier += 1
            continue
        if action is Action.ACCEPT and code:
            try:
                resolve_code(uow, ctx, view.item, code, index)
            except DisclosedByPolicyError:
                disclosed.append(view.item.id)
                continue
            except BadInputError as exc:
                # Per item: the requester's own data, unlinked or undecided mixed data.
                refused.append((view.item.id, str(exc)))
                continue
        targets.append(view.item.id)
    return BulkPlan(
        action,
        tuple(targets),
        individual,
        earlier,
        own,
        len(refused),
        load_settings(uow).bulk_warning_threshold,
        forced_count,
        tuple(refused),
        tuple(disclosed),
    )


def run_bulk(
    uow: UnitOfWork,
    ctx: ReviewContext,
    plan: BulkPlan,
    *,
    code: str | None = None,
    rationale: str = "",
    note: str = "",
    confirmed: bool = False,
    selection: BulkSelection | None = None,
) -> BulkResult:
    """Carry out a planned bulk action (one audit entry for the lot).

    Raises:
        BulkConfirmationRequiredError: Over the threshold without confirmation (R78).
        PermissionDeniedError, BadInputError: As for `decide`.
    """
    if plan.needs_confirmation and not confirmed:
        raise BulkConfirmationRequiredError(
            f"{plan.warning()} {len(plan.targets)} is above this case's limit of "
            f"{plan.threshold} for bulk decisions; confirm to go ahead."
        )
    if not plan.targets and not plan.disclosed:
        return BulkResult(plan)
    decided: list[ItemView] = []
    if plan.targets:
        decided = decide(
            uow,
            ctx,
            list(plan.targets),
            plan.action,
            code=code,
            rationale=rationale,
            note=note,
            bulk=True,
            audit_extra={
                "selection": selection.describe() if selection else "ids",
                "skipped_individual": plan.individually_decided,
                "skipped_bulk": plan.already_decided,
                "refused": [i for i, _why in plan.refused][:200],
                "confirmed": confirmed,
            },
        )
    if plan.disclosed:
        # A recorded decision by the acting user, with the case policy as the reason (after
        # the accepts, which were planned while these names still linked other items).
        decide(uow, ctx, list(plan.disclosed), Action.REJECT, note=STAFF_POLICY_NOTE, bulk=True)
    return BulkResult(plan, tuple(decided))
