"""Building a bundle end to end: render into a temporary folder, check, then move into place.

Nothing is left at the destination unless every safety check passed: on any failure the
temporary folder is removed and `SafetyCheckError` names the file and the check.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC
from pathlib import Path
from typing import Any

from sar_desk.core.errors import BadInputError, SafetyCheckError
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.export import records
from sar_desk.export.archive import new_password
from sar_desk.export.attachment_render import attachment_terms, place_attachments
from sar_desk.export.checks import CheckResult, check_pack, failures, safe_reference
from sar_desk.export.letter import Letter, LetterSection, build_letter
from sar_desk.export.manifest import (
    SIGNATURE_NAME,
    BundleManifest,
    key_fingerprint,
    public_key_of,
    sign_manifest,
    write_manifest,
)
from sar_desk.export.options import BundleInputs, BundleOptions
from sar_desk.export.redact import build_render_bundle, in_scope_messages, protected_terms
from sar_desk.export.render_model import RenderBundle
from sar_desk.export.safety import pre_render_check, safety_report
from sar_desk.export.sealing import check_files, delivery_record, seal_pack
from sar_desk.export.writers import PackWriter, WriteContext, default_writers

INTERNAL_README = (
    "INTERNAL RECORDS - NEVER SEND THESE FILES TO THE REQUESTER.\n"
    "This folder holds the redaction log, the search log, the scope exclusions (with who\n"
    "approved each), detection's coverage and measured accuracy, any elusion test with its\n"
    "sample, the safety report and the list of protected terms (the redacted strings, used\n"
    "to verify the bundle). Only the files in 'pack/' go to the requester (when it was\n"
    "encrypted, the password goes separately).\n"
)


EXCLUSION_COLUMNS = (
    "message id",
    "excluded as",
    "reason",
    "excluded by",
    "excluded at",
    "approved by",
    "approved at",
    "approval note",
)


def export_id(options: BundleOptions, reference: str) -> str:
    """The export's id: safe reference plus UTC time."""
    return f"{safe_reference(reference)}-{options.generated_at.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _with_fingerprint(letter: Letter, fingerprint: str) -> Letter:
    """The cover letter with the signing key's fingerprint, to check the bundle against."""
    line = (
        "The list of files in this bundle (manifest.json) is signed with a key held for this "
        f"request only. The key's fingerprint is {fingerprint}."
    )
    section = LetterSection("signature", "Checking this bundle", (line,))
    return replace(letter, sections=(*letter.sections, section))


PARTIAL = ".partial-"
"""Marks the private folder a bundle is built in, beside its destination."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_partials(parent: Path) -> int:
    """Remove folders left in `parent` by exports that were killed part-way.

    A partial folder is named ``.<dest>.partial-<pid>-<random>``; it is removed once the
    process that made it is gone (it may hold an unchecked pack and the redacted strings).

    Returns:
        How many were removed.
    """
    removed = 0
    for path in parent.glob(f".*{PARTIAL}*") if parent.is_dir() else ():
        pid = path.name.rsplit(PARTIAL, 1)[1].split("-", 1)[0]
        if path.is_dir() and pid.isdigit() and not _pid_alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def _prepare_dest(dest: Path) -> Path:
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BadInputError(
            f"{dest} already exists and is not empty. Choose a new folder for the bundle."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    clean_partials(dest.parent)
    # Private (0700) and on the destination's file system, so the finished bundle is moved
    # into place in one step; nobody else can read it while it is unchecked.
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}{PARTIAL}{os.getpid()}-", dir=dest.parent))
    for sub in ("pack", "internal", ".work"):
        (tmp / sub).mkdir(mode=0o700)
    return tmp


def _make_private(folder: Path) -> None:
    """Internal records: folders 0700, files 0600 (they hold the redacted strings)."""
    folder.chmod(0o700)
    for path in folder.rglob("*"):
        path.chmod(0o700 if path.is_dir() else 0o600)


def _internal_records(
    tmp: Path,
    inputs: BundleInputs,
    options: BundleOptions,
    bundle: RenderBundle,
    terms: Sequence[str],
) -> None:
    internal = tmp / "internal"
    (internal / "README.txt").write_text(INTERNAL_README, encoding="utf-8")
    rows = records.redaction_log_rows(bundle, inputs.decisions, inputs.messages)
    records.write_csv(internal / "redaction-log.csv", records.REDACTION_LOG_COLUMNS, rows)
    records.write_xlsx(
        internal / "redaction-log.xlsx", records.REDACTION_LOG_COLUMNS, rows, options.generated_at
    )
    records.write_csv(
        internal / "search-log.csv",
        records.SEARCH_LOG_COLUMNS,
        records.search_log_rows(inputs.searches),
    )
    if inputs.detection:
        records.write_json(internal / "detection-coverage.json", inputs.detection)
    if inputs.elusion:
        records.write_json(internal / "elusion-test.json", inputs.elusion)
    accuracy = inputs.resources / "detect" / "accuracy.json"
    if accuracy.is_file():  # issue 15 item 5a: the detector's measured accuracy, as shipped
        measured = json.loads(accuracy.read_text(encoding="utf-8"))
        records.write_json(
            internal / "detection-accuracy.json", {"engine": inputs.versions.model, **measured}
        )
    records.write_json(
        internal / "protected-terms.json",
        {
            "reference": inputs.case.reference,
            "region": inputs.case.default_region,
            "terms": list(terms),
        },
    )
    # Issue 13 item 8: every exclusion from scope, with its second-person approval.
    records.write_csv(
        internal / "scope-exclusions.csv",
        EXCLUSION_COLUMNS,
        [
            [
                str(int(e.message_id)),
                e.kind,
                e.reason,
                e.excluded_by,
                e.excluded_at,
                e.approved_by or "",
                e.approved_at or "",
                e.note,
            ]
            for e in inputs.exclusions
        ],
    )


def build_bundle(
    inputs: BundleInputs,
    options: BundleOptions,
    dest: Path,
    *,
    cancel: CancelToken,
    master_dir: Path | None = None,
    writers: Sequence[PackWriter] | None = None,
) -> Job[BundleManifest]:
    """Build, check and move a disclosure bundle into `dest`.

    Args:
        inputs: Case, messages, decisions, search log and versions (from `app`).
        options: The caseworker's choices; `generated_at` fixes every time in the files.
        dest: The bundle folder to create (new or empty).
        cancel: Checked between stages.
        master_dir: Where to keep the unredacted master (in the case folder).
        writers: Pack writers (default: PDF, plus HTML and RSMF as the options ask).

    Raises:
        BadInputError: `dest` exists and is not empty.
        ExportBlockedError: A mandatory letter section is empty.
        SafetyCheckError: A safety check failed (naming the file and the check).
    """
    dest = Path(dest)
    options = replace(options, generated_at=options.generated_at.astimezone(UTC))
    yield Progress(0, 5, "Applying redactions")
    bundle = build_render_bundle(inputs.case, inputs.messages, inputs.decisions, options.pseudonyms)
    bundle = place_attachments(bundle, inputs.attachments)
    terms = protected_terms(inputs.decisions) + attachment_terms(inputs.attachments)
    # The letter is never blanked by itself either: a protected term in it stops the export.
    region = inputs.case.default_region
    letter = build_letter(inputs, options, bundle)
    fingerprint = key_fingerprint(public_key_of(inputs.signing_key)) if inputs.signing_key else None
    if fingerprint:
        letter = _with_fingerprint(letter, fingerprint)
    pre_render_check(bundle, letter, terms, region)
    cancel.check()
    tmp = _prepare_dest(dest)
    try:
        yield Progress(1, 5, "Rendering the bundle")
        prefix = safe_reference(inputs.case.reference)
        ctx = WriteContext(
            tmp / "pack",
            tmp / ".work",
            prefix,
            options,
            inputs.resources / "fonts",
            inputs.versions.tool,
        )
        for writer in writers if writers is not None else default_writers(options):
            writer(bundle, letter, ctx)
            cancel.check()
        yield Progress(2, 5, "Writing the internal records")
        _internal_records(tmp, inputs, options, bundle, terms)
        yield Progress(3, 5, "Running the safety checks")
        pack_files = sorted(p for p in (tmp / "pack").rglob("*") if p.is_file())
        results = check_pack(
            tmp / "pack",
            pack_files,
            inputs.case.reference,
            terms,
            inputs.versions.tool,
            inputs.case.default_region,
            inputs.ocr,
        )
        _raise_on_failure(results, "pack/")
        cancel.check()
        password = _maybe_seal(tmp, prefix, options, inputs, terms, results)
        records.write_json(
            tmp / "internal" / "safety-report.json",
            safety_report(bundle, inputs, options, results, 0),
        )
        shutil.rmtree(tmp / ".work")
        _make_private(tmp / "internal")
        yield Progress(4, 5, "Writing the manifest")
        header = _manifest_header(inputs, options, bundle, ctx.pages, letter)
        if fingerprint:
            header["signing"] = {"algorithm": "Ed25519", "fingerprint": fingerprint}
        entries, digest = write_manifest(tmp, header)
        if inputs.signing_key:
            sign_manifest(tmp, inputs.signing_key)
        if dest.exists():
            dest.rmdir()  # an empty folder the user made for the bundle
        tmp.replace(dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    master = None
    if master_dir is not None:
        master = _keep_master(
            master_dir / export_id(options, inputs.case.reference), inputs, bundle, dest
        )
    yield Progress(5, 5, "Bundle ready")
    return BundleManifest(
        dest,
        export_id(options, inputs.case.reference),
        tuple(entries),
        dict(bundle.counts),
        digest,
        ctx.pages,
        password,
        master,
        fingerprint,
    )


def _raise_on_failure(results: Sequence[CheckResult], prefix: str) -> None:
    failed = failures(results)
    if failed:
        listed = " | ".join(prefix + r.sentence() for r in failed[:4])
        more = f" | and {len(failed) - 4} more problems" if len(failed) > 4 else ""
        raise SafetyCheckError(
            f"The bundle was not saved: {listed}{more}. Fix the decision or report the "
            "problem; nothing was written to the destination."
        )


def _maybe_seal(
    tmp: Path,
    prefix: str,
    options: BundleOptions,
    inputs: BundleInputs,
    terms: Sequence[str],
    results: list[CheckResult],
) -> str | None:
    """Encrypt the checked pack in place (`export.sealing`) and check the sealed files."""
    if not options.encrypt:
        return None
    password = options.pack_password or new_password()
    seal_pack(tmp / "pack", tmp / ".work", prefix, password, extras=options.encrypt_extras)
    sealed_results = check_files(
        tmp / "pack",
        sorted(p for p in (tmp / "pack").rglob("*") if p.is_file()),
        inputs.case.reference,
        terms,
        inputs.versions.tool,
        inputs.case.default_region,
        password=password,
        scratch=tmp / ".work",
        require_sealed=True,
        ocr=inputs.ocr,
    )
    _raise_on_failure(sealed_results, "pack/")
    results += sealed_results
    return password


def _manifest_header(
    inputs: BundleInputs, options: BundleOptions, bundle: RenderBundle, pages: int, letter: Letter
) -> dict[str, Any]:
    decisions = inputs.decisions
    header: dict[str, Any] = {
        "bundle": {
            "case_reference": inputs.case.reference,
            "regime": str(inputs.case.regime),
            "export_id": export_id(options, inputs.case.reference),
            "generated_at": options.generated_at.isoformat(),
            "pages": pages,
            "options": {
                "pseudonyms": options.pseudonyms,
                "large_print": options.large_print,
                "html": options.html,
                "encrypt": options.encrypt,
                "rsmf": options.rsmf,
            },
            "case_path": inputs.case_path,
        },
        "versions": {
            "tool": inputs.versions.tool,
            "model": inputs.versions.model,
            "code_table": inputs.versions.code_table,
            "letter_template": letter.template_version,
        },
        "counts": dict(sorted(bundle.counts.items())),
        "decisions": {
            "redactions": bundle.counts["redactions"],
            "withheld": len(decisions.withheld),
            "not_in_scope": len(decisions.not_in_scope),
            "duplicates": len(decisions.duplicates),
            "codes_used": [c.code for c in bundle.codes],
            "undecided": decisions.undecided,
        },
        "checks": {"report": "internal/safety-report.json", "passed": True},
        "audit_head": inputs.audit_head,
    }
    if options.encrypt:
        header["delivery"] = delivery_record(options)  # "sent separately", never the password
    return header


def _keep_master(folder: Path, inputs: BundleInputs, bundle: RenderBundle, dest: Path) -> Path:
    """The unredacted master plus copies of the manifest and safety report, in the case."""
    chosen = in_scope_messages(inputs.messages, inputs.decisions)
    records.write_master(folder, chosen, bundle)
    shutil.copy2(dest / "manifest.json", folder / "manifest.json")
    shutil.copy2(dest / "internal" / "safety-report.json", folder / "safety-report.json")
    # The case's own copy of the redacted strings: `verify --case` checks against it, so
    # editing the bundle's internal copy cannot hide a leak.
    shutil.copy2(dest / "internal" / "protected-terms.json", folder / "protected-terms.json")
    if (dest / SIGNATURE_NAME).exists():
        shutil.copy2(dest / SIGNATURE_NAME, folder / SIGNATURE_NAME)
    _make_private(folder)
    return folder
