"""Small non-Qt helpers the window needs: a deadline preview, platform detection, read jobs.

The window must hold no business logic, yet a few of its needs have no `CaseSession` method:
showing the deadline of a case that is not saved yet, naming the platform of a file before it is
imported, and running a slow read (a count over a million messages) off the window's thread.
They live here, in plain Python, so they can be tested without Qt.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from sar_desk.app.clock import bundled_calendar
from sar_desk.app.importing import ImportFailure
from sar_desk.app.session import CaseSession, validate_case
from sar_desk.core.deadlines import Deadline, compute_deadline, days_left
from sar_desk.core.errors import AmbiguousDateOrderError, SarDeskError
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.model import Case, Message
from sar_desk.core.records import SearchOrder as SearchOrder
from sar_desk.core.search import SearchQuery
from sar_desk.export.manifest import BundleManifest
from sar_desk.export.options import BundleOptions
from sar_desk.export.verify import VerifyReport
from sar_desk.importers import importer_for
from sar_desk.store.messages import Cursor, cursor_of
from sar_desk.store.uow import unit_of_work

logger = logging.getLogger(__name__)

R = TypeVar("R")

_DATE_ORDER_HINT = "day-first or month-first"


def preview_deadline(case: Case, today: date | None = None) -> tuple[Deadline, int]:
    """The deadline a case would have if it were created now, and the days left.

    Used by the new-case dialog to show the deadline and its derivation while the officer types.

    Args:
        case: The unsaved case record.
        today: The day to count from (defaults to today).

    Returns:
        The deadline and the calendar days left (negative when overdue).

    Raises:
        BadInputError: A field is invalid (the sentence says which and how to fix it).
    """
    today = today or date.today()
    checked = validate_case(case)
    due = compute_deadline(checked, bundled_calendar(), today=today)
    return due, days_left(due, today)


def detect_platform(path: Path) -> str | None:
    """The human name of the platform whose export `path` looks like, or None if none does.

    Sniffing is cheap and never raises, so the window can call it for every dropped file.
    """
    try:
        return importer_for(Path(path)).display_name
    except SarDeskError:
        return None


def needs_date_order(failure: ImportFailure) -> bool:
    """Whether an import failed only because the day/month order of its dates is ambiguous.

    The window then offers to retry with the order the officer chooses.
    """
    code = getattr(failure, "code", None)
    if code is not None:
        return bool(code == AmbiguousDateOrderError.code)
    return _DATE_ORDER_HINT in failure.message


def next_cursor(message: Message) -> Cursor:
    """The keyset cursor just after `message`, for fetching the next page of a search."""
    return cursor_of(message)


def sorted_search_page(
    session: CaseSession,
    query: SearchQuery,
    order: SearchOrder,
    descending: bool,
    after: Message | None,
    limit: int,
) -> list[Message]:
    """A page of search hits in another order than time (the window's sortable results).

    Raises:
        BadSearchError: The query cannot be run as written.
    """
    with unit_of_work(session.store) as uow:
        return uow.search_order.search_page_ordered(
            query, order, descending, int(after.id) if after else None, limit
        )


def read_in_background(session: CaseSession, read: Callable[[CaseSession], R]) -> Job[R]:
    """Run a slow read (a count, a listing) as a job on its own connection.

    The generator body runs on the worker thread that iterates it, so the second session (and
    its SQLite connection) is opened and closed there; the window's own session is untouched.

    Args:
        session: The window's open session (only its folder and user are used).
        read: The read to run against the worker's session.

    Returns:
        A job whose result is what `read` returned.
    """
    folder, user = session.folder, session.user
    yield Progress(0, None, "Reading the case")
    worker_session = CaseSession.open(folder, user)
    try:
        return read(worker_session)
    finally:
        worker_session.close()


def on_own_session(session: CaseSession, job: Callable[[CaseSession], Job[R]]) -> Job[R]:
    """Run a session job that uses the session's store on a second session of its own.

    Jobs such as `export_bundle` read through ``self.store``, whose SQLite connection belongs to
    the thread that opened it. Wrapped here, the second session is opened on the worker thread
    (at the job's first step), acts as the same user, and is closed when the job ends.
    """
    folder, user = session.folder, session.user
    yield Progress(0, None, "Opening the case")
    worker_session = CaseSession.open(folder, user)
    try:
        return (yield from job(worker_session))
    finally:
        worker_session.close()


def export_and_verify(
    session: CaseSession, dest: Path, options: BundleOptions, cancel: CancelToken
) -> Job[tuple[BundleManifest, VerifyReport]]:
    """Build the bundle, then re-run its safety checks from the files written (one job).

    Raises:
        ExportBlockedError: Undecided proposals, missing sign-off (nothing is written).
        SafetyCheckError: A safety check failed (nothing is left at `dest`).
    """

    def run(worker: CaseSession) -> Job[tuple[BundleManifest, VerifyReport]]:
        manifest = yield from worker.export.export_bundle(dest, options, cancel)
        yield Progress(1, 1, "Verifying the bundle")
        return manifest, worker.export.verify_bundle(manifest.folder)

    return (yield from on_own_session(session, run))


def new_demo_folder(base: Path | None = None) -> Path:
    """A fresh, not yet existing folder for the demo case (under the system temp folder)."""
    parent = Path(tempfile.mkdtemp(prefix="sar-desk-demo-", dir=base))
    return parent / "SAR-DEMO-0001"
