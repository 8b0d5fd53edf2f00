"""The elusion test (issue 15 item 5b): how much personal data did review miss?

As in technology-assisted review: once review is done, draw a random sample of the messages in
the disclosure set that carry no accepted redaction (the "null set"), have a person read each
one and mark whether it holds third-party personal data that was missed, and estimate the miss
rate of the whole null set from the sample, with a 95% interval.

The interval is Clopper-Pearson's exact binomial interval (`clopper_pearson`), not Wilson's:
its coverage is never below 95% for any true rate, which is what a record that may be shown to
the ICO or a tribunal needs, and it stays honest at the edge this test lives at (no misses in
the sample), where it gives the "rule of three" style bound 1 - 0.025^(1/n). Wilson's interval
is narrower but can cover less than 95% for small rates. The cost is a larger sample: with no
misses, the upper bound falls to 5% at 72 messages and to 2% at 183.

The draw is seeded, and the seed, the population and the sample are recorded, so anyone can
repeat it. A test that has marks cannot be redrawn until it is finished (drawing again until
the result suits would defeat it); a finished test stays in the record when a new one is drawn.
When the case sets a threshold, DPO sign-off is blocked while there is no finished test, or
while the latest test's upper bound is above it (`signoff_blocker`).

A test speaks only for the messages it was drawn from. When messages join the unredacted set
after the draw (a redaction rejected or undone, a new import, messages brought back into scope)
the test is stale: it says so wherever it is shown, sign-off waits for a new draw when a
threshold is set, and a new test may be drawn even if the stale one is half marked.
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import dataclass, field
from typing import Any

from sar_desk.core.binomial import clopper_pearson
from sar_desk.core.decisions import ReviewStatus
from sar_desk.core.errors import BadInputError, InvalidTransitionError, NotFoundError
from sar_desk.core.records import ElusionMarkRow, ElusionTestRow
from sar_desk.review.decide import load_views
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork

DEFAULT_THRESHOLD_PERCENT = 5.0
MAX_SAMPLE = 10_000  # reading more than this by hand is not a sample any more
METHOD = "Clopper-Pearson exact binomial interval, 95%"
_THRESHOLD_KEY = "elusion_threshold"
_AUDIT_IDS = 200  # cap the ids listed in one audit entry; the count is always exact
_LIVE = (ReviewStatus.ACCEPTED, ReviewStatus.APPROVED)


@dataclass(frozen=True, slots=True)
class ElusionResult:
    """An elusion test with its marks so far, and what they estimate.

    Attributes:
        test: The drawn test (seed, population, sample).
        marks: The current verdict per marked message id.
        threshold: The case's threshold on the upper bound, in percent (None: not set).
        joined: Messages that joined the unredacted set after the draw; the sample does not
            speak for them.
    """

    test: ElusionTestRow
    marks: dict[int, ElusionMarkRow] = field(default_factory=dict)
    threshold: float | None = None
    joined: tuple[int, ...] = ()

    @property
    def stale(self) -> bool:
        """Messages joined the unredacted set after the draw, so the test no longer covers it."""
        return bool(self.joined)

    @property
    def marked(self) -> int:
        """How many sampled messages have a verdict."""
        return sum(1 for m in self.test.sample if m in self.marks)

    @property
    def missed(self) -> int:
        """How many sampled messages hold personal data that review missed."""
        return sum(1 for m in self.test.sample if m in self.marks and self.marks[m].missed)

    @property
    def complete(self) -> bool:
        """Every sampled message has a verdict."""
        return self.marked == len(self.test.sample)

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95% interval of the miss rate over the marked messages (None: none marked)."""
        return clopper_pearson(self.missed, self.marked) if self.marked else None

    @property
    def rate(self) -> float | None:
        """The observed miss rate over the marked messages."""
        return self.missed / self.marked if self.marked else None

    @property
    def passes(self) -> bool:
        """Finished, and the upper bound is within the threshold (if one is set)."""
        if not self.complete or self.interval is None:
            return False
        return self.threshold is None or self.interval[1] * 100 <= self.threshold + 1e-9

    def as_record(self) -> dict[str, Any]:
        """The test, its sample with verdicts and its estimate, for the internal record."""
        low, high = self.interval or (None, None)
        return {
            "test": self.test.id,
            "seed": self.test.seed,
            "drawn_by": self.test.drawn_by,
            "drawn_at": self.test.drawn_at.isoformat(),
            "population": len(self.test.population),
            "population_messages": list(self.test.population),
            "size": len(self.test.sample),
            "marked": self.marked,
            "missed": self.missed,
            "complete": self.complete,
            "miss_rate": self.rate,
            "interval_low": low,
            "interval_high": high,
            "estimated_missed_messages": (
                round(self.rate * len(self.test.population)) if self.rate is not None else None
            ),
            "passes": self.passes,
            "messages_unredacted_since_draw": len(self.joined),
            "covers_current_set": not self.stale,
            "sample": [
                {
                    "message_id": m,
                    "verdict": (
                        None
                        if m not in self.marks
                        else "missed"
                        if self.marks[m].missed
                        else "clean"
                    ),
                    "note": self.marks[m].note if m in self.marks else "",
                    "marked_by": self.marks[m].marked_by if m in self.marks else None,
                    "marked_at": self.marks[m].marked_at.isoformat() if m in self.marks else None,
                }
                for m in self.test.sample
            ],
        }


