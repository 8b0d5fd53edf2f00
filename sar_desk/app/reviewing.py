"""Session methods for review: decisions, bulk, four eyes, sign-off, third parties, audit log.

Every write runs in one store transaction together with its audit entry; the acting user is the
session's user (``--as`` on the command line, the signed-in user in the window).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sar_desk.app import audit_check
from sar_desk.app.base import SessionBase
from sar_desk.app.paths import resource_path
from sar_desk.app.summary import SummarySection
from sar_desk.core.decisions import Action, DecisionEvent, ReviewStatus
from sar_desk.core.disclosure import (
    DisclosureDecisions,
    PublicInterestTest,
    QualifiedPersonOpinion,
    ReasonCode,
)
from sar_desk.core.errors import AuditTamperedError, BadInputError, Hint
from sar_desk.core.findings import ProposalField
from sar_desk.core.records import AuditEntry, ChainProblem, SampleRow, SignOffRow, UserRow
from sar_desk.review import bulk, passphrases, pit, qa, roles, signoff, thirdparty
from sar_desk.review import decide as rd
from sar_desk.review.codes import CodeTable, load_code_table
from sar_desk.review.places import add_field_redaction
from sar_desk.store.pit import FAILED
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    import pandas as pd

    from sar_desk.review import progress

CODE_TABLE_RESOURCE = "codes/codes-v1.json"


@cache
def bundled_code_table() -> CodeTable:
    """The reason-code table shipped with this release."""
    return load_code_table(resource_path(CODE_TABLE_RESOURCE))


class ReviewMixin(SessionBase):
    """Reviewing proposals and keeping the evidence (R29-R40, R51-R55)."""

    @property
    def code_table(self) -> CodeTable:
        """The reason-code table decisions are recorded against."""
        return bundled_code_table()

    def _ctx(self) -> rd.ReviewContext:
        # Imported here: `places` builds on this module (the word list lives with it).
        from sar_desk.app.places import ordinary_words

        return rd.ReviewContext(self.case, self.code_table, self.user, ordinary_words())

    def reason_codes(self) -> list[ReasonCode]:
        """The codes this case's regime allows (R30), for pickers and ``review codes``."""
        return self.code_table.for_regime(self.case.regime)

    def review_items(self, status: ReviewStatus | None = None) -> list[rd.ItemView]:
        """Every review item with its current state (new detection findings included)."""
        with unit_of_work(self.store, write=True) as uow:
            uow.decisions.sync_finding_items()
        with unit_of_work(self.store) as uow:
            return rd.load_views(uow, status)

    def item_history(self, item_id: int) -> list[DecisionEvent]:
        """The decision events of one item, oldest first."""
        with unit_of_work(self.store) as uow:
            return uow.decisions.events_for(item_id)

    def decide(
        self,
        ids: Sequence[int],
        action: Action,
        *,
        code: str | None = None,
        rationale: str = "",
        note: str = "",
        start: int | None = None,
        end: int | None = None,
    ) -> list[rd.ItemView]:
        """Accept, reject, approve, modify or reopen items by id (see `review.rd.decide`)."""
        with unit_of_work(self.store, write=True) as uow:
            uow.decisions.sync_finding_items()
            return rd.decide(
                uow,
                self._ctx(),
                ids,
                action,
                code=code,
                rationale=rationale,
                note=note,
                start=start,
                end=end,
            )

    def approve(self, ids: Sequence[int], note: str = "") -> list[rd.ItemView]:
        """Approve accepted items as the second person (R52)."""
        return self.decide(ids, Action.APPROVE, note=note)

    def plan_bulk(
        self, selection: bulk.BulkSelection, action: Action, code: str | None = None
    ) -> bulk.BulkPlan:
        """What a bulk action would decide, and what it would leave alone."""
        with unit_of_work(self.store, write=True) as uow:
            return bulk.plan_bulk(uow, self._ctx(), selection, action, code)

    def bulk_decide(
        self,
        selection: bulk.BulkSelection,
        action: Action,
        *,
        code: str | None = None,
        rationale: str = "",
        note: str = "",
        confirmed: bool = False,
    ) -> bulk.BulkResult:
        """Plan and carry out a bulk action in one transaction (R38, R78)."""
        with unit_of_work(self.store, write=True) as uow:
            plan = bulk.plan_bulk(uow, self._ctx(), selection, action, code)
            return bulk.run_bulk(
                uow,
                self._ctx(),
                plan,
                code=code,
                rationale=rationale,
                note=note,
                confirmed=confirmed,
                selection=selection,
            )

    def manual_redaction(
        self, message_id: int, start: int, end: int, code: str, rationale: str
    ) -> rd.ItemView:
        """Redact a span of a message's text that detection missed."""
        with unit_of_work(self.store, write=True) as uow:
            return rd.add_manual_redaction(
                uow, self._ctx(), message_id, start, end, code, rationale
            )

    def redact_field(
        self, message_id: int, field: ProposalField, words: str, code: str, rationale: str
    ) -> rd.ItemView:
        """Redact words in a message's conversation title or attachment names (issue 20)."""
        with unit_of_work(self.store, write=True) as uow:
            return add_field_redaction(uow, self._ctx(), message_id, field, words, code, rationale)

    def withhold(
        self, message_id: int, code: str, rationale: str, basis: rd.WithholdBasis
    ) -> rd.ItemView:
        """Propose withholding a whole message (R39)."""
        with unit_of_work(self.store, write=True) as uow:
            return rd.withhold_message(uow, self._ctx(), message_id, code, rationale, basis)

    def mark(
        self, message_id: int, marker: ReviewStatus, reason: str, duplicate_of: int | None = None
    ) -> rd.ItemView:
        """Mark a message not in scope or a duplicate (never an exemption, R40)."""
        with unit_of_work(self.store, write=True) as uow:
            return rd.mark_message(uow, self._ctx(), message_id, marker, reason, duplicate_of)

    def review_settings(self) -> rd.ReviewSettings:
        """The case's review settings."""
        with unit_of_work(self.store) as uow:
            return rd.load_settings(uow)

    def set_review_settings(self, settings: rd.ReviewSettings) -> None:
        """Change the case's review settings (case handler or DPO)."""
        with unit_of_work(self.store, write=True) as uow:
            roles.require(uow, self.user, roles.Permission.MANAGE_USERS)
            rd.save_settings(uow, self.user, settings)

    def users(self) -> list[tuple[str, roles.Role, str]]:
        """The case's users with their roles."""
        with unit_of_work(self.store) as uow:
            return roles.list_users(uow)

    def add_user(self, name: str, role: roles.Role, passphrase: str | None = None) -> UserRow:
        """Register a user with a role (and their passphrase), or change their role.

        Raises:
            PermissionDeniedError: See `roles.add_user`.
            BadInputError: An empty name or a too-short passphrase.
        """
        hashed = passphrases.hash_passphrase(passphrase) if passphrase is not None else None
        with unit_of_work(self.store, write=True) as uow:
            return roles.add_user(uow, self.user, name, role, hashed)

    def set_passphrase(self, name: str, passphrase: str) -> None:
        """Set a case user's passphrase (see `roles.set_passphrase` for who may).

        Raises:
            PermissionDeniedError: The acting user may not set it.
            NotFoundError: `name` is not a user of the case.
            BadInputError: The passphrase is too short.
        """
        hashed = passphrases.hash_passphrase(passphrase)
        with unit_of_work(self.store, write=True) as uow:
            roles.set_passphrase(uow, self.user, name, hashed)

    def role(self) -> roles.Role | None:
        """The acting user's role on this case."""
        with unit_of_work(self.store) as uow:
            return roles.role_of(uow, self.user)

    def signoff_required(self) -> list[str]:
        """Why DPO sign-off is needed (R54); empty when it is not."""
        with unit_of_work(self.store) as uow:
            return signoff.signoff_required(uow, self.case, self.code_table)

    def signoff_outstanding(self) -> list[str]:
        """Sign-off reasons not yet covered by a sign-off (export refuses while non-empty)."""
        with unit_of_work(self.store) as uow:
            return signoff.signoff_outstanding(uow, self.case, self.code_table)

    def signed_off(self) -> SignOffRow | None:
        """The latest sign-off."""
        with unit_of_work(self.store) as uow:
            return signoff.signed_off(uow)

    def sign_off(self, note: str) -> SignOffRow:
        """Record the DPO's sign-off."""
        with unit_of_work(self.store, write=True) as uow:
            return signoff.sign_off(uow, self.case, self.code_table, self.user, note)

    def record_third_party(
        self, record: thirdparty.ThirdPartyRecord
    ) -> thirdparty.ThirdPartyRecord:
        """Record a para-16 decision about a third party (R33)."""
        with unit_of_work(self.store, write=True) as uow:
            return thirdparty.record_third_party(uow, self.user, record)

    def third_parties(self) -> list[thirdparty.ThirdPartyRecord]:
        """The current record for each third party."""
        with unit_of_work(self.store) as uow:
            return thirdparty.current_records(uow)

    def record_public_interest_test(
        self, code: str, factors_for: str, factors_against: str, conclusion: str
    ) -> PublicInterestTest:
        """Record the public interest test for a qualified exemption (R31)."""
        with unit_of_work(self.store, write=True) as uow:
            return pit.record_public_interest_test(
                uow,
                self.case,
                self.code_table,
                self.user,
                code,
                factors_for,
                factors_against,
                conclusion,
            )

    def public_interest_tests(self) -> dict[str, PublicInterestTest]:
        """The current public interest test per qualified code."""
        with unit_of_work(self.store) as uow:
            return pit.public_interest_tests(uow)

    def record_qualified_person(
        self, name: str, opinion_date: date, opinion: str, code: str | None = None
    ) -> QualifiedPersonOpinion:
        """Record the qualified person's opinion for FOIA s.36 (R32)."""
        with unit_of_work(self.store, write=True) as uow:
            return pit.record_qualified_person(
                uow, self.case, self.code_table, self.user, name, opinion_date, opinion, code
            )

    def qualified_person_opinions(self) -> dict[str, QualifiedPersonOpinion]:
        """The current qualified person's opinion per s.36 code."""
        with unit_of_work(self.store) as uow:
            return pit.qualified_person_opinions(uow)

    def qa_settings(self) -> qa.QaSettings:
        """The case's QA policy (full review or a sample, R53)."""
        with unit_of_work(self.store) as uow:
            return qa.load_qa_settings(uow)

    def set_qa_settings(self, settings: qa.QaSettings) -> qa.QaSettings:
        """Change the QA policy (case handler or DPO); returns what was stored."""
        with unit_of_work(self.store, write=True) as uow:
            return qa.save_qa_settings(uow, self.user, settings)

    def draw_sample(self, proposer: str) -> SampleRow:
        """Draw (or show the open) QA sample of a proposer's accepted items."""
        with unit_of_work(self.store, write=True) as uow:
            return qa.draw_sample(uow, self._ctx(), proposer)

    def qa_samples(self) -> list[SampleRow]:
        """Every QA sample of the case."""
        with unit_of_work(self.store) as uow:
            return qa.list_samples(uow)

    def approve_on_sample(self, proposer: str) -> qa.SampleApproval:
        """Approve the rest of a proposer's batch on a passed sample (R53).

        Raises:
            BadInputError: A sampled item was rejected, so the batch needs full review (the
                failed sample is recorded before this is raised).
        """
        with unit_of_work(self.store, write=True) as uow:
            result = qa.approve_on_sample(uow, self._ctx(), proposer)
        if result.sample.outcome == FAILED:
            raise BadInputError(
                f"A sampled item of {proposer}'s batch was rejected, so QA sample "
                f"{result.sample.id} failed and every item of that batch must now be approved "
                "or rejected individually (R53).",
                hint=Hint.DECIDE_ITEMS,
            )
        return result

    def review_progress(self) -> progress.ReviewProgress:
        """Counts per status, entity type and reviewer."""
        from sar_desk.review import progress  # pandas: loaded only when asked for

        self.review_items()  # picks up findings detection added since
        with unit_of_work(self.store) as uow:
            return progress.review_progress(uow)

    def disclosure_decisions(self, in_scope_ids: Iterable[int]) -> DisclosureDecisions:
        """The approved decisions export needs, for the messages being disclosed."""
        from sar_desk.review import disclosure  # pandas: loaded only when asked for

        self.review_items()
        with unit_of_work(self.store) as uow:
            return disclosure.disclosure_decisions(uow, self.case, self.code_table, in_scope_ids)

    def review_log(self) -> pd.DataFrame:
        """The internal redaction log as a table."""
        from sar_desk.review import disclosure

        with unit_of_work(self.store) as uow:
            return disclosure.review_log_frame(uow, self.code_table)

    def audit_entries(self, action: str | None = None) -> list[AuditEntry]:
        """The audit log, oldest first."""
        with unit_of_work(self.store) as uow:
            return uow.audit.entries(action)

    def verify_audit(self, bundles: Sequence[Path] = ()) -> list[ChainProblem]:
        """Check the audit chain, the decisions it seals, its head file and `bundles`' heads.

        An empty list means nobody changed the log or the decisions behind our back.

        Raises:
            NotFoundError: A named bundle folder has no manifest.
            BadInputError: A named bundle records no audit head.
        """
        return audit_check.verify(self.store, self.case_folder.root, bundles)

    def require_intact_audit(self) -> None:
        """Refuse to go on when the audit log was altered (export calls this).

        Raises:
            AuditTamperedError: Naming the first problem.
        """
        problems = self.verify_audit()
        if problems:
            raise AuditTamperedError(
                f"The audit log of this case was altered outside SAR Desk: {problems[0]}. "
                "Restore the case folder from a backup and tell your DPO."
            )

    def summary_sections(self) -> list[SummarySection]:
        """Adds review progress and sign-off status to ``case show``."""
        sections = super().summary_sections()
        report = self.review_progress()
        lines = report.lines()
        needed = self.signoff_outstanding()
        latest = self.signed_off()
        qa_basis = self.qa_settings().basis()
        lines.append(f"QA: {qa_basis}")
        if needed:
            lines.append("DPO sign-off needed before export: " + " ".join(needed))
        elif latest is not None:
            lines.append(f"Signed off by {latest.user} on {latest.at:%d %b %Y}")
        data: dict[str, Any] = {
            **report.to_json(),
            "signoff_outstanding": needed,
            "signed_off_by": latest.user if latest else None,
            "qa": qa_basis,
        }
        sections.append(SummarySection("Review", tuple(lines), data))
        return sections
