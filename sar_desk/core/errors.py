"""The error hierarchy. Every message is a sentence a caseworker can act on.

Expected failures are `SarDeskError`s: the CLI prints them on one line and exits 1, the window shows
them in a plain dialog. Anything else is a bug and is shown loudly. `Cancelled` means the user
stopped a job and is shown as nothing at all.
"""

from __future__ import annotations

import enum
from typing import ClassVar


class Hint(enum.StrEnum):
    """What the user can do next, as a stable key that each shell words its own way.

    Messages below the shells speak the domain and never name a command or a flag; an error
    that has a shell-specific next step carries one of these (``raise ...(msg, hint=...)``), and
    the command line adds its own sentence (``cli/hints.py``), the window may offer a button.
    """

    CREATE_CASE = "create-case"
    SHOW_CASE = "show-case"
    VERIFY_AUDIT = "verify-audit"
    LIST_PEOPLE = "list-people"
    LIST_SUGGESTIONS = "list-suggestions"
    LIST_REVIEW = "list-review"
    DECIDE_ITEMS = "decide-items"
    SELECT_ITEMS = "select-items"
    NAME_MESSAGES = "name-messages"
    NAME_DUPLICATE = "name-duplicate"
    GIVE_REASON = "give-reason"
    GIVE_CODE = "give-code"
    GIVE_NOTE = "give-note"
    SIGN_OFF = "sign-off"
    ADD_USER = "add-user"
    AS_PASSPHRASE = "as-passphrase"
    SET_PASSPHRASE = "set-passphrase"
    CONSENT_SOUGHT = "consent-sought"
    RECORD_PIT = "record-pit"
    PIT_FOR = "pit-for"
    PIT_AGAINST = "pit-against"
    PIT_CONCLUSION = "pit-conclusion"
    RECORD_OPINION = "record-opinion"
    OPINION_NAME = "opinion-name"
    OPINION_TEXT = "opinion-text"
    QA_SAMPLING = "qa-sampling"
    DRAW_SAMPLE = "draw-sample"
    SCOPE_DATES = "scope-dates"
    CHOOSE_PLATFORM = "choose-platform"
    DATE_ORDER = "date-order"
    LENIENT_IMPORT = "lenient-import"
    CHOOSE_MODEL = "choose-model"
    CLOSE_CASE = "close-case"
    RELEASE_HOLD = "release-hold"
    PURGE_EARLY = "purge-early"
    RESUME_PURGE = "resume-purge"
    LIST_PLACES = "list-places"
    CASE_PASSPHRASE = "case-passphrase"
    LIST_ATTACHMENTS = "list-attachments"


class SarDeskError(Exception):
    """An expected failure. ``str(exc)`` says what failed, where, and what to do next.

    Attributes:
        hint: The shell-specific next step, if there is one (see `Hint`).
    """

    code: ClassVar[str] = "error"
    hint: Hint | None = None

    def __init__(self, *args: object, hint: Hint | None = None) -> None:
        super().__init__(*args)
        if hint is not None:
            self.hint = hint


class BadInputError(SarDeskError):
    """The user gave us something we cannot use (a file, a date, an option)."""

    code = "bad-input"


class ImportFormatError(BadInputError):
    """A file is not a readable export of the platform it was taken for."""

    code = "import-format"


class UnknownFormatError(BadInputError):
    """No importer recognises a file, or an unknown platform name was given."""

    code = "unknown-format"


class AmbiguousDateOrderError(ImportFormatError):
    """Every date in an export could be read day-first or month-first."""

    code = "ambiguous-date-order"


class UnsafeArchiveError(ImportFormatError):
    """A zip file tries to escape its folder, is a zip bomb, or is damaged."""

    code = "unsafe-archive"


class ZipBombError(UnsafeArchiveError):
    """A zip entry would unpack absurdly larger than it is stored."""


class InputLimitError(ImportFormatError):
    """An input exceeds a resource limit (depth, size, count, time) no real export reaches."""

    code = "input-limit"


class DuplicateSourceError(BadInputError):
    """The same file (same SHA-256) was already imported into this case."""

    code = "duplicate-source"


class BadSearchError(BadInputError):
    """A search could not be run as written."""

    code = "bad-search"


class NotFoundError(SarDeskError):
    """Something the user named does not exist."""

    code = "not-found"


class CaseNotFoundError(NotFoundError):
    """There is no case folder at the given path."""

    code = "case-not-found"


class CaseExistsError(BadInputError):
    """A case folder already exists where a new one was asked for."""

    code = "case-exists"


class StoreTooNewError(SarDeskError):
    """The case was written by a newer release of SAR Desk."""

    code = "store-too-new"


class CaseBusyError(SarDeskError):
    """Another task kept the case's write lock for longer than a writer waits."""

    code = "case-busy"


class CaseDamagedError(SarDeskError):
    """The case database cannot be read."""

    code = "case-damaged"


class CaseLockedError(SarDeskError):
    """An encrypted case was opened without its passphrase, or with a wrong one."""

    code = "case-locked"


class InvalidTransitionError(SarDeskError):
    """A review decision is not allowed from the item's current state."""

    code = "invalid-transition"


class PermissionDeniedError(SarDeskError):
    """The user's role does not allow this action (for example four-eyes approval)."""

    code = "permission-denied"


class DetectionUnavailableError(SarDeskError):
    """The language model needed for detection is not installed."""

    code = "detection-unavailable"


class ExportBlockedError(SarDeskError):
    """An export was refused: undecided proposals, missing sign-off, or a failed safety check."""

    code = "export-blocked"


class SafetyCheckError(ExportBlockedError):
    """A disclosure bundle failed a safety check (a leak, metadata, a bad file name)."""

    code = "safety-check"


class AuditTamperedError(SarDeskError):
    """The audit log was changed outside the application."""

    code = "audit-tampered"


class Cancelled(Exception):
    """The user cancelled a long job. Show nothing."""
