"""Microsoft Teams: Graph ``chatMessage`` JSON and Purview HTML conversation transcripts.

A file, a zip or a folder may hold any mix of Graph JSON files (array, ``value`` page or
chat-with-members shape) and transcript HTML files; each is recognised by its content.
All Teams times are UTC. People are shown by the names the export gives them anywhere (a
first pass collects them, see `names`); account GUIDs stay identifiers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers.archive import ExportTree, decode_text, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.teams.files import ExportFiles
from sar_desk.importers.teams.graph import GraphFile, shape_of
from sar_desk.importers.teams.names import graph_names, transcript_names
from sar_desk.importers.teams.transcript import looks_like_transcript, read_transcript

logger = logging.getLogger(__name__)

_HEAD = 16 * 1024

__all__ = ["TeamsImporter"]


def _kind(tree: ExportTree, name: str) -> str | None:
    low = name.lower()
    if low.endswith(".json"):
        return shape_of(tree.head(name, _HEAD))
    if low.endswith((".html", ".htm")):
        return "transcript" if looks_like_transcript(tree.head(name, _HEAD)) else None
    return None


def _looks_like_teams(tree: ExportTree) -> bool:
    names = [n for n in tree.names() if n.lower().endswith((".json", ".html", ".htm"))]
    return any(_kind(tree, n) for n in names[:10])


class TeamsImporter:
    """Teams chats from Graph JSON or Purview HTML transcripts (file, zip or folder)."""

    platform: ClassVar[str] = "teams"
    display_name: ClassVar[str] = "Microsoft Teams (Graph JSON or Purview HTML transcripts)"
    shapes: ClassVar[str] = (
        'Microsoft Graph chatMessage JSON: an array of messages, a {"value": [...]} page, or '
        '{"chat", "members", "messages"}; Purview HTML conversation transcripts in SAR '
        'Desk\'s documented shape (class="transcript" with participants and message blocks); '
        "any mix of these in a zip or folder. Not yet: PST/MSG items, the personal Teams/Skype "
        "messages.json export."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds a Graph chatMessage JSON file or a transcript HTML file."""
        return sniff_tree(path, _looks_like_teams)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream the messages of every Teams file in the input.

        Raises:
            ImportFormatError: Nothing in the input is a Teams export.
        """
        report.limitations.extend(
            [
                "Files shared in Teams chats live in OneDrive or SharePoint; unless they were "
                "collected into the export with the messages, the export lists their names only "
                "(each is listed as not in the export) and they must be collected separately.",
                "Deleted messages keep only the fact of deletion: Teams exports do not hold "
                "their text.",
                "Edited messages show the last version; earlier versions are not in Graph chat "
                "exports unless messageHistory was collected.",
                "Purview transcripts are read in SAR Desk's documented shape (no public sample of "
                "Purview's own files exists); PST/MSG items are not supported yet.",
            ]
        )
        with ExportTree(path) as tree:
            found = [(n, k) for n in tree.names() if (k := _kind(tree, n))]
            if not found:
                raise ImportFormatError(
                    f"{path.name} holds no Teams export: no Graph chatMessage JSON (with "
                    "messageType and createdDateTime) and no Purview HTML transcript. Check you "
                    "picked the export produced by IT or the Purview eDiscovery export."
                )
            known: dict[str, str] = {}
            files = ExportFiles(tree)
            for name, kind in found:
                if kind == "transcript":
                    transcript_names(tree, name, known)
                else:
                    graph_names(tree, name, kind, known)
            for name, kind in found:
                if kind == "transcript":
                    text = decode_text(tree.read_bytes(name), name)
                    yield from read_transcript(text, name, report, known, files)
                else:
                    reader = GraphFile(tree, name, report, known, files)
                    yield from reader.stream(kind)
            logger.info("teams export read: %d files", len(found))
