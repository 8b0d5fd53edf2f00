"""Teams message bodies (HTML) to plain text, with the standard library's ``html.parser``.

``<at id="0">Name</at>`` becomes ``@Name`` (and is collected as a mention); ``<attachment>``
markers vanish (the attachment itself is listed from the message's ``attachments``); block
tags and ``<br>`` become new lines; entities are unescaped; pictures (hosted contents, inline
``data:`` pictures, pictures linked by a relative path) are collected so the caller can list
them as attachments, found in the export or listed as not in it (`teams.files`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

from sar_desk.importers.limits import feed_markup

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote", "ul", "ol", "table"}
_SKIP = {"script", "style", "head", "title", "systemeventmessage", "attachment"}
_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})\s*T?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)


@dataclass
class BodyText:
    """The readable text of a body and what it referred to."""

    text: str
    mentions: list[str] = field(default_factory=list)
    hosted_images: int = 0
    images: list[str] = field(default_factory=list)
    """The ``src`` of each picture that may be in the export: hosted contents, inline
    ``data:`` pictures and pictures linked by a relative path, in order."""


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.mentions: list[str] = []
        self.images = 0
        self.sources: list[str] = []
        self._at: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += tag != "attachment"  # <attachment> has no content worth keeping
            return
        if tag == "at":
            self._at = []
        elif tag == "img":
            src = dict(attrs).get("src") or ""
            if "hostedContents" in src or src.startswith("data:"):
                self.images += 1
                self.sources.append(src)
                return
            if src and not src.startswith("//") and ":" not in src.split("/", 1)[0]:
                self.sources.append(src)  # a file of the export (a transcript's picture)
            if dict(attrs).get("alt"):
                self.out.append(dict(attrs).get("alt") or "")  # emoji are <img alt="😀">
        elif tag == "br":
            self.out.append("\n")
        elif tag in _BLOCK:
            self._break()

    def _break(self) -> None:
        """One line break between blocks, however many block tags meet there."""
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIP:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - (tag != "attachment"))
        elif tag == "at" and self._at is not None:
            name = "".join(self._at).strip()
            self.out.append(f"@{name}")
            if name and name not in self.mentions:
                self.mentions.append(name)
            self._at = None
        elif tag in _BLOCK and tag != "br":
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._at is not None:
            self._at.append(data)
        else:
            self.out.append(data)


def html_to_text(content: str) -> BodyText:
    """Convert a Teams HTML body to text: mentions as ``@Name``, blocks as new lines."""
    parser = _Converter()
    feed_markup(parser, content, "a Teams message body")
    parser.close()
    text = "".join(parser.out).replace("\xa0", " ").replace("\r\n", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return BodyText(
        text=text, mentions=parser.mentions, hosted_images=parser.images, images=parser.sources
    )


def parse_utc(value: str) -> datetime | None:
    """Parse a Graph/Purview timestamp defensively (missing ``T``, no offset, any fraction).

    Times without an offset are UTC, as Graph and Purview always write UTC.
    """
    match = _STAMP.search(value or "")
    if not match:
        return None
    year, month, day, hour, minute, second, frac, zone = match.groups()
    try:
        moment = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((frac or "0")[:6].ljust(6, "0")),
            tzinfo=UTC,
        )
    except ValueError:
        return None
    if zone and zone.upper() != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment
