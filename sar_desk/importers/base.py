"""The importer protocol and the options every importer takes.

An importer is a pure reader: a file, zip or folder in, `RawMessage` records out. It never
touches the store. Records it cannot read go into the `ImportReport` with where and why; it
raises `ImportFormatError` only when the input is not its format at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

from sar_desk.core.imports import ImportIssue, ImportReport, RawMessage

__all__ = ["ImportIssue", "ImportOptions", "ImportReport", "Importer", "RawMessage"]


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Choices that affect how an export is read.

    Attributes:
        timezone: IANA zone applied to exports whose times have no offset (the case's zone).
        day_first: True for day/month order, False for month/day, None to infer from the file.
        region: Default region for national-format phone numbers (ISO 3166, e.g. "GB").
        lenient: Accept common producer mistakes where a format has a strict schema (RSMF).
        strict: Refuse what a format allows but SAR Desk would have to assume (RSMF times
            with no UTC offset) instead of assuming it with a warning.
    """

    timezone: str = "Europe/London"
    day_first: bool | None = None
    region: str = "GB"
    lenient: bool = False
    strict: bool = False


class Importer(Protocol):
    """Reads one platform's exports."""

    platform: ClassVar[str]
    """Registry key, e.g. "whatsapp"."""
    display_name: ClassVar[str]
    """Human name, e.g. "WhatsApp chat export"."""
    shapes: ClassVar[str]
    """The file shapes accepted, for `sar-desk formats`."""
    version: ClassVar[str]
    """Importer version, recorded with each source."""

    def sniff(self, path: Path) -> bool:
        """Whether `path` (file, zip or folder) looks like this platform's export; cheap.

        Raises:
            UnsafeArchiveError, InputLimitError: The input is hostile (refused whatever the
                platform, with its real reason).
        """
        ...

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream the export's records in the export's own order.

        Raises:
            ImportFormatError: The input is not this platform's export at all.
        """
        ...
