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
from sar_desk.app import audit_check, detection_gate
from sar_desk.app.attachment_review import (
    approved_outcomes,
    image_reader,
    undecided_count,
    undecided_line,
)
from sar_desk.app.base import SessionBase
from sar_desk.app.organisation import check_values, load_profile
from sar_desk.app.paths import resources_dir
from sar_desk.app.places import ordinary_words
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
from sar_desk.review import attachments as attachment_review
from sar_desk.review import elusion, exclusions, legal, signoff
from sar_desk.store.running import ended_abruptly, running
from sar_desk.store.uow import unit_of_work

if TYPE_CHECKING:
    from sar_desk.export.manifest import BundleManifest
    from sar_desk.export.verify import VerifyReport

# Per-case overrides of the organisation profile (field -> value). Issue 13 replaced the
# earlier whole-letter "organisation" record, which no release could set.
_ORG_KEY = "organisation-profile"
SIGNING_KEY = "bundle-signing-key.pem"
"""The case's Ed25519 key for signing bundle manifests (0600; never leaves the case folder)."""


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
        with unit_of_work(self.store) as uow:
            raw = uow.case.get_meta(_ORG_KEY)
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
        with unit_of_work(self.store, write=True) as uow:
            raw = uow.case.get_meta(_ORG_KEY)
            overrides: dict[str, str] = json.loads(raw) if raw else {}
            overrides.update({k: v for k, v in values.items() if v})
            uow.case.set_meta(_ORG_KEY, json.dumps(overrides, sort_keys=True))
            uow.audit.append(self.user, "organisation-set", {"fields": sorted(values)})
        profile = self.organisation_profile()
        assert profile is not None  # the override just written
        return profile

    def _bundle_inputs(self) -> BundleInputs:
        """Read everything export needs, refusing while the case is not ready.

        Raises:
            ExportBlockedError: Empty disclosure set, undecided proposals or missing sign-off.
            AuditTamperedError: The audit log was altered.
        """
        from sar_desk.export.manifest import load_or_create_key  # cryptography: export only
        from sar_desk.review import disclosure  # pandas: loaded only to export

        table = bundled_code_table()
        # The full check, not only the chain: a decision row changed behind the log's back
        # (who approved, what span) must stop the export that would disclose by it.
        tampered = audit_check.verify(self.store, self.case_folder.root)
        with unit_of_work(self.store) as uow:
            if tampered:
                raise AuditTamperedError(
                    "The case's audit log was changed outside SAR Desk, so no bundle can be "
                    "exported. Verify the audit log to see where, and contact your DPO.",
                    hint=Hint.VERIFY_AUDIT,
                )
            outcome = legal.current_outcome(uow)
            answered = outcome is not None and outcome.kind is not OutcomeKind.HELD
            # Not held, NCND and whole-request refusals disclose no records: the letter is the
            # response, so an empty (or any) disclosure set does not block or enter the pack.
            ids = [] if answered else uow.scope.disclosure_ids()
            if not ids and not answered:
                raise ExportBlockedError(
                    "The disclosure set is empty: mark messages in scope (or add them to the "
                    "disclosure) before exporting, or record that the information is not held, "
                    "or a neither-confirm-nor-deny or refusal outcome."
                )
            decisions = disclosure.disclosure_decisions(
                uow, self.case, table, ids, ordinary_words()
            )
            # Attachments are review items too: one without an approved decision blocks the
            # export exactly as an undecided proposal does (it would otherwise drop out unseen).
            # (Not those of messages leaving the bundle whole: nothing of theirs is shown.)
            leaving = (
                set(decisions.withheld) | set(decisions.not_in_scope) | set(decisions.duplicates)
            )
            attachments_open = undecided_count(uow, [int(i) for i in ids if i not in leaving])
            if decisions.undecided:
                raise ExportBlockedError(
                    f"{decisions.undecided} redaction proposals in the disclosure set are still "
                    "undecided or waiting for a second person's approval. Decide them (the "
                    "review list shows them) and export again."
                    + (f" Also: {undecided_line(attachments_open)}" if attachments_open else ""),
                    hint=Hint.LIST_REVIEW,
                )
            if attachments_open:
                raise ExportBlockedError(
                    f"{undecided_line(attachments_open)} Decide them and export again.",
                    hint=Hint.LIST_ATTACHMENTS,
                )
            cover = detection_gate.coverage(uow, self.folder, [int(i) for i in ids])
            if ids:  # an outcome that discloses no records needs no detection
                detection_gate.require_detection(cover)
            outstanding = signoff.signoff_outstanding(uow, self.case, table)
            if outstanding:
                raise ExportBlockedError(
                    "DPO sign-off is required before export: "
                    + "; ".join(r.rstrip(".") for r in outstanding)
                    + ". Ask the DPO to sign off.",
                    hint=Hint.SIGN_OFF,
                )
            messages = uow.messages.get_messages([int(i) for i in ids]) if ids else []
            searches = [search_record(e, self.case.timezone) for e in uow.searchlog.list_searches()]
            excluded = exclusions.scope_exclusions(uow)
            runs = uow.detection.list_runs()
            interests = legal.legitimate_interests_tests(uow)
            elusion_test = elusion.elusion_record(uow)
            head = uow.audit.current_head()
            shown = approved_outcomes(
                uow, self.case_folder, table, [int(i) for i in ids if i not in leaving]
            )
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
            exclusions=tuple(excluded),
            detection=cover.as_record(),
            elusion=elusion_test,
            signing_key=load_or_create_key(self.folder / SIGNING_KEY),
            audit_head=head.as_json() if head is not None else None,
            attachments=shown,
            ocr=image_reader() if shown else None,
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
            BadInputError: `dest` exists and is not empty, or is inside an encrypted case.
        """
        # PDF and archive libraries: loaded only to export.
        from sar_desk.export.bundle import build_bundle, clean_partials

        cancel = cancel or CancelToken()
        self.case_folder.check_outside(Path(dest))  # an encrypted case holds no plain bundle
        yield Progress(0, None, "Reading the approved decisions")
        if options is None:
            options = BundleOptions(generated_at=datetime.now(UTC).replace(microsecond=0))
        if options.organisation == Organisation():
            missing = missing_fields(self.organisation_profile(), self.case.regime)
            if missing:
                raise OrganisationIncompleteError(missing)
            options = replace(options, organisation=self.organisation())
        inputs = self._bundle_inputs()
        # An export killed part-way leaves a private partial folder beside its destination;
        # the next export removes it, wherever that destination was.
        left = ended_abruptly(self.folder, "export")
        if left and left.get("parent"):
            clean_partials(Path(left["parent"]))
        where = {"parent": str(Path(dest).resolve().parent)}
        with (
            running(self.folder, "export", "an export of the bundle", where),
            self.case_folder.staged(self.case_folder.master_dir()) as master_dir,
        ):
            result = yield from build_bundle(
                inputs, options, Path(dest), cancel=cancel, master_dir=master_dir
            )
        with unit_of_work(self.store, write=True) as uow:
            uow.audit.append(
                self.user,
                "export",
                {
                    "export_id": result.export_id,
                    "manifest_sha256": result.manifest_sha256,
                    "signing_key": result.fingerprint,
                    "files": len(result.files),
                    "pages": result.pages,
                    # The delivery record says a password protects the pack, never what it is.
                    **({"pack_password": "sent separately"} if result.password else {}),
                    **{k: v for k, v in sorted(result.counts.items())},
                },
            )
        return result

    def detection_coverage(self) -> detection_gate.DetectionCoverage:
        """How far detection covers the disclosure set (export needs it complete)."""
        with unit_of_work(self.store) as uow:
            ids = [int(i) for i in uow.scope.disclosure_ids()]
            return detection_gate.coverage(uow, self.folder, ids)

    def waive_detection(self, reason: str) -> int:
        """Record the DPO's decision to export without complete detection.

        The decision covers the current disclosure set, is audited, and is shown in the
        bundle's internal records.

        Returns:
            The audit entry's id.

        Raises:
            PermissionDeniedError: The acting user is not a DPO of the case.
            BadInputError: No reason, or an empty disclosure set.
        """
        with unit_of_work(self.store, write=True) as uow:
            ids = [int(i) for i in uow.scope.disclosure_ids()]
            return detection_gate.waive_detection(uow, self.user, ids, reason)

    def verify_bundle(self, path: Path, password: str | None = None) -> VerifyReport:
        """Verify an exported bundle against this case (and run every file check).

        The signature must be by the case's key, the manifest hash the one its audit log
        recorded, and the leak checks use the case's own copy of the protected terms.
        `password` opens an encrypted pack so its content is checked again too.
        """
        from sar_desk.export.manifest import load_or_create_key, public_key_of
        from sar_desk.export.verify import CaseEvidence, verify_bundle

        with unit_of_work(self.store) as uow:
            exports = uow.audit.entries("export")
        hashes = {
            str(e.details.get("export_id")): str(e.details.get("manifest_sha256")) for e in exports
        }
        terms: dict[str, list[str]] = {}
        for export_id in hashes:
            kept = self.case_folder.masters / export_id / "protected-terms.json"
            try:
                terms[export_id] = list(json.loads(self.case_folder.read_file(kept))["terms"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # exported before the case kept its own copy: the bundle's is used
        key_path = self.folder / SIGNING_KEY
        public = public_key_of(load_or_create_key(key_path)) if key_path.exists() else b""
        evidence = CaseEvidence(public, hashes, terms)
        # Images are read back by OCR only for a case that disclosed some (the engine is slow
        # to load); their metadata is checked in every bundle regardless.
        with unit_of_work(self.store) as uow:
            reader = image_reader() if attachment_review.approved(uow) else None
        return verify_bundle(Path(path), evidence, password=password, ocr=reader)
