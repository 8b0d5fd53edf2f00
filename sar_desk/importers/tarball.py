"""Read-only access to a ``.tar`` export (Skype's "Export files and chat history") as a tree.

Nothing is extracted: members are streamed, so a member name with ``..`` cannot escape, and
only regular files are listed (links and devices in a hostile tar are ignored). Damaged or
cut-short archives are refused with one sentence.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.importers.archive import ExportTree, safe_tree

MAX_MEMBERS = 1_000_000


def is_tar(path: Path) -> bool:
    """Whether `path` is a file that opens as a tar archive (never raises)."""
    try:
        # Checked after zip: tarfile accepts some zips, and a zip is never a Skype tar.
        return path.is_file() and not zipfile.is_zipfile(path) and tarfile.is_tarfile(path)
    except (OSError, ValueError):
        return False


def _damaged(path: Path, exc: Exception) -> UnsafeArchiveError:
    return UnsafeArchiveError(
        f"{path.name} is not a complete tar archive ({exc}). It may have been cut short while "
        "downloading; download the export again and import the new file."
    )


class TarTree(ExportTree):
    """The regular files of a tar archive, by member name, behind the `ExportTree` interface."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip = None
        self.kind = "tar"
        self._members: dict[str, tarfile.TarInfo] = {}
        try:
            # Kept open for the tree's life and closed by close(), like ExportTree's zip.
            self._tar = tarfile.open(path, "r:*")  # noqa: SIM115
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise _damaged(path, exc) from exc
        try:
            for count, member in enumerate(self._tar, 1):
                if count > MAX_MEMBERS:
                    raise UnsafeArchiveError(
                        f"{path.name} holds more than {MAX_MEMBERS:,} files, far more than a chat "
                        "export; it was not imported."
                    )
                if member.isfile():
                    self._members[member.name.removeprefix("./")] = member
        except (tarfile.TarError, EOFError, OSError) as exc:
            self._tar.close()
            raise _damaged(path, exc) from exc
        except UnsafeArchiveError:
            self._tar.close()
            raise
        self._names = sorted(self._members)

    def size(self, name: str) -> int:
        """Size of one member."""
        return self._members[name].size

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        """Stream one member.

        Raises:
            UnsafeArchiveError: The member cannot be read (damaged archive).
        """
        try:
            handle = self._tar.extractfile(self._members[name])
        except (tarfile.TarError, EOFError, OSError, KeyError) as exc:
            raise _damaged(self.path, exc) from exc
        if handle is None:
            raise ImportFormatError(f"{name} in {self.path.name} is not a regular file.")
        with handle:
            try:
                yield handle
            except (tarfile.TarError, EOFError) as exc:
                raise _damaged(self.path, exc) from exc

    def close(self) -> None:
        """Release the archive."""
        self._tar.close()


def open_tree(path: Path) -> ExportTree:
    """A tree over a tar archive, a zip, a folder or a single file.

    Raises:
        UnsafeArchiveError: A damaged or unsafe archive.
        ImportFormatError: The path cannot be read.
    """
    return TarTree(path) if is_tar(path) else ExportTree(path)


def safe_open_tree(path: Path) -> ExportTree | None:
    """`open_tree` for sniffing: None instead of an error."""
    if is_tar(path):
        try:
            return TarTree(path)
        except (ImportFormatError, OSError):
            return None
    return safe_tree(path)
