"""``manifest.json``: every file of the bundle with its SHA-256 and size, plus versions and counts.

Sorted keys and sorted file order; times come from the inputs. The manifest hash goes into the
case's audit log, so a bundle can later be proved to be exactly what was exported (R65).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sar_desk.core.errors import NotFoundError

MANIFEST_NAME = "manifest.json"
FORMAT = "sar-desk-bundle/1"


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One file of the bundle."""

    path: str
    sha256: str
    size: int
    role: str


@dataclass(frozen=True, slots=True)
class BundleManifest:
    """What was exported, as returned to the caller.

    Attributes:
        folder: The bundle folder.
        export_id: The export's id (reference + time).
        files: Every file with hash and size.
        counts: Item and decision counts.
        manifest_sha256: The hash of ``manifest.json`` itself.
        pages: Pages in the main PDF.
        password: The archive password when one was made (shown once; never written unless
            asked).
        master: Where the unredacted master was kept (in the case), if any.
    """

    folder: Path
    export_id: str
    files: tuple[FileEntry, ...]
    counts: dict[str, int]
    manifest_sha256: str
    pages: int = 0
    password: str | None = None
    master: Path | None = None


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def role_of(rel: str) -> str:
    """Requester / internal / delivery, from the top folder."""
    top = rel.split("/", 1)[0]
    return {"pack": "requester", "internal": "internal", "delivery": "delivery"}.get(top, "other")


def file_entries(root: Path) -> list[FileEntry]:
    """Every file under `root` except the manifest, sorted by path."""
    entries = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if rel == MANIFEST_NAME:
            continue
        entries.append(FileEntry(rel, sha256_file(path), path.stat().st_size, role_of(rel)))
    return entries


def write_manifest(root: Path, header: dict[str, Any]) -> tuple[list[FileEntry], str]:
    """Write ``manifest.json`` for `root` and return the entries and the manifest's hash."""
    entries = file_entries(root)
    data = {
        **header,
        "format": FORMAT,
        "files": [
            {"path": e.path, "sha256": e.sha256, "size": e.size, "role": e.role} for e in entries
        ],
    }
    path = root / MANIFEST_NAME
    path.write_text(
        json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return entries, sha256_file(path)


def read_manifest(root: Path) -> dict[str, Any]:
    """Load a bundle's manifest.

    Raises:
        NotFoundError: There is no readable manifest in `root`.
    """
    path = root / MANIFEST_NAME
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NotFoundError(
            f"{root} has no readable manifest.json, so it is not a SAR Desk bundle (or it was "
            "damaged). Check the folder, or export the bundle again."
        ) from exc
    return data
