"""Closing a case and legal holds; retention from the organisation profile (issue 18 item 3).

The lifecycle record (closing date, current hold) lives in the case database beside the case
record, and each change is audited in the same transaction. Reasons are kept in the case's
lifecycle log; the audit entry carries a SHA-256 of the reason, so the log's text cannot be
changed unseen and the audit log itself stays free of free text. Destroying a case is in
`app.purge`; the list of cases due in `app.cases_due`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sar_desk.app.summary import SummarySection
from sar_desk.core.errors import BadInputError, Hint, PermissionDeniedError
from sar_desk.core.retention import (
    Disposal,
    Hold,
    Lifecycle,
    Period,
    disposal,
    effective_retention,
    format_retention,
    parse_retention,
)
from sar_desk.review.roles import Role, role_of
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    from sar_desk.app.session import CaseSession

_KEY = "lifecycle"
_LOG_KEY = "lifecycle_log"
# Who may close, hold, release and destroy a case (an early destruction: the DPO alone).
LIFECYCLE_ROLES = frozenset({Role.CASE_HANDLER, Role.DPO})


def reason_digest(reason: str) -> str:
    """The SHA-256 of a reason as written, recorded where the text itself must not go."""
    return hashlib.sha256(reason.strip().encode("utf-8")).hexdigest()


def lifecycle(session: CaseSession) -> Lifecycle:
    """The case's lifecycle record (an open case with no hold if none was written)."""
    with unit_of_work(session.store) as uow:
        raw = uow.case.get_meta(_KEY)
    return Lifecycle.from_json(json.loads(raw)) if raw else Lifecycle()


def lifecycle_log(session: CaseSession) -> list[dict[str, Any]]:
    """Every lifecycle change with its reason, oldest first (internal; never in a certificate)."""
    with unit_of_work(session.store) as uow:
        raw = uow.case.get_meta(_LOG_KEY)
    return list(json.loads(raw)) if raw else []


def retention_period(session: CaseSession) -> Period:
    """The retention period for this case's regime (profile, case override, else default)."""
    profile = session.export.organisation_profile()
    return effective_retention(profile.retention if profile else "")[session.case.regime]


def disposal_position(session: CaseSession, today: date | None = None) -> Disposal:
    """Whether the case is open, retained, on hold or due for disposal."""
    return disposal(lifecycle(session), retention_period(session), today or date.today())


def lifecycle_role(session: CaseSession) -> Role:
    """The acting user's role, if it may change the case's lifecycle.

    Raises:
        PermissionDeniedError: Not a user of the case, or a reviewer or auditor.
    """
    with unit_of_work(session.store) as uow:
        role = role_of(uow, session.user)
    if role is None:
        raise PermissionDeniedError(
            f"{session.user} is not a user of this case; add them as a user with a role.",
            hint=Hint.ADD_USER,
        )
    if role not in LIFECYCLE_ROLES:
        raise PermissionDeniedError(
            f"{session.user} is the {role.label} on this case; only the case handler or the "
            "DPO can close, hold, release or destroy it."
        )
    return role


def _save(
    session: CaseSession, record: Lifecycle, action: str, details: dict[str, Any], reason: str
) -> None:
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    with unit_of_work(session.store, write=True) as uow:
        raw = uow.case.get_meta(_LOG_KEY)
        log = list(json.loads(raw)) if raw else []
        log.append({"action": action, "at": now, "user": session.user, "reason": reason})
        uow.case.set_meta(_LOG_KEY, json.dumps(log, sort_keys=True))
        uow.case.set_meta(_KEY, json.dumps(record.to_json(), sort_keys=True))
        if reason:
            details = {**details, "reason_sha256": reason_digest(reason)}
        uow.audit.append(session.user, action, details)


