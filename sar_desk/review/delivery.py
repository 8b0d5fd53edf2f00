"""Recording a delivery (R64) in a case's unit of work: which export, who may, and the audit entry.

The rules on the record itself are in `core.delivery`; here they meet the case: the export is
found in the audit log (which records every export and whether its pack has a password), the
acting user must be a case user other than an auditor, and the row and its audit entry are
written in the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sar_desk.core.delivery import Delivery, DeliveryInput, ExportMade, check_delivery
from sar_desk.core.errors import BadInputError, PermissionDeniedError
from sar_desk.review.roles import Role, role_of
from sar_desk.store.uow import UnitOfWork


def exports_made(uow: UnitOfWork) -> list[ExportMade]:
    """Every export of the case, oldest first, as the audit log recorded it."""
    return [
        ExportMade(
            str(entry.details.get("export_id", "")),
            entry.at,
            # The export entry notes that a password protects the pack, never the password.
            "pack_password" in entry.details,
        )
        for entry in uow.audit.entries("export")
        if entry.details.get("export_id")
    ]


def undelivered_export(uow: UnitOfWork) -> ExportMade | None:
    """The newest export when no delivery of it is recorded yet (None otherwise)."""
    made = exports_made(uow)
    if not made:
        return None
    sent = {d.export_id for d in uow.deliveries.list_deliveries()}
    return None if made[-1].export_id in sent else made[-1]


def _the_export(uow: UnitOfWork, export_id: str | None) -> ExportMade:
    made = exports_made(uow)
    if not made:
        raise BadInputError("Nothing has been exported from this case yet, so nothing was sent.")
    if export_id is None:
        return made[-1]
    for export in made:
        if export.export_id == export_id.strip():
            return export
    raise BadInputError(
        f"This case has no export {export_id!r}; its exports are "
        + ", ".join(e.export_id for e in made)
        + "."
    )


def _check_may_record(uow: UnitOfWork, user: str) -> None:
    role = role_of(uow, user)
    if role is None:
        raise PermissionDeniedError(
            f"{user} is not a user of this case, so cannot record how the pack was sent."
        )
    if role is Role.AUDITOR:
        raise PermissionDeniedError(
            f"{user} is the {role.label} on this case and cannot record deliveries; a case "
            "handler, reviewer or the DPO can."
        )


def record(
    uow: UnitOfWork, user: str, given: DeliveryInput, export_id: str | None, now: datetime
) -> Delivery:
    """Check and store a delivery of an export's pack (the newest when `export_id` is None).

    Raises:
        PermissionDeniedError: `user` is not a case user, or only an auditor.
        BadInputError: No export, an unknown one, or a delivery `check_delivery` refuses.
    """
    _check_may_record(uow, user)
    export = _the_export(uow, export_id)
    checked = check_delivery(given, export, now)
    delivery = uow.deliveries.add_delivery(export.export_id, checked, user)
    details: dict[str, object] = {
        "delivery": delivery.id,
        "export_id": export.export_id,
        "method": str(checked.method),
        "sent_at": checked.sent_at.isoformat(),
    }
    if checked.password_channel is not None:
        details["pack_password"] = f"sent separately by {checked.password_channel}"
    # The recipient is sealed with the row; the log itself keeps ids, never addresses.
    uow.audit.append(user, "delivery-recorded", details)
    return delivery
