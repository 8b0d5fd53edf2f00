"""Attachment files inside an RSMF e-mail: the rsmf.zip within the .rsmf file.

A bare rsmf.zip or a folder holds its attachment files as plain export entries, found by name.
An ``.rsmf`` e-mail holds them inside the base64 ``rsmf.zip`` part, so the importer names each
with a locator (`inner_locator`: which e-mail, which file), and when the import keeps files,
`read_inner` opens each e-mail's zip once and hands the wanted files back one at a time, each
with its size first so the caller can refuse an oversized one without reading it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator, Set
from functools import partial
from pathlib import Path
from typing import Final

from sar_desk.core.errors import ImportFormatError, UnsafeArchiveError
from sar_desk.importers.archive import ExportTree, check_zip

PREFIX: Final = "rsmf-file:"

Inner = tuple[str, int, Callable[[], bytes]]
"""(locator, uncompressed size, read the bytes) of one file inside an RSMF e-mail."""


def inner_locator(member: str, file_id: str) -> str:
    """Where an attachment is: the RSMF e-mail in the export, and its name in the rsmf.zip."""
    return f"{PREFIX}{member}#{file_id}"


def is_inner(path: str | None) -> bool:
    """Whether an attachment path points inside an RSMF e-mail."""
    return bool(path) and str(path).startswith(PREFIX)


def _split(locator: str) -> tuple[str, str]:
    member, _, file_id = locator[len(PREFIX) :].partition("#")
    return member, file_id


def read_inner(export: Path, wanted: Set[str]) -> Iterator[Inner]:
    """Each wanted file that can be found again (a missing one is simply not yielded)."""
    from sar_desk.importers.rsmf import zip_of_email

    by_member: dict[str, list[str]] = {}
    for locator in sorted(wanted):
        member, file_id = _split(locator)
        by_member.setdefault(member, []).append(file_id)
    try:
        with ExportTree(export) as tree:
            for member, ids in by_member.items():
                if member not in tree.names():
                    continue
                data, _ = zip_of_email(tree, member)
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    check_zip(Path(member), archive)  # the same bomb checks as at import
                    names = set(archive.namelist())
                    for file_id in ids:
                        if file_id in names:
                            info = archive.getinfo(file_id)
                            yield (
                                inner_locator(member, file_id),
                                info.file_size,
                                partial(archive.read, file_id),
                            )
    except (ImportFormatError, UnsafeArchiveError, zipfile.BadZipFile, OSError, EOFError):
        return  # the export changed or broke since the import read it: the rest are missing
