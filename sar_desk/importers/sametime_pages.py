"""Reading one HCL/IBM Sametime saved transcript: native HTML, table HTML or the text form.

Each reader turns a page into `Line` items (time text, sender, text, kind, source line); the
importer in `sametime` places them on a date and builds records. What the three forms look
like is in formats-more.md section 1; the native grammar is derived from IBM's XSL and a
third-party parser, so these readers are tolerant: sender classes with or without ``Cont``,
names from the ``title`` attribute (text before the last ``[``) or the element text, system
lines (``span.system``) with no time of their own, and date separators (``div.datestamp``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sar_desk.core.identity import clean_whitespace
from sar_desk.importers.htmltree import Node

SENDER_CLASSES = {"other", "otherCont", "myself", "myselfCont"}
CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_TEXT_LINE = re.compile(rf"^({CLOCK}): (.+?): (.*)$")
_BRACKET = re.compile(r"\s*\[[^\[\]]*\]\s*$")


@dataclass
class Line:
    """One message, system line or date separator read from a transcript."""

    kind: str  # "message", "system" or "date"
    clock: str
    sender: str
    detail: str  # the bracketed part of the sender's title (often an e-mail address)
    text: str
    line_no: int


def _sender(node: Node) -> tuple[str, str]:
    title = node.attrs.get("title", "")
    if title:
        detail = _BRACKET.search(title)
        name = title[: detail.start()] if detail else title
        return clean_whitespace(name), (detail.group(0).strip(" []") if detail else "")
    return clean_whitespace(node.text()), ""


def _is_sender(node: Node) -> bool:
    return bool(node.classes & SENDER_CLASSES)


def read_native(root: Node) -> list[Line]:
    """Message blocks, system spans and date separators of a native transcript, in order."""
    out: list[Line] = []
    last = ("", "")

    def wanted(node: Node) -> bool:
        return (
            any(c.startswith("messageBlock") for c in node.classes)
            or "datestamp" in node.classes
            or (node.tag == "span" and "system" in node.classes)
        )

    for node in root.find_all(wanted):
        if "datestamp" in node.classes:
            out.append(Line("date", "", "", "", node.text(), node.line))
        elif node.tag == "span":
            out.append(Line("system", "", "", "", node.text(), node.line))
        else:
            out.extend(_block(node, last))
            if out and out[-1].sender:
                last = (out[-1].sender, out[-1].detail)
    return out


def _block(node: Node, last: tuple[str, str]) -> list[Line]:
    stamp = node.first(lambda n: "tsDisplay" in n.classes or "showTimestamp" in n.classes)
    clock = stamp.text() if stamp is not None else node.attrs.get("timestamp", "")
    who = node.first(_is_sender)
    name, detail = _sender(who) if who is not None else ("", "")
    if not name:
        name = clean_whitespace(node.attrs.get("username", "")) or last[0]
        detail = detail or last[1]
    body = node.first(lambda n: "message" in n.classes or "messageCont" in n.classes)
    systems = list(node.find_all(lambda n: n.tag == "span" and "system" in n.classes))
    out = []
    if body is not None:
        text = body.text(skip=lambda n: n.tag == "span" and "system" in n.classes)
        out.append(Line("message", clean_whitespace(clock), name, detail, text, node.line))
    out.extend(Line("system", clean_whitespace(clock), "", "", s.text(), s.line) for s in systems)
    if not out:  # a block with neither text nor a system line is still a record
        out.append(Line("message", clean_whitespace(clock), name, detail, "", node.line))
    return out


def read_table(root: Node) -> list[Line]:
    """Rows of the table form: sender cell, text cell, time cell."""
    out: list[Line] = []
    last = ("", "")
    for row in root.find_all(lambda n: n.tag == "tr"):
        cells = [c for c in row.children if isinstance(c, Node) and c.tag == "td"]
        who = next((c for c in cells if _is_sender(c)), None)
        stamp = next((c for c in cells if "tsDisplay" in c.classes), None)
        if who is None or stamp is None:
            continue
        rest = [c for c in cells if c is not who and c is not stamp]
        name, detail = _sender(who)
        if "Cont" in " ".join(who.classes) and last[0]:
            name, detail = last
        text = rest[0].text() if rest else ""
        out.append(Line("message", clean_whitespace(stamp.text()), name, detail, text, row.line))
        last = (name, detail)
    return out


def read_text(text: str) -> tuple[list[Line], dict[str, str], list[int]]:
    """The text form: ``!key value`` headers, then ``<time>: <name>: <text>`` lines.

    Returns:
        The lines, the ``!started at`` / ``!initiated by`` headers, and the numbers of lines
        that come before any message (reported by the caller).
    """
    out: list[Line] = []
    headers: dict[str, str] = {}
    orphans: list[int] = []
    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        found = _TEXT_LINE.match(line)
        if line.startswith("!") and not out:
            key, _, value = line[1:].partition(" ")
            rest = value.split(" ", 1)
            if rest[0] in ("at", "by") and len(rest) == 2:
                key, value = f"{key} {rest[0]}", rest[1]
            headers[key] = value.strip()
        elif found:
            out.append(Line("message", found[1], clean_whitespace(found[2]), "", found[3], line_no))
        elif out:
            out[-1].text = f"{out[-1].text}\n{line}"
        elif line.strip():
            orphans.append(line_no)
    for item in out:
        item.text = item.text.rstrip("\n")
    return out, headers, orphans
