"""The WhatsApp importer: finds the chat in a .txt, .zip or folder and streams its records."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import ClassVar, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sar_desk.core.errors import (
    BadInputError,
    Hint,
    ImportFormatError,
    SarDeskError,
    UnsafeArchiveError,
)
from sar_desk.core.identity import clean_whitespace
from sar_desk.core.imports import ImportReport, RawMessage
from sar_desk.importers.archive import ExportTree, looks_binary, safe_tree
from sar_desk.importers.base import ImportOptions
from sar_desk.importers.whatsapp.dates import decide_order, match_line, style_of
from sar_desk.importers.whatsapp.parse import Context, RecordParser
from sar_desk.importers.whatsapp.scan import Scan, scan, sender_names

logger = logging.getLogger(__name__)

SNIFF_BYTES: Final = 8 * 1024
BLOCK_BYTES: Final = 1 << 20
_SNIFF_LINES: Final = 50
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_ZIP_MAGIC: Final = b"PK\x03\x04"
CAP_WITHOUT_MEDIA: Final = 40_000
CAP_WITH_MEDIA: Final = 10_000
_NEAR_CAP: Final = 0.95
# Export file names are localised; these are the prefixes before the chat's name.
_NAME_PREFIXES: Final = re.compile(
    r"^(?:WhatsApp Chat (?:with|mit|-)|Chat de WhatsApp con|Conversa do WhatsApp com"
    r"|Chat WhatsApp con|WhatsApp-chat met|Discussion WhatsApp avec|Chat WhatsApp s uživatelem"
    r"|Чат WhatsApp с контактом|WhatsApp Chat)\s+(?P<name>.+)$",
    re.IGNORECASE,
)
LIMITATIONS: Final = (
    "WhatsApp .txt exports contain no reactions, so none were imported.",
    "Replies look like ordinary messages: the quoted message is not in the export.",
    "Only the last version of an edited message is exported; earlier versions are not.",
    "Read receipts, poll votes and forwarding marks are not in the export.",
    "Times are the exporting phone's local time with no offset; they were read in the case "
    "time zone.",
)


def chat_title(name: str) -> str:
    """The chat's name from an export's file name (``WhatsApp Chat with X.txt`` gives X)."""
    stem = clean_whitespace(PurePosixPath(name).stem)
    match = _NAME_PREFIXES.match(stem)
    return match["name"] if match else stem


class WhatsAppImporter:
    """Reads WhatsApp "Export chat" files: Android or iOS, .txt, .zip or an unpacked folder."""

    platform: ClassVar[str] = "whatsapp"
    display_name: ClassVar[str] = "WhatsApp chat export"
    shapes: ClassVar[str] = (
        "WhatsApp Chat with NAME.txt (Android), WhatsApp Chat - NAME.zip with _chat.txt (iOS), "
        "with or without media, or the unzipped folder"
    )
    version: ClassVar[str] = "1.0"

    def sniff(self, path: Path) -> bool:
        """Whether the first few KB of the file (or of a .txt in the zip) hold WhatsApp headers.

        Never raises: anything unreadable is simply not a WhatsApp export.
        """
        try:
            if path.is_file() and not zipfile.is_zipfile(path):
                with path.open("rb") as handle:
                    return _head_has_headers(handle.read(SNIFF_BYTES))
            tree = safe_tree(path)
            if tree is None:
                return False
            with tree:
                return any(
                    _head_has_headers(tree.head(name, SNIFF_BYTES))
                    for name in _chat_candidates(tree)[:5]
                )
        except (OSError, ValueError, SarDeskError, zipfile.BadZipFile, EOFError, RuntimeError):
            return False
        except NotImplementedError:  # a zip compression method Python cannot read
            return False

    def read(
        self, path: Path, report: ImportReport, options: ImportOptions
    ) -> Iterator[RawMessage]:
        """Stream the chat's messages and events in file order.

        Raises:
            ImportFormatError: Not a WhatsApp chat, undecodable, empty, or no messages.
            AmbiguousDateOrderError: No date settles day/month order and none was chosen.
            UnsafeArchiveError: The zip is damaged, a zip bomb, or escapes its folder.
            BadInputError: The case time zone is unknown.
        """
        zone = _zone(options.timezone)
        with ExportTree(path) as tree:
            chat = _pick_chat(tree, path)
            display = path.name if tree.kind == "file" else f"{path.name} ({chat})"
            _check_head(tree, chat, display)
            found = scan(_blocks(tree, chat, display))
            if found.style is None:
                raise ImportFormatError(
                    f"{display} doesn't look like a WhatsApp chat: no line starts with a "
                    "WhatsApp date and time. Check you picked the exported chat file; if it "
                    "is from another app, import it naming that app's platform.",
                    hint=Hint.CHOOSE_PLATFORM,
                )
            order = decide_order(found.style, found.evidence, options.day_first, display)
            media = _media(tree, chat)
            # A group's name is the same on every member's phone while file names are not, so
            # the group name keys the conversation: two phones' exports then de-duplicate.
            key = found.group or _conversation_key(path, tree, chat)
            context = Context(key, key, options.region, order, zone, media)
            _describe(report, found, order, options, chat)
            count = 0
            parser = RecordParser(
                found, context, report, lambda: sender_names(_blocks(tree, chat, display))
            )
            for record in parser.parse(_blocks(tree, chat, display)):
                count += 1
                yield record
            cap = CAP_WITH_MEDIA if media else CAP_WITHOUT_MEDIA
            if _NEAR_CAP * cap <= count <= cap / _NEAR_CAP:
                report.warn(
                    f"{display} has {count:,} messages, close to the {cap:,} WhatsApp puts in "
                    "one export, so older messages may be missing (possibly truncated). Ask "
                    "for an export of an earlier period or the device itself if they matter."
                )
            logger.info("whatsapp import: %d records, %d skipped lines", count, len(report.issues))


def _describe(
    report: ImportReport, found: Scan, order: str, options: ImportOptions, chat: str
) -> None:
    """Record the settings the import relied on and what the format cannot hold."""
    report.settings["date_order"] = order
    report.settings["timezone"] = options.timezone
    report.settings["time_basis"] = "case-tz"
    report.settings["timezone_assumption"] = (
        f"times have no offset; read as local time in {options.timezone} (repeated autumn "
        "hour: first occurrence; skipped spring hour: the offset before the change)"
    )
    report.settings["chat_file"] = chat
    if found.style is not None:
        report.settings["header_style"] = found.style.label
    for limitation in LIMITATIONS:
        if limitation not in report.limitations:
            report.limitations.append(limitation)
    if found.other_style:
        report.warn(
            f"{found.other_style:,} lines look like message headers in a different format; "
            "they were kept as part of the message before them (pasted or quoted text)."
        )


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInputError(
            f"'{name}' is not a time zone SAR Desk knows. Use a name such as Europe/London."
        ) from exc


def _chat_candidates(tree: ExportTree) -> list[str]:
    """The export's .txt files, most likely chat first: iOS ``_chat.txt``, then named chats."""
    if tree.kind == "file":
        return tree.names()
    texts = [name for name in tree.names() if name.lower().endswith(".txt")]

    def rank(name: str) -> tuple[int, int, str]:
        base = PurePosixPath(name).name
        named = _NAME_PREFIXES.match(clean_whitespace(PurePosixPath(name).stem)) is not None
        return (0 if base == "_chat.txt" else 1 if named else 2, name.count("/"), name)

    return sorted(texts, key=rank)


