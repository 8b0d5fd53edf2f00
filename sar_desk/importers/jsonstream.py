r"""Tolerant, streaming JSON reading for importers of JSON exports.

Chat exports in JSON can be gigabytes, and some exporters write JSON that is not quite valid
(Telegram Desktop escapes control characters as ``\\xNN``). This module wraps `ijson` so that
importers read such files record by record, with every failure turned into an
`ImportFormatError` that names the file and the byte offset.

API (for any JSON importer):

- `TolerantReader(raw, name)`: a binary file-like that strips a UTF-8 BOM, transcodes
  BOM-marked UTF-16 to UTF-8, refuses UTF-16 without a BOM, and rewrites ``\\xNN`` escapes to
  ``\\u00NN`` (only when the backslash is not itself escaped), also across chunk boundaries.
  ``offset`` is the number of raw bytes consumed so far.
- `open_json(tree, name)`: context manager yielding a `TolerantReader` over one file of an
  `ExportTree`.
- `iter_items(tree, name, prefix)`: stream the values at an ijson prefix (``"messages.item"``).
- `walk(tree, name, prefixes, starts)`: stream several prefixes at once from one pass; yields
  ``(prefix, value)`` for complete values at `prefixes` and ``(prefix, START)`` when an object
  begins at a prefix in `starts` (e.g. each chat of a Telegram full export).
- `head_values(tree, name, prefixes, stop_keys)`: scalar values near the top of a file (chat
  name, channel id) read from a short pass that stops at the first root key in `stop_keys`;
  also says which stop key was met (how the file is shaped).
- `load_json(tree, name)`: parse a small file whole (Slack ``users.json``, a day file).
- `head_text(tree, name)`: the first few KB decoded leniently, for `sniff`.
- `dict_at(obj, key)` / `list_at(obj, key)`: a nested value of the expected type, or empty.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import IO, Any, Final

import ijson

from sar_desk.core.errors import ImportFormatError, InputLimitError, UnsafeArchiveError
from sar_desk.importers.archive import ExportTree
from sar_desk.importers.limits import JsonDepthGuard, check_whole_read

__all__ = [
    "START",
    "TolerantReader",
    "dict_at",
    "head_text",
    "head_values",
    "iter_items",
    "list_at",
    "load_json",
    "open_json",
    "walk",
]

START: Final = object()
"""Marker yielded by `walk` when an object begins at one of its `starts` prefixes."""

_CHUNK = 256 * 1024
# A run of backslashes before "x": the escape is real only when the run has odd length (the
# others are escaped backslashes). Matching whole runs keeps the scan linear.
_X_RUN = re.compile(rb"(\\+)x")


def _fix_run(match: re.Match[bytes]) -> bytes:
    run = match.group(1)
    return run[:-1] + b"\\u00" if len(run) % 2 else match.group(0)


class TolerantReader:
    """A binary reader that repairs what JSON exporters get wrong, chunk by chunk.

    Args:
        raw: The binary stream to read.
        name: The file name, for error messages.

    Raises:
        ImportFormatError: On first read, when the file is UTF-16 without a byte-order mark.
    """

    def __init__(self, raw: IO[bytes], name: str) -> None:
        self._raw = raw
        self._name = name
        self._pending = b""  # trailing backslashes held back until the next chunk
        self._out = b""
        self._decoder: codecs.IncrementalDecoder | None = None
        self._started = False
        self._eof = False
        self._guard = JsonDepthGuard(name)  # before ijson, which has no depth limit
        self.offset = 0

    def _start(self, chunk: bytes) -> bytes:
        self._started = True
        if chunk.startswith(codecs.BOM_UTF8):
            return chunk[3:]
        if chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self._decoder = codecs.getincrementaldecoder("utf-16")("strict")
            return chunk
        head = chunk[:4096]
        if head and head.count(b"\0") > len(head) // 4:
            raise ImportFormatError(
                f"{self._name} is saved as UTF-16 text without a byte-order mark, which is not "
                "how the app exports it. Export the chat again and import the file unchanged."
            )
        return chunk

    def _fill(self) -> None:
        chunk = self._raw.read(_CHUNK)
        self.offset += len(chunk)
        self._eof = not chunk
        if not self._started and chunk:
            chunk = self._start(chunk)
        if self._decoder is not None:
            try:
                chunk = self._decoder.decode(chunk, final=self._eof).encode("utf-8")
            except UnicodeDecodeError as exc:
                raise ImportFormatError(
                    f"{self._name} near byte {self.offset:,} is not valid UTF-16 text. Export "
                    "the chat again and import the file unchanged."
                ) from exc
        data = self._pending + chunk
        if not self._eof:
            # Hold back a trailing run of backslashes: its parity decides the next byte's meaning.
            stripped = data.rstrip(b"\\")
            self._pending = data[len(stripped) :]
            data = stripped
        else:
            self._pending = b""
        if b"\\x" in data:
            data = _X_RUN.sub(_fix_run, data)
        self._guard.feed(data)
        self._out += data

    def read(self, size: int = -1) -> bytes:
        """Read up to `size` repaired bytes (all remaining when `size` is negative)."""
        if size is None or size < 0:
            while not self._eof:
                self._fill()
            out, self._out = self._out, b""
            return out
        while len(self._out) < size and not self._eof:
            self._fill()
        out, self._out = self._out[:size], self._out[size:]
        return out


@contextmanager
def open_json(tree: ExportTree, name: str) -> Iterator[TolerantReader]:
    """Open one JSON file of an export through a `TolerantReader`."""
    with tree.open(name) as handle:
        yield TolerantReader(handle, name)


def _json_error(name: str, exc: Exception, offset: int) -> ImportFormatError:
    text = str(exc)
    if "UTF8" in text or "utf-8" in text.lower() or isinstance(exc, UnicodeDecodeError):
        return ImportFormatError(
            f"{name} near byte {offset:,} has bytes that are not valid UTF-8 text, so it is not "
            "an unchanged export (it may have been re-saved by another program). Export the chat "
            "again and import that file."
        )
    if "premature EOF" in text:
        return ImportFormatError(
            f"{name} ends abruptly at byte {offset:,}: the JSON is not closed, so the file was "
            "probably cut short while copying. Copy the export again and import the full file."
        )
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return ImportFormatError(
        f"{name} is not valid JSON near byte {offset:,} ({first}). Check it is the unchanged "
        "export file; if it was edited or cut short, export it again."
    )


def walk(
    tree: ExportTree,
    name: str,
    prefixes: Collection[str],
    starts: Collection[str] = (),
) -> Iterator[tuple[str, Any]]:
    """Stream the complete values found at `prefixes` in one pass over a JSON file.

    Values nested inside another wanted value are not reported separately.

    Args:
        tree: The export.
        name: The file in the export.
        prefixes: ijson prefixes whose values are wanted (``"chats.list.item.messages.item"``).
        starts: Prefixes at which the start of an object is reported as ``(prefix, START)``.

    Raises:
        ImportFormatError: The file is not valid JSON (with the byte offset) or not UTF-8.
    """
    with open_json(tree, name) as reader:
        events = ijson.parse(reader, use_float=True)
        try:
            for prefix, event, value in events:
                if event == "start_map" and prefix in starts:
                    yield prefix, START
                if prefix not in prefixes or event in ("map_key", "end_map", "end_array"):
                    continue
                if event in ("start_map", "start_array"):
                    yield prefix, _build(events, event)
                else:
                    yield prefix, value
        except ijson.JSONError as exc:
            raise _json_error(name, exc, reader.offset) from exc


def _build(events: Iterator[tuple[str, str, Any]], first: str) -> Any:
    builder = ijson.ObjectBuilder()
    builder.event(first, None)
    depth = 1
    for _prefix, event, value in events:
        builder.event(event, value)
        if event in ("start_map", "start_array"):
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                break
    return builder.value


def iter_items(tree: ExportTree, name: str, prefix: str) -> Iterator[Any]:
    """Stream the values at one ijson prefix (fast path: objects are built in C).

    Raises:
        ImportFormatError: The file is not valid JSON (with the byte offset) or not UTF-8.
    """
    with open_json(tree, name) as reader:
        try:
            yield from ijson.items(reader, prefix, use_float=True)
        except ijson.JSONError as exc:
            raise _json_error(name, exc, reader.offset) from exc


def head_values(
    tree: ExportTree, name: str, prefixes: Collection[str], stop_keys: Collection[str]
) -> tuple[dict[str, Any], str | None]:
    """Scalar values at `prefixes` found before any root key in `stop_keys`.

    Returns:
        The values by prefix, and the stop key that ended the pass (None if the file ended or
        could not be read: the full pass that follows reports errors properly).
    """
    found: dict[str, Any] = {}
    with open_json(tree, name) as reader:
        try:
            for prefix, event, value in ijson.parse(reader, use_float=True):
                if prefix == "" and event == "map_key" and value in stop_keys:
                    return found, str(value)
                if prefix in prefixes and event in ("string", "number", "boolean", "null"):
                    found[prefix] = value
        except (InputLimitError, UnsafeArchiveError):
            raise  # a hostile file is refused, even while sniffing
        except (ijson.JSONError, ImportFormatError, UnicodeDecodeError):
            pass
    return found, None


def load_json(tree: ExportTree, name: str) -> Any:
    """Parse one small JSON file whole, with the same repairs as `TolerantReader`.

    Raises:
        ImportFormatError: The file is not valid JSON or not UTF-8 (with line and column).
    """
    check_whole_read(name, tree.size(name))
    with open_json(tree, name) as reader:
        data = reader.read()
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _json_error(name, exc, exc.start) from exc
    except json.JSONDecodeError as exc:
        if exc.pos >= len(data.rstrip()):
            raise ImportFormatError(
                f"{name} ends abruptly at byte {len(data):,}: the JSON is not closed, so the "
                "file was probably cut short while copying. Copy the export again."
            ) from exc
        raise ImportFormatError(
            f"{name} is not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}). "
            "Check it is the unchanged export file; if it was edited, export it again."
        ) from exc


def head_text(tree: ExportTree, name: str, size: int = 16 * 1024) -> str:
    """The first `size` bytes of a file as text (BOM-aware, undecodable bytes replaced).

    Raises:
        InputLimitError: The head of a JSON file already nests past the limit (so sniffing
            reports the real reason rather than "not a recognised export").
    """
    data = tree.head(name, size)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        JsonDepthGuard(name).feed(data.rstrip(b"\\"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def dict_at(obj: Any, key: str) -> dict[str, Any]:
    """``obj[key]`` when `obj` is a dict and that value is a dict; otherwise an empty dict."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, dict) else {}


def list_at(obj: Any, key: str) -> list[Any]:
    """``obj[key]`` when `obj` is a dict and that value is a list; otherwise an empty list."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, list) else []
