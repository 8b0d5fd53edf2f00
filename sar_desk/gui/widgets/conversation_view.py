"""A conversation shown like a chat: bubbles with sender, local time and text, the hit marked.

Rendered as rich text in a `QTextBrowser` (Qt's rich-text subset: tables for bubbles, inline
spans for highlights), which is fast, selectable, scrollable and read by screen readers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtWidgets import QTextBrowser, QWidget

from sar_desk.core.model import Message, MessageKind
from sar_desk.gui.formatting import local_time

HIT_BG = "#fff4c2"
BUBBLE_BG = "#f1f4f7"
SELF_BG = "#e3eef8"
MARK_BG = "#ffd54a"
_PALETTE = ("#1f5f8b", "#8b4a1f", "#2f7d4a", "#6b3f8b", "#8b1f4f", "#4f6b1f")


def search_terms(text: str | None) -> list[str]:
    """Words of a search to mark in the text (quotes, stars and operators dropped)."""
    if not text:
        return []
    words = re.findall(r"\w+", text.replace("*", ""))
    return [w for w in words if w.upper() not in {"AND", "OR", "NOT", "NEAR"} and len(w) > 1]


def highlight(text: str, terms: Sequence[str]) -> str:
    """Escape `text` for rich text and mark every occurrence of the search terms."""
    escaped = html.escape(text)
    if terms:
        pattern = re.compile("|".join(re.escape(html.escape(t)) for t in terms), re.IGNORECASE)
        escaped = pattern.sub(
            lambda m: f'<span style="background-color:{MARK_BG}">{m.group(0)}</span>', escaped
        )
    return escaped.replace("\n", "<br/>")


class ConversationView(QTextBrowser):
    """Shows messages as chat bubbles; the message searched for is framed and marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Conversation")
        self.setOpenLinks(False)
        self.setPlaceholderText("Select a search result to read it in its conversation.")
        self._colours: dict[str, str] = {}

    def show_messages(
        self,
        messages: Sequence[Message],
        timezone: str,
        hit: Message | None = None,
        terms: Sequence[str] = (),
        requester_names: Sequence[str] = (),
    ) -> None:
        """Render `messages`, marking `hit` and the search terms inside it."""
        own = {n.casefold() for n in requester_names}
        title = html.escape(messages[0].conversation) if messages else ""
        parts = [f'<h3 style="color:#33475b">{title}</h3>']
        anchor = ""
        for message in messages:
            is_hit = hit is not None and message.id == hit.id
            if is_hit:
                anchor = f"m{message.id}"
            parts.append(self._bubble(message, timezone, is_hit, terms if is_hit else (), own))
        self.setHtml("".join(parts))
        if anchor:
            self.scrollToAnchor(anchor)

    def _colour(self, sender: str) -> str:
        if sender not in self._colours:
            self._colours[sender] = _PALETTE[len(self._colours) % len(_PALETTE)]
        return self._colours[sender]

    def _bubble(
        self, message: Message, tz: str, is_hit: bool, terms: Sequence[str], own: set[str]
    ) -> str:
        when = html.escape(local_time(message.timestamp, tz))
        if message.kind is MessageKind.SYSTEM or message.sender is None:
            return (
                f'<p align="center" style="color:#6b7785; font-size:small">'
                f"{when} · {html.escape(message.text)}</p>"
            )
        sender = html.escape(message.sender)
        right = message.sender.casefold() in own
        bg = HIT_BG if is_hit else (SELF_BG if right else BUBBLE_BG)
        border = ' border="1" style="border-color:#e0a800"' if is_hit else ""
        body = highlight(message.text, terms)
        extras = []
        if message.attachments:
            names = ", ".join(html.escape(a.name) for a in message.attachments)
            # Words, not an emoji: many office PCs have no emoji font and draw an empty box.
            noun = "Attachment" if len(message.attachments) == 1 else "Attachments"
            extras.append(f"{noun}: {names}")
        if message.edited:
            extras.append("edited")
        if message.kind is MessageKind.DELETED:
            extras.append("deleted")
        extra = (
            f'<br/><span style="color:#6b7785; font-size:small">{" · ".join(extras)}</span>'
            if extras
            else ""
        )
        align = "right" if right else "left"
        return (
            f'<a name="m{message.id}"></a>'
            f'<table width="78%" align="{align}" cellpadding="8" cellspacing="0"{border} '
            f'style="background-color:{bg}; margin-bottom:6px">'
            f'<tr><td><b style="color:{self._colour(message.sender)}">{sender}</b>'
            f'&nbsp;&nbsp;<span style="color:#6b7785; font-size:small">{when}</span><br/>'
            f"{body}{extra}</td></tr></table>"
            '<table width="100%"><tr><td></td></tr></table>'
        )
