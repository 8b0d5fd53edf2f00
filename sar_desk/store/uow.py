"""A unit of work over the case store: one transaction, repositories that speak `core` types.

Store access outside `store/` goes through here (issue 12, item 1): a caller opens a unit of
work, uses its repositories, and never holds a SQLAlchemy object, so the same interface sits on
the SQLite case store and the PostgreSQL team store alike
(``tests/unit/test_sql_stays_in_store.py`` checks that no SQLAlchemy name leaves the store).
Review and app code take a `UnitOfWork` where they once took a connection and call
``uow.decisions.add_item(item)`` where they once called ``decisions.add_item(conn, item)``; each
repository is built on first use, so opening a unit of work stays cheap.

    with unit_of_work(store, write=True) as uow:
        uow.case.save(case)
        uow.audit.append(user, "case-updated", {"fields": 2})

Everything done in one write unit commits together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from sar_desk.core.model import Case
from sar_desk.store import audit, case_meta, sources
from sar_desk.store import repositories_case as case_repos
from sar_desk.store import repositories_review as review_repos
from sar_desk.store.db import Store
from sar_desk.store.repository import Bound, Repository
from sar_desk.store.writer import ImportWriter

if TYPE_CHECKING:
    from sar_desk.store.repositories_team import TeamRepository


class CaseRepository(Repository):
    """The case record (reference, regime, dates, requester, aliases) and its key-value settings."""

    get_meta = Bound(case_meta.get_meta)
    set_meta = Bound(case_meta.set_meta)

    def load(self) -> Case:
        """The case record.

        Raises:
            CaseDamagedError: The record is missing or unreadable.
        """
        return case_meta.load_case(self._conn)

    def save(self, case: Case) -> None:
        """Replace the case record."""
        case_meta.save_case(self._conn, case)


class AuditRepository(Repository):
    """The hash-chained audit log: entries are only ever appended."""

    append = Bound(audit.append)
    entries = Bound(audit.entries)
    current_head = Bound(audit.current_head)
    verify_chain = Bound(audit.verify_chain)
    upgrade_pending = Bound(audit.upgrade_pending)
    finish_upgrade = Bound(audit.finish_upgrade)


class SourceRepository(Repository):
    """The imported exports (sources) of the case, and the writer that imports one."""

    list = Bound(sources.list_sources)
    add_source = Bound(sources.add_source)
    add_custodian = Bound(sources.add_custodian)
    find_by_sha = Bound(sources.find_by_sha)
    finish_source = Bound(sources.finish_source)
    get_source = Bound(sources.get_source)
    set_excluded = Bound(sources.set_excluded)
    set_stored_path = Bound(sources.set_stored_path)
    writer = Bound(ImportWriter)


class UnitOfWork:
    """The repositories of one transaction (each made on first use)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.case = CaseRepository(conn)
        self.audit = AuditRepository(conn)
        self.sources = SourceRepository(conn)

    @property
    def on_team_server(self) -> bool:
        """Whether the case lives on the PostgreSQL team server rather than in a case file."""
        return self._conn.dialect.name == "postgresql"

    @cached_property
    def team(self) -> TeamRepository:
        """What only the team server has: its roles, case creation, the move onto it."""
        from sar_desk.store.repositories_team import TeamRepository

        return TeamRepository(self._conn)

    @cached_property
    def decisions(self) -> review_repos.DecisionsRepository:
        """Review items, their decision events and third-party records."""
        return review_repos.DecisionsRepository(self._conn)

    @cached_property
    def signoffs(self) -> review_repos.SignoffsRepository:
        """DPO sign-offs and their voiding."""
        return review_repos.SignoffsRepository(self._conn)

    @cached_property
    def subjects(self) -> review_repos.SubjectsRepository:
        """Whose data each review item is."""
        return review_repos.SubjectsRepository(self._conn)

    @cached_property
    def pit(self) -> review_repos.PitRepository:
        """Public interest tests, qualified persons' opinions and QA samples."""
        return review_repos.PitRepository(self._conn)

    @cached_property
    def elusion(self) -> review_repos.ElusionRepository:
        """Elusion tests and their marks."""
        return review_repos.ElusionRepository(self._conn)

    @cached_property
    def exclusions(self) -> review_repos.ExclusionsRepository:
        """Scope exclusions and their approvals."""
        return review_repos.ExclusionsRepository(self._conn)

    @cached_property
    def legal_records(self) -> review_repos.LegalRecordsRepository:
        """Legitimate-interests tests."""
        return review_repos.LegalRecordsRepository(self._conn)

    @cached_property
    def deliveries(self) -> review_repos.DeliveriesRepository:
        """Delivery records of exported packs."""
        return review_repos.DeliveriesRepository(self._conn)

    @cached_property
    def users(self) -> review_repos.UsersRepository:
        """The case's users and their roles."""
        return review_repos.UsersRepository(self._conn)

    @cached_property
    def attachment_review(self) -> review_repos.AttachmentReviewRepository:
        """Review events on attachments."""
        return review_repos.AttachmentReviewRepository(self._conn)

    @cached_property
    def attachments(self) -> review_repos.AttachmentsRepository:
        """Attachments, their text and findings."""
        return review_repos.AttachmentsRepository(self._conn)

    @cached_property
    def people(self) -> case_repos.PeopleRepository:
        """Persons, identity links and separations."""
        return case_repos.PeopleRepository(self._conn)

    @cached_property
    def person_decisions(self) -> case_repos.PersonDecisionsRepository:
        """Recorded people decisions and name suggestions."""
        return case_repos.PersonDecisionsRepository(self._conn)

    @cached_property
    def person_terms(self) -> case_repos.PersonTermsRepository:
        """The search terms and strong keys of persons."""
        return case_repos.PersonTermsRepository(self._conn)

    @cached_property
    def messages(self) -> case_repos.MessagesRepository:
        """Messages by id, by conversation and by search."""
        return case_repos.MessagesRepository(self._conn)

    @cached_property
    def search_order(self) -> case_repos.SearchOrderRepository:
        """Search results in orders other than time."""
        return case_repos.SearchOrderRepository(self._conn)

    @cached_property
    def searchlog(self) -> case_repos.SearchlogRepository:
        """The search log and the search plan."""
        return case_repos.SearchlogRepository(self._conn)

    @cached_property
    def scope(self) -> case_repos.ScopeRepository:
        """Relevance decisions and the disclosure set."""
        return case_repos.ScopeRepository(self._conn)

    @cached_property
    def detection(self) -> case_repos.DetectionRepository:
        """Detection runs and what they have scanned."""
        return case_repos.DetectionRepository(self._conn)

    @cached_property
    def findings(self) -> case_repos.FindingsRepository:
        """Stored findings of detection."""
        return case_repos.FindingsRepository(self._conn)

    @cached_property
    def audit_anchor(self) -> case_repos.AuditAnchorRepository:
        """Checks of the audit log against its seals, head file and bundles."""
        return case_repos.AuditAnchorRepository(self._conn)


@contextmanager
def unit_of_work(store: Store, *, write: bool = False) -> Iterator[UnitOfWork]:
    """A unit of work on `store`: a write transaction if `write`, else a read snapshot.

    A write unit commits when the block ends and rolls everything back if it raises.
    """
    with store.transaction() if write else store.read() as conn:
        yield UnitOfWork(conn)
