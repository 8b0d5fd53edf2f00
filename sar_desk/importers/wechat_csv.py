"""WeChat CSV exports from WeChatMsg (MemoTrace) and PyWxDump (formats-more.md section 2).

WeChatMsg (``<remark>_utf8.csv``, with BOM): ``localId,TalkerId,Type,SubType,IsSender,
CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender``; ``CreateTime`` is Unix seconds,
so these times are exact (UTC). ``Sender`` is a wxid; the name is ``Remark`` or ``NickName``.

PyWxDump (``<wxid>_<start>_<end>.csv``, no BOM, paged at 5000 rows): ``id,MsgSvrID,type_name,
is_sender,talker,room_name,msg,src,CreateTime``; ``CreateTime`` is local time, read in the case
time zone; ``talker`` is a wxid (or the exporter's own label, default ``我``); names come from
the ``users.json`` written beside the pages when it maps wxids to names (its schema is
unconfirmed, so ``remark``, ``nickname`` and ``nickName`` are all tried).
Non-text content (raw XML for app messages) is kept as text, with the card title in front.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, TimeBasis
from sar_desk.importers.csvfile import strict_csv
from sar_desk.importers.localtime import clock, local

PLATFORM = "wechat"
MEMOTRACE = ("localId", "Type", "IsSender", "CreateTime", "StrContent", "Sender")
PYWXDUMP = ("MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "CreateTime")
_MEDIA_TYPES = {"3": "image", "34": "audio", "43": "video", "47": "sticker"}
_MEDIA_NAMES = {"图片": "image", "语音": "audio", "视频": "video", "动画表情": "sticker"}
_FILE_NAMES = {"文件": "file"}
_SYSTEM_NAMES = {"系统通知", "拍一拍", "邀请加群"}
_CALL_NAMES = {"语音通话"}
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_LOCAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")


def csv_form(header_line: str) -> str | None:
    """Which tool wrote a CSV, from its header line: "memotrace", "pywxdump" or None."""
    cells = {c.strip().strip('"') for c in header_line.lstrip("\ufeff").split(",")}
    if all(c in cells for c in MEMOTRACE):
        return "memotrace"
    if all(c in cells for c in PYWXDUMP):
        return "pywxdump"
    return None


def _card(content: str) -> str:
    title = _TITLE.search(content) if content.lstrip().startswith("<") else None
    return f"{clean_whitespace(title.group(1))}\n{content}" if title else content


class CsvPage:
    """One CSV file of WeChat messages."""

    def __init__(
        self, name: str, key: str, form: str, zone: ZoneInfo, names: dict[str, str]
    ) -> None:
        self.name = name
        self.key = key
        self.form = form
        self.zone = zone
        self.names = names

    def read(self, handle: IO[bytes], report: ImportReport) -> Iterator[RawMessage]:
        """Stream the rows as records; unreadable rows are reported with their first line.

        Raises:
            ImportFormatError: The file is not UTF-8 or its quoting is broken.
        """
        return strict_csv(
            handle, self.name, lambda reader: self._rows(reader, report), "Export the chat again."
        )

    def _rows(self, reader: Any, report: ImportReport) -> Iterator[RawMessage]:
        header = [h.strip() for h in next(reader, [])]
        previous = reader.line_num
        for row in reader:
            line_no, previous = previous + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            where = f"{self.name} line {line_no}"
            if len(row) != len(header):
                report.skip(
                    where, f"has {len(row)} columns where the header has {len(header)}.", line_no
                )
                continue
            fields = dict(zip(header, row, strict=True))
            made = self._memotrace(fields) if self.form == "memotrace" else self._pywxdump(fields)
            if made is None:
                report.skip(where, "has a time SAR Desk cannot read.", line_no)
                continue
            raw = made
            raw.location, raw.line_no = where, line_no
            yield raw

    def _raw(self, **fields: Any) -> RawMessage:
        return RawMessage(
            platform=PLATFORM,
            conversation_key=self.key,
            conversation_title=self.key,
            **fields,
        )

    def _memotrace(self, row: dict[str, str]) -> RawMessage | None:
        seconds = row["CreateTime"].strip()
        if not seconds.isdigit():
            return None
        when = datetime.fromtimestamp(int(seconds), tz=UTC)
        mtype, text = row["Type"].strip(), row["StrContent"]
        wxid = clean_whitespace(row["Sender"])
        name = clean_whitespace(row.get("Remark", "")) or clean_whitespace(row.get("NickName", ""))
        kind = MessageKind.MESSAGE
        files: tuple[Attachment, ...] = ()
        if mtype == "10000":
            kind, name, wxid = MessageKind.SYSTEM, "", ""
        elif mtype in _MEDIA_TYPES:
            media = _MEDIA_TYPES[mtype]
            kind, files = (
                MessageKind.MEDIA,
                (Attachment(name=f"{media} (not in the export)", type=media),),
            )
            text = ""  # raw XML describing the stored file, not words anyone wrote
        elif mtype == "50":
            kind = MessageKind.CALL
        elif mtype == "49":
            text = _card(text)
        return self._raw(
            sender=name or wxid or None,
            sender_id=wxid or None,
            sender_id_kind=IdentifierKind.PLATFORM_ID if wxid else None,
            timestamp=when,
            timestamp_raw=seconds,
            time_basis=TimeBasis.UTC,
            kind=kind,
            text=text,
            attachments=files,
        )

    def _pywxdump(self, row: dict[str, str]) -> RawMessage | None:
        found = _LOCAL.match(row["CreateTime"].strip())
        hms = clock(found[4], found[5], found[6]) if found else None
        when = (
            local(self.zone, int(found[1]), int(found[2]), int(found[3]), hms)
            if found and hms
            else None
        )
        if when is None:
            return None
        type_name, text = row["type_name"].strip(), row["msg"]
        wxid = clean_whitespace(row["talker"])
        kind = MessageKind.MESSAGE
        files: tuple[Attachment, ...] = ()
        if type_name in _SYSTEM_NAMES:
            kind = MessageKind.SYSTEM
        elif type_name in _CALL_NAMES:
            kind = MessageKind.CALL
        elif type_name in _MEDIA_NAMES or type_name in _FILE_NAMES:
            src = row.get("src", "").replace("\\", "/")
            kind_name = _MEDIA_NAMES.get(type_name) or "file"
            label = src.rsplit("/", 1)[-1] or type_name
            files = (Attachment(name=label, type=kind_name),)
            kind = MessageKind.MEDIA
            text = "" if text.strip() == type_name else text
        system_sender = kind == MessageKind.SYSTEM and wxid in ("", "系统")
        sender = None if system_sender else (self.names.get(wxid) or wxid or None)
        strong = not system_sender and wxid not in ("", "我")
        room = clean_whitespace(row.get("room_name", ""))
        return RawMessage(
            platform=PLATFORM,
            conversation_key=room or self.key,
            conversation_title=self.names.get(room) or room or self.key,
            sender=sender,
            sender_id=wxid if strong else None,
            sender_id_kind=IdentifierKind.PLATFORM_ID if strong else None,
            timestamp=when,
            timestamp_raw=row["CreateTime"],
            time_basis=TimeBasis.CASE_TZ,
            kind=kind,
            text=text,
            attachments=files,
        )
