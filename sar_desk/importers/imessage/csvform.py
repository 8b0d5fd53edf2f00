"""iMazing-style Messages CSV: one row per message, with chat, type, sender and text columns.

No iMazing documentation was found; the columns come from third-party importer fixtures
(formats-more.md section 3c, all [P]). Accepted header variants: with or without ``Edited
Date`` and ``Delivered Date``/``Read Date``, and the older form with ``Reactions``; a BOM is
optional. ``Type`` is ``Incoming``, ``Outgoing`` or ``Notification``; outgoing rows have empty
sender fields and are the phone owner's ("Me"). Dates are local (``2020-01-01 12:00:00``, with
or without seconds) and read in the case time zone. Rows are located by their first line, so a
quoted text spanning lines is reported where it starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from sar_desk.core.identity import classify_identifier, clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.core.model import Attachment, IdentifierKind, MessageKind, Reaction, TimeBasis
from sar_desk.importers.csvfile import strict_csv
from sar_desk.importers.localtime import clock, local

PLATFORM = "imessage"
ME = "Me"
REQUIRED = ("Chat Session", "Message Date", "Type", "Text")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")
_TYPES = {"incoming", "outgoing", "notification"}


def is_header(line: str) -> bool:
    """Whether a CSV header line is iMazing's Messages export (not its WhatsApp one)."""
    cells = [c.strip().strip('"') for c in line.lstrip("\ufeff").split(",")]
    return all(c in cells for c in REQUIRED) and ("Service" in cells or "Delivered Date" in cells)


class CsvChats:
    """One CSV file of messages (it may hold several chat sessions)."""

    def __init__(self, name: str, zone: ZoneInfo, region: str, files: set[str]):
        self.name = name
        self.zone = zone
        self.region = region
        self.files = files

    def read(self, handle: IO[bytes], report: ImportReport) -> Iterator[RawMessage]:
        """Stream the file's rows as records; damaged rows are reported with their line.

        Raises:
            ImportFormatError: The file is not UTF-8 or its quoting is broken.
        """
        return strict_csv(
            handle,
            self.name,
            lambda reader: self._rows(reader, report),
            "Export the messages again.",
        )

    def _rows(self, reader: Any, report: ImportReport) -> Iterator[RawMessage]:
        header = [h.strip() for h in next(reader, [])]
        previous = reader.line_num
        for row in reader:
            line_no = previous + 1
            previous = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            where = f"{self.name} line {line_no}"
            if len(row) != len(header):
                report.skip(
                    where,
                    f"has {len(row)} columns where the header has {len(header)}, so its fields "
                    "cannot be told apart.",
                    line_no,
                )
                continue
            raw = self._row(dict(zip(header, row, strict=True)), where, line_no, report)
            if raw is not None:
                yield raw

    def _when(self, value: str) -> datetime | None:
        found = _DATE.match(value.strip())
        if not found:
            return None
        year, month, day, hour, minute, second = found.groups()
        hms = clock(hour, minute, second)
        return local(self.zone, int(year), int(month), int(day), hms) if hms else None

    def _row(
        self, row: dict[str, str], where: str, line_no: int, report: ImportReport
    ) -> RawMessage | None:
        when = self._when(row["Message Date"])
        kind_name = row["Type"].strip().lower()
        if when is None or kind_name not in _TYPES:
            what = "date" if when is None else "type"
            value = row["Message Date"] if when is None else row["Type"]
            report.skip(where, f"has a {what} SAR Desk cannot read ({value!r}).", line_no)
            return None
        sender, ident, ident_kind = self._sender(row, kind_name)
        text = row["Text"].replace("\r\n", "\n")
        if row.get("Subject", "").strip():
            text = f"{row['Subject'].strip()}\n{text}".strip()
        if row.get("Replying to", "").strip():
            quoted = "\n".join(f"> {q}" for q in row["Replying to"].strip().splitlines())
            text = f"{quoted}\n{text}".strip()
        files = self._files(row)
        kind = MessageKind.MEDIA if files and not text.strip() else MessageKind.MESSAGE
        if kind_name == "notification":
            kind = MessageKind.SYSTEM
        reactions = row.get("Reactions", "").strip()
        session = clean_whitespace(row["Chat Session"]) or "iMessage"
        return RawMessage(
            platform=PLATFORM,
            conversation_key=session,
            conversation_title=session,
            sender=sender,
            sender_id=ident,
            sender_id_kind=ident_kind,
            timestamp=when,
            timestamp_raw=row["Message Date"],
            time_basis=TimeBasis.CASE_TZ,
            kind=kind,
            text=text,
            attachments=files,
            edited=bool(row.get("Edited Date", "").strip()),
            reactions=(Reaction(emoji=reactions),) if reactions else (),
            location=where,
            line_no=line_no,
        )

    def _sender(
        self, row: dict[str, str], kind_name: str
    ) -> tuple[str | None, str | None, IdentifierKind | None]:
        if kind_name == "outgoing":
            return ME, None, None
        name = clean_whitespace(row.get("Sender Name", ""))
        raw_id = clean_whitespace(row.get("Sender ID", ""))
        ident, ident_kind = None, None
        if raw_id:
            found_kind, value = classify_identifier(raw_id, self.region)
            if found_kind in (IdentifierKind.PHONE, IdentifierKind.EMAIL):
                ident, ident_kind = value, found_kind
        return name or raw_id or None, ident, ident_kind

    def _files(self, row: dict[str, str]) -> tuple[Attachment, ...]:
        name = row.get("Attachment", "").strip()
        if not name:
            return ()
        base = name.replace("\\", "/").rsplit("/", 1)[-1]
        hit = next((f for f in self.files if f.rsplit("/", 1)[-1] == base), None)
        kind = row.get("Attachment type", "").strip().split("/")[0].lower() or "file"
        return (Attachment(name=base, type=kind, present=hit is not None, path=hit),)
