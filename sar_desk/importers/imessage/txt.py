"""imessage-exporter's TXT form: one ``.txt`` per chat, records separated by blank lines.

A record is a timestamp line (``May 17, 2022  5:29:42 PM``, the hour padded with a space,
optionally followed by `` (Read by them after 2 minutes)``), a sender line, then body lines:
text, attachment paths, ``Tapbacks:``/``Reactions:`` blocks and replies indented by four spaces
(each reply is its own record with its own sender). A timestamp line followed by text on the
same line is an announcement (``You named the conversation …``). A timestamp counts as a new
record only at the start of the file or after a blank line (or indented, for replies), so a
pasted date inside a message body stays in that message. Unconfirmed details (formats-more.md
section 3a): one or two spaces before the hour, older ``Reactions:`` wording and extra blank
lines after tapbacks are all accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sar_desk.core.identity import classify_identifier, clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.localtime import clock, local, month_number

PLATFORM = "imessage"
ME = "Me"
STAMP = re.compile(
    r"^(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{1,2}), (?P<year>\d{4}) {1,2}(?P<h>\d{1,2}):(?P<m>\d{2})"
    r":(?P<s>\d{2}) (?P<ampm>[AP]M)(?P<rest>.*)$"
)
_READ = re.compile(r"^ \((?:Read|Delivered) by .+ after .+\)$")
_TAPBACKS = ("Tapbacks:", "Reactions:")
TAPBACK = re.compile(r"^(.+?) by (.+)$")
_PATH = re.compile(r"^(?:attachments/|/|~/|[A-Za-z]:\\)\S.*\.[A-Za-z0-9]{1,5}$")
_STICKER = re.compile(r"^Sticker from (.+?): (.+)$")
_DELETED = "This message was deleted from the conversation!"
_MISSING = "Attachment missing!"
_NOTES = ("This message responded to an earlier message.",)
_EDITED = re.compile(r"^Edited .+ later: ")


def parse_stamp(
    line: str, zone: ZoneInfo, warn: Callable[[str], None] | None = None
) -> tuple[datetime | None, str] | None:
    """The time and the rest of a timestamp line, or None when the line is not one."""
    found = STAMP.match(line)
    if not found:
        return None
    month = month_number(found["mon"])
    hms = clock(found["h"], found["m"], found["s"], found["ampm"], warn)
    when = local(zone, int(found["year"]), month, int(found["day"]), hms) if month and hms else None
    return when, found["rest"]


@dataclass
class _Record:
    level: int
    line_no: int
    lines: list[str] = field(default_factory=list)


def split_records(lines: list[str]) -> Iterator[_Record]:
    """Group lines into records: top-level ones and indented replies, in file order."""
    stack: list[_Record] = []
    done: list[_Record] = []
    previous_blank = True
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            if stack:
                stack[-1].lines.append("")
            previous_blank = True
            continue
        indent = (len(line) - len(line.lstrip(" "))) // 4
        level = min(indent, len(stack))
        text = line[level * 4 :]
        if STAMP.match(text) and (level > 0 or previous_blank):
            while len(stack) > level:
                stack.pop()
            record = _Record(level, line_no, [text])
            stack.append(record)
            done.append(record)
        elif stack:
            stack[min(level, len(stack) - 1)].lines.append(text)
        else:
            done.append(_Record(-1, line_no, [text]))  # text before the first record
        previous_blank = False
    yield from done


class TxtChat:
    """One chat file."""

    def __init__(self, name: str, key: str, zone: ZoneInfo, region: str, files: set[str]):
        self.name = name
        self.key = key
        self.zone = zone
        self.region = region
        self.files = files

    def read(self, text: str, report: ImportReport) -> Iterator[RawMessage]:
        """Stream the chat's records (replies after the message they sit under)."""
        for record in split_records(text.splitlines()):
            raw = self._record(record, report)
            if raw is not None:
                yield raw

    def _record_at(self, line_no: int) -> _Record:
        return _Record(0, line_no)

    def _skip(self, record: _Record, report: ImportReport, why: str) -> None:
        where = f"{self.name} line {record.line_no}"
        report.skip(where, why, record.line_no)

    def _record(self, record: _Record, report: ImportReport) -> RawMessage | None:
        lines = record.lines
        while lines and not lines[-1].strip():
            lines.pop()
        if record.level < 0:
            self._skip(record, report, "comes before the first dated message, so it has no time.")
            return None
        stamp = parse_stamp(lines[0], self.zone, lambda m: report.warn(f"{self.name}: {m}"))
        when, rest = stamp if stamp else (None, "")
        if when is None:
            self._skip(record, report, f"has a date that does not exist ({lines[0].strip()!r}).")
            return None
        if rest and not _READ.match(rest):
            return self._raw(record, lines[0], when, None, MessageKind.SYSTEM, rest.strip(), ())
        if len(lines) < 2 or not lines[1].strip():
            self._skip(record, report, "has a time but no sender line, so it was not read.")
            return None
        sender = clean_whitespace(lines[1])
        return self._message(record, lines, when, sender)

    def _message(
        self, record: _Record, lines: list[str], when: datetime, sender: str
    ) -> RawMessage:
        body: list[str] = []
        files: list[Attachment] = []
        reactions: list[Reaction] = []
        deleted = edited = in_tapbacks = False
        for line in lines[2:]:
            if in_tapbacks and (found := TAPBACK.match(line)):
                reactions.append(Reaction(emoji=found.group(1), actor=found.group(2)))
                continue
            in_tapbacks = line in _TAPBACKS
            if in_tapbacks or line in _NOTES:
                continue
            if line == _DELETED:
                deleted = True
            elif line == _MISSING:
                files.append(Attachment(name="attachment (missing from the export)"))
            elif sticker := _STICKER.match(line):
                files.append(self._file(sticker.group(2), "sticker"))
            elif _PATH.match(line):
                files.append(self._file(line, ""))
            else:
                edited = edited or bool(_EDITED.match(line))
                body.append(line)
        text = "\n".join(body).strip("\n")
        kind = MessageKind.MEDIA if files and not text else MessageKind.MESSAGE
        if deleted:
            kind = MessageKind.DELETED
        raw = self._raw(record, lines[0], when, sender, kind, text, tuple(reactions))
        raw.attachments = tuple(files)
        raw.edited = edited
        return raw

    def _file(self, path: str, kind: str) -> Attachment:
        rel = path.strip()
        present = rel in self.files
        ext = rel.rsplit(".", 1)[-1].lower()
        if not kind:
            kind = {"jpeg": "image", "jpg": "image", "png": "image", "heic": "image"}.get(ext, "")
            kind = kind or {"mov": "video", "mp4": "video", "caf": "audio", "m4a": "audio"}.get(
                ext, "file"
            )
        return Attachment(
            name=rel.rsplit("/", 1)[-1], type=kind, present=present, path=rel if present else None
        )

    def _raw(
        self,
        record: _Record,
        stamp_line: str,
        when: datetime,
        sender: str | None,
        kind: MessageKind,
        text: str,
        reactions: tuple[Reaction, ...],
    ) -> RawMessage:
        ident, ident_kind = None, None
        if sender and sender != ME:
            found_kind, value = classify_identifier(sender, self.region)
            if found_kind in (IdentifierKind.PHONE, IdentifierKind.EMAIL):
                ident, ident_kind = value, found_kind
        return RawMessage(
            platform=PLATFORM,
            conversation_key=self.key,
            conversation_title=self.key,
            sender=sender,
            sender_id=ident,
            sender_id_kind=ident_kind,
            timestamp=when,
            timestamp_raw=stamp_line.strip(),
            time_basis=TimeBasis.CASE_TZ,
            kind=kind,
            text=text,
            reactions=reactions,
            location=f"{self.name} line {record.line_no}",
            line_no=record.line_no,
        )
