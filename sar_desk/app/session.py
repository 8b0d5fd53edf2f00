"""`CaseSession`: the one facade the command line and the window both call.

Each use-case area lives in its own mixin module; this module composes them and owns opening
and creating cases.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sar_desk.app.base import CASE_DB, default_user
from sar_desk.app.bundling import ExportMixin
from sar_desk.app.clock import ClockMixin
from sar_desk.app.detection import DetectionMixin
from sar_desk.app.importing import ImportingMixin
from sar_desk.app.ingest import ORIGINALS, clean_incoming, clean_orphans
from sar_desk.app.people import PeopleMixin
from sar_desk.app.places import PlacesMixin
from sar_desk.app.reviewing import ReviewMixin
from sar_desk.app.scope import ScopeMixin
from sar_desk.app.searching import SearchingMixin
from sar_desk.app.whose import WhoseMixin
from sar_desk.core.errors import BadInputError, CaseExistsError, CaseNotFoundError
from sar_desk.core.identity import classify_identifier
from sar_desk.core.model import Case
from sar_desk.store import audit, open_store
from sar_desk.store.case_meta import save_case
from sar_desk.store.sources import list_sources


def normalise_aliases(aliases: list[str] | tuple[str, ...], region: str) -> tuple[str, ...]:
    """Clean and de-duplicate requester aliases; phone numbers become E.164."""
    seen: dict[str, str] = {}
    for alias in aliases:
        if not alias or not alias.strip():
            continue
        _kind, value = classify_identifier(alias, region)
        seen.setdefault(value.casefold(), value)
    return tuple(seen.values())


def validate_case(case: Case) -> Case:
    """Check a new case record and return it with normalised aliases.

    Raises:
        BadInputError: A field is missing or invalid, with which one and how to fix it.
    """
    if not case.reference.strip():
        raise BadInputError("The case needs a reference (for example SAR-2026-0142).")
    if any(ch in case.reference for ch in "/\\\0"):
        raise BadInputError(
            f"The reference {case.reference!r} contains a slash; use letters, digits and dashes."
        )
    try:
        ZoneInfo(case.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInputError(
            f"{case.timezone!r} is not a time zone SAR Desk knows. Use a name such as "
            "Europe/London."
        ) from exc
    if case.scope_from and case.scope_to and case.scope_from > case.scope_to:
        raise BadInputError(
            "The scope starts after it ends; check the --scope-from and --scope-to dates."
        )
    aliases = list(case.aliases)
    if case.requester:
        aliases.insert(0, case.requester)
    return replace(
        case,
        reference=case.reference.strip(),
        aliases=normalise_aliases(aliases, case.default_region),
        created_at=case.created_at or datetime.now(UTC).replace(microsecond=0),
    )


class CaseSession(
    ImportingMixin,
    SearchingMixin,
    PeopleMixin,
    ScopeMixin,
    ClockMixin,
    DetectionMixin,
    ReviewMixin,
    ExportMixin,
    PlacesMixin,
    WhoseMixin,
):
    """An open case and everything that can be done with it."""

    @classmethod
    def create(cls, folder: Path, case: Case, user: str | None = None) -> CaseSession:
        """Create a case folder with its database and return the open session.

        Raises:
            CaseExistsError: The folder already holds a case or other files.
            BadInputError: The case record is invalid.
        """
        folder = Path(folder)
        case = validate_case(case)
        if (folder / CASE_DB).exists():
            raise CaseExistsError(
                f"{folder} already holds a case. Choose another folder, or open that case."
            )
        if folder.exists() and any(folder.iterdir()):
            raise CaseExistsError(
                f"{folder} is not empty. Create the case in a new or empty folder."
            )
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ORIGINALS).mkdir()
        store = open_store(folder / CASE_DB, create=True)
        with store.transaction() as conn:
            save_case(conn, case)
            audit.append(
                conn,
                user or default_user(),
                "case-created",
                {
                    "reference": case.reference,
                    "regime": str(case.regime),
                    "received": case.received.isoformat(),
                    "aliases": len(case.aliases),
                },
            )
        return cls(folder, store, user)

    @classmethod
    def open(cls, folder: Path, user: str | None = None) -> CaseSession:
        """Open an existing case folder.

        Raises:
            CaseNotFoundError: There is no case there.
            StoreTooNewError: The case was saved by a newer release.
        """
        folder = Path(folder)
        if not (folder / CASE_DB).exists():
            raise CaseNotFoundError(
                f"There is no SAR Desk case in {folder}. Check the folder, or create a case "
                "there with 'sar-desk case new'."
            )
        store = open_store(folder / CASE_DB)
        clean_incoming(folder)
        with store.read() as conn:
            kept = {source.stored_path for source in list_sources(conn)}
        clean_orphans(folder, kept)
        return cls(folder, store, user)