def _pick_chat(tree: ExportTree, path: Path) -> str:
    """The chat file inside an export: the best-ranked .txt whose head has headers."""
    candidates = _chat_candidates(tree)
    if not candidates:
        raise ImportFormatError(
            f"{path.name} contains no chat text file (_chat.txt or 'WhatsApp Chat with "
            "NAME.txt'). Check it is a WhatsApp export; if the chat was left out, export it again."
        )
    if len(candidates) == 1 or tree.kind == "file":
        return candidates[0]
    for name in candidates[:20]:
        if _head_has_headers(tree.head(name, SNIFF_BYTES)):
            return name
    return candidates[0]


def _check_head(tree: ExportTree, chat: str, display: str) -> None:
    """Refuse empty, binary and broken-zip files with a sentence, before the first pass."""
    head = tree.head(chat, SNIFF_BYTES)
    if not head.strip(b"\xef\xbb\xbf \r\n\t"):
        raise ImportFormatError(
            f"{display} is empty. Export the chat again from the phone and import the new file."
        )
    if head.startswith(_ZIP_MAGIC):
        raise UnsafeArchiveError(
            f"{display} is a damaged zip file (it may have been cut short while copying). "
            "Copy the export again from the device and import the new copy."
        )
    if looks_binary(head):
        raise ImportFormatError(
            f"{display} is a binary file, not a chat export. Check you picked the exported "
            "chat (for WhatsApp, the .txt or .zip the app shared)."
        )


