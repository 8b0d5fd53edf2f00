"""`CaseSession`: the one facade the command line and the window both call.

An open case is a context manager that hands out one service per feature area
(``session.people.merge_people(...)``, ``session.review.decide(...)``); the map from the old
flat method names to the services is in ``docs/services.md``. Each area's code lives in its
own module; this module composes them and owns opening, creating and closing cases.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sar_desk.app.attachment_review import AttachmentReviewMixin
from sar_desk.app.attachments import AttachmentsMixin
from sar_desk.app.base import AskPassphrase, SessionBase, default_user
from sar_desk.app.bundling import ExportMixin
from sar_desk.app.clock import ClockMixin
from sar_desk.app.detection import DetectionMixin
from sar_desk.app.elusion import ElusionMixin
from sar_desk.app.importing import ImportingMixin
from sar_desk.app.legal import LegalMixin
from sar_desk.app.lifecycle import retention_section
from sar_desk.app.people import PeopleMixin
from sar_desk.app.places import PlacesMixin
from sar_desk.app.review_screen import ReviewScreenMixin
from sar_desk.app.reviewing import ReviewMixin
from sar_desk.app.scope import ScopeMixin
from sar_desk.app.searching import SearchingMixin
from sar_desk.app.summary import SummarySection
from sar_desk.app.whose import WhoseMixin
from sar_desk.core.errors import BadInputError, CaseNotFoundError, Hint
from sar_desk.core.identity import classify_identifier
from sar_desk.core.model import Case
from sar_desk.review.passphrases import hash_passphrase
from sar_desk.review.roles import Role
from sar_desk.store import Store
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


class ReviewService(ReviewMixin, ReviewScreenMixin):
    """Review decisions, users and roles, QA, sign-off, the audit log and the reviewer's screen."""


class AttachmentService(AttachmentsMixin, AttachmentReviewMixin):
    """Kept attachments, their text and findings, and their review decisions and boxes."""


class OpenCase(
    ImportingMixin,
    SearchingMixin,
    PeopleMixin,
    ScopeMixin,
    ClockMixin,
    DetectionMixin,
    ReviewService,
    ExportMixin,
    LegalMixin,
    PlacesMixin,
    WhoseMixin,
    ElusionMixin,
    AttachmentService,
):
    """Every feature area over one open case; `CaseSession` hands each area out as a service.

    One object shares the store, user and case record, so an area that needs another (review
    asks scope for the disclosure set) calls it directly.
    """


class CaseSession:
    """An open case: a context manager exposing one service per feature area."""

    def __init__(self, folder: Path, store: Store, user: str | None = None) -> None:
        self._open = OpenCase(folder, store, user)

    def __enter__(self) -> CaseSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # The case itself and who acts on it.
    @property
    def base(self) -> SessionBase:
        """Folder, store, case record and acting user shared by every service."""
        return self._open

    @property
    def case(self) -> Case:
        """The case record."""
        return self._open.case

    @property
    def user(self) -> str:
        """The acting user."""
        return self._open.user

    @user.setter
    def user(self, name: str) -> None:
        self._open.user = name

    @property
    def folder(self) -> Path:
        """The case folder."""
        return self._open.folder

    @property
    def store(self) -> Store:
        """The case's store for this thread."""
        return self._open.store

    def act_as(self, name: str | None, ask: AskPassphrase | None = None) -> str:
        """Change who is acting (see `SessionBase.act_as`)."""
        return self._open.act_as(name, ask)

    def reload(self) -> None:
        """Re-read the case record (after a job changed it on another connection)."""
        self._open.reload()

    def summary_sections(self) -> list[SummarySection]:
        """The blocks of ``case show``: retention first, then each area's."""
        return [retention_section(self), *self._open.summary_sections()]

    def close(self) -> None:
        """Close the store."""
        self._open.close()

    # One service per feature area.
    @property
    def ingest(self) -> ImportingMixin:
        """Importing chat exports and the list of sources."""
        return self._open

    @property
    def search(self) -> SearchingMixin:
        """Searching, the search log, sources in or out, conversations and messages."""
        return self._open

    @property
    def people(self) -> PeopleMixin:
        """People: resolution, merge and split, suggestions, the data subject."""
        return self._open

    @property
    def scope(self) -> ScopeMixin:
        """What is in scope and in the disclosure set."""
        return self._open

    @property
    def clock(self) -> ClockMixin:
        """The statutory deadline and the events that move it."""
        return self._open

    @property
    def detection(self) -> DetectionMixin:
        """Running detection and its counts."""
        return self._open

    @property
    def review(self) -> ReviewService:
        """Review decisions, users and roles, QA, sign-off, the audit log, undo."""
        return self._open

    @property
    def export(self) -> ExportMixin:
        """The organisation profile, the disclosure bundle and its verification."""
        return self._open

    @property
    def legal(self) -> LegalMixin:
        """Legitimate-interests tests and the case outcome."""
        return self._open

    @property
    def places(self) -> PlacesMixin:
        """The safety net's place names."""
        return self._open

    @property
    def subjects(self) -> WhoseMixin:
        """Whose data each item is: staff policy, item subjects and links."""
        return self._open

    @property
    def elusion(self) -> ElusionMixin:
        """The elusion sample and its threshold."""
        return self._open

    @property
    def attachments(self) -> AttachmentService:
        """Photos, documents and voice notes kept with their messages, and their review."""
        return self._open

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
            session.review.add_user(session.user, Role.CASE_HANDLER, passphrase)
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
