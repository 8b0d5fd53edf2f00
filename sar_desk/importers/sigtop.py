"""Signal Desktop conversations exported by sigtop (tbvdm) in its text format.

sigtop writes one file per conversation; each message is a block of fields, then a blank line,
the text, and a blank line::

    From: Priya Shah (+447700900123)
    Sent: Mon, 12 Jan 2026 09:17:00 +0000
    Received: Mon, 12 Jan 2026 09:17:02 +0000
    Attachment: photo.jpg (image/jpeg, 52311 bytes)
    Reaction: 👍 from Tom Reid

    Contractor booked for Thursday.

Outgoing messages say ``To:`` (the conversation) instead of ``From:``; the exporter is then
"Me", as in signal-export. Times carry their UTC offset. The layout is written from our reading
of sigtop's text writer, not confirmed against a file from every sigtop version: unknown field
lines are kept as text (with a warning), a ``Type:`` other than incoming/outgoing makes a
system event, and a block boundary needs a ``From:``/``To:`` line
directly followed by a readable ``Sent:`` line, so a body line "From: x" stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Final

from sar_desk.core.identity import clean_whitespace, normalise_phone
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.archive import ExportTree, decode_text, looks_binary
from sar_desk.importers.whatsapp.marks import strip_marks

ME: Final = "Me"
PLATFORM: Final = "signal"
_WHO = re.compile(r"^(From|To): (.+?)(?: \((\+?[\d ]{5,})\))?$")
_SENT = re.compile(r"^Sent: (.+)$")
_FIELD = re.compile(r"^([A-Z][A-Za-z ]{1,30}): (.*)$")
_ATTACHMENT = re.compile(r"^(.+?) \(([^,()]*), (\d+) bytes(, not available)?\)$")
_REACTION = re.compile(r"^(.+?) from (.+)$")
_DATE_FORMAT: Final = "%a, %d %b %Y %H:%M:%S %z"
_KNOWN: Final = frozenset({"From", "To", "Sent", "Received", "Attachment", "Reaction", "Type"})
_HEAD_LINES: Final = 40


def sent_at(line: str) -> datetime | None:
    """The instant of a ``Sent:`` line, or None when the line is not one."""
    match = _SENT.match(line)
    if match is None:
        return None
    try:
        return datetime.strptime(match[1].strip(), _DATE_FORMAT)
    except ValueError:
        return None


def _starts(lines: list[str], i: int) -> bool:
    return (
        _WHO.match(lines[i]) is not None
        and i + 1 < len(lines)
        and sent_at(lines[i + 1]) is not None
    )


def looks_like_sigtop(head: bytes, anywhere: bool = False) -> bool:
    """Whether the start of a file is a sigtop text conversation.

    Sniffing wants the first non-blank line to start a message; reading a file the user
    named as Signal accepts a message start anywhere in the first lines.
    """
    text = head.decode("utf-8-sig", errors="replace")
    lines = text.splitlines()[:_HEAD_LINES]
    while lines and not lines[0].strip():
        lines.pop(0)
    if anywhere:
        return any(_starts(lines, i) for i in range(len(lines)))
    return len(lines) >= 2 and _starts(lines, 0)


def read_sigtop(
    text: str, name: str, key: str, report: ImportReport, region: str | None = None
) -> Iterator[RawMessage]:
    """Stream the messages of one sigtop text file (`key` is the conversation).

    `region` is the case's region, for numbers written in national form.
    """
    lines = text.splitlines()
    starts = [i for i in range(len(lines)) if _starts(lines, i)]
    first = starts[0] if starts else len(lines)
    for i in range(first):
        if lines[i].strip():
            report.skip(
                f"{name} line {i + 1}",
                "comes before the first message (no From:/To: and Sent: lines), so it has no "
                "sender or time.",
                i + 1,
            )
    unknown: dict[str, int] = {}
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        who, when = _WHO.match(lines[start]), sent_at(lines[start + 1])
        if who is not None and when is not None:  # always: _starts checked both
            yield _message(lines[start:end], who, when, (start + 1, name, key), unknown, region)
    if unknown:
        fields = ", ".join(sorted(unknown))
        report.warn(
            f"{name}: {sum(unknown.values()):,} field lines SAR Desk does not read ({fields}) "
            "were kept at the end of their message's text."
        )


def _message(
    block: list[str],
    who: re.Match[str],
    when: datetime,
    where: tuple[int, str, str],
    unknown: dict[str, int],
    region: str | None,
) -> RawMessage:
    """One block: the From/To and Sent lines, other fields, a blank line, the text."""
    line_no, name, key = where
    outgoing = who[1] == "To"
    sender = ME if outgoing else clean_whitespace(strip_marks(who[2]))
    phone = None if outgoing or not who[3] else normalise_phone(who[3], region)
    files: list[Attachment] = []
    reactions: list[Reaction] = []
    extra: list[str] = []
    event: str | None = None  # "Type: keychange" and other non-message types
    i = 2
    while i < len(block) and block[i].strip():
        field = _FIELD.match(block[i])
        if field is None or field[1] not in _KNOWN:
            label = field[1] if field else "unlabelled"
            unknown[label] = unknown.get(label, 0) + 1
            extra.append(block[i])
        elif field[1] == "Attachment":
            files.append(_attachment(field[2]))
        elif field[1] == "Type":
            event = field[2].strip()
        elif field[1] == "Reaction":
            reaction = _REACTION.match(field[2])
            emoji, actor = (reaction[1], reaction[2]) if reaction else (field[2], None)
            reactions.append(Reaction(emoji=emoji, actor=actor))
        i += 1
    body = block[i + 1 :] if i < len(block) else []
    while body and not body[-1].strip():
        body.pop()  # the blank line sigtop writes after every message
    text = strip_marks("\n".join([*body, *extra]))
    kind = MessageKind.MEDIA if files and not body else MessageKind.MESSAGE
    if event is not None and event not in ("incoming", "outgoing"):
        kind, text = MessageKind.SYSTEM, text or f"Signal event: {event}"
    return RawMessage(
        platform=PLATFORM,
        conversation_key=key,
        conversation_title=key,
        sender=sender,
        sender_id=phone,
        sender_id_kind=IdentifierKind.PHONE if phone else None,
        timestamp=when,
        timestamp_raw=block[1][len("Sent: ") :],
        time_basis=TimeBasis.OFFSET_GIVEN,
        kind=kind,
        text=text,
        attachments=tuple(files),
        reactions=tuple(reactions),
        location=f"{name} line {line_no}",
        line_no=line_no,
    )


def _attachment(value: str) -> Attachment:
    match = _ATTACHMENT.match(value)
    if match is None:
        return Attachment(name=value, type="file")
    filename, ctype, size, _missing = match.groups()
    kind = ctype.split("/")[0] if ctype.split("/")[0] in ("image", "video", "audio") else "file"
    label = "" if filename == "no filename" else filename
    return Attachment(name=label or ctype or "attachment", type=kind, size=int(size))


def sigtop_files(tree: ExportTree, limit: int | None = None) -> list[str]:
    """The .txt files in a folder or zip that are sigtop text conversations."""
    found: list[str] = []
    for name in sorted(n for n in tree.names() if n.lower().endswith(".txt")):
        head = tree.head(name, 4096)
        if not looks_binary(head) and looks_like_sigtop(head):
            found.append(name)
            if limit is not None and len(found) >= limit:
                break
    return found


def read_sigtop_files(
    tree: ExportTree, names: list[str], report: ImportReport, region: str | None = None
) -> Iterator[RawMessage]:
    """Read each sigtop conversation file; the file name is the conversation."""
    for name in names:
        key = clean_whitespace(PurePosixPath(name).stem)
        text = decode_text(tree.read_bytes(name), name)
        yield from read_sigtop(text, name, key, report, region)
