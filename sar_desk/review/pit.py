"""Public interest tests (R31) and the s.36 qualified person's opinion (R32).

A qualified FOI/EIR/FOISA exemption may only be relied on after the authority has weighed the
public interest, once per exemption per case; FOIA s.36 also needs the reasonable opinion of the
qualified person. Both are recorded here (appended and audited) and checked before any redaction
or withholding under such a code is approved, so export always has them for the refusal notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from sar_desk.core.disclosure import PublicInterestTest, QualifiedPersonOpinion
from sar_desk.core.errors import BadInputError, Hint
from sar_desk.core.model import Case, Regime
from sar_desk.review.codes import CodeTable, CodeUse
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork


def needs_pit(table: CodeTable, regime: Regime, code: str) -> bool:
    """Whether approving under `code` needs a recorded public interest test (R31)."""
    found = table.codes.get(code)
    return regime is not Regime.SAR and found is not None and found.public_interest_test


def needs_qualified_person(table: CodeTable, code: str) -> bool:
    """Whether approving under `code` needs the qualified person's opinion (R32)."""
    return code in table.qualified_person


def _required(text: str, what: str, hint: Hint) -> str:
    if not text.strip():
        raise BadInputError(f"Record {what}, in a sentence.", hint=hint)
    return text.strip()


def record_public_interest_test(
    uow: UnitOfWork,
    case: Case,
    table: CodeTable,
    user: str,
    code: str,
    factors_for: str,
    factors_against: str,
    conclusion: str,
) -> PublicInterestTest:
    """Record (or supersede) the public interest test for a qualified code, audited.

    Raises:
        PermissionDeniedError: The user may not make review decisions.
        NotFoundError: Unknown code.
        BadInputError: A code of another regime, an absolute code, or a missing part.
    """
    require(uow, user, Permission.PROPOSE)
    found = table.get(code, case.regime, CodeUse.ITEM)
    if not needs_pit(table, case.regime, found.code):
        raise BadInputError(
            f"{found.code} ({found.reference}) is {found.kind}, not a qualified exemption: no "
            "public interest test applies to it, so there is nothing to record."
        )
    row = uow.pit.add_public_interest_test(
        found.code,
        _required(factors_for, "the factors in favour of disclosure", Hint.PIT_FOR),
        _required(factors_against, "the factors for maintaining the exemption", Hint.PIT_AGAINST),
        _required(conclusion, "the conclusion of the public interest test", Hint.PIT_CONCLUSION),
        user,
    )
    details = {"record": row, "code": found.code, "table": table.version}
    uow.audit.append(user, "public-interest-test", details)
    return uow.pit.current_public_interest_tests()[found.code]


def record_qualified_person(
    uow: UnitOfWork,
    case: Case,
    table: CodeTable,
    user: str,
    name: str,
    opinion_date: date,
    opinion: str,
    code: str | None = None,
) -> QualifiedPersonOpinion:
    """Record (or supersede) the qualified person's opinion for s.36, audited.

    Args:
        uow: The case's unit of work.
        case: The case (an FOI case: s.36 is a FOIA code).
        table: The code table.
        user: Who records it.
        name: The qualified person (name or post).
        opinion_date: When they gave the opinion (not in the future).
        opinion: What they concluded.
        code: The s.36 code; None picks the case regime's only s.36 code.

    Raises:
        PermissionDeniedError: The user may not make review decisions.
        BadInputError: No s.36 code in this regime, a code that is not s.36, a future date,
            or a missing part.
    """
    require(uow, user, Permission.PROPOSE)
    candidates = [c.code for c in table.for_regime(case.regime) if c.code in table.qualified_person]
    if code is None:
        if not candidates:
            raise BadInputError(
                f"A {case.regime.name} case has no code that needs a qualified person's opinion "
                "(that is FOIA s.36)."
            )
        code = candidates[0]
    found = table.get(code, case.regime, CodeUse.ITEM)
    if found.code not in table.qualified_person:
        raise BadInputError(
            f"{found.code} ({found.reference}) does not need a qualified person's opinion; only "
            f"{', '.join(candidates) or 'FOIA s.36'} does."
        )
    if opinion_date > datetime.now(UTC).date():
        raise BadInputError(
            f"The opinion date {opinion_date.isoformat()} is in the future; give the date the "
            "qualified person gave their opinion."
        )
    row = uow.pit.add_qualified_person_opinion(
        found.code,
        _required(name, "who the qualified person is", Hint.OPINION_NAME),
        opinion_date,
        _required(opinion, "the qualified person's opinion", Hint.OPINION_TEXT),
        user,
    )
    uow.audit.append(
        user,
        "qualified-person-opinion",
        {"record": row, "code": found.code, "opinion_date": opinion_date.isoformat()},
    )
    return uow.pit.current_qualified_person_opinions()[found.code]


def public_interest_tests(uow: UnitOfWork) -> dict[str, PublicInterestTest]:
    """The current public interest test per code."""
    return uow.pit.current_public_interest_tests()


def qualified_person_opinions(uow: UnitOfWork) -> dict[str, QualifiedPersonOpinion]:
    """The current qualified person's opinion per code."""
    return uow.pit.current_qualified_person_opinions()


def check_approvable(uow: UnitOfWork, case: Case, table: CodeTable, codes: Iterable[str]) -> None:
    """Refuse approval under codes whose public interest test or s.36 opinion is missing.

    Raises:
        BadInputError: Naming the first missing record and the command that records it.
    """
    wanted = sorted(set(codes))
    if not wanted:
        return
    pits = uow.pit.current_public_interest_tests()
    opinions = uow.pit.current_qualified_person_opinions()
    for code in wanted:
        found = table.codes.get(code)
        if found is None:
            continue
        if needs_pit(table, case.regime, code) and code not in pits:
            raise BadInputError(
                f"{found.marker} is a qualified exemption: record the public interest test "
                f"first ({code}).",
                hint=Hint.RECORD_PIT,
            )
        if needs_qualified_person(table, code) and code not in opinions:
            raise BadInputError(
                f"{found.marker} needs the qualified person's reasonable opinion (R32): record "
                "who gave it, when and what they concluded first.",
                hint=Hint.RECORD_OPINION,
            )
