"""Reading and writing the case record (regime, reference, requester, clock events)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select

from sar_desk.core.errors import CaseDamagedError
from sar_desk.core.model import Case, Clarification, Extension, Jurisdiction, Regime
from sar_desk.store.tables import case_meta

_CASE_KEY = "case"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def case_to_json(case: Case) -> str:
    """Serialise a case record (dates as ISO strings)."""
    data: dict[str, Any] = {
        "reference": case.reference,
        "regime": str(case.regime),
        "received": case.received.isoformat(),
        "requester": case.requester,
        "aliases": list(case.aliases),
        "scope_from": case.scope_from.isoformat() if case.scope_from else None,
        "scope_to": case.scope_to.isoformat() if case.scope_to else None,
        "timezone": case.timezone,
        "jurisdiction": str(case.jurisdiction),
        "default_region": case.default_region,
        "id_received": case.id_received.isoformat() if case.id_received else None,
        "fee_received": case.fee_received.isoformat() if case.fee_received else None,
        "fee_notice": case.fee_notice.isoformat() if case.fee_notice else None,
        "clarifications": [
            {
                "asked": c.asked.isoformat(),
                "answered": c.answered.isoformat() if c.answered else None,
            }
            for c in case.clarifications
        ],
        "extension": None,
        "created_at": case.created_at.isoformat() if case.created_at else None,
    }
    if case.extension:
        ext = case.extension
        data["extension"] = {
            "notified": ext.notified.isoformat(),
            "reason": ext.reason,
            "complex_request": ext.complex_request,
            "voluminous": ext.voluminous,
            "extra_working_days": ext.extra_working_days,
        }
    return json.dumps(data, sort_keys=True)


def case_from_json(raw: str) -> Case:
    """Parse a case record written by `case_to_json`."""
    data = json.loads(raw)
    ext = data.get("extension")
    return Case(
        reference=data["reference"],
        regime=Regime(data["regime"]),
        received=date.fromisoformat(data["received"]),
        requester=data.get("requester"),
        aliases=tuple(data.get("aliases") or ()),
        scope_from=_date(data.get("scope_from")),
        scope_to=_date(data.get("scope_to")),
        timezone=data.get("timezone") or "Europe/London",
        jurisdiction=Jurisdiction(data.get("jurisdiction") or "england-and-wales"),
        default_region=data.get("default_region") or "GB",
        id_received=_date(data.get("id_received")),
        fee_received=_date(data.get("fee_received")),
        fee_notice=_date(data.get("fee_notice")),
        clarifications=tuple(
            Clarification(date.fromisoformat(c["asked"]), _date(c.get("answered")))
            for c in data.get("clarifications") or ()
        ),
        extension=(
            Extension(
                notified=date.fromisoformat(ext["notified"]),
                reason=ext["reason"],
                complex_request=bool(ext.get("complex_request")),
                voluminous=bool(ext.get("voluminous")),
                extra_working_days=int(ext.get("extra_working_days", 20)),
            )
            if ext
            else None
        ),
        created_at=datetime.fromisoformat(data["created_at"]) if data.get("created_at") else None,
    )


def save_case(conn: Connection, case: Case) -> None:
    """Write the case record, replacing the previous one."""
    set_meta(conn, _CASE_KEY, case_to_json(case))


def load_case(conn: Connection) -> Case:
    """Read the case record.

    Raises:
        CaseDamagedError: The database holds no case record.
    """
    raw = get_meta(conn, _CASE_KEY)
    if raw is None:
        raise CaseDamagedError(
            "This case database has no case record (regime, reference). It may be damaged; "
            "restore it from a backup."
        )
    return case_from_json(raw)


def get_meta(conn: Connection, key: str) -> str | None:
    """Read one case setting."""
    return conn.execute(select(case_meta.c.value).where(case_meta.c.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Write one case setting."""
    conn.execute(case_meta.delete().where(case_meta.c.key == key))
    conn.execute(case_meta.insert().values(key=key, value=value))
