"""The pre-render leak check and the machine-readable safety report (R50)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sar_desk.core.errors import SafetyCheckError
from sar_desk.export.checks import CheckResult
from sar_desk.export.letter import Letter
from sar_desk.export.options import BundleInputs, BundleOptions
from sar_desk.export.redact import protected_terms
from sar_desk.export.render_model import RenderBundle
from sar_desk.export.terms import TermMatcher

CHECKS_RUN = (
    "safety-net (every protected term found outside the places decided in review stops the "
    "export; the net never redacts by itself)",
    "pre-render (no protected term in any render record)",
    "file-name (references only; allowed file kinds)",
    "text-leak (text layer, metadata, bookmarks, annotations, attachments, HTML, e-mail)",
    "pdf-structure (no annotations, JavaScript, embedded files, layers, forms, history, "
    "filled shapes; metadata allow-list)",
    "html-safety (no scripts, handlers, frames or external resources)",
    "manifest (SHA-256 of every file)",
)


def pre_render_check(
    bundle: RenderBundle, letter: Letter, terms: Sequence[str], region: str | None = None
) -> None:
    """Fail before rendering if any render record still holds a protected term.

    The safety net replaces terms where they are written as words; this check also looks for
    them letter-spaced, broken at line ends and inside digit runs, so an odd form stops the
    export here.

    Raises:
        SafetyCheckError: A protected term survived into the render records.
    """
    matcher = TermMatcher(terms, region)
    hits = matcher.find("\n".join(bundle.all_strings() + letter.all_strings()))
    if hits:
        raise SafetyCheckError(
            f"The bundle was not rendered: protected term no. {hits[0].term_index + 1} is still "
            f"present in the redacted content ({hits[0].how}). Add a redaction for it in "
            "review and export again."
        )


def safety_report(
    bundle: RenderBundle,
    inputs: BundleInputs,
    options: BundleOptions,
    results: Sequence[CheckResult],
    letter_catches: int,
) -> dict[str, Any]:
    """The safety report: checks run, results per file, automatic catches, versions."""
    catches = [{"item": c.item, "field": c.field, "count": c.count} for c in bundle.auto_catches]
    if letter_catches:
        catches.append({"item": None, "field": "cover letter", "count": letter_catches})
    return {
        "case_reference": inputs.case.reference,
        "generated_at": options.generated_at.isoformat(),
        "versions": {
            "tool": inputs.versions.tool,
            "model": inputs.versions.model,
            "code_table": inputs.versions.code_table,
        },
        "checks_run": list(CHECKS_RUN),
        "passed": all(r.passed for r in results),
        "results": [
            {"file": r.file, "check": r.check, "passed": r.passed, "detail": r.detail}
            for r in sorted(results, key=lambda r: (r.file, r.check))
        ],
        "automatic_catches": {"total": sum(c["count"] or 0 for c in catches), "where": catches},
        "protected_terms": len(protected_terms(inputs.decisions)),
        "places_kept_by_decision": len(inputs.decisions.kept_places),
    }
