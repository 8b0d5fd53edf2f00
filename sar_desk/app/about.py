"""What this installation is and what it is made of: version, data sources and their licences.

The window's Help > About page and ``sar-desk about`` show the same facts. Several shipped lists
come under licences that ask for attribution wherever the product is used (GeoNames' place names,
CC BY 4.0; wordfreq's frequencies, CC BY-SA 4.0; the nickname list, Apache-2.0), so the notices
are part of the product, not only of its source tree. They live in ``resources/notices.yaml``;
this module reads them and adds the installed version of each package where the installation
records one (a frozen build keeps only some packages' metadata, so a version may be unknown).
"""

from __future__ import annotations

import importlib.metadata
import platform
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from sar_desk import __version__
from sar_desk.app.paths import resource_path, resources_dir
from sar_desk.core.errors import BadInputError

NOTICES_RESOURCE = "notices.yaml"
SECTIONS = ("data", "models", "fonts", "software")
SECTION_TITLES = {
    "data": "Data",
    "models": "Language and OCR models",
    "fonts": "Fonts",
    "software": "Software libraries",
}


@dataclass(frozen=True, slots=True)
class Notice:
    """One third-party part of SAR Desk and the terms it comes under.

    Attributes:
        section: "data", "models", "fonts" or "software".
        name: What it is called.
        licence: Its licence (an SPDX expression where one exists).
        attribution: The notice its licence asks to be shown ("" when none is written).
        use: What SAR Desk uses it for.
        version: The installed package's version, or "" when unknown or not a package.
        files: Where it lives in the installation's resources.
        licence_file: The full licence text shipped in the resources, or None.
    """

    section: str
    name: str
    licence: str
    attribution: str
    use: str
    version: str
    files: tuple[str, ...]
    licence_file: Path | None

    def as_json(self) -> dict[str, Any]:
        """A plain dictionary for machine output."""
        return {
            "section": self.section,
            "name": self.name,
            "licence": self.licence,
            "attribution": self.attribution,
            "use": self.use,
            "version": self.version,
            "files": list(self.files),
            "licence_file": str(self.licence_file) if self.licence_file else None,
        }


@dataclass(frozen=True, slots=True)
class AboutInfo:
    """The product's version, where it runs, and its notices."""

    version: str
    python: str
    system: str
    resources: Path
    notices: tuple[Notice, ...]

    def section(self, name: str) -> tuple[Notice, ...]:
        """The notices of one section, in the file's order."""
        return tuple(n for n in self.notices if n.section == name)

    def as_json(self) -> dict[str, Any]:
        """A plain dictionary for machine output."""
        return {
            "version": self.version,
            "python": self.python,
            "system": self.system,
            "resources": str(self.resources),
            "notices": [n.as_json() for n in self.notices],
        }


def installed_version(distribution: str) -> str:
    """The installed version of `distribution`, or "" when this installation does not record it."""
    if not distribution:
        return ""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _notice(section: str, raw: dict[str, Any], folder: Path) -> Notice:
    licence_file = raw.get("licence_file")
    files = raw.get("files") or ()
    if not isinstance(files, list | tuple):
        raise TypeError("files must be a list")
    return Notice(
        section=section,
        name=str(raw["name"]),
        licence=str(raw["licence"]),
        attribution=" ".join(str(raw.get("attribution") or "").split()),
        use=str(raw.get("use") or ""),
        version=installed_version(str(raw.get("distribution") or "")),
        files=tuple(str(f) for f in files),
        licence_file=folder / str(licence_file) if licence_file else None,
    )


def load_notices(path: Path | None = None) -> tuple[Notice, ...]:
    """Every notice in the shipped notices file, section by section.

    Raises:
        BadInputError: The file is missing, unreadable or damaged.
    """
    path = path or resource_path(NOTICES_RESOURCE)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return tuple(
            _notice(section, entry, path.parent)
            for section in SECTIONS
            for entry in raw.get(section) or ()
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise BadInputError(
            "The list of data sources and licences could not be read from this installation's "
            f"resources ({path.name}); reinstall SAR Desk."
        ) from exc


def about(path: Path | None = None) -> AboutInfo:
    """This installation's version, interpreter, system and third-party notices.

    Raises:
        BadInputError: The notices file is missing or damaged.
    """
    return AboutInfo(
        version=__version__,
        python=platform.python_version(),
        system=f"{platform.system()} {platform.release()}".strip(),
        resources=resources_dir(),
        notices=load_notices(path),
    )


def notice_text(notice: Notice, width: int = 100) -> list[str]:
    """One notice as indented lines of at most `width` characters."""
    version = f" {notice.version}" if notice.version else ""
    lines = [f"  {notice.name}{version} ({notice.licence})"]
    for text in (
        f"Used for: {notice.use}" if notice.use else "",
        notice.attribution,
        f"Licence text: {notice.licence_file}" if notice.licence_file is not None else "",
    ):
        if text:
            lines += textwrap.wrap(text, width, initial_indent="    ", subsequent_indent="    ")
    return lines


def about_text(info: AboutInfo, width: int = 100) -> list[str]:
    """Everything `info` holds as plain lines, section by section, for reading or copying."""
    lines = [
        f"SAR Desk {info.version} (Python {info.python}, {info.system})",
        f"Resources: {info.resources}",
        "Nothing in SAR Desk opens a network connection.",
    ]
    for section in SECTIONS:
        notices = info.section(section)
        if notices:
            lines += ["", f"{SECTION_TITLES[section]}:"]
            for notice in notices:
                lines += notice_text(notice, width)
    return lines
