"""Resource limits on everything an importer reads: depth, size, count and time.

A crafted or damaged export must be refused in one sentence, never exhaust the computer. The
limits sit far above anything a real chat export reaches (those nest a dozen levels, hold
strings of kilobytes and a few hundred thousand files at most), so a real export never meets
them, and each refusal says which limit was met.

- `JsonDepthGuard`: fed the bytes of a JSON file chunk by chunk (before ijson sees them, since
  ijson has no depth limit and its memory grows with the square of the depth); refuses
  nesting deeper than `MAX_JSON_DEPTH` and single strings longer than `MAX_JSON_STRING`.
- `loads_json(data, name)`: ``json.loads`` behind the same guard, for small whole files.
- `check_whole_read(name, size)`: refuses reading a file larger than `MAX_WHOLE_FILE` at once.
- `check_zip_directory(path)`: refuses zips whose central directory lists more than
  `MAX_ZIP_ENTRIES` files, read from the end record before `zipfile` builds its entry list.
- `Deadline`: a time budget that grows with the input's size, for markup parsers whose time can
  grow faster than the input (Python's ``html.parser`` on unclosed constructs).
- `MarkupDepth`: counts open elements of XML/HTML and refuses nesting deeper than a limit.
"""

from __future__ import annotations

import json
import re
import struct
import time
from itertools import accumulate, repeat
from operator import sub
from pathlib import Path
from typing import Any, Final, Protocol

from sar_desk.core.errors import InputLimitError

MAX_JSON_DEPTH: Final = 256
MAX_JSON_STRING: Final = 64 * 1024**2
MAX_WHOLE_FILE: Final = 256 * 1024**2
MAX_ZIP_ENTRIES: Final = 500_000
MAX_ZIP_DIRECTORY: Final = 256 * 1024**2
MAX_MARKUP_DEPTH: Final = 1_000
BASE_SECONDS: Final = 60.0
SECONDS_PER_MB: Final = 2.0

# A string in the compact form (quotes and brackets only), and every other byte.
_QUOTED = re.compile(rb'"[^"]*"')
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
# Opening brackets become 2 and closing ones 0, so ``step - 1`` is the change in depth.
_STEPS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")


def _too_deep(name: str, limit: int) -> InputLimitError:
    return InputLimitError(
        f"{name} nests its data more than {limit:,} levels deep. Chat exports nest a few "
        "dozen levels at most, so the file was refused as damaged or crafted; nothing was "
        "imported. Ask for a fresh export."
    )


class JsonDepthGuard:
    """Track the nesting depth of a JSON byte stream across chunks (strings skipped).

    Args:
        name: The file name, for the refusal.
        max_depth: The deepest nesting allowed.
        max_string: The longest single string allowed, in bytes.
    """

    def __init__(
        self, name: str, max_depth: int = MAX_JSON_DEPTH, max_string: int = MAX_JSON_STRING
    ) -> None:
        self._name = name
        self._max_depth = max_depth
        self._max_string = max_string
        self._depth = 0
        self._in_string = False
        self._string_run = 0
        self._carry = b""

    def feed(self, data: bytes) -> None:
        """Scan the next chunk of the file (linear, and mostly in C: see the comments).

        Raises:
            InputLimitError: The nesting or a string exceeds its limit.
        """
        # A trailing run of backslashes waits for the next chunk: its parity decides the
        # meaning of the byte that follows.
        data = self._carry + data
        stripped = data.rstrip(b"\\")
        self._carry = data[len(stripped) :]
        # Dropping escaped backslashes, then escaped quotes, leaves only the quotes that open
        # or close strings (JSON escapes are two characters, read left to right).
        data = stripped.replace(b"\\\\", b"").replace(b'\\"', b"")
        # Keep only quotes and brackets; two adjacent quotes have no bracket between them, so
        # removing the pair never moves a bracket in or out of a string.
        compact = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
        if self._in_string:
            compact = b'"' + compact
        outside = _QUOTED.sub(b"", compact)
        was_in_string = self._in_string
        quote = outside.find(b'"')
        self._in_string = quote >= 0
        if self._in_string:  # a string continues into the next chunk
            last = data.rfind(b'"')
            self._string_run = self._string_run if was_in_string and last < 0 else 0
            self._grow_string(len(data) - last - 1 if last >= 0 else len(data))
            outside = outside[:quote]
        if not outside:
            return
        depths = list(
            accumulate(map(sub, outside.translate(_STEPS), repeat(1)), initial=self._depth)
        )
        if max(depths) > self._max_depth:
            raise _too_deep(self._name, self._max_depth)
        self._depth = depths[-1]

    def _grow_string(self, size: int) -> None:
        self._string_run += size
        if self._string_run > self._max_string:
            raise InputLimitError(
                f"{self._name} holds a single text value of more than "
                f"{self._max_string // 1024**2:,} MB, which no chat export writes. It was "
                "refused as damaged or crafted; nothing was imported."
            )


