"""The chat-tuned recogniser for md: md's ``ner`` fine-tuned on synthetic chat text.

``packaging/train_chat_ner.py`` builds it into ``resources/detect/chat-ner/``: the ``ner``
component's files (``ner/``) and ``manifest.json`` with the SHA-256 of each file, the base model,
the training corpora and seeds, the date and the licence (MIT, derived from en_core_web_md; see
docs/detection-model.md). `load_into` checks every hash before the weights replace md's own,
so a damaged or partial artefact is refused rather than half loaded.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from spacy.language import Language

from sar_desk.core.digests import sha256_file
from sar_desk.core.errors import DetectionUnavailableError

ARTEFACT = "ner"
MANIFEST = "manifest.json"
LICENCE = "MIT (derived from spaCy en_core_web_md 3.8.0, MIT, Explosion)"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def default_dir() -> Path:
    """Where the shipped artefact lives: frozen build, installed wheel or source checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates += [_PACKAGE_ROOT / "_resources", _PACKAGE_ROOT.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate / "detect" / "chat-ner"
    return candidates[-1] / "detect" / "chat-ner"


def write_manifest(folder: Path, base_model: str, training: dict[str, Any], date: str) -> None:
    """Record the hash of every file under ``folder/ner`` with the artefact's provenance."""
    files = {
        p.relative_to(folder).as_posix(): sha256_file(p)
        for p in sorted((folder / ARTEFACT).rglob("*"))
        if p.is_file()
    }
    manifest = {
        "what": "md's named-entity recogniser fine-tuned on synthetic chat text",
        "base_model": base_model,
        "licence": LICENCE,
        "date": date,
        "training": training,
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def verify(folder: Path) -> Path:
    """The checked ``ner`` folder of the artefact in `folder`.

    Raises:
        DetectionUnavailableError: The manifest or a file is missing, or a file's bytes differ
            from the hash the manifest records.
    """
    problem = (
        "The chat-tuned name recogniser shipped with SAR Desk is {what}, so detection did not "
        "run. Reinstall SAR Desk to restore it, or choose the plain medium model (md-plain)."
    )
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files: dict[str, str] = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DetectionUnavailableError(problem.format(what="missing or incomplete")) from exc
    if not files:
        raise DetectionUnavailableError(problem.format(what="incomplete"))
    for name, expected in files.items():
        path = folder / name
        try:
            actual = sha256_file(path)
        except OSError as exc:
            raise DetectionUnavailableError(problem.format(what="incomplete")) from exc
        if actual != expected:
            raise DetectionUnavailableError(problem.format(what="damaged"))
    return folder / ARTEFACT


def load_into(nlp: Language, folder: Path | None = None) -> None:
    """Replace md's ``ner`` weights in `nlp` by the verified chat-tuned ones.

    Raises:
        DetectionUnavailableError: The artefact is missing, damaged or does not fit the model.
    """
    checked = verify(folder or default_dir())
    try:
        ner: Any = nlp.get_pipe("ner")  # spaCy types pipes as plain callables
        ner.from_disk(checked, exclude=["vocab"])
    except (OSError, ValueError, KeyError) as exc:
        raise DetectionUnavailableError(
            "The chat-tuned name recogniser shipped with SAR Desk does not fit the installed "
            "medium model, so detection did not run. Reinstall SAR Desk."
        ) from exc
