"""`CaseSession`: the one facade the command line and the window both call.

Each use-case area lives in its own mixin module; this module composes them and owns opening
and creating cases.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sar_desk.app.attachment_review import AttachmentReviewMixin
from sar_desk.app.attachments import AttachmentsMixin
from sar_desk.app.base import default_user
from sar_desk.app.bundling import ExportMixin
from sar_desk.app.clock import ClockMixin
from sar_desk.app.delivery import DeliveryMixin
from sar_desk.app.detection import DetectionMixin
from sar_desk.app.elusion import ElusionMixin
from sar_desk.app.importing import ImportingMixin
from sar_desk.app.legal import LegalMixin
from sar_desk.app.lifecycle import LifecycleMixin
from sar_desk.app.people import PeopleMixin
from sar_desk.app.places import PlacesMixin
from sar_desk.app.review_screen import ReviewScreenMixin
from sar_desk.app.reviewing import ReviewMixin
from sar_desk.app.scope import ScopeMixin
from sar_desk.app.searching import SearchingMixin
from sar_desk.app.whose import WhoseMixin
from sar_desk.core.errors import BadInputError, CaseNotFoundError, Hint
from sar_desk.core.identity import classify_identifier
from sar_desk.core.model import Case
from sar_desk.review.passphrases import hash_passphrase
from sar_desk.review.roles import Role
from sar_desk.store.folder import CaseFolder
from sar_desk.store.uow import unit_of_work


def case_exists(folder: Path) -> bool:
    """Whether a folder holds a SAR Desk case."""
    return CaseFolder(Path(folder)).exists()


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
            "The scope starts after it ends; check its first and last dates.",
            hint=Hint.SCOPE_DATES,
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
    ReviewScreenMixin,
    ExportMixin,
    LegalMixin,
    LifecycleMixin,
    PlacesMixin,
    WhoseMixin,
    ElusionMixin,
    AttachmentsMixin,
    AttachmentReviewMixin,
    DeliveryMixin,
):
    """An open case and everything that can be done with it."""

    @classmethod
    def create(
        cls,
        folder: Path,
        case: Case,
        user: str | None = None,
        passphrase: str | None = None,
        case_passphrase: str | None = None,
    ) -> CaseSession:
        """Create a case folder with its database and return the open session.

        Args:
            folder: The new case folder.
            case: The case record.
            user: Who creates (and owns) the case; the OS account when None.
            passphrase: The owner's passphrase, so others at this PC can act as them only
                with it (the command line asks for one when the owner is not the OS account).
            case_passphrase: Encrypt the case with this passphrase (`app.encryption`).

        Raises:
            CaseExistsError: The folder already holds a case or other files.
            BadInputError: The case record is invalid, or the passphrase too short.
        """
        case = validate_case(case)
        if passphrase is not None:
            hash_passphrase(passphrase)  # refuse a weak passphrase before anything is written
        store = CaseFolder.create(Path(folder), case_passphrase).open_store(create=True)
        with unit_of_work(store, write=True) as uow:
            uow.case.save(case)
            uow.audit.append(
                user or default_user(),
                "case-created",
                {
                    "reference": case.reference,
                    "regime": str(case.regime),
                    "received": case.received.isoformat(),
                    "aliases": len(case.aliases),
                    "encrypted": case_passphrase is not None,
                },
            )
        session = cls(Path(folder), store, user)
        if passphrase is not None:
            session.add_user(session.user, Role.CASE_HANDLER, passphrase)
        return session

    @classmethod
    def open(cls, folder: Path, user: str | None = None) -> CaseSession:
        """Open an existing case folder.

        Raises:
            CaseNotFoundError: There is no case there.
            PurgeInterruptedError: A purge of the case started and did not finish.
            StoreTooNewError: The case was saved by a newer release.
        """
        case_folder = CaseFolder(Path(folder))
        case_folder.check_not_purging()
        if not case_folder.exists():
            raise CaseNotFoundError(
                f"There is no SAR Desk case in {folder}. Check the folder, or create a case there.",
                hint=Hint.CREATE_CASE,
            )
        store = case_folder.open_store()
        case_folder.clean_incoming()
        with unit_of_work(store) as uow:
            upgrade = uow.audit.upgrade_pending()
        if upgrade:
            with unit_of_work(store, write=True) as uow:
                uow.audit.finish_upgrade(user or default_user())

        def kept() -> set[str]:
            with unit_of_work(store) as uow:
                return {source.stored_path for source in uow.sources.list()}

        case_folder.clean_orphans(kept)
        case_folder.make_private()
        return cls(case_folder.root, store, user)