def _blocks(tree: ExportTree, chat: str, display: str) -> Iterator[str]:
    r"""The chat's text in blocks of whole lines, decoded strictly, line breaks made ``\n``.

    UTF-8 is decoded block by block with ``bytes.decode`` (several times faster than a text
    stream); a block always ends at a line break, so no character is ever split.
    """
    with tree.open(chat) as raw:
        if raw.read(2) in _UTF16_BOMS:
            yield from _utf16_blocks(tree, chat)
            return
    with tree.open(chat) as raw:
        carry = b""
        start = True
        while chunk := raw.read(BLOCK_BYTES):
            data = carry + chunk if carry else chunk
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                carry = data  # one line longer than a block: keep reading
                continue
            carry = data[cut:]
            yield _decode(data[:cut], start, tree, chat, display)
            start = False
        if carry:
            yield _decode(carry, start, tree, chat, display)


def _decode(data: bytes, start: bool, tree: ExportTree, chat: str, display: str) -> str:
    try:
        text = data.decode("utf-8-sig" if start else "utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"{display} line {_bad_line(tree, chat):,} has bytes that are not valid UTF-8 "
            "text, so the file is not an unchanged chat export (it may have been re-saved "
            "by another program). Export the chat again and import that file."
        ) from exc
    return _newlines(text)


def _utf16_blocks(tree: ExportTree, chat: str) -> Iterator[str]:
    """UTF-16 exports (re-saved by Windows tools) through a text stream; rare and small."""
    with tree.open(chat) as raw:
        stream = io.TextIOWrapper(raw, "utf-16", newline="")
        carry = ""
        while chunk := stream.read(BLOCK_BYTES):
            text = carry + chunk
            cut = text.rfind("\n") + 1
            carry = text[cut:]
            if cut:
                yield _newlines(text[:cut])
        if carry:
            yield _newlines(carry)


def _newlines(text: str) -> str:
    """CRLF (iOS) and stray CR line breaks as LF, so lines are counted the way Python does."""
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _bad_line(tree: ExportTree, chat: str) -> int:
    """The first line that is not valid UTF-8 (a decode error reports a chunk, not a line)."""
    with tree.open(chat) as raw:
        for n, line in enumerate(raw, 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return n
    return 1


def _media(tree: ExportTree, chat: str) -> dict[str, tuple[str, int]]:
    """Files shipped with the chat, by base name (WhatsApp refers to them by base name)."""
    if tree.kind == "file":
        return {}
    media: dict[str, tuple[str, int]] = {}
    for name in tree.names():
        base = PurePosixPath(name).name
        if name != chat and not base.startswith("._") and base not in media:
            media[base] = (name, tree.size(name))
    return media


def _conversation_key(path: Path, tree: ExportTree, chat: str) -> str:
    """The chat's name: the zip or folder name wins over ``_chat.txt``."""
    if tree.kind == "file":
        return chat_title(path.name)
    outer = chat_title(path.name)
    if _NAME_PREFIXES.match(clean_whitespace(PurePosixPath(path.name).stem)):
        return outer
    inner = PurePosixPath(chat).name
    return outer if inner == "_chat.txt" else chat_title(inner)


def _head_has_headers(data: bytes) -> bool:
    """Whether the start of a file reads as a WhatsApp chat.

    The first non-blank line must be a header, or at least three of the first lines must be:
    a letter quoting one chat line is not a chat.
    """
    if not data or looks_binary(data):
        return False
    text = data.decode("utf-16" if data.startswith(_UTF16_BOMS) else "utf-8-sig", "replace")
    headers = 0
    first = True
    for line in text.splitlines()[:_SNIFF_LINES]:
        if first and not line.strip():
            continue
        match = match_line(line)
        is_header = match is not None and style_of(match) is not None
        if first and is_header:
            return True
        first = False
        headers += is_header
    return headers >= 3
