"""WeChatMsg (MemoTrace) HTML: messages as a JavaScript array inside ``<remark>.html``.

The page holds ``const chatMessages = [ { type:1, text: '...', is_send:0, timestamp:1709255702,
displayname:'Jamie', ... }, ... ];`` (formats-more.md section 2a): unquoted keys, single-quoted
backslash-escaped strings, numbers. This module reads that literal with a small scanner (no
JavaScript is run) and refuses anything else inside it, naming the line. ``timestamp`` is
Unix seconds, so times are exact (UTC). Types: 1 text, 3 image or sticker, 34 voice (with
``voice_to_text``), 43 video, 49 file (``sub_type`` 6), 57 reply (``refer_text``), 50 call,
0 and 10000 system; other types keep their text as a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sar_desk.core.errors import ImportFormatError
from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, MessageKind, TimeBasis

PLATFORM = "wechat"
MARKER = "const chatMessages = ["
_SPACE = re.compile(r"[\s,]*")
_KEY = re.compile(r"\s*(?:([A-Za-z_$][\w$]*)|'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\")\s*:\s*")
_VALUE = re.compile(
    r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"|(-?\d+(?:\.\d+)?)|(true|false|null|undefined)"
)
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_MEDIA = {3: "image", 34: "audio", 43: "video", 47: "sticker"}
_SYSTEM = {0, 10000}


def _unescape(text: str) -> str:
    def one(found: re.Match[str]) -> str:
        code = found.group(1)
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, code)

    return _ESCAPE.sub(one, text)


def _scalar(found: re.Match[str]) -> Any:
    single, double, number, word = found.groups()
    if single is not None or double is not None:
        return _unescape(single if single is not None else double)
    if number is not None:
        return float(number) if "." in number else int(number)
    return {"true": True, "false": False}.get(word)


def scan_objects(text: str, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The objects of the ``chatMessages`` array with the line each starts on.

    Raises:
        ImportFormatError: The array holds something other than flat objects, or never ends.
    """
    start = text.find(MARKER)
    pos = start + len(MARKER)
    line = text.count("\n", 0, pos) + 1
    while True:
        gap = _SPACE.match(text, pos)
        line += text.count("\n", pos, gap.end()) if gap else 0
        pos = gap.end() if gap else pos
        if text.startswith("]", pos):
            return
        if not text.startswith("{", pos):
            raise _broken(name, line)
        begin, item = line, {}
        pos += 1
        while True:
            gap = _SPACE.match(text, pos)
            line += text.count("\n", pos, gap.end()) if gap else 0
            pos = gap.end() if gap else pos
            if text.startswith("}", pos):
                pos += 1
                break
            key, value = _KEY.match(text, pos), None
            if key:
                value = _VALUE.match(text, key.end())
            if not key or not value:
                raise _broken(name, line)
            item[key.group(1) or _unescape(key.group(2) or key.group(3) or "")] = _scalar(value)
            line += text.count("\n", pos, value.end())
            pos = value.end()
        yield begin, item


def _broken(name: str, line: int) -> ImportFormatError:
    return ImportFormatError(
        f"{name} line {line:,}: the list of messages is not in the form WeChatMsg writes (or "
        "the page was cut short), so the page was not imported. Export the chat again."
    )


def read_page(text: str, name: str, key: str, report: ImportReport) -> Iterator[RawMessage]:
    """Stream the records of one WeChatMsg HTML page."""
    for line_no, item in scan_objects(text, name):
        where = f"{name} line {line_no}"
        seconds = item.get("timestamp")
        if not isinstance(seconds, int | float) or isinstance(seconds, bool):
            report.skip(where, "has no timestamp, so the message was not placed.", line_no)
            continue
        mtype = item.get("type")
        text_value = str(item.get("text") or "")
        sender = clean_whitespace(str(item.get("displayname") or "")) or None
        kind = MessageKind.MESSAGE
        files: tuple[Attachment, ...] = ()
        if mtype in _SYSTEM:
            kind, sender = MessageKind.SYSTEM, None
        elif mtype in _MEDIA:
            media = _MEDIA[mtype]
            files = (Attachment(name=f"{media} (not in the export)", type=media),)
            kind = MessageKind.MEDIA
            text_value = str(item.get("voice_to_text") or "") if mtype == 34 else ""
        elif mtype == 49 and item.get("sub_type") == 6:
            files = (Attachment(name=text_value or "file (not in the export)", type="file"),)
            kind = MessageKind.MEDIA
        elif mtype == 50:
            kind = MessageKind.CALL
        if mtype == 57 and item.get("refer_text"):
            text_value = f"> {item['refer_text']}\n{text_value}"
        yield RawMessage(
            platform=PLATFORM,
            conversation_key=key,
            conversation_title=key,
            sender=sender,
            sender_id=None,
            sender_id_kind=None,
            timestamp=datetime.fromtimestamp(seconds, tz=UTC),
            timestamp_raw=str(seconds),
            time_basis=TimeBasis.UTC,
            kind=kind,
            text=text_value,
            attachments=files,
            location=where,
            line_no=line_no,
        )
