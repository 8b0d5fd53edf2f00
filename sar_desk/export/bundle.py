"""Building a bundle end to end: render into a temporary folder, check, then move into place.

Nothing is left at the destination unless every safety check passed: on any failure the
temporary folder is removed and `SafetyCheckError` names the file and the check.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC
from pathlib import Path
from typing import Any

from sar_desk.core.errors import BadInputError, SafetyCheckError
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.export import records
from sar_desk.export.archive import new_password, write_encrypted_zip
from sar_desk.export.checks import CheckResult, check_pack, failures, safe_reference
from sar_desk.export.letter import Letter, LetterSection, build_letter
from sar_desk.export.manifest import BundleManifest, write_manifest
from sar_desk.export.options import BundleInputs, BundleOptions
from sar_desk.export.redact import build_render_bundle, in_scope_messages, protected_terms
from sar_desk.export.render_model import RenderBundle
from sar_desk.export.safety import pre_render_check, safety_report
from sar_desk.export.terms import TermReplacer
from sar_desk.export.writers import PackWriter, WriteContext, default_writers

INTERNAL_README = (
    "INTERNAL RECORDS - NEVER SEND THESE FILES TO THE REQUESTER.\n"
    "This folder holds the redaction log, the search log, the safety report and the list of\n"
    "protected terms (the redacted strings, used to verify the bundle). Only the files in\n"
    "'pack/' (or the encrypted archive in 'delivery/') go to the requester.\n"
)


def export_id(options: BundleOptions, reference: str) -> str:
    """The export's id: safe reference plus UTC time."""
    return f"{safe_reference(reference)}-{options.generated_at.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _net_letter(letter: Letter, terms: Sequence[str], region: str) -> tuple[Letter, int]:
    replacer = TermReplacer(terms, region)
    caught = 0
    sections = []
    for section in letter.sections:
        paragraphs = []
        for paragraph in section.paragraphs:
            text, found = replacer.sub(paragraph, lambda _term: "[REDACTED]")
            caught += len(found)
            paragraphs.append(text)
        sections.append(LetterSection(section.id, section.heading, tuple(paragraphs)))
    return replace(letter, sections=tuple(sections)), caught


def _prepare_dest(dest: Path) -> Path:
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BadInputError(
            f"{dest} already exists and is not empty. Choose a new folder for the bundle."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{dest.name}.partial-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    for sub in ("pack", "internal", ".work"):
        (tmp / sub).mkdir(parents=True)
    return tmp


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
    records.write_json(
        internal / "protected-terms.json",
        {
            "reference": inputs.case.reference,
            "region": inputs.case.default_region,
            "terms": list(terms),
        },
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
    terms = protected_terms(inputs.decisions)
    region = inputs.case.default_region
    letter, letter_catches = _net_letter(build_letter(inputs, options, bundle), terms, region)
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
        )
        _raise_on_failure(results, "pack/")
        cancel.check()
        password = _maybe_archive(tmp, prefix, options, pack_files, inputs, terms, results)
        records.write_json(
            tmp / "internal" / "safety-report.json",
            safety_report(bundle, inputs, options, results, letter_catches),
        )
        shutil.rmtree(tmp / ".work")
        yield Progress(4, 5, "Writing the manifest")
        header = _manifest_header(inputs, options, bundle, ctx.pages, letter)
        entries, digest = write_manifest(tmp, header)
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


def _maybe_archive(
    tmp: Path,
    prefix: str,
    options: BundleOptions,
    pack_files: list[Path],
    inputs: BundleInputs,
    terms: Sequence[str],
    results: list[CheckResult],
) -> str | None:
    if not options.encrypt:
        return None
    password = new_password()
    (tmp / "delivery").mkdir()
    archive = tmp / "delivery" / f"{prefix}-pack.zip"
    write_encrypted_zip(archive, tmp / "pack", pack_files, password)
    zip_results = check_pack(
        tmp / "delivery",
        [archive],
        inputs.case.reference,
        terms,
        inputs.versions.tool,
        inputs.case.default_region,
    )
    _raise_on_failure(zip_results, "delivery/")
    results += zip_results
    if options.save_password:
        (tmp / "internal" / "archive-password.txt").write_text(password + "\n", encoding="utf-8")
    return password


def _manifest_header(
    inputs: BundleInputs, options: BundleOptions, bundle: RenderBundle, pages: int, letter: Letter
) -> dict[str, Any]:
    decisions = inputs.decisions
    return {
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


def _keep_master(folder: Path, inputs: BundleInputs, bundle: RenderBundle, dest: Path) -> Path:
    """The unredacted master plus copies of the manifest and safety report, in the case."""
    chosen = in_scope_messages(inputs.messages, inputs.decisions)
    records.write_master(folder, chosen, bundle)
    shutil.copy2(dest / "manifest.json", folder / "manifest.json")
    shutil.copy2(dest / "internal" / "safety-report.json", folder / "safety-report.json")
    return folder