def close_case(
    session: CaseSession, closed_on: date | None = None, today: date | None = None
) -> Disposal:
    """Close the case on `closed_on` (default today); its retention runs from that date.

    Closing a closed case again corrects the date (the audit keeps the earlier one).

    Raises:
        PermissionDeniedError: The user may not close the case.
        BadInputError: A closing date in the future or before the request was received.
    """
    today = today or date.today()
    closed_on = closed_on or today
    lifecycle_role(session)
    if closed_on > today:
        raise BadInputError(f"A case cannot be closed in the future ({closed_on:%d %b %Y}).")
    if closed_on < session.case.received:
        raise BadInputError(
            f"The closing date {closed_on:%d %b %Y} is before the request was received "
            f"({session.case.received:%d %b %Y}). Check the date."
        )
    current = lifecycle(session)
    period = retention_period(session)
    details = {
        "closed_on": closed_on.isoformat(),
        "previous_closed_on": current.closed_on.isoformat() if current.closed_on else None,
        "retention": str(period),
        "retain_until": period.after(closed_on).isoformat(),
    }
    record = Lifecycle(closed_on=closed_on, hold=current.hold)
    _save(session, record, "case-closed", details, "")
    return disposal_position(session, today)


def place_hold(session: CaseSession, reason: str, today: date | None = None) -> Hold:
    """Put the case under a legal hold: nothing may destroy it until the hold is released.

    Raises:
        PermissionDeniedError: The user may not hold the case.
        BadInputError: No reason, or the case is already on hold.
    """
    lifecycle_role(session)
    if not reason.strip():
        raise BadInputError(
            "Say why the case is held (a review, complaint, regulator case or appeal).",
            hint=Hint.GIVE_REASON,
        )
    current = lifecycle(session)
    if current.hold is not None:
        raise BadInputError(
            f"The case is already on hold (placed by {current.hold.placed_by} on "
            f"{current.hold.placed_on:%d %b %Y})."
        )
    hold = Hold(reason.strip(), session.user, today or date.today())
    record = Lifecycle(closed_on=current.closed_on, hold=hold)
    _save(session, record, "hold-placed", {"on": hold.placed_on.isoformat()}, hold.reason)
    return hold


def release_hold(session: CaseSession, reason: str, today: date | None = None) -> Hold:
    """Release the legal hold (the retention date applies again); returns the released hold.

    Raises:
        PermissionDeniedError: The user may not release the hold.
        BadInputError: No reason, or the case is not on hold.
    """
    lifecycle_role(session)
    if not reason.strip():
        raise BadInputError("Say why the hold has ended.", hint=Hint.GIVE_REASON)
    current = lifecycle(session)
    if current.hold is None:
        raise BadInputError("The case is not on hold, so there is nothing to release.")
    on = today or date.today()
    record = Lifecycle(closed_on=current.closed_on, hold=None)
    details = {"on": on.isoformat(), "placed_on": current.hold.placed_on.isoformat()}
    _save(session, record, "hold-released", details, reason.strip())
    return current.hold


def retention_section(session: CaseSession) -> SummarySection:
    """The "Retention" block of ``case show``: closed or open, kept until, on hold."""
    position = disposal_position(session)
    lines = [f"Retention period for this regime: {position.period.words} after closing"]
    if position.closed_on and position.retain_until:
        lines.append(
            f"Closed on {position.closed_on:%d %b %Y}; kept until {position.retain_until:%d %b %Y}"
        )
    else:
        lines.append("Open: retention starts when the case is closed")
    if position.hold:
        lines.append(f"On legal hold since {position.hold.placed_on:%d %b %Y}")
    data = {
        "state": str(position.state),
        "period": str(position.period),
        "closed_on": position.closed_on.isoformat() if position.closed_on else None,
        "retain_until": position.retain_until.isoformat() if position.retain_until else None,
        "on_hold_since": position.hold.placed_on.isoformat() if position.hold else None,
    }
    return SummarySection("Retention", tuple(lines), data)


def retention_setting(current: str, given: Sequence[str]) -> str:
    """The profile's retention text with the given ``regime=period`` items changed.

    Raises:
        BadInputError: An unknown regime or a bad period.
    """
    merged = {**parse_retention(current), **parse_retention(",".join(given))}
    return format_retention(merged)
