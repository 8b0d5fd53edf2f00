"""Parsing an export without a case (``sar-desk parse``), for checks and support."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sar_desk.core.errors import BadInputError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers import IMPORTERS, by_platform, importer_for
from sar_desk.importers.base import Importer, ImportOptions


@dataclass
class ParsedExport:
    """A streaming parse: iterate `records`; `report` is complete once they are exhausted."""

    importer: Importer
    records: Iterator[RawMessage]
    report: ImportReport


def parse_export(
    path: Path,
    *,
    platform: str | None = None,
    timezone: str = "Europe/London",
    region: str = "GB",
    day_first: bool | None = None,
    lenient: bool = False,
) -> ParsedExport:
    """Start parsing an export.

    Raises:
        BadInputError: Unknown time zone.
        UnknownFormatError: No importer recognises the file.
    """
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInputError(
            f"{timezone!r} is not a time zone SAR Desk knows; use a name such as Europe/London."
        ) from exc
    importer = by_platform(platform) if platform else importer_for(path)
    report = ImportReport()
    options = ImportOptions(timezone=timezone, day_first=day_first, region=region, lenient=lenient)
    return ParsedExport(importer, importer.read(path, report, options), report)


def supported_formats() -> list[dict[str, str]]:
    """Platform key, name and accepted shapes of every importer."""
    return [
        {"platform": imp.platform, "name": imp.display_name, "shapes": imp.shapes}
        for imp in IMPORTERS
    ]
