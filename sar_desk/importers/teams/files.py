"""Files a Teams message points to, found in the export when the export holds them.

A Teams export holds a shared file only sometimes: Graph collectors may save each message's
hosted contents (pasted pictures) as files named by their id, a self-contained export inlines
them as ``data:`` URIs in the body, and a collection of OneDrive/SharePoint files or a
transcript export may carry the shared files next to the messages. Each is found here by what
the message says (`ExportFiles`); a file found nowhere stays listed as not in the export, so
the import says so rather than dropping it.

Inline ``data:`` pictures are not copied into the records (they can be megabytes each): the
attachment gets a locator (`inline_locator`), and `read_inline` streams the file once more when
the import keeps its files and hands back each wanted picture's base64 text and declared type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from typing import Final

import ijson

from sar_desk.importers.archive import ExportTree
from sar_desk.importers.teams.htmltext import html_to_text

PREFIX: Final = "teams-inline:"
_HOSTED: Final = re.compile(r"hostedContents/([^/?#]+)")
_DATA: Final = re.compile(r"data:([\w.+/-]+)?(;[\w=.+-]+)*;base64,(.*)", re.DOTALL)
_DATA_FILES: Final = (".json", ".html", ".htm", ".csv", ".xml")
_PREFIXES: Final = {"array": "item", "value": "value.item", "chat": "messages.item"}


def inline_locator(member: str, shape: str, index: int, number: int) -> str:
    """Where an inline picture is: JSON file, its shape, message index, picture number."""
    return f"{PREFIX}{member}#{shape}/{index}/{number}"


def is_inline(path: str | None) -> bool:
    """Whether an attachment path is an inline-picture locator."""
    return bool(path) and str(path).startswith(PREFIX)


def hosted_id(src: str) -> str | None:
    """The hosted content id in an image's ``src`` (a Graph ``hostedContents`` URL)."""
    found = _HOSTED.search(src)
    return found.group(1) if found else None


class ExportFiles:
    """The export's files by name and by name without extension (message files left out)."""

    def __init__(self, tree: ExportTree) -> None:
        self.by_name: dict[str, list[str]] = {}
        self.by_stem: dict[str, list[str]] = {}
        self.names: set[str] = set()
        for name in tree.names():
            if name.lower().endswith(_DATA_FILES):
                continue
            self.names.add(name)
            base = name.rsplit("/", 1)[-1]
            self.by_name.setdefault(base, []).append(name)
            self.by_stem.setdefault(base.rsplit(".", 1)[0], []).append(name)

    def named(self, name: str) -> str | None:
        """The one file with this name (in any folder), or None when none or several."""
        found = self.by_name.get(name.replace("\\", "/").rsplit("/", 1)[-1], [])
        return found[0] if len(found) == 1 else None

    def hosted(self, content_id: str) -> str | None:
        """The saved hosted content with this id (``<id>`` or ``<id>.png``, any folder)."""
        found = self.by_stem.get(content_id, []) or self.by_name.get(content_id, [])
        return found[0] if len(found) == 1 else None

    def relative(self, src: str, beside: str) -> str | None:
        """A picture an HTML file links by relative path, if the export holds it."""
        if ":" in src.split("/", 1)[0]:
            return None  # a URL, not a file of the export
        folder = beside.rsplit("/", 1)[0] + "/" if "/" in beside else ""
        path = src.removeprefix("./")
        for candidate in (folder + path, path):
            if candidate in self.names:
                return candidate
        return None


def read_inline(tree: ExportTree, wanted: Set[str]) -> Iterator[tuple[str, str, str]]:
    """(locator, declared type, base64 text) of each wanted inline picture, in file order."""
    from sar_desk.importers.teams.graph import skip_bom  # graph imports this module

    by_file: dict[tuple[str, str], set[str]] = {}
    for locator in wanted:
        member, _, rest = locator[len(PREFIX) :].rpartition("#")
        by_file.setdefault((member, rest.split("/", 1)[0]), set()).add(locator)
    for (member, shape), locators in sorted(by_file.items()):
        indexes = {int(loc.rsplit("/", 2)[-2]) for loc in locators}
        with tree.open(member) as handle:
            items = ijson.items(skip_bom(handle), _PREFIXES[shape], use_float=True)
            for index, item in enumerate(items):
                if index > max(indexes):
                    break
                if index not in indexes or not isinstance(item, dict):
                    continue
                body = item.get("body")
                if not isinstance(body, dict):
                    continue
                sources = html_to_text(str(body.get("content") or "")).images
                for number, src in enumerate(s for s in sources if s.startswith("data:")):
                    locator = inline_locator(member, shape, index, number)
                    found = _DATA.match(src)
                    if locator in locators and found:
                        yield locator, found.group(1) or "", found.group(3)
