"""Session methods for the delivery record (R64): how, to whom and when a pack was sent.

The rules live in `core.delivery` and `review.delivery`; this mixin runs each call in one
transaction, so a refused delivery leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sar_desk.app.base import SessionBase
from sar_desk.app.summary import SummarySection
from sar_desk.core.delivery import (
    Delivery,
    DeliveryInput,
    DeliveryMethod,
    ExportMade,
    PasswordChannel,
)
from sar_desk.review import delivery as rules
from sar_desk.store.uow import unit_of_work

__all__ = [
    "Delivery",
    "DeliveryInput",
    "DeliveryMethod",
    "DeliveryMixin",
    "ExportMade",
    "PasswordChannel",
    "delivery_json",
]


def delivery_json(delivery: Delivery) -> dict[str, Any]:
    """A delivery as plain JSON values (the case summary and the command line's output)."""
    return {
        "id": delivery.id,
        "export_id": delivery.export_id,
        "method": str(delivery.method),
        "recipient": delivery.recipient,
        "sent_at": delivery.sent_at.isoformat(),
        "password_sent_separately_by": (
            str(delivery.password_channel) if delivery.password_channel else None
        ),
        "note": delivery.note,
        "recorded_by": delivery.recorded_by,
        "recorded_at": delivery.recorded_at.isoformat(),
    }


class DeliveryMixin(SessionBase):
    """Record and list how exported packs reached the requester."""

    def record_delivery(
        self, given: DeliveryInput, export_id: str | None = None, now: datetime | None = None
    ) -> Delivery:
        """Record that an export's pack was sent (the newest export when `export_id` is None).

        A time given without a time zone is read in the case's own time zone.

        Raises:
            PermissionDeniedError: The acting user is not a case user, or only an auditor.
            BadInputError: No export, an unknown one, or a delivery the rules refuse.
        """
        if given.sent_at.tzinfo is None:
            given = replace(given, sent_at=given.sent_at.replace(tzinfo=self._zone()))
        with unit_of_work(self.store, write=True) as uow:
            return rules.record(uow, self.user, given, export_id, now or datetime.now(UTC))

    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.case.timezone)

    def local_now(self) -> datetime:
        """The time now in the case's time zone (a delivery's default time)."""
        return datetime.now(self._zone()).replace(microsecond=0)

    def deliveries(self) -> list[Delivery]:
        """Every recorded delivery, oldest first."""
        with unit_of_work(self.store) as uow:
            return uow.deliveries.list_deliveries()

    def exports_made(self) -> list[ExportMade]:
        """Every export of the case, oldest first."""
        with unit_of_work(self.store) as uow:
            return rules.exports_made(uow)

    def undelivered_export(self) -> ExportMade | None:
        """The newest export when no delivery of it is recorded yet (None otherwise)."""
        with unit_of_work(self.store) as uow:
            return rules.undelivered_export(uow)

    def summary_sections(self) -> list[SummarySection]:
        """A "Delivery" block once something was exported: each delivery, or that none is."""
        sections = super().summary_sections()
        made = self.exports_made()
        if not made:
            return sections
        recorded = self.deliveries()
        lines = [f"Export {d.export_id}: {d.sentence()}" for d in recorded]
        if not any(d.export_id == made[-1].export_id for d in recorded):
            lines.append(f"Export {made[-1].export_id}: no delivery recorded yet")
        data = {
            "deliveries": [delivery_json(d) for d in recorded],
            "latest_export": made[-1].export_id,
        }
        sections.append(SummarySection("Delivery", tuple(lines), data))
        return sections