def loads_json(data: bytes | str, name: str) -> Any:
    """``json.loads`` after checking the depth and string limits.

    Raises:
        InputLimitError: The data nests too deep or holds an absurdly long string.
        json.JSONDecodeError, UnicodeDecodeError: As ``json.loads`` (callers word these).
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    JsonDepthGuard(name).feed(raw)
    if isinstance(data, bytes):
        return json.loads(data.decode("utf-8-sig"))
    return json.loads(data)


def check_whole_read(name: str, size: int) -> None:
    """Refuse reading a file of `size` bytes into memory at once.

    Raises:
        InputLimitError: `size` exceeds `MAX_WHOLE_FILE`.
    """
    if size > MAX_WHOLE_FILE:
        raise InputLimitError(
            f"{name} is {size / 1024**2:,.0f} MB, more than the "
            f"{MAX_WHOLE_FILE // 1024**2:,} MB SAR Desk reads in one piece for this kind of "
            "file; no chat export writes such a file, so it was refused. Check it is the "
            "unchanged export."
        )


_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"


def _directory_counts(tail: bytes, handle: Any, end: int) -> tuple[int, int] | None:
    """(entries, central directory bytes) from a zip's end records, or None if absent."""
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        return None
    entries, size = struct.unpack("<HL", tail[at + 10 : at + 16])
    locator = at - 20
    if locator >= 0 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
        (record,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        if 0 <= record < end:
            handle.seek(record)
            head = handle.read(56)
            if head[:4] == b"PK\x06\x06" and len(head) >= 48:
                entries, size = struct.unpack("<QQ", head[32:48])
    return entries, size


def check_zip_directory(path: Path) -> None:
    """Refuse a zip whose central directory is absurdly large, before `zipfile` reads it.

    Raises:
        InputLimitError: Too many entries or too large a directory.
    """
    try:
        with path.open("rb") as handle:
            end = handle.seek(0, 2)
            handle.seek(max(0, end - 66_000))
            counts = _directory_counts(handle.read(), handle, end)
    except OSError:
        return  # the zip reader reports unreadable files in its own words
    if counts is None:
        return
    entries, size = counts
    if entries > MAX_ZIP_ENTRIES or size > MAX_ZIP_DIRECTORY:
        raise InputLimitError(
            f"{path.name} lists {entries:,} files, more than the {MAX_ZIP_ENTRIES:,} any chat "
            "export holds. It was refused as damaged or crafted; nothing was imported."
        )


class Deadline:
    """A time budget for reading one input: `BASE_SECONDS` plus `SECONDS_PER_MB` per MB.

    Args:
        name: The file name, for the refusal.
        size: The input's size in bytes.
    """

    def __init__(self, name: str, size: int) -> None:
        self._name = name
        self.seconds = BASE_SECONDS + SECONDS_PER_MB * size / 1024**2
        self._end = time.monotonic() + self.seconds

    def check(self) -> None:
        """Raise once the budget is spent.

        Raises:
            InputLimitError: Reading took longer than any real export of this size takes.
        """
        if time.monotonic() > self._end:
            raise InputLimitError(
                f"Reading {self._name} took more than {self.seconds:,.0f} seconds, far longer "
                "than an export of its size takes, so it was stopped as damaged or crafted; "
                "nothing was imported."
            )


class MarkupDepth:
    """Count open XML/HTML elements and refuse nesting deeper than `limit`.

    Args:
        name: The file name, for the refusal.
        limit: The deepest nesting allowed.
    """

    def __init__(self, name: str, limit: int = MAX_MARKUP_DEPTH) -> None:
        self._name = name
        self._limit = limit
        self.depth = 0

    def opened(self) -> None:
        """An element began.

        Raises:
            InputLimitError: The nesting exceeds the limit.
        """
        self.depth += 1
        if self.depth > self._limit:
            raise _too_deep(self._name, self._limit)

    def closed(self) -> None:
        """An element ended."""
        self.depth = max(0, self.depth - 1)


class _Feedable(Protocol):
    def feed(self, data: str) -> None: ...


def feed_markup(parser: _Feedable, text: str, name: str, chunk: int = 64 * 1024) -> None:
    """Feed `text` to an HTML parser in chunks, within a `Deadline` for its size.

    Python's ``html.parser`` keeps unfinished constructs (an unclosed comment or tag) and
    rescans them on every feed, so a crafted file can take time that grows with the square of
    its size; the deadline turns that into a refusal.

    Raises:
        InputLimitError: Reading took longer than the budget.
    """
    deadline = Deadline(name, len(text))
    for start in range(0, len(text), chunk):
        parser.feed(text[start : start + chunk])
        deadline.check()
