"""How `sar-desk search` prints one hit: a message with no words still says what it holds."""

from __future__ import annotations

from datetime import UTC, datetime

from sar_desk.cli.search import _line
from sar_desk.core.model import (
    Attachment,
    ConversationId,
    Message,
    MessageId,
    MessageKind,
)


def _message(text: str, attachments: tuple[Attachment, ...] = ()) -> Message:
    return Message(
        id=MessageId(7),
        conversation_id=ConversationId(1),
        conversation="Repairs",
        platform="whatsapp",
        sender="Sam Example",
        sender_id=None,
        timestamp=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        kind=MessageKind.MEDIA if attachments else MessageKind.MESSAGE,
        text=text,
        attachments=attachments,
    )


def test_text_is_shown_on_one_line() -> None:
    line = _line(_message("boiler\nfixed  now"))
    assert line.endswith("— Sam Example: boiler fixed now")


def test_photo_only_message_names_its_file_instead_of_a_blank() -> None:
    photo = Attachment(name="IMG-20260301-WA0001.jpg", type="image", present=True)
    line = _line(_message("", (photo,)))
    assert line.endswith(": (no text; image IMG-20260301-WA0001.jpg)")


def test_many_attachments_are_counted_not_all_listed() -> None:
    files = tuple(Attachment(name=f"f{i}.pdf", type="file") for i in range(5))
    line = _line(_message("   ", files))
    assert line.endswith("(no text; file f0.pdf, file f1.pdf, file f2.pdf and 2 more)")


def test_message_with_nothing_says_so() -> None:
    assert _line(_message("")).endswith(": (no text)")
