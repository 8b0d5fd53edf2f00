"""Second-person QA by sample (R53): the case's QA mode, drawing samples, approving on a sample.

In full mode (the default) the approver checks every redaction. In sample mode a percentage of
one proposer's accepted items is drawn at random with a recorded seed; the approver approves or
rejects each sampled item individually. When every sampled item is approved, the rest of that
proposer's batch is approved in bulk, with the sampling basis written into each decision's note
and the audit log. If a sampled item is rejected and the policy is on (the default), the whole
batch must be reviewed item by item: bulk approval of it is refused from then on.
"""

from __future__ import annotations

import enum
import json
import math
import random
import secrets
from dataclasses import asdict, dataclass

from sar_desk.core.decisions import Action, ReviewStatus
from sar_desk.core.errors import BadInputError, Hint, InvalidTransitionError
from sar_desk.core.records import SampleRow
from sar_desk.review.bulk import forced_review_ids
from sar_desk.review.decide import ItemView, ReviewContext, decide, load_views
from sar_desk.review.roles import Permission, require
from sar_desk.store.pit import FAILED, PASSED
from sar_desk.store.uow import UnitOfWork

_SETTINGS_KEY = "qa_settings"
_AUDIT_IDS = 200


class QaMode(enum.StrEnum):
    """How the second person checks a proposer's redactions."""

    FULL = "full"  # every item individually (or in a bulk approval the approver chose)
    SAMPLE = "sample"  # a random sample individually, the rest on the sample's basis


@dataclass(frozen=True, slots=True)
class QaSettings:
    """The case's QA policy.

    Attributes:
        mode: full or sample.
        percent: Share of a proposer's batch drawn for individual checking (sample mode).
        seed: Fixed seed for the draws, or None to pick (and record) a fresh one per draw.
        full_review_on_reject: A rejected sampled item forces full review of the batch.
    """

    mode: QaMode = QaMode.FULL
    percent: int = 100
    seed: int | None = None
    full_review_on_reject: bool = True

    def basis(self) -> str:
        """The sampling basis in words (for ``case show`` and the CLI)."""
        if self.mode is QaMode.FULL:
            return "full review: every redaction is checked by a second person"
        seed = f"seed {self.seed}" if self.seed is not None else "a fresh recorded seed per draw"
        policy = "on" if self.full_review_on_reject else "off"
        return (
            f"sample review: {self.percent}% of each proposer's batch, {seed}; a rejected "
            f"sampled item forces full review: {policy}"
        )


def load_qa_settings(uow: UnitOfWork) -> QaSettings:
    """The case's QA settings (full review when unset)."""
    raw = uow.case.get_meta(_SETTINGS_KEY)
    if not raw:
        return QaSettings()
    data = json.loads(raw)
    return QaSettings(
        mode=QaMode(data.get("mode", "full")),
        percent=int(data.get("percent", 100)),
        seed=data.get("seed"),
        full_review_on_reject=bool(data.get("full_review_on_reject", True)),
    )


def save_qa_settings(uow: UnitOfWork, user: str, settings: QaSettings) -> QaSettings:
    """Store the QA policy, audited (case handler or DPO).

    Raises:
        PermissionDeniedError: The user may not change case settings.
        BadInputError: A percentage outside 1-100, or a negative seed.
    """
    require(uow, user, Permission.MANAGE_USERS)
    if not 1 <= settings.percent <= 100:
        raise BadInputError(
            f"The sample percentage must be between 1 and 100 (got {settings.percent})."
        )
    if settings.seed is not None and settings.seed < 0:
        raise BadInputError(f"The seed must be a whole number of 0 or more (got {settings.seed}).")
    if settings.mode is QaMode.FULL:
        settings = QaSettings(QaMode.FULL, 100, None, settings.full_review_on_reject)
    data = {**asdict(settings), "mode": str(settings.mode)}
    uow.case.set_meta(_SETTINGS_KEY, json.dumps(data, sort_keys=True))
    uow.audit.append(user, "qa-settings", data)
    return settings


def sample_size(population: int, percent: int) -> int:
    """How many items a sample of `percent` draws from `population` (at least one, if any)."""
    if population <= 0:
        return 0
    return min(population, max(1, math.ceil(population * percent / 100)))


def draw(population: list[int], percent: int, seed: int) -> list[int]:
    """The sampled ids: a seeded draw, so anyone can repeat it from the recorded seed."""
    ordered = sorted(population)
    return sorted(random.Random(seed).sample(ordered, sample_size(len(ordered), percent)))


def _batch(views: list[ItemView], proposer: str) -> list[ItemView]:
    return [
        v
        for v in views
        if v.status is ReviewStatus.ACCEPTED
        and v.state.proposer is not None
        and v.state.proposer.casefold() == proposer.casefold()
    ]


def _open_sample(uow: UnitOfWork, proposer: str) -> SampleRow | None:
    found = [s for s in uow.pit.samples() if s.proposer.casefold() == proposer.casefold()]
    return next((s for s in reversed(found) if s.outcome is None), None)


