"""``manifest.json``: every file of the bundle with its SHA-256 and size, plus versions and counts.

Sorted keys and sorted file order; times come from the inputs. The manifest hash goes into the
case's audit log, so a bundle can later be proved to be exactly what was exported (R65), and
``manifest.sig`` signs the manifest with the case's own Ed25519 key (kept in the case folder;
its fingerprint is printed on the cover letter), so a re-hashed manifest cannot pass as the
case's.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from sar_desk.core.digests import sha256_file
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
        fingerprint: The fingerprint of the key that signed the manifest, if signed.
    """

    folder: Path
    export_id: str
    files: tuple[FileEntry, ...]
    counts: dict[str, int]
    manifest_sha256: str
    pages: int = 0
    password: str | None = None
    master: Path | None = None
    fingerprint: str | None = None


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


SIGNATURE_NAME = "manifest.sig"
SIGNATURE_FORMAT = "sar-desk-manifest-signature/1"


def new_signing_key() -> bytes:
    """A new Ed25519 private key (32 raw bytes) for one case."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def public_key_of(private_raw: bytes) -> bytes:
    """The raw public key of an Ed25519 private key."""
    return Ed25519PrivateKey.from_private_bytes(private_raw).public_key().public_bytes_raw()


def key_fingerprint(public_raw: bytes) -> str:
    """A key's fingerprint as printed on the cover letter.

    It is the SHA-256 of the raw public key, in groups of four hex digits.
    """
    digest = hashlib.sha256(public_raw).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def sign_manifest(root: Path, private_raw: bytes) -> str:
    """Sign ``manifest.json`` in `root` into ``manifest.sig``; returns the key's fingerprint.

    The signature covers the manifest's exact bytes, so every file hash it lists is covered.
    """
    private = Ed25519PrivateKey.from_private_bytes(private_raw)
    public = private.public_key().public_bytes_raw()
    signature = private.sign((root / MANIFEST_NAME).read_bytes())
    record = {
        "format": SIGNATURE_FORMAT,
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(public).decode("ascii"),
        "fingerprint": key_fingerprint(public),
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    (root / SIGNATURE_NAME).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return key_fingerprint(public)


def signing_key_in(root: Path) -> bytes | None:
    """The public key that signed the bundle in `root` if its signature is valid, else None."""
    try:
        record = json.loads((root / SIGNATURE_NAME).read_text(encoding="utf-8"))
        public = base64.b64decode(record["public_key"], validate=True)
        signature = base64.b64decode(record["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(
            signature, (root / MANIFEST_NAME).read_bytes()
        )
    except (OSError, ValueError, KeyError, TypeError, InvalidSignature):
        return None
    return public


def load_or_create_key(path: Path) -> bytes:
    """The Ed25519 private key kept at `path` (PEM, mode 0600), made on first use."""
    if not path.exists():
        pem = Ed25519PrivateKey.from_private_bytes(new_signing_key()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # made by another process a moment ago: use that one
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise NotFoundError(
            f"{path.name} in the case folder is not the case's signing key. Restore the case "
            "folder from a backup."
        )
    return key.private_bytes_raw()
