"""MMS parts of an SMS Backup & Restore file: the photos and files inside the XML itself.

A backup inlines each MMS part's bytes as base64 in the ``data`` attribute of its ``<part>``.
The importer does not hold them (a backup can be gigabytes of them); it gives each part a
locator (`part_locator`: which XML file, which record, which part), and when the import keeps
its files, one more streaming pass (`read_parts`) hands back the wanted parts one at a time, as
the backup wrote them (still base64, with the type it declared), so memory stays flat. Decoding
and vetting each part is the caller's (`sar_desk.attachments`): a bad part is refused alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from pathlib import Path
from typing import TYPE_CHECKING, Final
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.importers.archive import ExportTree

if TYPE_CHECKING:
    from sar_desk.importers.surrogates import SurrogateFixer

PREFIX: Final = "mms-part:"


def part_locator(member: str, record: int, index: int) -> str:
    """Where an MMS part's bytes are: XML file (in the export), record number, part number."""
    return f"{PREFIX}{member}#{record}/{index}"


def is_part(path: str | None) -> bool:
    """Whether an attachment path is an MMS part locator."""
    return bool(path) and str(path).startswith(PREFIX)


def _member(locator: str) -> str:
    return locator[len(PREFIX) :].rsplit("#", 1)[0]


def read_parts(export: Path, wanted: Set[str]) -> Iterator[tuple[str, str, str]]:
    """(locator, declared content type, base64 text) of each wanted part, in file order.

    Records are counted exactly as the importer counts them (every ``<sms>`` and ``<mms>``),
    and parts by their order in the record. A part that cannot be found again is simply not
    yielded (the caller lists it as missing); a file damaged part-way ends the pass there.
    """
    from sar_desk.importers.surrogates import SurrogateFixer

    members = sorted({_member(locator) for locator in wanted})
    try:
        with ExportTree(export) as tree:
            for member in members:
                if member not in tree.names():
                    continue
                with tree.open(member) as handle:
                    yield from _parts_of(SurrogateFixer(handle), member, wanted)
    except (ImportFormatError, UnsafeArchiveError, OSError):
        return  # the file went or broke since the import read it: the rest are missing


def _parts_of(
    stream: SurrogateFixer, member: str, wanted: Set[str]
) -> Iterator[tuple[str, str, str]]:
    root = None
    seq = 0
    try:
        for event, elem in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if root is None:
                root = elem
                continue
            if event != "end" or elem.tag not in ("sms", "mms"):
                continue
            seq += 1
            if elem.tag == "mms":
                for index, part in enumerate(elem.iter("part")):
                    locator = part_locator(member, seq, index)
                    if locator in wanted:
                        yield locator, (part.get("ct") or "").lower(), part.get("data") or ""
            root.clear()
    except (ParseError, DefusedXmlException):
        return
