"""The encrypted side of a case folder: its key file, and files kept sealed or plain.

`CaseFolder` inherits these methods. Code that keeps a file in the case (originals, masters,
attachments) calls `write_file` / `keep_file` / `open_file` and never asks whether the case
is encrypted: in an encrypted case the file is sealed (`store.sealed_files`) under a name that
says nothing about its content, in a plain case it is written as it is.

Plain copies that an encrypted case needs for a moment (an import's copy before it is
parsed, a master before it is sealed) live in `scratch()`, a private folder outside the case
folder that is shredded when the block ends, so no plain byte is ever written inside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from sar_desk.core.errors import BadInputError
from sar_desk.store import case_keys, sealed_files
from sar_desk.store.disposal import shred_file

_KEY_FILE = "case.key"
_SEALED = ".sealed"
_PRIVATE_FILE = 0o600


class SealedParts:
    """Key file and sealed-file handling of a case folder (mixed into `CaseFolder`)."""

    root: Path

    @property
    def key_file(self) -> Path:
        """The wrapped case key (only in an encrypted case)."""
        return self.root / _KEY_FILE

    def is_encrypted(self) -> bool:
        """Whether this case is encrypted (it has a key file)."""
        return self.key_file.exists()

    def database_key(self) -> str | None:
        """The SQLCipher key of an encrypted case (asking for its passphrase), else None.

        Raises:
            CaseLockedError: No passphrase, or a wrong one.
        """
        if not self.is_encrypted():
            return None
        return case_keys.database_key(case_keys.case_key(self.key_file))

    def check_outside(self, path: Path) -> None:
        """Refuse to write plain output (a bundle and its working files) into an encrypted case.

        Raises:
            BadInputError: The case is encrypted and `path` is inside its folder.
        """
        root = self.root.resolve()
        if self.is_encrypted() and (path.resolve() == root or root in path.resolve().parents):
            raise BadInputError(
                f"{path} is inside the encrypted case, which holds nothing in plain. Choose a "
                "folder outside the case for the bundle."
            )

    def forget_key(self) -> None:
        """Drop this case's unlocked key from the process (after a purge)."""
        case_keys.forget(self.root)

    def _files_key(self) -> bytes:
        return case_keys.files_key(case_keys.case_key(self.key_file))

    def kept_name(self, name: str) -> str:
        """The name a kept file gets: in an encrypted case a digest (file names name people)."""
        if not self.is_encrypted():
            return name
        return hashlib.sha256(name.encode("utf-8")).hexdigest()[:32] + _SEALED

    def write_file(self, path: Path, data: bytes) -> None:
        """Write a file in the case: sealed in an encrypted case, private in both."""
        if self.is_encrypted():
            sealed_files.write(path, data, self._files_key())
            return
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _PRIVATE_FILE)
        with os.fdopen(fd, "wb") as out:
            out.write(data)

    def keep_file(self, source: Path, path: Path) -> None:
        """Copy a plain file (or, zipped, a folder) into the case at `path` (sealed if encrypted).

        A plain case keeps the file or folder as it is (moved).
        """
        if not self.is_encrypted():
            os.replace(source, path)
            return
        if source.is_dir():
            with self.scratch() as tmp:
                zipped = Path(shutil.make_archive(str(tmp / "folder"), "zip", source))
                sealed_files.seal_file(zipped, path, self._files_key())
            return
        sealed_files.seal_file(source, path, self._files_key())

    def open_file(self, path: Path) -> BinaryIO:
        """Read a file kept in the case (unsealed as it is read in an encrypted case).

        Raises:
            CaseDamagedError: A sealed file was changed or cut short.
        """
        if self.is_encrypted() and sealed_files.is_sealed(path):
            return sealed_files.open_sealed(path, self._files_key())
        return path.open("rb")

    def read_file(self, path: Path) -> bytes:
        """The whole content of a file kept in the case."""
        with self.open_file(path) as handle:
            return handle.read()

    @contextmanager
    def scratch(self) -> Iterator[Path]:
        """A private working folder: inside the case if plain, outside it if encrypted.

        An encrypted case's plain working copies stay out of its folder; every file is
        overwritten before it is deleted when the block ends.
        """
        base = None if self.is_encrypted() else self.root
        folder = Path(tempfile.mkdtemp(prefix=".scratch-", dir=base))
        try:
            yield folder
        finally:
            for sub in [folder, *folder.rglob("*")]:
                if sub.is_dir() and not sub.is_symlink():
                    sub.chmod(0o700)  # a read-only copied folder must let us unlink
            for leftover in sorted(folder.rglob("*"), key=lambda p: -len(p.parts)):
                if leftover.is_dir() and not leftover.is_symlink():
                    leftover.rmdir()
                else:
                    shred_file(leftover)
            folder.rmdir()

    @contextmanager
    def staged(self, dest: Path) -> Iterator[Path]:
        """Where to write plain files that end up under `dest` in the case (e.g. a master).

        A plain case writes straight into `dest`; an encrypted one writes into `scratch()`
        and the files are sealed into `dest` when the block ends without an error.
        """
        if not self.is_encrypted():
            yield dest
            return
        with self.scratch() as outside:
            yield outside
            self.keep_tree(outside, dest)

    def keep_tree(self, source: Path, dest: Path) -> None:
        """Keep every file of a plain folder in the case under `dest` (sealed if encrypted)."""
        dest.mkdir(mode=0o700, parents=True, exist_ok=True)
        for item in sorted(source.rglob("*")):
            target = dest / item.relative_to(source)
            if item.is_dir():
                target.mkdir(mode=0o700, exist_ok=True)
            elif self.is_encrypted():
                sealed_files.seal_file(item, target, self._files_key())
            else:
                shutil.copy2(item, target)
