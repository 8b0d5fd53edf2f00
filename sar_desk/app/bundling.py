"""Session methods for the disclosure bundle: export (a job) and verify.

`app` is where review and export meet: this module reads the approved decisions, the
disclosure set and the search log from the case, hands them to `sar_desk.export` as plain
records, and records the export in the audit log with the manifest hash. Export refuses while
anything is undecided or a required DPO sign-off is missing, saying which.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sar_desk import __version__
from sar_desk.app import audit_check
from sar_desk.app.base import SessionBase
from sar_desk.app.organisation import check_values, load_profile
from sar_desk.app.paths import resources_dir
from sar_desk.app.reviewing import bundled_code_table
from sar_desk.core.errors import AuditTamperedError, ExportBlockedError, Hint
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.core.organisation import OrganisationIncompleteError, OrgProfile, missing_fields
from sar_desk.core.outcome import OutcomeKind
from sar_desk.core.scope import SearchLogEntry
from sar_desk.export.options import (
    BundleInputs,
    BundleOptions,
    Organisation,
    SearchRecord,
    Versions,
)
from sar_desk.review import legal, signoff
from sar_desk.store import audit, searchlog
from sar_desk.store import detection as store_detection
from sar_desk.store import messages as store_messages
from sar_desk.store import scope as store_scope
from sar_desk.store.case_meta import get_meta, set_meta

if TYPE_CHECKING:
    from sar_desk.export.manifest import BundleManifest
    from sar_desk.export.verify import VerifyReport

# Per-case overrides of the organisation profile (field -> value). Issue 13 replaced the
# earlier whole-letter "organisation" record, which no release could set.
_ORG_KEY = "organisation-profile"


def search_record(entry: SearchLogEntry, tz: str) -> SearchRecord:
    """A logged search as the bundle needs it (dates as inclusive local days)."""
    zone = ZoneInfo(tz)
    start = entry.date_from.astimezone(zone).date() if entry.date_from else None
    # The stored upper bound is the start of the next day (exclusive); show the last day.
    end = (
        (entry.date_to - timedelta(microseconds=1)).astimezone(zone).date()
        if entry.date_to
        else None
    )
    terms = "; ".join(filter(None, [entry.text or "", ", ".join(entry.person_names)]))
    return SearchRecord(
        entry.at,
        entry.user,
        entry.platforms,
        start,
        end,
        entry.total,
        terms=terms,
        description=entry.origin,
    )


class ExportMixin(SessionBase):
    """Building and verifying disclosure bundles (R41-R50, R57-R66)."""

    def organisation_profile(self) -> OrgProfile | None:
        """The installation's profile with this case's overrides, or None if neither is set."""
        base = load_profile()
        with self.store.read() as conn:
            raw = get_meta(conn, _ORG_KEY)
        overrides: dict[str, str] = json.loads(raw) if raw else {}
        if base is None and not overrides:
            return None
        return (base or OrgProfile()).overridden(overrides)

    def organisation(self) -> Organisation:
        """The controller details printed in letters (empty fields while nothing is set)."""
        return Organisation.from_profile(self.organisation_profile() or OrgProfile())

    def set_case_organisation(self, values: Mapping[str, str]) -> OrgProfile:
        """Override profile fields for this case only (e.g. another controller); audited.

        Raises:
            BadInputError: An unknown controller type or jurisdiction.
        """
        check_values(values)
        with self.store.transaction() as conn:
            raw = get_meta(conn, _ORG_KEY)
            overrides: dict[str, str] = json.loads(raw) if raw else {}
            overrides.update({k: v for k, v in values.items() if v})
            set_meta(conn, _ORG_KEY, json.dumps(overrides, sort_keys=True))
            audit.append(conn, self.user, "organisation-set", {"fields": sorted(values)})
        profile = self.organisation_profile()
        assert profile is not None  # the override just written
        return profile

    def _bundle_inputs(self) -> BundleInputs:
        """Read everything export needs, refusing while the case is not ready.

        Raises:
            ExportBlockedError: Empty disclosure set, undecided proposals or missing sign-off.
            AuditTamperedError: The audit log was altered.
        """
        from sar_desk.review import disclosure  # pandas: loaded only to export

        table = bundled_code_table()
        # The full check, not only the chain: a decision row changed behind the log's back
        # (who approved, what span) must stop the export that would disclose by it.
        tampered = audit_check.verify(self.store, self.case_folder.root)
        with self.store.read() as conn:
            if tampered:
                raise AuditTamperedError(
                    "The case's audit log was changed outside SAR Desk, so no bundle can be "
                    "exported. Verify the audit log to see where, and contact your DPO.",
                    hint=Hint.VERIFY_AUDIT,
                )
            outcome = legal.current_outcome(conn)
            answered = outcome is not None and outcome.kind is not OutcomeKind.HELD
            # Not held, NCND and whole-request refusals disclose no records: the letter is the
            # response, so an empty (or any) disclosure set does not block or enter the pack.
            ids = [] if answered else store_scope.disclosure_ids(conn)
            if not ids and not answered:
                raise ExportBlockedError(
                    "The disclosure set is empty: mark messages in scope (or add them to the "
                    "disclosure) before exporting, or record that the information is not held, "
                    "or a neither-confirm-nor-deny or refusal outcome."
                )
            decisions = disclosure.disclosure_decisions(conn, self.case, table, ids)
            if decisions.undecided:
                raise ExportBlockedError(
                    f"{decisions.undecided} redaction proposals in the disclosure set are still "
                    "undecided or waiting for a second person's approval. Decide them (the "
                    "review list shows them) and export again.",
                    hint=Hint.LIST_REVIEW,
                )
            outstanding = signoff.signoff_outstanding(conn, self.case, table)
            if outstanding:
                raise ExportBlockedError(
                    "DPO sign-off is required before export: "
                    + "; ".join(r.rstrip(".") for r in outstanding)
                    + ". Ask the DPO to sign off.",
                    hint=Hint.SIGN_OFF,
                )
            messages = store_messages.get_messages(conn, [int(i) for i in ids]) if ids else []
            searches = [search_record(e, self.case.timezone) for e in searchlog.list_searches(conn)]
            runs = store_detection.list_runs(conn)
            interests = legal.legitimate_interests_tests(conn)
            head = audit.current_head(conn)
        code = table.codes.get(outcome.code) if outcome is not None and outcome.code else None
        return BundleInputs(
            case=self.case,
            messages=tuple(messages),
            decisions=decisions,
            searches=tuple(searches),
            versions=Versions(__version__, runs[-1].engine if runs else "none", table.version),
            case_path=str(self.folder.resolve()),
            resources=resources_dir(),
            outcome=outcome,
            outcome_code=code,
            ncnd_provision=table.ncnd.get(code.code, "") if code is not None else "",
            legitimate_interests=interests,
            needs_legitimate_interests=table.legitimate_interests,
            audit_head=head.as_json() if head is not None else None,
        )

    def export_bundle(
        self, dest: Path, options: BundleOptions | None = None, cancel: CancelToken | None = None
    ) -> Job[BundleManifest]:
        """Build the disclosure bundle into `dest` (a job).

        The unredacted master, the manifest and the safety report are kept in the case
        folder (`CaseFolder.masters`), never in the bundle; an "export" audit entry records
        the manifest hash.

        Raises:
            OrganisationIncompleteError: The organisation profile lacks details the letter needs.
            ExportBlockedError: Undecided proposals, missing sign-off, an empty letter section.
            SafetyCheckError: A safety check failed (naming the file and the check).
            BadInputError: `dest` exists and is not empty.
        """
        from sar_desk.export.bundle import build_bundle  # PDF and archive libraries: export only

        cancel = cancel or CancelToken()
        yield Progress(0, None, "Reading the approved decisions")
        if options is None:
            options = BundleOptions(generated_at=datetime.now(UTC).replace(microsecond=0))
        if options.organisation == Organisation():
            missing = missing_fields(self.organisation_profile(), self.case.regime)
            if missing:
                raise OrganisationIncompleteError(missing)
            options = replace(options, organisation=self.organisation())
        inputs = self._bundle_inputs()
        result = yield from build_bundle(
            inputs, options, Path(dest), cancel=cancel, master_dir=self.case_folder.master_dir()
        )
        with self.store.transaction() as conn:
            audit.append(
                conn,
                self.user,
                "export",
                {
                    "export_id": result.export_id,
                    "manifest_sha256": result.manifest_sha256,
                    "files": len(result.files),
                    "pages": result.pages,
                    **{k: v for k, v in sorted(result.counts.items())},
                },
            )
        return result

    def verify_bundle(self, path: Path) -> VerifyReport:
        """Re-run the safety checks on an exported bundle."""
        from sar_desk.export.verify import verify_bundle

        return verify_bundle(Path(path))