def load_threshold(uow: UnitOfWork) -> float | None:
    """The case's threshold on the upper bound of the miss rate, in percent (None: not set)."""
    raw = uow.case.get_meta(_THRESHOLD_KEY)
    value = json.loads(raw).get("percent") if raw else None
    return float(value) if value is not None else None


def set_threshold(uow: UnitOfWork, user: str, percent: float | None) -> float | None:
    """Set (or clear, with None) the threshold that gates DPO sign-off, audited.

    Raises:
        PermissionDeniedError: The user may not change case settings.
        BadInputError: A percentage not above 0 and below 100.
    """
    require(uow, user, Permission.MANAGE_USERS)
    if percent is not None and not 0 < percent < 100:
        raise BadInputError(
            f"The elusion threshold must be a percentage above 0 and below 100 (got {percent:g})."
        )
    uow.case.set_meta(_THRESHOLD_KEY, json.dumps({"percent": percent}))
    uow.audit.append(user, "elusion-threshold", {"percent": percent})
    return percent


def null_set(uow: UnitOfWork) -> list[int]:
    """Disclosure-set messages with no accepted (or approved) redaction or withholding."""
    flagged = {int(v.item.message_id) for v in load_views(uow) if v.status in _LIVE}
    return [int(m) for m in uow.scope.disclosure_ids() if int(m) not in flagged]


def _joined_since(uow: UnitOfWork, test: ElusionTestRow) -> tuple[int, ...]:
    drawn_from = set(test.population)
    return tuple(m for m in null_set(uow) if m not in drawn_from)


def _latest(uow: UnitOfWork) -> ElusionResult | None:
    found = uow.elusion.list_tests()
    if not found:
        return None
    test = found[-1]
    return ElusionResult(
        test, uow.elusion.current_marks(test.id), load_threshold(uow), _joined_since(uow, test)
    )


