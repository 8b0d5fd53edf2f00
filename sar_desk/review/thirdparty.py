"""Third-party records for SAR para-16 decisions (R33; DPA 2018 Sch 2 Pt 3 para 16(3)(a)-(e)).

Per third party the reviewer records whether consent was sought (and when), the answer, their
capacity to consent, any duty of confidence, the type of information, and the decision. Each
record is appended; the newest per party is the current one, and the history stays.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sar_desk.core.errors import BadInputError, Hint
from sar_desk.core.records import ThirdPartyRow
from sar_desk.review.roles import Permission, require
from sar_desk.store.uow import UnitOfWork


class ConsentResponse(enum.StrEnum):
    """What the third party said (16(3)(e): an express refusal weighs against disclosure)."""

    NOT_SOUGHT = "not-sought"
    AWAITING = "awaiting"
    GIVEN = "given"
    REFUSED = "refused"
    NO_REPLY = "no-reply"


class ThirdPartyDecision(enum.StrEnum):
    """The outcome for this third party's information."""

    DISCLOSE = "disclose"
    REDACT = "redact"
    WITHHELD = "withheld"
    UNDECIDED = "undecided"


@dataclass(frozen=True, slots=True)
class ThirdPartyRecord:
    """One para-16 record.

    Attributes:
        party: The person's name or id as the reviewer knows them.
        person_id: The case's person id, when known.
        consent_sought: Whether consent was sought (16(3)(c)).
        consent_date: When it was sought.
        response: Their answer (16(3)(e)).
        capable_of_consenting: Whether they can consent (16(3)(d)); None = not assessed.
        duty_of_confidence: Whether a duty of confidence is owed (16(3)(b)).
        information_type: The type of information (16(3)(a)).
        decision: disclose / redact / withheld.
        reasons: Why, in the reviewer's words.
        recorded_by: Who recorded it.
        recorded_at: When.
    """

    party: str
    person_id: int | None = None
    consent_sought: bool = False
    consent_date: date | None = None
    response: ConsentResponse = ConsentResponse.NOT_SOUGHT
    capable_of_consenting: bool | None = None
    duty_of_confidence: bool | None = None
    information_type: str = ""
    decision: ThirdPartyDecision = ThirdPartyDecision.UNDECIDED
    reasons: str = ""
    recorded_by: str = ""
    recorded_at: datetime | None = None


def validate(record: ThirdPartyRecord) -> None:
    """Check a record is coherent.

    Raises:
        BadInputError: A contradiction or a missing reason, saying which.
    """
    if not record.party.strip():
        raise BadInputError("Name the third party (their name or person id).")
    if record.consent_date and not record.consent_sought:
        raise BadInputError("A consent date was given but consent is marked as not sought.")
    if record.response is not ConsentResponse.NOT_SOUGHT and not record.consent_sought:
        raise BadInputError(
            f"The response is '{record.response}' but consent is marked as not sought; "
            "give the date consent was sought.",
            hint=Hint.CONSENT_SOUGHT,
        )
    if record.decision is not ThirdPartyDecision.UNDECIDED and not record.reasons.strip():
        raise BadInputError(
            f"Say why the decision is '{record.decision}': the factors in "
            "para 16(3)(a)-(e) must be weighed and recorded.",
            hint=Hint.GIVE_REASON,
        )


def record_third_party(uow: UnitOfWork, user: str, record: ThirdPartyRecord) -> ThirdPartyRecord:
    """Append a third-party record (audited by id, never by name).

    Raises:
        PermissionDeniedError: The user may not record third-party decisions.
        BadInputError: The record is incoherent.
    """
    require(uow, user, Permission.RECORD_THIRD_PARTY)
    validate(record)
    details = asdict(record)
    for key in ("party", "person_id", "recorded_by", "recorded_at"):
        details.pop(key)
    record_id = uow.decisions.add_third_party_record(
        record.party.strip(), record.person_id, details, user
    )
    uow.signoffs.void_signoff(user, "third-party-record")  # a balancing decision changed (issue 13)
    uow.audit.append(
        user,
        "third-party-record",
        {
            "record": record_id,
            "person": record.person_id,
            "decision": str(record.decision),
            "response": str(record.response),
        },
    )
    return current_records(uow, record.party.strip())[0]


def _from_row(row: ThirdPartyRow) -> ThirdPartyRecord:
    d = row.details
    return ThirdPartyRecord(
        party=row.party,
        person_id=int(row.person_id) if row.person_id is not None else None,
        consent_sought=bool(d.get("consent_sought")),
        consent_date=date.fromisoformat(d["consent_date"]) if d.get("consent_date") else None,
        response=ConsentResponse(d.get("response", "not-sought")),
        capable_of_consenting=d.get("capable_of_consenting"),
        duty_of_confidence=d.get("duty_of_confidence"),
        information_type=d.get("information_type", ""),
        decision=ThirdPartyDecision(d.get("decision", "undecided")),
        reasons=d.get("reasons", ""),
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


def current_records(uow: UnitOfWork, party: str | None = None) -> list[ThirdPartyRecord]:
    """The newest record per third party (or for one party), sorted by party."""
    latest: dict[str, ThirdPartyRecord] = {}
    for row in uow.decisions.third_party_history(party):
        latest[row.party.casefold()] = _from_row(row)
    return [latest[k] for k in sorted(latest)]


def history(uow: UnitOfWork, party: str) -> list[ThirdPartyRecord]:
    """Every record for one third party, oldest first."""
    return [_from_row(r) for r in uow.decisions.third_party_history(party)]
