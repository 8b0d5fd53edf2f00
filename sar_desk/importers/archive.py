"""Uniform, safe access to an export that may be a file, a zip or an unpacked folder.

Zips are checked before anything is read: entries that escape the folder (``..`` or absolute
paths), absurd uncompressed sizes (zip bombs) and damaged archives are refused with a clear
message. Nothing is ever extracted to disk.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO

from sar_desk.core.errors import (
    ImportFormatError,
    InputLimitError,
    UnsafeArchiveError,
    ZipBombError,
)
from sar_desk.importers.limits import MAX_ZIP_ENTRIES, check_whole_read, check_zip_directory

MAX_TOTAL_UNCOMPRESSED = 8 * 1024**3
"""Refuse archives that claim more than 8 GiB uncompressed."""
MAX_RATIO = 200
"""Refuse entries over 1 MiB that compress more than 200:1 (text chat compresses ~10:1)."""
SNIFF_BYTES = 64 * 1024


def _bad_zip(path: Path, exc: Exception) -> UnsafeArchiveError:
    return UnsafeArchiveError(
        f"{path.name} is not a complete zip file ({exc}). It may have been cut short while "
        "copying; copy the export again from the device and import the new copy."
    )


def _bomb(path: Path, info: zipfile.ZipInfo) -> ZipBombError:
    return ZipBombError(
        f"{path.name}: the entry {info.filename!r} would unpack to {info.file_size:,} bytes "
        f"from {info.compress_size:,} (a 'zip bomb'). It was not imported. "
        "Ask for a fresh export."
    )


def _too_compressed(info: zipfile.ZipInfo) -> bool:
    return info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1)


def check_zip(path: Path, zf: zipfile.ZipFile, per_entry: bool = False) -> frozenset[str]:
    """Refuse path traversal, zip bombs and damaged archives.

    Args:
        path: The archive (for messages).
        zf: The open archive.
        per_entry: Return the names of over-compressed entries instead of refusing the whole
            archive for them; `ExportTree` then refuses each one when it is read, so a single
            over-compressed attachment costs that attachment, not the export.

    Returns:
        The over-compressed entries (always empty unless `per_entry`).

    Raises:
        UnsafeArchiveError: With the entry and what is wrong with it.
    """
    suspect: set[str] = set()
    if len(zf.infolist()) > MAX_ZIP_ENTRIES:
        raise InputLimitError(
            f"{path.name} lists {len(zf.infolist()):,} files, more than the "
            f"{MAX_ZIP_ENTRIES:,} any chat export holds. It was refused as damaged or crafted."
        )
    total = 0
    for info in zf.infolist():
        name = info.filename
        pure = PurePosixPath(name.replace("\\", "/"))
        if (
            name.startswith(("/", "\\"))
            or pure.is_absolute()
            or ".." in pure.parts
            or (len(name) > 1 and name[1] == ":")
        ):
            raise UnsafeArchiveError(
                f"{path.name} contains an entry ({name!r}) that points outside the archive. "
                "Exports never do this; the file may have been tampered with, so it was not "
                "imported. Ask for a fresh export."
            )
        total += info.file_size
        if _too_compressed(info):
            if not per_entry:
                raise _bomb(path, info)
            suspect.add(name)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnsafeArchiveError(
            f"{path.name} would unpack to {total:,} bytes, more than any chat export. "
            "It was not imported."
        )
    return frozenset(suspect)


class ExportTree:
    """The files of an export, named by POSIX relative path, whatever it is stored in."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._suspect: frozenset[str] = frozenset()
        if path.is_dir():
            self.kind = "folder"
            self._names = sorted(
                p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()
            )
        elif zipfile.is_zipfile(path):
            self.kind = "zip"
            check_zip_directory(path)  # before zipfile builds an entry for every listed file
            try:
                self._zip = zipfile.ZipFile(path)
                self._suspect = check_zip(path, self._zip, per_entry=True)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
                raise _bad_zip(path, exc) from exc
            self._names = sorted(
                i.filename
                for i in self._zip.infolist()
                if not i.is_dir() and not i.filename.startswith("__MACOSX/")
            )
        else:
            self.kind = "file"
            self._names = [path.name]

    def names(self) -> list[str]:
        """Every file in the export (``__MACOSX`` junk left out)."""
        return list(self._names)

    def size(self, name: str) -> int:
        """Uncompressed size of one file."""
        if self._zip is not None:
            return self._zip.getinfo(name).file_size
        return self._file(name).stat().st_size

    def _file(self, name: str) -> Path:
        if self.kind == "file":
            return self.path
        return self.path / name

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        """Open one file for binary reading.

        Raises:
            UnsafeArchiveError: The zip entry is damaged or would unpack absurdly large.
            ImportFormatError: The file vanished or cannot be read.
        """
        if self._zip is not None:
            if name in self._suspect:
                raise _bomb(self.path, self._zip.getinfo(name))
            try:
                with self._zip.open(name) as handle:
                    yield handle
            except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
                raise _bad_zip(self.path, exc) from exc
            return
        try:
            handle = self._file(name).open("rb")
        except OSError as exc:
            raise ImportFormatError(
                f"{name} could not be read ({exc.strerror}). Check that the file is still there "
                "and that you can open it, then import again."
            ) from exc
        with handle:
            yield handle

    def read_bytes(self, name: str) -> bytes:
        """Read one whole file.

        Raises:
            InputLimitError: The file is too large to read at once.
        """
        check_whole_read(name, self.size(name))
        with self.open(name) as handle:
            data = handle.read()
        return data

    def head(self, name: str, size: int = SNIFF_BYTES) -> bytes:
        """The first bytes of one file, for sniffing."""
        with self.open(name) as handle:
            return handle.read(size)

    def close(self) -> None:
        """Release the zip file handle."""
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> ExportTree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


