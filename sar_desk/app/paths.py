"""Where things are: bundled resources (source tree, installed, or frozen) and user folders."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the package in a source tree, inside a frozen build.

    PyInstaller unpacks data files under ``sys._MEIPASS``; an installed wheel carries them in
    ``sar_desk/_resources``; a source checkout keeps them at the top level.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates += [_PACKAGE_ROOT / "_resources", _PACKAGE_ROOT.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "SAR Desk's resources folder is missing from this installation; reinstall SAR Desk."
    )


def resource_path(name: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("samples/whatsapp")``."""
    return resources_dir() / name


def user_config_dir() -> Path:
    """Per-user settings folder."""
    return Path(platformdirs.user_config_dir("sar_desk", appauthor=False))


def user_data_dir() -> Path:
    """Per-user data folder (recent cases list, logs)."""
    return Path(platformdirs.user_data_dir("sar_desk", appauthor=False))
