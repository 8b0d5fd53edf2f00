"""Render records: the already-redacted bundle content, the only thing renderers ever see.

Every string in these records has been through the approved decisions and the second safety
net (`redact.build_render_bundle`). PDF, HTML and RSMF writers take a `RenderBundle` and
nothing else from the case, so redacted text cannot reach them (R42).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sar_desk.core.disclosure import ReasonCode
from sar_desk.core.model import MessageId, Regime


class ItemStatus(enum.StrEnum):
    """What happened to an in-scope item (R59)."""

    FULL = "disclosed in full"
    PART = "disclosed in part"
    WITHHELD = "withheld"


@dataclass(frozen=True, slots=True)
class RenderImage:
    """A disclosed image placed under its message: already re-encoded, boxes burned in.

    Attributes:
        png: The clean PNG (`export.images.redact_image`), pixels only.
        width, height: Its size in pixels.
        label: The caption (already redacted), e.g. "Image 1 · 2 areas redacted · s 40(2)".
    """

    png: bytes
    width: int
    height: int
    label: str


@dataclass(frozen=True, slots=True)
class RenderMessage:
    """One transcript entry, already redacted.

    Attributes:
        item: Item number in the bundle (1-based, bundle order).
        message_id: The case's message id (internal cross-reference; never printed).
        iso_time: Local time with offset, ISO 8601 (for ``<time datetime>``).
        date_label: The local day ("Tuesday 3 March 2026"), for date separators.
        time_label: Local time with zone abbreviation ("10:42 GMT").
        sender: Sender as shown (a marker or pseudonym when redacted); None for system lines.
        kind: message / system / media / call / deleted / withheld.
        text: The redacted text.
        attachments: Placeholder lines for attachments (file names redacted).
        reactions: Reaction lines ("👍 Person A").
        reply_note: "↩ reply to 10:42 message" or None.
        edited: Whether the message was edited.
        status: Disclosed in full / in part / withheld.
        codes: Ids of the reason codes applied to this item.
        images: Disclosed images of its attachments, in attachment order.
    """

    item: int
    message_id: MessageId
    iso_time: str
    date_label: str
    time_label: str
    sender: str | None
    kind: str
    text: str
    attachments: tuple[str, ...]
    reactions: tuple[str, ...]
    reply_note: str | None
    edited: bool
    status: ItemStatus
    codes: tuple[str, ...]
    images: tuple[RenderImage, ...] = ()


@dataclass(frozen=True, slots=True)
class RenderConversation:
    """A conversation as rendered: reference, redacted title and its entries."""

    number: int
    ref: str
    title: str
    platform: str
    messages: tuple[RenderMessage, ...]

    @property
    def heading(self) -> str:
        """Bookmark and heading text (reference, platform and redacted title)."""
        return f"{self.ref} · {self.platform} · {self.title}"


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One line of the index: a run of items in one conversation with one status."""

    conversation_ref: str
    first_item: int
    last_item: int
    count: int
    status: ItemStatus
    codes: tuple[str, ...]
    first_time: str
    last_time: str

    @property
    def items_label(self) -> str:
        """The item range label, e.g. 12 or 12–40."""
        if self.first_item == self.last_item:
            return str(self.first_item)
        return f"{self.first_item}–{self.last_item}"


@dataclass(frozen=True, slots=True)
class AutoCatch:
    """A protected term the second safety net replaced (where, never what)."""

    item: int | None
    field: str
    count: int


@dataclass(frozen=True, slots=True)
class RenderBundle:
    """The whole redacted bundle content.

    Attributes:
        reference: The case reference.
        regime: The case regime.
        timezone: The display time zone name.
        conversations: Conversations in bundle order.
        index: Index rows (every in-scope item, by run).
        codes: Reason codes used, for the glossary (sorted by code).
        counts: Item counts by status plus totals (reconciled with the case).
        auto_catches: Where the safety net had to replace a protected term.
        items: Message id -> item number (for the internal log).
    """

    reference: str
    regime: Regime
    timezone: str
    conversations: tuple[RenderConversation, ...]
    index: tuple[IndexRow, ...]
    codes: tuple[ReasonCode, ...]
    counts: dict[str, int]
    auto_catches: tuple[AutoCatch, ...]
    items: dict[MessageId, int]

    def all_strings(self) -> list[str]:
        """Every string a renderer may print, for the pre-render leak check."""
        out: list[str] = []
        for conv in self.conversations:
            out += [conv.title, conv.heading]
            for msg in conv.messages:
                out += [msg.sender or "", msg.text, *msg.attachments, *msg.reactions]
                out += [image.label for image in msg.images]
                out.append(msg.reply_note or "")
        return out
