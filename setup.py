"""Build step: the wheel carries ``resources/`` as ``sar_desk/_resources``.

Everything else about the package is declared in ``pyproject.toml``. The resources (fonts,
reason-code table, recogniser set, calendars, samples) live at the top of the source tree so
the frozen build and a checkout share one copy; `sar_desk.app.paths.resources_dir` looks for
``sar_desk/_resources`` in an installed wheel. Editable installs read the source tree instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"


class BuildWithResources(build_py):
    """``build_py`` that also copies ``resources/`` into the built package."""

    def run(self) -> None:
        """Build the Python files, then copy the resources beside them."""
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install finds resources/ in the source tree
        if not RESOURCES.is_dir():
            raise SystemExit(f"Cannot build SAR Desk: {RESOURCES} is missing.")
        target = Path(self.build_lib) / "sar_desk" / "_resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithResources})