def draw(uow: UnitOfWork, user: str, size: int, seed: int | None = None) -> ElusionResult:
    """Draw a seeded random sample of the null set for checking, recorded and audited.

    Raises:
        PermissionDeniedError: The user may not make review decisions.
        BadInputError: A size outside 1..MAX_SAMPLE, a negative seed, or an empty null set.
        InvalidTransitionError: The latest test has marks but is not finished (and is not stale).
    """
    require(uow, user, Permission.PROPOSE)
    if not 1 <= size <= MAX_SAMPLE:
        raise BadInputError(f"The sample size must be between 1 and {MAX_SAMPLE} (got {size}).")
    if seed is not None and seed < 0:
        raise BadInputError(f"The seed must be a whole number of 0 or more (got {seed}).")
    current = _latest(uow)
    if current is not None and current.marked and not current.complete and not current.stale:
        raise InvalidTransitionError(
            f"Elusion test {current.test.id} is under way ({current.marked} of "
            f"{len(current.test.sample)} messages marked). Finish marking it before drawing "
            "another: drawing again until the result suits would defeat the test."
        )
    population = null_set(uow)
    if not population:
        raise BadInputError(
            "Every message in the disclosure set has an accepted redaction, or the set is "
            "empty, so there is nothing to sample."
        )
    seed = secrets.randbelow(2**31) if seed is None else seed
    sample = random.Random(seed).sample(population, min(size, len(population)))
    row = uow.elusion.add_test(seed, population, sample, user)
    uow.audit.append(
        user,
        "elusion-drawn",
        {
            "test": row.id,
            "seed": seed,
            "population": len(population),
            "count": len(sample),
            "messages": sample[:_AUDIT_IDS],
        },
    )
    return ElusionResult(row, {}, load_threshold(uow))


def mark(
    uow: UnitOfWork, user: str, message_id: int, missed: bool, note: str = ""
) -> ElusionResult:
    """Record whether a sampled message holds personal data that was missed (audited).

    Marking a message again replaces its verdict; both stay in the record and the audit log.

    Raises:
        PermissionDeniedError: The user may not make review decisions.
        NotFoundError: No test has been drawn, or the message is not in the latest sample.
    """
    require(uow, user, Permission.PROPOSE)
    current = _latest(uow)
    if current is None:
        raise NotFoundError("No elusion test has been drawn in this case yet; draw a sample first.")
    if message_id not in current.test.sample:
        raise NotFoundError(
            f"Message {message_id} is not in the sample of elusion test {current.test.id}."
        )
    uow.elusion.add_mark(current.test.id, message_id, missed, note.strip(), user)
    # Ids and counts only: the note may name the person that was missed.
    uow.audit.append(
        user,
        "elusion-marked",
        {"test": current.test.id, "message": message_id, "missed": missed, "noted": bool(note)},
    )
    result = _latest(uow)
    assert result is not None  # the test was there a moment ago, in this transaction
    return result


def current_result(uow: UnitOfWork) -> ElusionResult | None:
    """The latest elusion test with its marks and estimate, or None if none was drawn."""
    return _latest(uow)


def signoff_blocker(uow: UnitOfWork) -> str | None:
    """Why the elusion test blocks DPO sign-off, or None (no threshold set, or it passes)."""
    threshold = load_threshold(uow)
    if threshold is None:
        return None
    result = _latest(uow)
    if result is None:
        return (
            f"This case needs an elusion test with an upper bound of at most {threshold:g}% "
            "before sign-off, and none has been drawn."
        )
    if not result.complete:
        return (
            f"Elusion test {result.test.id} is not finished ({result.marked} of "
            f"{len(result.test.sample)} sampled messages marked)."
        )
    if result.stale:
        return (
            f"Elusion test {result.test.id} no longer covers the unredacted messages: "
            f"{len(result.joined)} joined them after it was drawn (a redaction rejected or "
            "undone, messages imported or brought into scope). Draw a new elusion test."
        )
    if not result.passes:
        high = (result.interval or (0.0, 0.0))[1] * 100
        return (
            f"Elusion test {result.test.id} estimates up to {high:.1f}% of unredacted messages "
            f"hold missed personal data (95% upper bound), above this case's {threshold:g}%."
        )
    return None


def elusion_record(uow: UnitOfWork) -> dict[str, Any]:
    """Every elusion test with its sample and verdicts, for the bundle's internal record.

    Empty when no test was drawn and no threshold is set (nothing to record).
    """
    threshold = load_threshold(uow)
    results = [
        ElusionResult(t, uow.elusion.current_marks(t.id), threshold, _joined_since(uow, t))
        for t in uow.elusion.list_tests()
    ]
    if not results and threshold is None:
        return {}
    return {
        "method": METHOD,
        "threshold_percent": threshold,
        "latest": results[-1].test.id if results else None,
        "tests": [r.as_record() for r in results],
    }
