"""Recording the legitimate-interests test and the outcome of an FOI-type request, audited.

The legitimate-interests test (purpose, necessity, balance) is recorded once per personal-data
code (FOIA s.40(2), EIR reg 13, FOISA s.38(1)(b), EISR reg 11(2)) and printed in the refusal
notice. The outcome (held / not held / NCND / refused) decides which letter export writes; each
is checked against the law here so a notice never cites a provision that cannot apply.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sar_desk.core.errors import BadInputError
from sar_desk.core.legitimate_interests import LegitimateInterestsTest
from sar_desk.core.model import Case, Regime
from sar_desk.core.outcome import Outcome, OutcomeKind
from sar_desk.review.codes import CodeTable, CodeUse
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork

OUTCOME_KEY = "outcome"


def _required(text: str, what: str) -> str:
    if not text.strip():
        raise BadInputError(f"Record {what} in a sentence; it cannot be left empty.")
    return text.strip()


def record_legitimate_interests(
    uow: UnitOfWork,
    case: Case,
    table: CodeTable,
    user: str,
    code: str,
    purpose: str,
    necessity: str,
    balance: str,
) -> LegitimateInterestsTest:
    """Record (or supersede) the legitimate-interests test for a personal-data code.

    Raises:
        PermissionDeniedError: The user may not make review decisions.
        NotFoundError: Unknown code.
        BadInputError: A code of another regime, a code the test does not apply to, or a part
            left empty.
    """
    require(uow, user, Permission.PROPOSE)
    found = table.get(code, case.regime, CodeUse.ITEM)
    if found.code not in table.legitimate_interests:
        names = ", ".join(
            c.code for c in table.for_regime(case.regime) if c.code in table.legitimate_interests
        )
        raise BadInputError(
            f"{found.code} ({found.reference}) does not turn on a legitimate-interests test; it "
            f"applies to third-party personal data ({names or 'none in this regime'})."
        )
    row = uow.legal_records.add_legitimate_interests_test(
        found.code,
        _required(purpose, "the legitimate interest in disclosure (purpose)"),
        _required(necessity, "whether disclosure is necessary for that interest"),
        _required(balance, "the balance against the data subject's interests and rights"),
        user,
    )
    uow.audit.append(user, "legitimate-interests-test", {"record": row, "code": found.code})
    return uow.legal_records.current_legitimate_interests_tests()[found.code]


def legitimate_interests_tests(uow: UnitOfWork) -> dict[str, LegitimateInterestsTest]:
    """The current legitimate-interests test per code."""
    return uow.legal_records.current_legitimate_interests_tests()


def check_outcome(
    case: Case, table: CodeTable, kind: OutcomeKind, code: str | None, reason: str
) -> str | None:
    """Check an outcome against the law; returns the normalised code (None for held/not held).

    Raises:
        NotFoundError: Unknown code.
        BadInputError: A SAR case; a missing reason or code; a code of another regime; a code
            that cannot ground this kind of answer (e.g. NCND under an exemption without an
            NCND provision, or a "not held" code given as a refusal).
    """
    if case.regime is Regime.SAR:
        raise BadInputError(
            "Held, not held, neither confirm nor deny and refusal outcomes are for FOI, EIR, "
            "FOISA and EISR requests; a subject access request is answered by its bundle."
        )
    if kind is OutcomeKind.HELD:
        return None
    _required(reason, "why this applies in this case")
    if kind is OutcomeKind.NOT_HELD:
        if code:
            raise BadInputError("A 'not held' answer takes no reason code, only the reason.")
        return None
    if not code:
        raise BadInputError(f"A {kind} answer needs the reason code it relies on.")
    use = (
        CodeUse.REQUEST if table.uses.get(code.strip().upper()) is CodeUse.REQUEST else CodeUse.ITEM
    )
    found = table.get(code, case.regime, use)
    if kind is OutcomeKind.NCND:
        if found.code not in table.ncnd:
            options = ", ".join(c for c in table.ncnd if table.codes[c].regime is case.regime)
            raise BadInputError(
                f"{found.code} ({found.reference}) has no neither-confirm-nor-deny provision "
                f"recorded. Codes with one in this regime: {options or 'none'}."
            )
        return found.code
    if found.title.startswith(("Neither confirm", "Information not held")):
        raise BadInputError(
            f"{found.code} ({found.reference}) is not a refusal: use the neither-confirm-nor-"
            "deny or not-held outcome instead."
        )
    return found.code


def record_outcome(
    uow: UnitOfWork,
    case: Case,
    table: CodeTable,
    user: str,
    kind: OutcomeKind,
    code: str | None,
    reason: str,
) -> Outcome:
    """Check and store the request's outcome (replacing any earlier one), audited."""
    require(uow, user, Permission.PROPOSE)
    normalised = check_outcome(case, table, kind, code, reason)
    outcome = Outcome(kind, normalised, reason.strip(), user, datetime.now(UTC))
    uow.case.set_meta(OUTCOME_KEY, json.dumps(outcome.to_json(), sort_keys=True))
    uow.audit.append(user, "outcome", {"kind": str(kind), "code": normalised})
    return outcome


def current_outcome(uow: UnitOfWork) -> Outcome | None:
    """The recorded outcome, or None (export then treats the request as held)."""
    raw = uow.case.get_meta(OUTCOME_KEY)
    return Outcome.from_json(json.loads(raw)) if raw else None