def draw_sample(uow: UnitOfWork, ctx: ReviewContext, proposer: str) -> SampleRow:
    """Draw (or return the open) sample of a proposer's accepted items, recorded and audited.

    An open sample is never redrawn: drawing again until the result suits would defeat it.

    Raises:
        InvalidTransitionError: The case is in full-review mode.
        PermissionDeniedError: The user may not approve, or is the proposer.
        BadInputError: The proposer has no accepted items waiting for approval.
    """
    require(uow, ctx.user, Permission.APPROVE)
    settings = _sample_mode(uow)
    if proposer.casefold() == ctx.user.casefold():
        raise BadInputError(
            f"{ctx.user} cannot sample their own batch: the check must be made by a second "
            "person (four eyes, R52)."
        )
    existing = _open_sample(uow, proposer)
    if existing is not None:
        return existing
    uow.decisions.sync_finding_items()
    forced = forced_review_ids(uow)
    batch = [v.item.id for v in _batch(load_views(uow), proposer) if v.item.id not in forced]
    if not batch:
        raise BadInputError(
            f"{proposer} has no accepted items waiting for approval outside a batch that needs "
            "full review, so there is nothing to sample."
        )
    seed = settings.seed if settings.seed is not None else secrets.randbelow(2**31)
    chosen = draw(batch, settings.percent, seed)
    row = uow.pit.add_sample(proposer, settings.percent, seed, batch, chosen, ctx.user)
    uow.audit.append(
        ctx.user,
        "qa-sample-drawn",
        {
            "sample": row.id,
            "proposer": proposer,
            "percent": settings.percent,
            "seed": seed,
            "population": len(batch),
            "items": chosen[:_AUDIT_IDS],
            "count": len(chosen),
        },
    )
    return row


def _sample_mode(uow: UnitOfWork) -> QaSettings:
    settings = load_qa_settings(uow)
    if settings.mode is not QaMode.SAMPLE:
        raise InvalidTransitionError(
            "This case uses full review, so there is no sample to draw: approve items one by "
            "one, or switch the case to sampling.",
            hint=Hint.QA_SAMPLING,
        )
    return settings


def basis_note(sample: SampleRow) -> str:
    """The sampling basis written into each bulk-approved decision's note."""
    return (
        f"Approved on QA sample {sample.id}: {len(sample.sample)} of {len(sample.population)} "
        f"items of {sample.proposer}'s batch ({sample.percent}%, seed {sample.seed}) were "
        "checked individually and all approved (R53)."
    )


@dataclass(frozen=True, slots=True)
class SampleApproval:
    """What approving on a sample did.

    Attributes:
        sample: The sample (with its outcome).
        approved: Items approved in bulk on the sample's basis.
    """

    sample: SampleRow
    approved: tuple[ItemView, ...]


def approve_on_sample(uow: UnitOfWork, ctx: ReviewContext, proposer: str) -> SampleApproval:
    """Approve the rest of a proposer's batch once every sampled item was approved.

    If a sampled item was rejected and the policy forces full review, nothing is approved: the
    sample is closed as failed (recorded and audited) and the result says so, so the caller can
    commit that record and then tell the user.

    Raises:
        InvalidTransitionError: Full-review mode, no open sample, or a sampled item not yet
            checked.
    """
    require(uow, ctx.user, Permission.APPROVE)
    settings = _sample_mode(uow)
    sample = _open_sample(uow, proposer)
    if sample is None:
        raise InvalidTransitionError(
            f"There is no open QA sample of {proposer}'s batch; draw one and check its items "
            "first.",
            hint=Hint.DRAW_SAMPLE,
        )
    views = {v.item.id: v for v in load_views(uow)}
    rejected = [i for i in sample.sample if views[i].status is ReviewStatus.REJECTED]
    unchecked = [i for i in sample.sample if views[i].status is not ReviewStatus.APPROVED]
    if rejected and settings.full_review_on_reject:
        uow.pit.close_sample(sample.id, FAILED, ctx.user)
        uow.audit.append(
            ctx.user,
            "qa-sample-failed",
            {"sample": sample.id, "proposer": proposer, "rejected": rejected[:_AUDIT_IDS]},
        )
        return SampleApproval(uow.pit.samples(sample_id=sample.id)[0], ())
    unchecked = [i for i in unchecked if i not in rejected]
    if unchecked:
        raise InvalidTransitionError(
            f"Sampled items {', '.join(map(str, unchecked))} are not checked yet: approve or "
            "reject each of them individually, then approve the rest on the sample.",
            hint=Hint.DECIDE_ITEMS,
        )
    rest = [
        i
        for i in sample.population
        if i not in sample.sample
        and i in views
        and views[i].status is ReviewStatus.ACCEPTED
        and (views[i].state.proposer or "").casefold() == proposer.casefold()
    ]
    note = basis_note(sample)
    extra = {"sample": sample.id, "percent": sample.percent, "seed": sample.seed, "basis": note}
    approved = (
        decide(uow, ctx, rest, Action.APPROVE, note=note, bulk=True, audit_extra=extra)
        if rest
        else []
    )
    uow.pit.close_sample(sample.id, PASSED, ctx.user)
    uow.audit.append(
        ctx.user,
        "qa-sample-passed",
        {"sample": sample.id, "proposer": proposer, "approved": len(approved), "basis": note},
    )
    return SampleApproval(uow.pit.samples(sample_id=sample.id)[0], tuple(approved))


def list_samples(uow: UnitOfWork) -> list[SampleRow]:
    """Every QA sample drawn in the case, oldest first."""
    return uow.pit.samples()
