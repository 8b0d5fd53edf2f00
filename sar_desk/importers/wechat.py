r"""WeChat chats exported by common tools: WeChatMsg (MemoTrace) TXT and CSV, PyWxDump CSV.

WeChat itself has no chat export; caseworkers receive what these desktop tools write from the
decrypted database (formats-more.md section 2). WeChatMsg TXT (``<remark>.txt``) holds records
``"{time} {name}\n{content}\n\n"``; system messages have no name and no content line
(``"{time} {content}\n\n"``). A time line starts a record only at the start of the file or
after a blank line, so a pasted time inside a message stays in that message. Placeholders such
as ``[图片]`` (image) are media with the file not included. TXT times are the exporting
machine's local time, read in the case time zone. The CSV forms are in `wechat_csv`, the
HTML form (a JavaScript array of messages) in `wechat_html`.
Unconfirmed and tolerated: the exact recall wording, blank lines inside a message's content
(kept in the message), and a missing final blank line. Not read: PyWxDump's ``data.js``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, MessageKind, TimeBasis
from sar_desk.importers.archive import ExportTree, decode_text, sniff_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.jsonstream import head_text, load_json
from sar_desk.importers.localtime import case_zone, clock, local
from sar_desk.importers.wechat_csv import PLATFORM, CsvPage, csv_form
from sar_desk.importers.wechat_html import MARKER, read_page

logger = logging.getLogger(__name__)

HEADER = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (?!- )(.+)$")
_PLACEHOLDERS = {
    "[图片]": "image",
    "[语音]": "audio",
    "[视频]": "video",
    "[表情包]": "sticker",
    "[文件]": "file",
}


def _kind(tree: ExportTree, name: str) -> str | None:
    low = name.lower()
    if low.endswith(".csv"):
        return csv_form(head_text(tree, name, 4096).split("\n", 1)[0])
    if low.endswith(".html"):
        # The array comes after the template's styles and scripts, so look further in.
        return "html" if MARKER in head_text(tree, name, 512 * 1024) else None
    if not low.endswith(".txt"):
        return None
    lines = head_text(tree, name, 4096).splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not HEADER.match(lines[first]):
        return None
    after = lines[first + 1] if first + 1 < len(lines) else ""
    return "txt" if not HEADER.match(after) else None


def _looks_like_wechat(tree: ExportTree) -> bool:
    names = [n for n in tree.names() if n.lower().endswith((".txt", ".csv", ".html"))]
    return any(_kind(tree, n) for n in names[:5])


def _key(name: str) -> str:
    stem = PurePosixPath(name).stem
    return stem.removesuffix("_utf8")


class _TxtChat:
    """One WeChatMsg TXT file."""

    def __init__(self, name: str, zone: ZoneInfo) -> None:
        self.name = name
        self.key = _key(name)
        self.zone = zone

    def read(self, text: str, report: ImportReport) -> Iterator[RawMessage]:
        lines = text.splitlines()
        starts = [
            n
            for n, line in enumerate(lines)
            if HEADER.match(line) and (n == 0 or not lines[n - 1].strip())
        ]
        first = starts[0] if starts else len(lines)
        for n in range(first):
            if lines[n].strip():
                report.skip(
                    f"{self.name} line {n + 1}", "comes before the first dated line.", n + 1
                )
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(lines)
            body = lines[start + 1 : end]
            while body and not body[-1].strip():
                body.pop()
            raw = self._record(lines[start], body, start + 1, report)
            if raw is not None:
                yield raw

    def _record(
        self, header: str, body: list[str], line_no: int, report: ImportReport
    ) -> RawMessage | None:
        found = HEADER.match(header)
        assert found is not None  # starts were chosen by this pattern
        year, month, day, hour, minute, second, rest = found.groups()
        hms = clock(hour, minute, second)
        when = local(self.zone, int(year), int(month), int(day), hms) if hms else None
        where = f"{self.name} line {line_no}"
        if when is None:
            report.skip(where, f"has a time that does not exist ({header[:19]!r}).", line_no)
            return None
        fields: dict[str, Any] = {"sender": None, "kind": MessageKind.SYSTEM, "text": rest}
        if body:  # a name line followed by content; system lines have no content line
            text = "\n".join(body)
            media = _PLACEHOLDERS.get(text.strip())
            fields = {
                "sender": clean_whitespace(rest),
                "kind": MessageKind.MEDIA if media else MessageKind.MESSAGE,
                "text": "" if media else text,
                "attachments": (Attachment(name=text.strip(), type=media),) if media else (),
            }
        return RawMessage(
            platform=PLATFORM,
            conversation_key=self.key,
            conversation_title=self.key,
            sender_id=None,
            sender_id_kind=None,
            timestamp=when,
            timestamp_raw=header[:19],
            time_basis=TimeBasis.CASE_TZ,
            location=where,
            line_no=line_no,
            **fields,
        )


def _user_names(tree: ExportTree, report: ImportReport) -> dict[str, str]:
    """Names by wxid from PyWxDump's ``users.json``, when it is a mapping of that shape."""
    names: dict[str, str] = {}
    for name in tree.names():
        if name.rsplit("/", 1)[-1] != "users.json":
            continue
        try:
            data = load_json(tree, name)
        except ImportFormatError:
            report.warn(f"{name} could not be read, so senders keep their WeChat ids.")
            continue
        for wxid, info in data.items() if isinstance(data, dict) else []:
            if isinstance(info, dict):
                shown = info.get("remark") or info.get("nickname") or info.get("nickName")
                if isinstance(shown, str) and shown.strip():
                    names[str(wxid)] = clean_whitespace(shown)
    return names


