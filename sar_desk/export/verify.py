"""``sar-desk verify OUT``: re-run a bundle's safety checks from its folder alone.

Design: the bundle keeps the protected terms in ``internal/protected-terms.json`` (the
internal part, never sent), so a bundle can be verified on its own, without the case. Verify
checks every manifest hash, refuses files the manifest does not list, and re-runs the leak,
file-name, PDF-structure and HTML checks on the requester pack and the delivery archive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sar_desk.export.checks import CheckResult
from sar_desk.export.manifest import MANIFEST_NAME, read_manifest, sha256_file
from sar_desk.export.sealing import check_files

TERMS_FILE = "internal/protected-terms.json"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of verifying a bundle."""

    folder: Path
    results: tuple[CheckResult, ...]

    @property
    def ok(self) -> bool:
        """Whether every check passed."""
        return all(r.passed for r in self.results)

    def as_json(self) -> dict[str, object]:
        """Machine-readable form for ``--json``."""
        return {
            "bundle": str(self.folder),
            "ok": self.ok,
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
        if rel != MANIFEST_NAME and rel not in listed:
            results.append(
                CheckResult(rel, "manifest", False, "the file is not listed in the manifest")
            )
    return results


def verify_bundle(root: Path, *, password: str | None = None) -> VerifyReport:
    """Verify an exported bundle folder.

    An encrypted pack is checked as `export.sealing.check_files` describes: with `password`
    its decrypted content too, without it the encryption, names and hashes.

    Raises:
        NotFoundError: `root` has no readable manifest.
    """
    root = Path(root)
    manifest = read_manifest(root)
    results = _manifest_results(root, manifest)
    bundle = manifest.get("bundle", {})
    reference = str(bundle.get("case_reference", ""))
    tool = str(manifest.get("versions", {}).get("tool", ""))
    region: str | None = None
    try:
        recorded = json.loads((root / TERMS_FILE).read_text(encoding="utf-8"))
        terms = recorded["terms"]
        # Bundles from before the region was recorded read national numbers as digits only.
        region = recorded.get("region") or None
    except (OSError, ValueError, KeyError, AttributeError):
        terms = []
        results.append(
            CheckResult(
                TERMS_FILE,
                "text-leak",
                False,
                "the protected-terms list is missing, so leaks cannot be "
                "checked; export the bundle again",
            )
        )
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
            ):
                results.append(
                    CheckResult(f"{part}/{result.file}", result.check, result.passed, result.detail)
                )
    return VerifyReport(root, tuple(results))
