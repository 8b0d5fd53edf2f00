"""Verifying an exported bundle: alone, or against the case that exported it.

Alone, a bundle is checked against what it carries: every manifest hash, no file the manifest
does not list, the manifest's signature, and the leak, file-name, PDF-structure and HTML checks
against ``internal/protected-terms.json``. That proves the files match their manifest and that
none holds a listed term; it cannot prove the manifest and term list are the ones the case
made, since whoever edits a file can re-hash the manifest, re-sign it with a key of their own
and trim the term list.

Against the case (`CaseEvidence`), verify also proves the bundle is the case's own: the
signature must be by the case's key, the manifest's hash must be the one the case's audit log
recorded for that export, and the leak checks use the case's own copy of the protected terms.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sar_desk.core.digests import sha256_file
from sar_desk.export.checks import CheckResult
from sar_desk.export.image_checks import ImageReader
from sar_desk.export.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    key_fingerprint,
    read_manifest,
    signing_key_in,
)
from sar_desk.export.sealing import check_files

TERMS_FILE = "internal/protected-terms.json"

ALONE_NOTE = (
    "Checked without the case: this shows the files match their manifest and hold none of the "
    "terms the bundle lists. It cannot show that the manifest, its signature or that term list "
    "are the ones the case made; check against the case for that."
)
CASE_NOTE = (
    "Checked against the case: the signature is by the case's key, the manifest is the one "
    "recorded in the case's audit log, and the leak checks used the case's own list of "
    "redacted terms."
)


@dataclass(frozen=True, slots=True)
class CaseEvidence:
    """What the case knows about its exports, to check a bundle against.

    Attributes:
        public_key: The case's signing key (raw Ed25519 public key).
        manifest_hashes: The manifest SHA-256 recorded in the audit log, by export id.
        terms: The protected terms kept in the case for that export, by export id.
    """

    public_key: bytes
    manifest_hashes: dict[str, str]
    terms: dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of verifying a bundle."""

    folder: Path
    results: tuple[CheckResult, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every check passed."""
        return all(r.passed for r in self.results)

    def as_json(self) -> dict[str, object]:
        """Machine-readable form for ``--json``."""
        return {
            "bundle": str(self.folder),
            "ok": self.ok,
            "notes": list(self.notes),
            "results": [
                {"file": r.file, "check": r.check, "passed": r.passed, "detail": r.detail}
                for r in self.results
            ],
        }


def _manifest_results(root: Path, manifest: dict[str, object]) -> list[CheckResult]:
    results: list[CheckResult] = []
    listed: set[str] = set()
    for entry in manifest.get("files", []):  # type: ignore[attr-defined]
        rel = str(entry["path"])
        listed.add(rel)
        path = root / rel
        if not path.is_file():
            results.append(CheckResult(rel, "manifest", False, "the file is missing"))
        elif path.stat().st_size != entry["size"] or sha256_file(path) != entry["sha256"]:
            results.append(
                CheckResult(
                    rel, "manifest", False, "the file was changed after export (SHA-256 differs)"
                )
            )
        else:
            results.append(CheckResult(rel, "manifest", True))
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if rel not in (MANIFEST_NAME, SIGNATURE_NAME) and rel not in listed:
            results.append(
                CheckResult(rel, "manifest", False, "the file is not listed in the manifest")
            )
    return results


def _signature_results(
    root: Path, manifest: dict[str, object], case: CaseEvidence | None
) -> list[CheckResult]:
    signer = signing_key_in(root)
    unsigned = not (root / SIGNATURE_NAME).exists() and "signing" not in manifest
    if signer is None and unsigned and case is None:
        return []  # an unsigned bundle (made outside a case): the note says what that means
    if signer is None:
        return [
            CheckResult(
                SIGNATURE_NAME,
                "signature",
                False,
                "the manifest's signature is missing or does not match the manifest",
            )
        ]
    results = [CheckResult(SIGNATURE_NAME, "signature", True)]
    if case is None:
        return results
    if signer != case.public_key:
        results.append(
            CheckResult(
                SIGNATURE_NAME,
                "case-key",
                False,
                f"signed by a key that is not this case's (fingerprint {key_fingerprint(signer)})",
            )
        )
    else:
        results.append(CheckResult(SIGNATURE_NAME, "case-key", True))
    export_id = str(manifest.get("bundle", {}).get("export_id", ""))  # type: ignore[attr-defined]
    recorded = case.manifest_hashes.get(export_id)
    if recorded is None:
        detail = f"the case's audit log records no export {export_id!r}"
    elif recorded != sha256_file(root / MANIFEST_NAME):
        detail = "the manifest differs from the one the case's audit log recorded for it"
    else:
        detail = ""
    results.append(CheckResult(MANIFEST_NAME, "case-record", not detail, detail))
    return results


def _region(root: Path) -> str | None:
    """The case region the bundle recorded; None for bundles from before it was recorded.

    Without a region, national numbers are compared as digits only.
    """
    try:
        recorded = json.loads((root / TERMS_FILE).read_text(encoding="utf-8"))
        return str(recorded.get("region") or "") or None
    except (OSError, ValueError, AttributeError):
        return None


def _terms(
    root: Path, manifest: dict[str, object], case: CaseEvidence | None
) -> tuple[list[str], list[CheckResult]]:
    if case is not None:
        export_id = str(manifest.get("bundle", {}).get("export_id", ""))  # type: ignore[attr-defined]
        if export_id in case.terms:
            return case.terms[export_id], []
    try:
        return list(json.loads((root / TERMS_FILE).read_text(encoding="utf-8"))["terms"]), []
    except (OSError, ValueError, KeyError, TypeError):
        return [], [
            CheckResult(
                TERMS_FILE,
                "text-leak",
                False,
                "the protected-terms list is missing, so leaks cannot be "
                "checked; export the bundle again",
            )
        ]


def verify_bundle(
    root: Path,
    case: CaseEvidence | None = None,
    *,
    password: str | None = None,
    ocr: ImageReader | None = None,
) -> VerifyReport:
    """Verify an exported bundle folder, alone or against its case.

    An encrypted pack is checked as `export.sealing.check_files` describes: with `password`
    its decrypted content too, without it the encryption, names and hashes. With `ocr`, the
    images in the files are read back and searched for the protected terms too.

    Raises:
        NotFoundError: `root` has no readable manifest.
    """
    root = Path(root)
    manifest = read_manifest(root)
    results = _manifest_results(root, manifest)
    results += _signature_results(root, manifest, case)
    bundle = manifest.get("bundle", {})
    reference = str(bundle.get("case_reference", ""))
    tool = str(manifest.get("versions", {}).get("tool", ""))
    terms, problems = _terms(root, manifest, case)
    region = _region(root)
    results += problems
    for part in ("pack", "delivery"):
        folder = root / part
        if folder.is_dir():
            files = sorted(p for p in folder.rglob("*") if p.is_file())
            sealed = part == "pack" and "delivery" in manifest  # exported encrypted
            for result in check_files(
                folder,
                files,
                reference,
                terms,
                tool,
                region,
                password=password,
                require_sealed=sealed,
                ocr=ocr,
            ):
                results.append(
                    CheckResult(f"{part}/{result.file}", result.check, result.passed, result.detail)
                )
    notes = [CASE_NOTE if case else ALONE_NOTE]
    if not (root / SIGNATURE_NAME).exists():
        notes.append("The bundle is not signed.")
    return VerifyReport(root, tuple(results), tuple(notes))