REFUSALS = (UnsafeArchiveError, InputLimitError)
"""Errors that refuse an input whatever its platform: sniffing passes them on."""


def safe_tree(path: Path) -> ExportTree | None:
    """Open an export tree for sniffing; None when it is not readable as an export.

    Raises:
        UnsafeArchiveError, InputLimitError: The input is hostile (its real reason is shown,
            not "not a recognised export").
    """
    try:
        return ExportTree(path)
    except REFUSALS:
        raise
    except (ImportFormatError, OSError):
        return None


def sniff_tree(path: Path, test: Callable[[ExportTree], bool]) -> bool:
    """Open `path` safely and apply an importer's `test` to it; never raises.

    Sniffing only chooses an importer: a file that cannot be opened or read is simply not
    that importer's format, and the real error is reported when the file is read. A hostile
    input (a zip bomb, nesting or sizes past the limits) is refused at once with its reason.

    Raises:
        UnsafeArchiveError, InputLimitError: The input is hostile.
    """
    tree = safe_tree(path)
    if tree is None:
        return False
    try:
        with tree:
            return test(tree)
    except REFUSALS:
        raise
    except Exception:  # sniffing must never fail the choice of importer on a normal file
        return False


def looks_binary(data: bytes) -> bool:
    """Whether bytes look like a binary file rather than text (NUL bytes, control noise)."""
    if not data:
        return False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NULs by design
    if b"\0" in data:
        return True
    controls = sum(1 for b in data if b < 9 or 13 < b < 32)
    return controls > len(data) // 100


def decode_text(data: bytes, name: str) -> str:
    """Decode an export's text strictly: UTF-8 (with or without BOM) or BOM-marked UTF-16.

    Raises:
        ImportFormatError: The bytes are binary or not valid text in those encodings.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _undecodable(name, exc) from exc
    if looks_binary(data[:SNIFF_BYTES]):
        raise ImportFormatError(
            f"{name} is a binary file, not a chat export. Check you picked the exported "
            "chat file (for WhatsApp, the .txt or .zip the app shared)."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _undecodable(name, exc) from exc


def _undecodable(name: str, exc: UnicodeDecodeError) -> ImportFormatError:
    line = exc.object[: exc.start].count(b"\n") + 1 if isinstance(exc.object, bytes) else 0
    return ImportFormatError(
        f"{name} line {line:,} has bytes that are not valid UTF-8 text, so the file is not an "
        "unchanged chat export (it may have been re-saved by another program). Export the chat "
        "again from the app and import that file."
    )


def text_stream(handle: IO[bytes]) -> io.TextIOWrapper:
    """A strict UTF-8 text view of a binary stream that keeps the original line endings."""
    return io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
