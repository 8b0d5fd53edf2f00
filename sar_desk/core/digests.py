"""The SHA-256 of a file, read in blocks: one definition for manifests, artefacts and checks.

Bundles list every file's hash (`export.manifest`), and detection checks the shipped
chat-tuned recogniser against its manifest (`detect.chat_ner`) before loading it; both read the
file in 1 MiB blocks so a large file never sits in memory whole.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_BLOCK = 1 << 20


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()
