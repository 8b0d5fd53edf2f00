"""iMessage / SMS exports from common tools: imessage-exporter TXT/HTML, iMazing-style CSV.

Apple has no chat export, so caseworkers receive what third-party tools write. A file, a zip
or a folder may hold imessage-exporter ``.txt`` or ``.html`` chats (one per conversation, see
`txt` and `html`) and iMazing-style Messages ``.csv`` files (see `csvform`); each file is
recognised by its content.
All times are the exporting machine's local time and are read in the case time zone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import ClassVar

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers.archive import ExportTree, decode_text, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.htmltree import parse_html
from sar_desk.importers.imessage.csvform import CsvChats, is_header
from sar_desk.importers.imessage.html import HtmlChat, looks_like_page
from sar_desk.importers.imessage.txt import STAMP, TxtChat
from sar_desk.importers.jsonstream import head_text
from sar_desk.importers.localtime import case_zone

logger = logging.getLogger(__name__)

__all__ = ["IMessageImporter"]

_ROWID = " - "


def _kind(tree: ExportTree, name: str) -> str | None:
    low = name.lower()
    if not low.endswith((".txt", ".csv", ".html")) or "/__macosx/" in f"/{low}":
        return None
    if low.endswith(".html"):
        return "html" if looks_like_page(head_text(tree, name)) else None
    head = head_text(tree, name, 4096)
    if low.endswith(".csv"):
        return "csv" if is_header(head.split("\n", 1)[0]) else None
    first = next((line for line in head.splitlines() if line.strip()), "")
    return "txt" if STAMP.match(first) else None


def _looks_like_imessage(tree: ExportTree) -> bool:
    names = [n for n in tree.names() if n.lower().endswith((".txt", ".csv", ".html"))]
    return any(_kind(tree, n) for n in names[:5])


def _title(name: str) -> str:
    stem = PurePosixPath(name).stem
    # imessage-exporter names group chats "<name> - <chat rowid>"; the rowid is not a title.
    head, sep, tail = stem.rpartition(_ROWID)
    return head if sep and tail.isdigit() else stem


class IMessageImporter:
    """imessage-exporter TXT chats and iMazing-style Messages CSV (file, zip or folder)."""

    platform: ClassVar[str] = "imessage"
    display_name: ClassVar[str] = "iMessage / SMS (imessage-exporter TXT/HTML, iMazing CSV)"
    shapes: ClassVar[str] = (
        "imessage-exporter TXT or HTML output (one file per chat, with attachments/ when "
        "copied), "
        "iMazing-style Messages CSV (Chat Session, Message Date, Type, Sender ID, Sender Name, "
        "Text, … with or without Edited Date), a folder or zip of these. Not read: "
        "the chat.db database itself."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds an imessage-exporter TXT chat or an iMazing Messages CSV."""
        return sniff_tree(path, _looks_like_imessage)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every chat file's records in file order.

        Raises:
            ImportFormatError: Nothing in the input is an iMessage export of a known shape.
        """
        zone = case_zone(options.timezone, "the iMessage export")
        report.limitations.extend(
            [
                "iMessage exports come from third-party tools reading the Mac's or phone "
                "backup's database; they hold only what that device had.",
                "The phone owner is shown as 'Me' with no phone number or Apple ID.",
                "Times are the exporting computer's local time, read in the case time zone.",
            ]
        )
        with ExportTree(path) as tree:
            found = [(n, k) for n in tree.names() if (k := _kind(tree, n))]
            if not found:
                raise ImportFormatError(
                    f"{path.name} holds no iMessage export SAR Desk knows: no imessage-exporter "
                    ".txt chat (starting 'May 17, 2022  5:29:42 PM') and no iMazing Messages CSV."
                )
            names = tree.names()
            for name, kind in found:
                folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
                files = {n[len(folder) :] for n in names if n.startswith(folder)}
                if kind == "csv":
                    with tree.open(name) as handle:
                        chats = CsvChats(name, zone, options.region, files)
                        yield from chats.read(handle, report)
                elif kind == "html":
                    page = HtmlChat(name, _title(name), zone, options.region, files)
                    root = parse_html(decode_text(tree.read_bytes(name), name), name)
                    yield from page.read_page(root, report)
                else:
                    chat = TxtChat(name, _title(name), zone, options.region, files)
                    yield from chat.read(decode_text(tree.read_bytes(name), name), report)
            logger.info("imessage export read: %d files", len(found))
