"""Skype / Teams personal message ``content`` markup to text, attachments and events.

The content is XML-escaped text with a few elements (formats-more.md section 5): ``<ss>``
emoticons, ``<quote>`` replies with ``<legacyquote>`` boilerplate, ``<e_m>`` edit markers,
``<partlist>`` call members, ``<URIObject>`` files and thread events such as ``<addmember>``.
It is parsed with the safe `htmltree` (``html.parser``), which lower-cases tag names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from sar_desk.core.model import Attachment
from sar_desk.importers.htmltree import Node, parse_html

_HIDDEN = {"legacyquote", "e_m", "uriobject", "partlist", "quote"}
_EVENTS = {
    "addmember": "added",
    "deletemember": "removed",
    "topicupdate": "renamed the conversation to",
    "pictureupdate": "changed the conversation picture",
    "historydisclosedupdate": "changed who can see the history",
    "joiningenabledupdate": "changed joining by link",
    "roleupdate": "changed the role of",
}
_ID_PREFIX = re.compile(r"^\d+:")
_PICTURE = re.compile(r"^(?:Picture|Video|Audio|File|Sticker)", re.IGNORECASE)


def plain_id(value: object) -> str:
    """A Skype id without its ``8:``/``28:`` prefix or a contacts URL before it."""
    text = str(value or "").strip()
    if "/" in text:
        text = text.rsplit("/", 1)[-1]
    return _ID_PREFIX.sub("", text)


@dataclass
class Content:
    """What a message's content says."""

    text: str
    attachments: list[Attachment] = field(default_factory=list)
    edited: bool = False
    reply_to: str | None = None
    event: str = ""
    call: str = ""


def _value(node: Node, tag: str) -> str:
    found = node.first(lambda n: n.tag == tag)
    if found is None:
        return ""
    return found.attrs.get("v", "") or found.text()


def _attachment(node: Node) -> Attachment:
    name = _value(node, "originalname") or node.attrs.get("doc_id", "") or "shared file"
    doc = node.attrs.get("doc_id", "")
    size = _value(node, "filesize")
    kind = node.attrs.get("type", "")
    return Attachment(
        name=name,
        type="image" if kind.lower().startswith("picture") else ("file" if not kind else "media"),
        present=False,
        path=doc or None,  # the reader swaps this for the file under media/, if present
        size=int(size) if size.isdigit() else None,
    )


def _event(node: Node, names: Mapping[str, str]) -> str:
    def name(value: str) -> str:
        return names.get(plain_id(value), plain_id(value))

    who = name(_value(node, "initiator"))
    targets = [name(t.text()) for t in node.find_all(lambda n: n.tag == "target")]
    value = _value(node, "value")
    verb = _EVENTS[node.tag]
    if node.tag == "deletemember" and targets == [who]:
        return f"{who} left the conversation"
    parts = [who, verb, ", ".join(targets), value]
    return " ".join(p for p in parts if p).strip()


def _call(node: Node) -> str:
    kind = node.attrs.get("type", "")
    people = []
    for part in node.find_all(lambda n: n.tag == "part"):
        name = _value(part, "name") or plain_id(part.attrs.get("identity", ""))
        seconds = _value(part, "duration")
        people.append(f"{name} ({seconds} s)" if seconds else name)
    label = {"started": "Call started", "ended": "Call ended", "missed": "Missed call"}
    text = label.get(kind, f"Call {kind}".strip())
    return f"{text}: {', '.join(people)}" if people else text


def read_content(content: str, names: Mapping[str, str]) -> Content:
    """Convert one message's content; ids in thread events are shown by the `names` known."""
    if "<" not in content and "&" not in content:
        return Content(text=content.strip())
    root = parse_html(content, "message content")
    result = Content(text="")
    quotes = []
    for node in root.iter():
        if node.tag == "uriobject":
            result.attachments.append(_attachment(node))
        elif node.tag == "e_m":
            result.edited = True
        elif node.tag == "quote":
            result.reply_to = node.attrs.get("messageid") or result.reply_to
            quoted = node.text(skip=lambda n: n.tag == "legacyquote")
            who = node.attrs.get("authorname") or plain_id(node.attrs.get("author", ""))
            quotes.append("\n".join(f"> {line}" for line in f"{who}: {quoted}".splitlines()))
        elif node.tag == "partlist":
            result.call = _call(node)
        elif node.tag in _EVENTS and not result.event:
            result.event = _event(node, names)
    body = root.text(skip=lambda n: n.tag in _HIDDEN or n.tag in _EVENTS)
    result.text = "\n".join([*quotes, body]).strip() if quotes else body
    return result


def looks_like_media(messagetype: str) -> bool:
    """Whether a ``messagetype`` is a shared file, picture or card."""
    return messagetype.startswith(("RichText/UriObject", "RichText/Media_")) or bool(
        _PICTURE.match(messagetype.removeprefix("RichText/"))
    )
