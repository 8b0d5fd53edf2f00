"""Reading a CSV export strictly: one place for its two ways of failing.

A quote left open would otherwise swallow every row after it, and bytes that are not UTF-8 mean
the file was re-saved (often by a spreadsheet); both refuse the whole file with the line where
reading stopped, so nothing is imported half-way.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar

from sar_desk.core.errors import ImportFormatError
from sar_desk.importers.archive import text_stream

T = TypeVar("T")


def strict_csv(
    handle: IO[bytes], name: str, rows: Callable[[Any], Iterator[T]], again: str
) -> Iterator[T]:
    """Stream what `rows` makes of a strict `csv.reader` over the file.

    Args:
        handle: The file, opened in binary mode.
        name: The file's name, for the messages.
        rows: Turns the reader (with ``line_num``) into records, reporting bad rows itself.
        again: What to ask the user for, e.g. "Export the chat again."

    Raises:
        ImportFormatError: The file is not UTF-8 or its quoting is broken.
    """
    with text_stream(handle) as stream:
        reader = csv.reader(stream, strict=True)
        try:
            yield from rows(reader)
        except UnicodeDecodeError as exc:
            raise ImportFormatError(
                f"{name} near line {reader.line_num + 1:,} has bytes that are not valid UTF-8 "
                f"text, so it is not an unchanged export (it may have been re-saved by a "
                f"spreadsheet). {again}"
            ) from exc
        except csv.Error as exc:
            raise ImportFormatError(
                f"{name} has broken CSV quoting near line {reader.line_num + 1:,}, so its rows "
                f"cannot be told apart. {again}"
            ) from exc