class WeChatImporter:
    """WeChat exports from WeChatMsg (TXT, CSV) and PyWxDump (CSV): file, zip or folder."""

    platform: ClassVar[str] = PLATFORM
    display_name: ClassVar[str] = "WeChat (WeChatMsg / MemoTrace, PyWxDump exports)"
    shapes: ClassVar[str] = (
        "WeChatMsg (MemoTrace) <remark>.txt, <remark>_utf8.csv and <remark>.html; PyWxDump "
        "<wxid>_<start>_<end>.csv pages with their users.json; a folder or zip of these. "
        "Not read: PyWxDump's data.js viewer file, WeChat's own encrypted databases."
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether `path` holds a WeChatMsg TXT/CSV or a PyWxDump CSV."""
        return sniff_tree(path, _looks_like_wechat)

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream every chat file's records in file order.

        Raises:
            ImportFormatError: Nothing in the input is a WeChat export of a known shape.
        """
        zone = case_zone(options.timezone, "WeChat")
        report.limitations.extend(
            [
                "WeChat has no export of its own; these files come from third-party tools "
                "reading the desktop client's database, and hold only what that client had.",
                "WeChatMsg TXT and PyWxDump times are local, read in the case time zone; "
                "WeChatMsg CSV times are exact.",
                "Images, voice notes and files are listed by placeholder; their content is "
                "not in the text exports.",
            ]
        )
        with ExportTree(path) as tree:
            found = [(n, k) for n in tree.names() if (k := _kind(tree, n))]
            if not found:
                raise ImportFormatError(
                    f"{path.name} holds no WeChat export SAR Desk knows: no WeChatMsg .txt "
                    "(starting '2024-03-01 09:15:02 Name') and no WeChatMsg or PyWxDump CSV."
                )
            names = _user_names(tree, report)
            for name, kind in found:
                if kind == "html":
                    text = decode_text(tree.read_bytes(name), name)
                    yield from read_page(text, name, _key(name), report)
                elif kind == "txt":
                    chat = _TxtChat(name, zone)
                    yield from chat.read(decode_text(tree.read_bytes(name), name), report)
                else:
                    with tree.open(name) as handle:
                        page = CsvPage(name, _key(name), kind, zone, names)
                        yield from page.read(handle, report)
            logger.info("wechat export read: %d files", len(found))
